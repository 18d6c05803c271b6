/**
 * Rows added through the pane in WPS: inside the tables, formatted like their neighbours,
 * merges and totals as the Excel host leaves them, the form still read and checked the same.
 */
import { newHost, issueKeysOf, type TestHost } from '../excel/support/memory-host';
import { newWpsHost, type WpsTestHost } from './support/wps-host';
import type { TemplateId } from '../../src/core/templates/template';

const DEPARTMENT = '部门整体支出绩效目标';
const COLUMNS = ['B', 'C', 'D', 'E', 'F'];

async function both(template: TemplateId = 'department'): Promise<{ wps: WpsTestHost; excel: TestHost; sheet: string }> {
  const wps = newWpsHost();
  const excel = newHost();
  let sheet = '';
  for (const t of [wps, excel]) {
    await t.host.start();
    sheet = (await t.host.insert({ template, year: 2022, withSample: true })).sheet;
    await t.settle();
  }
  return { wps, excel, sheet };
}

function rowFormats(t: WpsTestHost, row: number) {
  return COLUMNS.map((column) => ({ column, format: t.wps.inspect.cell(DEPARTMENT, `${column}${row}`).format }));
}

/** After a recheck (which reads everything back), both hosts see the same forms and issues. */
async function expectSameForms(wps: WpsTestHost, excel: TestHost, sheet = DEPARTMENT): Promise<void> {
  await wps.host.recheck();
  await excel.host.recheck();
  await Promise.all([wps.settle(), excel.settle()]);
  expect(wps.host.lastCheck()?.result.forms.map((form) => form.form)).toEqual(excel.host.lastCheck()?.result.forms.map((form) => form.form));
  expect(issueKeysOf(wps.host.lastCheck())).toEqual(issueKeysOf(excel.host.lastCheck()));
  expect(wps.wps.inspect.merges(sheet).sort()).toEqual(excel.memory.inspect.merges(sheet).sort());
}

describe('WPS host: rows added through the pane', () => {
  test('a task row before 金额合计, formatted as the last task, counted by the totals', async () => {
    const { wps, excel } = await both();
    const lastTask = rowFormats(wps, 17);
    await wps.host.addTaskRow(DEPARTMENT);
    await excel.host.addTaskRow(DEPARTMENT);
    await Promise.all([wps.settle(), excel.settle()]);
    expect(wps.wps.inspect.cell(DEPARTMENT, 'B19').value).toBe('金额合计');
    expect(wps.wps.inspect.cell(DEPARTMENT, 'E19').formula).toBe('=SUM(E14:E18)');
    expect(wps.wps.inspect.cell(DEPARTMENT, 'F19').formula).toBe('=SUM(F14:F18)');
    expect(rowFormats(wps, 18)).toEqual(lastTask);
    expect(wps.wps.inspect.merges(DEPARTMENT)).toEqual(expect.arrayContaining(['A12:A19', 'C18:D18', 'C19:D19']));
    expect(issueKeysOf(wps.host.lastCheck(), 'error')).toEqual([]);
    await expectSameForms(wps, excel);
  });

  test.each([
    ['an existing group', '产出指标', '数量指标'],
    ['a one-row group', '产出指标', '时效指标'],
    ['a group the table lacks', '满意度指标', '服务对象满意度指标'],
  ])('an indicator row in %s, as the Excel host adds it', async (_label, level1, level2) => {
    const { wps, excel } = await both();
    await wps.host.addIndicatorRow(DEPARTMENT, level1, level2);
    await excel.host.addIndicatorRow(DEPARTMENT, level1, level2);
    await Promise.all([wps.settle(), excel.settle()]);
    expect(wps.problems).toEqual([]);
    await expectSameForms(wps, excel);
  });

  test.each([
    ['产出指标', '数量指标'],
    ['满意度指标', '服务对象满意度指标'],
  ])('the national project form’s sets side by side: an indicator row in %s / %s, as the Excel host adds it', async (level1, level2) => {
    const { wps, excel, sheet } = await both('national-project');
    await wps.host.addIndicatorRow(sheet, level1, level2);
    await excel.host.addIndicatorRow(sheet, level1, level2);
    await Promise.all([wps.settle(), excel.settle()]);
    expect(wps.problems).toEqual([]);
    await expectSameForms(wps, excel, sheet);
  });

  test('a protected sheet takes no row: the pane is told so', async () => {
    const { wps } = await both();
    wps.wps.user.protectSheet(DEPARTMENT, true);
    await expect(wps.host.addTaskRow(DEPARTMENT)).rejects.toMatchObject({ problem: { code: 'protected_sheet', params: { sheet: DEPARTMENT } } });
  });

  test('a sheet that is gone is named', async () => {
    const { wps } = await both();
    await expect(wps.host.addTaskRow('没有的表')).rejects.toMatchObject({ problem: { code: 'sheet_not_found' } });
  });
});
