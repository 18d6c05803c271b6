/**
 * Forms are found by their labels, however they came into the workbook: typed (or pasted)
 * by hand without any format or merge, on a sheet added by the user, or read without merges
 * on older Excel.
 */
import { buildLayoutPlan } from '../../src/core/layout/build-layout-plan';
import { planToSnapshot } from '../../src/core/layout/plan-to-snapshot';
import { cellAt } from '../../src/core/grid/grid';
import type { TypedValue } from '../../src/office-memory';
import { newHost, issueKeysOf } from './support/memory-host';

/** The sample form as plain values, the way a user pastes it from another file. */
function sampleValues(template: 'department' | 'project'): TypedValue[][] {
  const snapshot = planToSnapshot(buildLayoutPlan(template, { year: 2022, withSample: true }));
  const width = Math.max(...snapshot.rows.map((row) => row?.length ?? 0));
  return snapshot.rows.map((_, row) =>
    Array.from({ length: width }, (_, col) => {
      const cell = cellAt(snapshot, row, col);
      return cell.formula ?? cell.value;
    }),
  );
}

describe('recognising forms', () => {
  test.each(['1.17', '1.12', '1.8'])('forms pasted by hand without formats or merges (ExcelApi %s) are found and checked', async (version) => {
    const t = newHost({}, version);
    t.memory.user.paste('Sheet1', 'A1', sampleValues('department'));
    const projectSheet = t.memory.user.addSheet('项目表');
    t.memory.user.paste(projectSheet, 'A1', sampleValues('project'));
    await t.host.start();
    const forms = t.host.lastCheck()?.result.forms.map((form) => [form.form.sheet, form.form.template]);
    expect(forms).toEqual([
      ['Sheet1', 'department'],
      [projectSheet, 'project'],
    ]);
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
  });

  test('a sheet the user adds after start is listened to (ExcelApi 1.8: one handler per sheet)', async () => {
    const t = newHost({}, '1.8');
    await t.host.start();
    const added = t.memory.user.addSheet('手工录入');
    await t.settle();
    t.memory.user.paste(added, 'A1', sampleValues('project'));
    await t.settle();
    expect(t.host.lastCheck()?.result.forms.map((form) => form.form.sheet)).toEqual([added]);
    t.memory.user.type(added, 'D6', '40');
    await t.settle();
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([`${added}!sum_mismatch@D6`]);
  });

  test('ExcelApi 1.12 (merges not read): an indicator row still joins its group', async () => {
    const t = newHost({}, '1.12');
    await t.host.start();
    const { sheet } = await t.host.insert({ template: 'department', year: 2022, withSample: true });
    await t.settle();
    await t.host.addIndicatorRow(sheet, '完成指标', '数量指标');
    await t.settle();
    t.memory.user.paste(sheet, 'D25', [['开展侨情调查。', '1次']]);
    await t.settle();
    const added = t.host.lastCheck()?.result.forms[0].form.indicators.find((row) => row.level3.value === '开展侨情调查。');
    expect(added && [added.level1.value, added.level2.value]).toEqual(['完成指标', '数量指标']);
    expect(t.memory.inspect.merges(sheet)).toEqual(expect.arrayContaining(['C21:C25']));
    expect(issueKeysOf(t.host.lastCheck(), 'error')).toEqual([]);
  });
});
