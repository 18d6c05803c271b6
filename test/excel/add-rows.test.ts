/**
 * Rows added through the pane: inside the tables, formatted like their neighbours, merges
 * and totals still right, the form still read and checked clean.
 */
import { newHost, issueKeysOf, ownedFills, type TestHost } from './support/memory-host';

const DEPARTMENT = '部门整体支出绩效目标';
const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F'];

async function withDepartmentSample(): Promise<TestHost> {
  const t = newHost();
  await t.host.start();
  await t.host.insert({ template: 'department', year: 2022, withSample: true });
  await t.settle();
  return t;
}

function rowFormats(t: TestHost, row: number, columns = COLUMNS) {
  return columns.map((column) => {
    const cell = t.memory.inspect.cell(DEPARTMENT, `${column}${row}`);
    return { column, numberFormat: cell.numberFormat, format: cell.format };
  });
}

describe('addTaskRow', () => {
  test('a row before 金额合计, formatted as the last task, counted by the totals, in at most 2 round trips', async () => {
    const t = await withDepartmentSample();
    const lastTask = rowFormats(t, 17, ['B', 'C', 'D', 'E', 'F']);
    const warningsBefore = issueKeysOf(t.host.lastCheck()).sort();
    t.memory.resetSyncCount();
    await t.host.addTaskRow(DEPARTMENT);
    expect(t.memory.syncCount).toBeLessThanOrEqual(2);
    await t.settle();

    expect(t.memory.inspect.cell(DEPARTMENT, 'B19').value).toBe('金额合计');
    expect(t.memory.inspect.cell(DEPARTMENT, 'E19').formula).toBe('=SUM(E14:E18)');
    expect(t.memory.inspect.cell(DEPARTMENT, 'F19').formula).toBe('=SUM(F14:F18)');
    expect(rowFormats(t, 18, ['B', 'C', 'D', 'E', 'F'])).toEqual(lastTask);
    const merges = t.memory.inspect.merges(DEPARTMENT);
    expect(merges).toEqual(expect.arrayContaining(['A12:A19', 'C18:D18', 'C19:D19']));

    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
    // The warnings below the new row moved down by one; none came or went.
    expect(issueKeysOf(t.host.lastCheck()).length).toBe(warningsBefore.length);

    t.memory.user.paste(DEPARTMENT, 'B18', [['宣传活动', '印制宣传册', null, 1, 1]]);
    await t.settle();
    expect(t.memory.inspect.cell(DEPARTMENT, 'E19').value).toBeCloseTo(39.87, 6);
    const tasks = t.host.lastCheck()?.result.forms[0].form.tasks ?? [];
    expect(tasks.map((task) => task.name.value)).toContain('宣传活动');
  });

  test('a source cell without fill gives a new cell without fill (ExcelApi 1.9 tells it from white)', async () => {
    const t = await withDepartmentSample();
    t.memory.user.setFormat(DEPARTMENT, 'E17', { fill: null });
    t.memory.user.setFormat(DEPARTMENT, 'F17', { fill: '#E2EFDA' });
    await t.settle();
    await t.host.addTaskRow(DEPARTMENT);
    expect(t.memory.inspect.cell(DEPARTMENT, 'E18').format.fill).toBeNull();
    expect(t.memory.inspect.cell(DEPARTMENT, 'F18').format.fill).toBe('#E2EFDA');
  });
});

describe('addIndicatorRow', () => {
  test('at the end of 完成指标/数量指标: the 二级 merge is extended, the 一级 and section merges grow', async () => {
    const t = await withDepartmentSample();
    const source = rowFormats(t, 24, ['D', 'E', 'F']);
    await t.host.addIndicatorRow(DEPARTMENT, '完成指标', '数量指标');
    await t.settle();
    const merges = t.memory.inspect.merges(DEPARTMENT);
    expect(merges).toEqual(expect.arrayContaining(['C21:C25', 'B21:B31', 'A20:A34', 'E25:F25', 'C26:C29']));
    expect(rowFormats(t, 25, ['D', 'E', 'F'])).toEqual(source);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);

    t.memory.user.paste(DEPARTMENT, 'D25', [['开展侨情调查。', '1次']]);
    await t.settle();
    const form = t.host.lastCheck()?.result.forms[0].form;
    const added = form?.indicators.find((row) => row.level3.value === '开展侨情调查。');
    expect(added && [added.level1.value, added.level2.value, added.value.value]).toEqual(['完成指标', '数量指标', '1次']);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
  });

  test.each([
    ['产出指标', '数量指标', 'C21:C25'],
    ['满意度指标', '服务对象满意度指标', 'A20:A34'],
  ])('names the form writes otherwise (%s/%s) find their group on the form', async (level1, level2, grownMerge) => {
    const t = await withDepartmentSample();
    const rowsNamed = () => (t.host.lastCheck()?.result.forms[0].form.indicators ?? []).filter((row) => row.level1.value === level1).length;
    expect(rowsNamed()).toBe(0);
    await t.host.addIndicatorRow(DEPARTMENT, level1, level2);
    await t.settle();
    expect(t.memory.inspect.merges(DEPARTMENT)).toEqual(expect.arrayContaining([grownMerge]));
    // Joined the form's own group: no new group written under the requested names.
    expect(rowsNamed()).toBe(0);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
  });

  test('the last group of the table: the section label’s merge is extended', async () => {
    const t = await withDepartmentSample();
    await t.host.addIndicatorRow(DEPARTMENT, '社会公众或服务对象满意度', null);
    await t.settle();
    expect(t.memory.inspect.merges(DEPARTMENT)).toEqual(expect.arrayContaining(['A20:A34', 'E34:F34']));
    expect(t.memory.inspect.cell(DEPARTMENT, 'A35').value).toBe('预算部门、财政部门审核意见');
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
  });

  test('a group the table lacks: a new row after the table with its names', async () => {
    const t = await withDepartmentSample();
    await t.host.addIndicatorRow(DEPARTMENT, '成本指标', '经济成本指标');
    await t.settle();
    expect(t.memory.inspect.cell(DEPARTMENT, 'B34').value).toBe('成本指标');
    expect(t.memory.inspect.cell(DEPARTMENT, 'C34').value).toBe('经济成本指标');
    const form = t.host.lastCheck()?.result.forms[0].form;
    expect(form?.indicators.some((row) => row.level1.value === '成本指标' && row.level2.value === '经济成本指标')).toBe(true);
  });

  test('a sheet without a form: not_a_form, nothing changed', async () => {
    const t = await withDepartmentSample();
    await expect(t.host.addTaskRow('Sheet1')).rejects.toMatchObject({ problem: { code: 'not_a_form' } });
    expect(t.memory.inspect.usedRange('Sheet1')).toBeNull();
  });
});

describe('addIndicatorRow on indicator sets side by side (the national form: 中期 left, 年度 right, shared rows)', () => {
  const NATIONAL = '项目支出绩效目标';

  async function withNationalSample(): Promise<TestHost> {
    const t = newHost();
    await t.host.start();
    await t.host.insert({ template: 'national-project', year: 2024, withSample: true });
    await t.settle();
    return t;
  }

  const readForm = (t: TestHost) => t.host.lastCheck()?.result.forms[0].form;
  const setOf = (t: TestHost, period: 'midTerm' | undefined) => (readForm(t)?.indicators ?? []).filter((row) => row.period === period).map((row) => [row.level1.value, row.level2.value, row.level3.value, row.value.value]);

  test('a row added to the 年度 set is blank in the 中期 set, whose rows, merges and findings stay as they were', async () => {
    const t = await withNationalSample();
    const midTermBefore = setOf(t, 'midTerm');
    const annualBefore = setOf(t, undefined);
    // 年度 产出/质量指标 is row 15 alone; 中期 产出 (B13:B15) ends right above the new row 16.
    await t.host.addIndicatorRow(NATIONAL, '产出指标', '质量指标');
    await t.settle();
    const merges = t.memory.inspect.merges(NATIONAL);
    // 年度: its 一级 grows over the new row, its one-row 二级 is merged down. 中期: its 产出 一级 is not extended.
    expect(merges).toEqual(expect.arrayContaining(['F13:F17', 'G15:G16', 'B13:B15', 'A11:A20']));
    expect(merges).not.toContain('B13:B16');
    expect(t.memory.inspect.selection()).toEqual({ sheet: NATIONAL, address: 'H16' });
    expect(setOf(t, 'midTerm')).toEqual(midTermBefore);
    expect(setOf(t, undefined)).toEqual(annualBefore);
    expect(issueKeysOf(t.host.lastCheck())).toEqual([]);

    t.memory.user.paste(NATIONAL, 'H16', [['管网漏损率', '≤12%']]);
    await t.settle();
    const added = readForm(t)?.indicators.find((row) => row.level3.value === '管网漏损率');
    expect(added && [added.period, added.level1.value, added.level2.value]).toEqual([undefined, '产出指标', '质量指标']);
    expect(setOf(t, 'midTerm')).toEqual(midTermBefore);
    expect(issueKeysOf(t.host.lastCheck())).toEqual([]);
  });

  test('a group the 年度 set lacks: a row after the set with its names on the 年度 half, the 中期 half blank', async () => {
    const t = await withNationalSample();
    const midTermBefore = setOf(t, 'midTerm');
    await t.host.addIndicatorRow(NATIONAL, '效益指标', '经济效益指标');
    await t.settle();
    expect(['F20', 'G20', 'B20', 'C20'].map((cell) => t.memory.inspect.cell(NATIONAL, cell).value)).toEqual(['效益指标', '经济效益指标', '', '']);
    expect(t.memory.inspect.merges(NATIONAL)).toEqual(expect.arrayContaining(['A11:A20']));
    expect(setOf(t, 'midTerm')).toEqual(midTermBefore);
  });
});

describe('highlights and fixes on the national form, side by side', () => {
  const NATIONAL = '项目支出绩效目标';

  test('a finding in the 年度 half colours its own cell, and a sum’s fix writes the 年度 figure', async () => {
    const t = newHost();
    await t.host.start();
    await t.host.insert({ template: 'national-project', year: 2024, withSample: true });
    await t.settle();
    t.memory.user.type(NATIONAL, 'I13', '若干');
    await t.settle();
    // The value and its 三级, on the right half only.
    expect(Object.fromEntries(ownedFills(t.memory, NATIONAL))).toEqual({ H13: expect.any(String), I13: expect.any(String) });
    // 年度资金总额 456.5 = 396.5 + 60: a 财政拨款 typed in 元 (3965000) is converted back.
    t.memory.user.type(NATIONAL, 'H7', '3965000');
    await t.settle();
    const issue = t.host.lastCheck()?.result.forms[0].issues.find((candidate) => candidate.code === 'amount_in_yuan');
    expect(issue?.fix).toEqual({ cell: 'H7', value: 396.5 });
    if (issue?.fix) await t.host.applyFix(NATIONAL, issue.fix);
    await t.settle();
    expect(t.memory.inspect.cell(NATIONAL, 'H7').value).toBe(396.5);
    expect(issueKeysOf(t.host.lastCheck())).toEqual([`${NATIONAL}!indicator_unquantified@I13`]);
  });
});

describe('indicatorRowTarget, by period', () => {
  test('the 中期 set: its own group, the 年度 columns kept', async () => {
    const { indicatorRowTarget } = await import('../../src/excel/add-rows');
    const { buildLayoutPlan, planToSnapshot } = await import('../../src/core');
    const snapshot = planToSnapshot(buildLayoutPlan('national-project', { year: 2024, withSample: true }));
    const midTerm = indicatorRowTarget(snapshot, '效益指标', '可持续影响指标', 'midTerm');
    const annual = indicatorRowTarget(snapshot, '效益指标', '可持续影响指标');
    // 中期 可持续影响 is row 17, 年度 row 18 (1-based): each set's own group, the other's columns kept.
    expect([midTerm.insertAt, midTerm.selectCol, midTerm.keepCols]).toEqual([17, 3, [5, 6, 7, 8]]);
    expect([annual.insertAt, annual.selectCol, annual.keepCols]).toEqual([18, 7, [1, 2, 3, 4]]);
  });
});
