import { expectIssues } from '../../helpers/expect-issues';
import { checkCodes } from './check-helpers';
import { buildForm, referenceForm, referenceInput, withFields, type FormInput } from './form-builder';

const CODES = ['breakdown_blank', 'amount_in_yuan', 'sum_mismatch'] as const;
const project = referenceInput('project');
const department = referenceInput('department');

describe('funding as a reviewer reads it', () => {
  it('finds nothing on the reference forms', () => {
    expectIssues(checkCodes(referenceForm('department'), ['breakdown_blank', 'amount_in_yuan']), []);
    expectIssues(checkCodes(referenceForm('project'), ['breakdown_blank', 'amount_in_yuan']), []);
  });

  it.each<[string, FormInput, string[]]>([
    // a total with its breakdown blank
    ['资金总额 with 财政拨款 and 其他资金 blank', withFields(project, { fiscalFunds: null, otherFunds: '  ' }), ['breakdown_blank@C6:warning']],
    ['资金总额 0 needs no breakdown', withFields(project, { totalFunds: 0, fiscalFunds: null }), []],
    ['one part filled is not blank', withFields(project, { fiscalFunds: null, otherFunds: 38.87 }), []],
    ['no income split at all on the department form', withFields(department, { publicFinance: null }), ['breakdown_blank@C5:warning']],
    ['neither split on the department form', withFields(department, { publicFinance: null, basicExpenditure: null, projectExpenditure: null }), ['breakdown_blank@C5:warning', 'breakdown_blank@C9:warning']],
    // amounts whose size says 元
    ['a part in 元', withFields(project, { fiscalFunds: 388700 }), ['amount_in_yuan@C6:warning', 'sum_mismatch@C5:error']],
    ['a total in 元', withFields(project, { totalFunds: 388700 }), ['amount_in_yuan@C5:warning', 'sum_mismatch@C5:error']],
    ['a department total in 元, against both splits: one issue', withFields(department, { totalFunds: 1806100 }), ['amount_in_yuan@C4:warning', 'sum_mismatch@C4:error', 'sum_mismatch@C4:error']],
    ['a part ten times its whole is no 元', withFields(project, { fiscalFunds: 388.7 }), ['sum_mismatch@C5:error']],
    ['a part thousands of times but too big even in 万元', withFields(project, { fiscalFunds: 38870000 }), ['sum_mismatch@C5:error']],
  ])('%s', (_name, input, expected) => {
    expectIssues(checkCodes(buildForm(input), CODES), expected, { withSeverity: true });
  });

  it('offers the amount in 万元 as the fix of a number typed in 元', () => {
    const [issue] = checkCodes(buildForm(withFields(project, { fiscalFunds: 388700 })), ['amount_in_yuan']);
    expect(issue.fix).toEqual({ cell: 'C6', value: 38.87 });
    expect(issue.params).toEqual({ field: '财政拨款', value: '388700', other: '资金总额', otherValue: '38.87', suggestion: '38.87' });
    // A part typed as text in 元 is unit_mismatch's, and has no second fix here.
    const [text] = checkCodes(buildForm(withFields(project, { fiscalFunds: '388700' })), ['amount_in_yuan']);
    expect(text?.fix).toBeUndefined();
  });
});
