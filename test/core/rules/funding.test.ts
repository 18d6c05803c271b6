import { expectIssues } from '../../helpers/expect-issues';
import { check, checkCodes } from './check-helpers';
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
    ['a part in 元', withFields(project, { fiscalFunds: 388700 }), ['amount_in_yuan@C6:warning']],
    ['a total in 元', withFields(project, { totalFunds: 388700 }), ['amount_in_yuan@C5:warning']],
    ['a department total in 元, against both splits: one issue', withFields(department, { totalFunds: 1806100 }), ['amount_in_yuan@C4:warning']],
    ['a department part in 元', withFields(department, { publicFinance: 1806100 }), ['amount_in_yuan@C5:warning']],
    // a sum that still fails once the 元 is read in 万元 has a second cause, and says so
    ['a part in 元 and another part wrong', withFields(project, { fiscalFunds: 388700, otherFunds: 5 }), ['amount_in_yuan@C6:warning', 'sum_mismatch@C5:error']],
    ['a part below 10,000 is no 元, however small its whole', withFields(project, { totalFunds: 0.01, fiscalFunds: 18.87, otherFunds: null }), ['sum_mismatch@C5:error']],
    ['a part ten times its whole is no 元', withFields(project, { fiscalFunds: 388.7 }), ['sum_mismatch@C5:error']],
    ['a part thousands of times but too big even in 万元', withFields(project, { fiscalFunds: 38870000 }), ['sum_mismatch@C5:error']],
  ])('%s', (_name, input, expected) => {
    expectIssues(checkCodes(buildForm(input), CODES), expected, { withSeverity: true });
  });

  it.each<[string, FormInput, string, number]>([
    ['a part', withFields(project, { fiscalFunds: 388700 }), 'fiscalFunds', 38.87],
    ['a total', withFields(project, { totalFunds: 388700 }), 'totalFunds', 38.87],
    ['a department total', withFields(department, { totalFunds: 1806100 }), 'totalFunds', 180.61],
  ])('one cause, one issue: %s typed in 元, whose fix leaves the form clean', (_name, input, field, inWan) => {
    const before = check(buildForm(input));
    const after = check(buildForm(withFields(input, { [field]: inWan })));
    const yuan = before.filter((issue) => issue.code === 'amount_in_yuan');
    expect(yuan).toHaveLength(1);
    expect(yuan[0].fix?.value).toBe(inWan);
    expect(before.map((issue) => issue.code).sort()).toEqual([...after.map((issue) => issue.code), 'amount_in_yuan'].sort());
    expectIssues(checkCodes(buildForm(withFields(input, { [field]: inWan })), CODES), []);
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
