import { formatIssue } from '../../../src/core/messages';
import { buildForm, COMPLETE_TABLE, referenceForm, referenceInput, type FormInput, type IndicatorInput } from './form-builder';
import { checkCodes } from './check-helpers';
import { expectIssues } from '../../helpers/expect-issues';

const INDICATOR_CODES = [
  'indicator_missing',
  'indicator_unknown',
  'indicator_wrong_parent',
  'indicator_value_missing',
  'indicator_name_missing',
  'indicator_unquantified',
  'percent_out_of_range',
  'amount_mismatch_in_text',
] as const;

const project = referenceInput('project');
const department = referenceInput('department');

const GOOD = COMPLETE_TABLE;

const table = (rows: readonly IndicatorInput[]): FormInput => ({ ...project, indicators: rows });
const replaceRow = (index: number, row: Partial<IndicatorInput>): FormInput => table(GOOD.map((r, i) => (i === index ? { ...r, ...row } : r)));

describe('indicators', () => {
  it('say “fill the row” when the 二级 row exists but is empty, “add a row” when it does not', () => {
    const [empty] = checkCodes(buildForm(replaceRow(2, { level3: null, value: null })), ['indicator_missing']);
    expect(empty.cells).toEqual(['D43', 'E43']);
    expect(formatIssue(empty, 'zh-CN')).toBe('产出指标下的时效指标一行还没有填写。请填写它的三级指标和指标值。');
    const [absent] = checkCodes(buildForm(table(GOOD.filter((_, i) => i !== 2))), ['indicator_missing']);
    expect(formatIssue(absent, 'zh-CN')).toBe('产出指标下没有时效指标。建议补充一行时效指标及其指标值。');
  });

  it('on the reference forms: only 略有节余 under 成本指标 is unquantified', () => {
    expectIssues(checkCodes(referenceForm('department'), INDICATOR_CODES), ['indicator_unquantified@E50']);
    expectIssues(checkCodes(referenceForm('project'), INDICATOR_CODES), []);
    expectIssues(checkCodes(buildForm(table(GOOD)), INDICATOR_CODES), []);
  });

  it.each<[string, FormInput, string[]]>([
    // indicator_missing (error): a whole 一级 without a filled row
    ['no 满意度 rows', table(GOOD.slice(0, 5)), ['indicator_missing@B40:error']],
    ['no 效益 rows', table([...GOOD.slice(0, 4), GOOD[5]]), ['indicator_missing@B40:error']],
    ['效益 rows without values', replaceRow(4, { value: '-' }), ['indicator_missing@B45:error', 'indicator_value_missing@E45:error']],
    ['an empty table', table([]), ['indicator_missing@B40:error', 'indicator_missing@B40:error', 'indicator_missing@B40:error']],
    // indicator_missing (warning): 产出 二级 expected
    ['no 时效指标', table(GOOD.filter((_, i) => i !== 2)), ['indicator_missing@B41:warning']],
    ['no 成本指标', table(GOOD.filter((_, i) => i !== 3)), ['indicator_missing@B41:warning']],
    // The 时效指标 row is on the form, empty: the issue points at the cells to fill.
    ['an empty 时效指标 row', replaceRow(2, { level3: null, value: null }), ['indicator_missing@D43:warning']],
    ['成本 as its own 一级 (2021 framework)', table([...GOOD.filter((_, i) => i !== 3), { level1: '成本指标', level2: '经济成本指标', level3: '活动经费', value: '38.87万元' }]), []],
    // names
    ['完成指标 as a synonym of 产出指标', table(GOOD.map((row) => (row.level1 === '产出指标' ? { ...row, level1: '完成指标' } : row))), []],
    ['names without the trailing 指标, spaced and full-width', table(GOOD.map((row) => (row.level1 === '产出指标' ? { ...row, level1: ' 产 出 ', level2: String(row.level2).replace('指标', '') } : row))), []],
    ['满意度 as 一级 with no 二级', replaceRow(5, { level1: '社会公众或服务对象满意度', level2: '' }), []],
    ['满意度 name in the 二级 column under 效益', replaceRow(5, { level1: '效益指标', level2: '社会公众或服务对象满意度指标' }), []],
    ['an unknown 二级 (and so no 质量指标)', replaceRow(1, { level2: '进度指标' }), ['indicator_unknown@C42:error', 'indicator_missing@B41:warning']],
    ['an unknown 一级', replaceRow(4, { level1: '影响指标' }), ['indicator_unknown@B45:error', 'indicator_missing@B40:error']],
    ['a 二级 under the wrong 一级', replaceRow(4, { level2: '数量指标' }), ['indicator_wrong_parent@C45:error']],
    ['成本 二级 under 效益', replaceRow(4, { level2: '成本指标' }), ['indicator_wrong_parent@C45:error']],
    ['a filled row with no 二级 under 产出', replaceRow(1, { level2: '' }), ['indicator_unknown@C42:error', 'indicator_missing@B41:warning']],
    // rows
    ['a 三级 with no value', replaceRow(0, { value: null }), ['indicator_value_missing@E41:error']],
    ['a 三级 with a placeholder value', replaceRow(1, { value: '*' }), ['indicator_value_missing@E42:error']],
    ['a value with no 三级', replaceRow(1, { level3: '  ' }), ['indicator_name_missing@D42:error']],
    // unquantified
    ['a 数量 value without a number', replaceRow(0, { value: '若干次' }), ['indicator_unquantified@E41:warning']],
    ['a 时效 value without a number', replaceRow(2, { value: '按时完成' }), ['indicator_unquantified@E43:warning']],
    ['a 满意度 value without a number', replaceRow(5, { value: '满意' }), ['indicator_unquantified@E46:warning']],
    ['Chinese numerals do not count', replaceRow(0, { value: '一次' }), ['indicator_unquantified@E41:warning']],
    ['full-width digits count', replaceRow(0, { value: '１次' }), []],
    ['a 质量 value may be qualitative', replaceRow(1, { value: '高质量' }), []],
    // percentages
    ['a percentage above 100', replaceRow(5, { value: '满意度达到105%' }), ['percent_out_of_range@E46:error']],
    ['a negative percentage', replaceRow(5, { value: '下降-5%' }), ['percent_out_of_range@E46:error']],
    ['a range 90-100%', replaceRow(5, { value: '90-100%' }), []],
    ['full-width ％', replaceRow(5, { value: '≥１０１％' }), ['percent_out_of_range@E46:error']],
    // amounts in text
    ['an amount in 万元 matching none of the form', replaceRow(3, { value: '200万元' }), ['amount_mismatch_in_text@E44:warning']],
    ['an amount in a 三级 name', replaceRow(3, { level3: '经费 12.5 万元' }), ['amount_mismatch_in_text@D44:warning']],
    ['an amount in 元 is not compared', replaceRow(3, { value: '500元/人' }), []],
  ])('%s', (_name, input, expected) => {
    expectIssues(checkCodes(buildForm(input), INDICATOR_CODES), expected, { withSeverity: true });
  });

  it('does not expect 成本指标 when the setting says so', () => {
    const form = buildForm(table(GOOD.filter((_, i) => i !== 3)));
    expectIssues(checkCodes(form, INDICATOR_CODES, { settings: { expectCostIndicator: false } }), []);
  });

  it('reports a merged 一级 name once, however many rows it spans', () => {
    const rows = GOOD.map((row) => (row.level1 === '产出指标' ? { ...row, level1: '产品指标' } : row));
    expectIssues(checkCodes(buildForm(table(rows)), ['indicator_unknown']), ['indicator_unknown@B41']);
  });

  it('finds the department reference’s 180.61万元 equal to 资金总额', () => {
    const changed = department.indicators?.map((row) => (row.level3 === '180.61万元' ? { ...row, level3: '180.6万元' } : row));
    expectIssues(checkCodes(buildForm({ ...department, indicators: changed }), ['amount_mismatch_in_text']), ['amount_mismatch_in_text@D50']);
  });

  it('names what a message needs', () => {
    const [wrongParent] = checkCodes(buildForm(replaceRow(4, { level2: '数量指标' })), ['indicator_wrong_parent']);
    expect(wrongParent.params).toEqual({ name: '数量指标', parent: '效益指标', expectedParent: '产出指标' });
    const [unquantified] = checkCodes(referenceForm('department'), ['indicator_unquantified']);
    expect(unquantified.cells).toEqual(['E50', 'D50']);
    expect(unquantified.params).toEqual({ category: '成本指标', value: '略有节余' });
  });
});

describe('the 中期 and 年度 sets of the national layout', () => {
  const midTerm = (rows: readonly IndicatorInput[]): IndicatorInput[] => rows.map((row) => ({ ...row, period: 'midTerm' }));
  const withoutTimeliness = GOOD.filter((row) => row.level2 !== '时效指标');

  it.each<[string, readonly IndicatorInput[], string[]]>([
    ['both sets complete', [...midTerm(GOOD), ...GOOD], []],
    // the 中期 set (rows 41–45) lacks 时效 while 年度 (rows 46 on) has it: one issue, for the 中期 set
    ['中期 without 时效', [...midTerm(withoutTimeliness), ...GOOD], ['indicator_missing@B41:warning']],
    ['年度 without 时效', [...midTerm(GOOD), ...withoutTimeliness], ['indicator_missing@B47:warning']],
    ['中期 without 满意度 while 年度 has it', [...midTerm(GOOD.slice(0, 5)), ...GOOD], ['indicator_missing@B40:error']],
  ])('%s', (_name, rows, expected) => {
    expectIssues(checkCodes(buildForm(table(rows)), INDICATOR_CODES), expected, { withSeverity: true });
  });

  it('never groups an empty 中期 row with the 年度 rows of the same 二级', () => {
    const rows = [...midTerm(GOOD), { ...GOOD[0], level3: null, value: null, period: 'midTerm' as const }, ...GOOD, { ...GOOD[0], level3: null, value: null }];
    expectIssues(checkCodes(buildForm(table(rows)), ['indicator_row_empty']), ['indicator_row_empty@D47', 'indicator_row_empty@D54']);
  });
});
