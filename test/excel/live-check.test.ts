/**
 * The live check as a user meets it: type, see the cells highlighted, fix, see them clear —
 * with the round trips the benchmark counts.
 */
import { newHost, hostOver, issueKeysOf, ownedFills, type TestHost } from './support/memory-host';

const DEPARTMENT = '部门整体支出绩效目标';
const PROJECT = '项目绩效目标';
const ERROR_FILL = '#FFC7CE';
const WARNING_FILL = '#FFEB9C';

async function withDepartmentSample(): Promise<TestHost> {
  const t = newHost();
  await t.host.start();
  await t.host.insert({ template: 'department', year: 2022, withSample: true });
  await t.settle();
  return t;
}

function issuesAt(t: TestHost, code: string): string[][] {
  return (t.host.lastCheck()?.result.forms ?? []).flatMap((form) => form.issues.filter((issue) => issue.code === code).map((issue) => [...issue.cells]));
}

function fills(t: TestHost, sheet: string): Record<string, string | null> {
  return Object.fromEntries(ownedFills(t.memory, sheet));
}

function ownedFormats(t: TestHost, sheet: string) {
  return t.memory.inspect.conditionalFormats(sheet).filter((format) => format.formula.includes('perf-target-forms:'));
}

describe('live check', () => {
  test('a wrong 基本支出 is a sum_mismatch, highlighted red in at most 2 round trips; fixing it restores every format', async () => {
    const t = await withDepartmentSample();
    const looks = (cell: string) => {
      const { format, numberFormat, mergedArea } = t.memory.inspect.cell(DEPARTMENT, cell);
      return { format, numberFormat, mergedArea };
    };
    const before = ['D5', 'F7', 'F8'].map(looks);

    t.memory.resetSyncCount();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(t.memory.syncCount).toBeLessThanOrEqual(2);
    const mismatch = issuesAt(t, 'sum_mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toEqual(expect.arrayContaining(['D5', 'F7', 'F8']));
    // Only the cell to change is coloured (资金总额 agrees with the income parts: 基本支出 is at odds); the others are named in the pane.
    expect(mismatch[0][0]).toBe('F7');
    const highlighted = fills(t, DEPARTMENT);
    expect({ F7: highlighted.F7, D5: highlighted.D5, F8: highlighted.F8 }).toEqual({ F7: ERROR_FILL, D5: undefined, F8: undefined });
    expect(looks('F7')).toEqual(before[1]);

    t.memory.resetSyncCount();
    t.memory.user.type(DEPARTMENT, 'F7', '141.74');
    await t.settle();
    expect(t.memory.syncCount).toBeLessThanOrEqual(2);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
    const after = fills(t, DEPARTMENT);
    for (const cell of ['D5', 'F7', 'F8']) expect(after[cell]).toBeUndefined();
    expect(['D5', 'F7', 'F8'].map(looks)).toEqual(before);
    expect(Object.values(after).every((fill) => fill === WARNING_FILL)).toBe(true);
  });

  test('an edit that changes no issue costs one round trip and writes nothing', async () => {
    const t = await withDepartmentSample();
    const formatsBefore = ownedFormats(t, DEPARTMENT);
    const published = t.updates.length;
    t.memory.resetSyncCount();
    t.memory.user.type(DEPARTMENT, 'B4', '衡阳市侨联');
    await t.settle();
    expect(t.memory.syncCount).toBeLessThanOrEqual(1);
    expect(t.updates.length).toBe(published + 1);
    expect(ownedFormats(t, DEPARTMENT)).toEqual(formatsBefore);
  });

  test('at most one owned highlight per severity per sheet, over a multi-area range', async () => {
    const t = await withDepartmentSample();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    // A paste skips the amount cells' validation (as in Excel): text in a task's 总额.
    t.memory.user.paste(DEPARTMENT, 'E15', [['abc']]);
    await t.settle();
    const owned = ownedFormats(t, DEPARTMENT);
    expect(owned.filter((format) => format.formula === '=N("perf-target-forms:error")=0')).toHaveLength(1);
    expect(owned.filter((format) => format.formula === '=N("perf-target-forms:warning")=0')).toHaveLength(1);
    expect(owned.find((format) => format.formula.includes(':error'))?.ranges.length).toBeGreaterThan(1);
  });

  test('department and project forms: 项目支出 differing from the projects’ 资金总额 is a cross_form_mismatch until fixed', async () => {
    const t = await withDepartmentSample();
    await t.host.insert({ template: 'project', year: 2022, withSample: true });
    await t.settle();
    expect(issuesAt(t, 'cross_form_mismatch')).toEqual([]);

    t.memory.user.paste(PROJECT, 'D6', [[40], [40]]);
    await t.settle();
    expect(issuesAt(t, 'cross_form_mismatch')).toHaveLength(1);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
    const cross = t.host.lastCheck()?.result.forms.flatMap((form) => form.issues.filter((issue) => issue.code === 'cross_form_mismatch').map((issue) => ({ form: form.form.sheet, issue })))[0];
    const sheetOfFirst = cross?.issue.sheet ?? cross?.form;
    expect(fills(t, sheetOfFirst ?? '')[cross?.issue.cells[0] ?? '']).toBe(WARNING_FILL);

    t.memory.user.paste(PROJECT, 'D6', [[38.87], [38.87]]);
    await t.settle();
    expect(issuesAt(t, 'cross_form_mismatch')).toEqual([]);
  });

  test('a reopened workbook: a new host finds the forms and removes stale highlights of the earlier session', async () => {
    const t = await withDepartmentSample();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(Object.values(fills(t, DEPARTMENT))).toContain(ERROR_FILL);

    const reopened = t.memory.clone();
    // Fixed while the add-in was not running: the red is now a leftover.
    reopened.user.type(DEPARTMENT, 'F7', '141.74');
    const second = hostOver(reopened);
    await second.host.start();
    await second.settle();
    expect(second.host.lastCheck()?.result.forms.map((form) => form.form.template)).toEqual(['department']);
    expect(Object.values(fills(second, DEPARTMENT))).not.toContain(ERROR_FILL);
    expect(ownedFormats(second, DEPARTMENT).length).toBeLessThanOrEqual(2);

    await second.host.clearHighlights();
    expect(ownedFormats(second, DEPARTMENT)).toEqual([]);
    expect(fills(second, DEPARTMENT)).toEqual({});
  });

  test('a paste of 2,000 cells is one check, in at most 2 round trips', async () => {
    const t = await withDepartmentSample();
    const published = t.updates.length;
    t.memory.resetSyncCount();
    t.memory.user.paste('Sheet1', 'A1', Array.from({ length: 100 }, (_, r) => Array.from({ length: 20 }, (_, c) => r * 20 + c)));
    await t.settle();
    expect(t.updates.length).toBe(published + 1);
    expect(t.memory.syncCount).toBeLessThanOrEqual(2);
  });

  test('a row inserted by the user: at most 2 round trips, and the highlights move with the cells', async () => {
    const t = await withDepartmentSample();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    t.memory.resetSyncCount();
    t.memory.user.insertRows(DEPARTMENT, 3, 1);
    await t.settle();
    expect(t.memory.syncCount).toBeLessThanOrEqual(2);
    const mismatch = issuesAt(t, 'sum_mismatch');
    expect(mismatch[0]).toEqual(expect.arrayContaining(['D6', 'F8', 'F9']));
    const highlighted = fills(t, DEPARTMENT);
    expect([highlighted.F8, highlighted.D6, highlighted.F9]).toEqual([ERROR_FILL, undefined, undefined]);
    expect(highlighted.F7).toBeUndefined();

    t.memory.user.deleteRows(DEPARTMENT, 3, 1);
    await t.settle();
    expect(issuesAt(t, 'sum_mismatch')[0]).toEqual(expect.arrayContaining(['D5', 'F7', 'F8']));
    expect(fills(t, DEPARTMENT).F7).toBe(ERROR_FILL);
  });

  test('a renamed sheet and a deleted form sheet: the checks stay right', async () => {
    const t = await withDepartmentSample();
    await t.host.insert({ template: 'project', year: 2022, withSample: true });
    t.memory.user.paste(PROJECT, 'D6', [[40], [40]]);
    await t.settle();
    expect(issuesAt(t, 'cross_form_mismatch')).toHaveLength(1);

    // onNameChanged (ExcelApi 1.17): the new name is in the check at once.
    t.memory.user.renameSheet(PROJECT, '华侨事务');
    await t.settle();
    expect(t.host.lastCheck()?.result.forms.map((form) => form.form.sheet)).toEqual([DEPARTMENT, '华侨事务']);
    expect(issuesAt(t, 'cross_form_mismatch')).toHaveLength(1);

    t.memory.user.deleteSheet('华侨事务');
    await t.settle();
    expect(t.host.lastCheck()?.result.forms.map((form) => form.form.sheet)).toEqual([DEPARTMENT]);
    expect(issuesAt(t, 'cross_form_mismatch')).toEqual([]);
  });

  test('the add-in’s own writes start no checks: a quick fix is one write and one check', async () => {
    const t = await withDepartmentSample();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    const published = t.updates.length;
    t.memory.resetSyncCount();
    await t.host.applyFix(DEPARTMENT, { cell: 'F7', value: 141.74 });
    expect(t.memory.syncCount).toBe(1);
    await t.settle();
    expect(t.updates.length).toBe(published + 1);
    // The check that follows: one read, one write removing the red.
    expect(t.memory.syncCount).toBe(3);
    expect(t.memory.inspect.cell(DEPARTMENT, 'F7').value).toBe(141.74);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
  });

  test('setLiveChecking(false) stops reacting (highlights stay); true rechecks at once', async () => {
    const t = await withDepartmentSample();
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    await t.host.setLiveChecking(false);
    const published = t.updates.length;
    t.memory.user.type(DEPARTMENT, 'F7', '141.74');
    t.memory.user.type(DEPARTMENT, 'D5', '1');
    await t.settle();
    expect(t.updates.length).toBe(published);
    expect(fills(t, DEPARTMENT).F7).toBe(ERROR_FILL);

    await t.host.setLiveChecking(true);
    expect(t.updates.length).toBe(published + 1);
    expect(issuesAt(t, 'sum_mismatch').some((cells) => cells.includes('D5'))).toBe(true);
  });

  test('after dispose() the host no longer reacts to edits', async () => {
    const t = await withDepartmentSample();
    await t.host.dispose();
    const published = t.updates.length;
    t.memory.user.type(DEPARTMENT, 'F7', '141.70');
    await t.settle();
    expect(t.updates.length).toBe(published);
  });
});
