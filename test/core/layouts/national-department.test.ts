/**
 * The national department form (部门（单位）整体支出绩效目标申报表): the reference department
 * layout with a 其他资金 column in the 年度主要任务 table. It is read as the department layout,
 * which reads that column where a form has it (and never prints it); its amounts join the sums.
 */
import type { SheetSnapshot } from '../../../src/core/grid/grid';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { getSample } from '../../../src/core/sample';
import { expectIssues } from '../../helpers/expect-issues';
import { gridFromPlan, setCells, type CellEdit } from '../../helpers/grid-from-plan';
import { nationalDepartmentEdits, OTHER_FUNDS } from '../../helpers/national-department';
import { checkSheet, fieldTable, readOnly } from './layout-harness';

const { year } = getSample('department');
const plan = buildLayoutPlan('department', { year, withSample: true });
const edits = nationalDepartmentEdits(plan);
const reference = gridFromPlan(plan);

/** The reference grid with the national edits: the 其他资金 column written and the group heading merged over it. */
function nationalGrid(): SheetSnapshot {
  const cells: Record<string, CellEdit> = {};
  for (const [address, edit] of Object.entries(edits.cells)) cells[address] = edit !== null && typeof edit === 'object' ? { value: edit.value, formula: edit.formula } : edit;
  const written = setCells(reference, cells);
  const same = (a: { top: number; left: number; bottom: number; right: number }, b: typeof a) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
  return { ...written, merges: [...(written.merges ?? []).filter((merge) => !same(merge, edits.groupMerge.from)), edits.groupMerge.to] };
}

const national = nationalGrid();
/** The reference form's two warnings, where they stand on this sheet. */
const REFERENCE_WARNINGS = ['indicator_unquantified@E30', 'markup_in_text@B11'];

describe('the national department form, filled', () => {
  it('is read as the department layout, 其他资金 beside 总额 and 财政拨款 in every task and in 金额合计', () => {
    const form = readOnly(national);
    expect(form).toMatchObject({ template: 'department', year: 2022 });
    expect(fieldTable(form)).toMatchObject({ departmentName: ['B4', '衡阳市归国华侨联合会'], publicFinance: ['D7', 178.61], otherFunds: ['D10', 2] });
    expect(form.tasks.map((task) => [task.name.value, task.total.value, task.fiscal.value, task.other?.cell, task.other?.value])).toEqual([
      ['海外联谊', 17.68, 15.68, 'G14', OTHER_FUNDS[0]],
      ['群众工作', 3, 3, 'G15', 0],
      ['参政议政', 5.19, 5.19, 'G16', 0],
      ['维护侨益', 13, 13, 'G17', 0],
    ]);
    expect(form.taskTotal).toMatchObject({ total: { cell: 'E18', value: 38.87 }, fiscal: { cell: 'F18', value: 36.87 }, other: { cell: 'G18', value: 2, formula: '=SUM(G14:G17)' } });
  });

  it('the reference form has no such column, and none is read', () => {
    const form = readOnly(reference);
    expect(form.tasks.every((task) => task.other === undefined)).toBe(true);
    expect(form.taskTotal?.other).toBeUndefined();
  });

  it.each<[string, Readonly<Record<string, CellEdit>>, readonly string[]]>([
    ['adds up: the reference warnings only', {}, []],
    // 17.68 ≠ 15.68 + 3: 财政拨款 or 其他资金 may be the wrong one, so no fix is offered.
    ['a task’s 其他资金 too large for its 总额', { G14: 3 }, ['sum_mismatch@E14']],
    ['a 其他资金 typed on a task that has none', { G16: 1 }, ['sum_mismatch@E16']],
    // 金额合计 typed over: its own sum fails, and restoring the SUM is the fix.
    ['金额合计 of 其他资金 typed over with a number', { G18: 3 }, ['sum_mismatch@G18']],
    ['其他资金 blank where 财政拨款 falls short of 总额', { G14: null }, ['sum_mismatch@E14']],
    // The blank 财政拨款 cannot go below 0: 其他资金 is the figure to change, and comes first.
    ['其他资金 larger than a task’s 总额 with 财政拨款 blank', { F15: null, G15: 4 }, ['sum_mismatch@G15']],
  ])('%s', (_name, change, expected) => {
    const checked = checkSheet(setCells(national, change), year).forms[0];
    expectIssues(checked, [...REFERENCE_WARNINGS, ...expected]);
  });

  it('names the task and the three cells of a row that does not add up, and offers no fix when either part may be wrong', () => {
    const checked = checkSheet(setCells(national, { G14: 3 }), year).forms[0];
    const issue = checked.issues.find((candidate) => candidate.code === 'sum_mismatch');
    expect(issue).toMatchObject({ cells: ['E14', 'F14', 'G14'], params: { whole: '任务“海外联谊”的总额', wholeValue: '17.68', parts: ['财政拨款', '其他资金'], partsSum: '18.68' } });
    expect(issue?.fix).toBeUndefined();
  });

  it('fixes the 其他资金 cell the row and a typed 金额合计 agree against; the typed 金额合计 gets its SUM back', () => {
    // 金额合计 of 其他资金 typed as 2: the 3 in 海外联谊 breaks both its row and the column.
    const typed = setCells(national, { G18: 2, G14: 3 });
    const issues = checkSheet(typed, year).forms[0].issues.filter((issue) => issue.code === 'sum_mismatch');
    expect(issues.map((issue) => [issue.cells[0], issue.fix])).toEqual([
      ['G14', { cell: 'G14', value: 2 }],
      ['G18', { cell: 'G18', value: '=SUM(G14:G17)' }],
    ]);
  });
});
