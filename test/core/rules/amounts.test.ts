import type { CellScalar } from '../../../src/core/grid/grid';
import { buildForm, referenceInput, withFields, type FormInput } from './form-builder';
import { checkCodes } from './check-helpers';
import { expectIssues } from '../../helpers/expect-issues';

const CODES = ['not_a_number', 'unit_mismatch', 'negative_amount', 'too_many_decimals', 'formula_error'] as const;
const department = referenceInput('department');

describe('amount cells', () => {
  it.each<[string, CellScalar, string[], (number | string)?]>([
    ['text with 万元', '180.61万元', ['not_a_number@C4'], 180.61],
    ['full-width digits', '１８０．６１', ['not_a_number@C4'], 180.61],
    ['thousands separators', '1,234.5', ['not_a_number@C4'], 1234.5],
    ['a number stored as text', ' 180.61 ', ['not_a_number@C4'], 180.61],
    ['text that is no number', '约一百八十万', ['not_a_number@C4'], undefined],
    ['yuan', '1806100元', ['unit_mismatch@C4'], 180.61],
    ['a negative amount', -180.61, ['negative_amount@C4'], undefined],
    ['more than 4 decimals', 180.610001, ['too_many_decimals@C4'], 180.61],
    ['an Excel error', '#REF!', ['formula_error@C4'], undefined],
    ['a plain number', 180.61, [], undefined],
    ['4 decimals', 180.6123, [], undefined],
    ['float noise from a formula', 180.61000000000001, [], undefined],
  ])('资金总额 holding %s', (_name, value, expected, fixValue) => {
    const issues = checkCodes(buildForm(withFields(department, { totalFunds: value })), CODES);
    expectIssues(issues, expected);
    expect(issues[0]?.fix).toEqual(fixValue === undefined ? undefined : { cell: 'C4', value: fixValue });
  });

  it('checks every amount field, task cell and 金额合计', () => {
    const input: FormInput = {
      ...withFields(department, { otherFunds: '5万元', projectExpenditure: '#VALUE!' }),
      tasks: department.tasks?.map((task, index) => (index === 2 ? { ...task, total: '5.19万元', fiscal: '51900元' } : task)),
      taskTotal: { total: '#REF!', fiscal: -1 },
    };
    expectIssues(checkCodes(buildForm(input), CODES), [
      'not_a_number@C8',
      'formula_error@C10',
      'not_a_number@D23',
      'unit_mismatch@E23',
      'formula_error@D25',
      'negative_amount@E25',
    ]);
  });

  it('names the task in a task cell’s issue', () => {
    const input: FormInput = { ...department, tasks: department.tasks?.map((task, index) => (index === 2 ? { ...task, total: '5.19万元' } : task)) };
    const [issue] = checkCodes(buildForm(input), ['not_a_number']);
    expect(issue.params).toEqual({ field: '参政议政 · 总额', text: '5.19万元', suggestion: '5.19' });
  });

  it('offers no rounding fix over a formula (the formula should round)', () => {
    const form = buildForm({ ...department, taskTotal: { total: 38.870001, fiscal: 38.87, formula: true } });
    const issues = checkCodes(form, CODES);
    expectIssues(issues, ['too_many_decimals@D25']);
    expect(issues[0].fix).toBeUndefined();
  });

  it('are silent on blank and placeholder parts', () => {
    expectIssues(checkCodes(buildForm(withFields(department, { governmentFund: '-', otherFunds: '/' })), CODES), []);
  });
});
