import fc from 'fast-check';
import { checkWorkbook } from '../../../src/core/check/check-workbook';
import type { SheetSnapshot } from '../../../src/core/grid/grid';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { formatIssue } from '../../../src/core/messages';
import { gridFromPlan, insertRows, moveForm, setCells, withoutMerges } from '../../helpers/grid-from-plan';
import { expectIssues, expectNoIssues } from '../../helpers/expect-issues';

const TODAY = new Date(2022, 0, 10);
const departmentPlan = buildLayoutPlan('department', { year: 2022, withSample: true });
const projectPlan = buildLayoutPlan('project', { year: 2022, withSample: true });

function inputCell(plan: typeof departmentPlan, field: string): string {
  const cell = plan.cells.find((candidate) => candidate.field === field);
  if (!cell) throw new Error(`no input cell for ${field}`);
  return `${String.fromCharCode(65 + cell.col)}${cell.row + 1}`;
}

function check(...sheets: SheetSnapshot[]) {
  return checkWorkbook({ sheets }, { today: TODAY });
}

describe('checkWorkbook on the reference forms as inserted', () => {
  const result = check(gridFromPlan(departmentPlan), gridFromPlan(projectPlan));
  const [department, project] = result.forms;

  it('finds both forms', () => {
    expect(result.forms.map((form) => form.form.template)).toEqual(['department', 'project']);
    expect(result.otherSheets).toEqual([]);
  });

  it('gives no errors', () => {
    expectNoIssues(department, { severity: 'error' });
    expectNoIssues(project);
  });

  it('gives exactly the two predicted warnings: 略有节余 unquantified, markup in 部门职能职责概述', () => {
    const costValue = department.form.indicators.find((row) => row.value.value === '略有节余')?.value.cell;
    expectIssues(department, [`indicator_unquantified@${costValue}`, `markup_in_text@${inputCell(departmentPlan, 'functions')}`]);
    expect(department.issues.map((issue) => formatIssue(issue, 'zh-CN'))).toEqual([
      expect.stringContaining('部门职能职责概述'),
      expect.stringContaining('略有节余'),
    ]);
  });
});

describe('checkWorkbook on edited forms', () => {
  const totalFunds = inputCell(departmentPlan, 'totalFunds');

  it('reports a wrong 资金总额 with the whole first and a number fix', () => {
    const result = check(gridFromPlan(departmentPlan, { [totalFunds]: 180.57 }));
    const errors = result.forms[0].issues.filter((issue) => issue.severity === 'error');
    expectIssues(errors, [`sum_mismatch@${totalFunds}`, `sum_mismatch@${totalFunds}`]);
    expect(errors[0].fix).toEqual({ cell: totalFunds, value: 180.61 });
  });

  it('reads inserted task rows, a form moved to C5, and a sheet without merges the same way', () => {
    const plain = check(gridFromPlan(departmentPlan)).forms[0].issues.map((issue) => issue.code);
    const moved = check(moveForm(gridFromPlan(departmentPlan), 'C5')).forms[0].issues.map((issue) => issue.code);
    const unmerged = check(withoutMerges(gridFromPlan(departmentPlan))).forms[0].issues.map((issue) => issue.code);
    expect(moved).toEqual(plain);
    expect(unmerged).toEqual(plain);
  });

  it('flags 金额合计 overwritten by a number, with the SUM formula as the fix', () => {
    const sheet = gridFromPlan(departmentPlan);
    const totalCell = departmentPlan.cells.find((cell) => cell.formula !== undefined);
    if (!totalCell) throw new Error('no 金额合计 formula in the plan');
    const address = `${String.fromCharCode(65 + totalCell.col)}${totalCell.row + 1}`;
    const result = check(setCells(sheet, { [address]: 40 }));
    const issue = result.forms[0].issues.find((candidate) => candidate.code === 'sum_mismatch' && candidate.cells[0] === address);
    expect(issue?.fix).toEqual({ cell: address, value: totalCell.formula });
  });

  it('warns across forms when the project forms do not add up to 项目支出', () => {
    const project = setCells(gridFromPlan(projectPlan), { [inputCell(projectPlan, 'totalFunds')]: 40, [inputCell(projectPlan, 'fiscalFunds')]: 40 });
    const result = check(gridFromPlan(departmentPlan), project);
    expectIssues(
      result.forms[0].issues.filter((issue) => issue.code === 'cross_form_mismatch'),
      [`cross_form_mismatch@${inputCell(departmentPlan, 'projectExpenditure')}`],
    );
  });

  it('checks a task row inserted by the user', () => {
    const taskName = departmentPlan.cells.find((cell) => cell.value === '维护侨益');
    if (!taskName) throw new Error('no task row');
    const inserted = insertRows(gridFromPlan(departmentPlan), taskName.row + 2, 1, [[null, '新任务', null, null, 1, 2]]);
    const codes = check(inserted).forms[0].issues.map((issue) => issue.code);
    expect(codes).toEqual(expect.arrayContaining(['part_exceeds_whole', 'task_incomplete']));
  });
});

describe('checkWorkbook on anything', () => {
  it('lists sheets without a form', () => {
    const result = check({ name: '说明', rows: [[{ value: '这里没有表' }]] });
    expect(result.forms).toEqual([]);
    expect(result.otherSheets).toEqual(['说明']);
  });

  it('never throws on random grids strewn with the forms’ labels', () => {
    const labels = departmentPlan.cells.concat(projectPlan.cells).flatMap((cell) => (typeof cell.value === 'string' ? [cell.value] : []));
    const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }), fc.double(), fc.constantFrom(...labels, '#REF!', '180.61万元', '(2022 年度)'));
    const sheet = fc.record({
      name: fc.string({ maxLength: 5 }),
      rows: fc.array(fc.array(fc.option(fc.record({ value }), { nil: null }), { maxLength: 7 }), { maxLength: 25 }),
    });
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 3 }), (sheets) => {
        checkWorkbook({ sheets }, { today: TODAY });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws when random cells of the reference forms are overwritten', () => {
    const base = gridFromPlan(departmentPlan);
    const edit = fc.dictionary(
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: base.rows.length })).map(([col, row]) => `${String.fromCharCode(65 + col)}${row}`),
      fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.double(), fc.boolean(), fc.constantFrom('#REF!', '-', '1806100元', '105%', '<b>x</b>')),
      { maxKeys: 8 },
    );
    fc.assert(
      fc.property(edit, (edits) => {
        for (const result of check(setCells(base, edits), gridFromPlan(projectPlan)).forms) for (const issue of result.issues) formatIssue(issue, 'en-US');
      }),
      { numRuns: 200 },
    );
  });
});
