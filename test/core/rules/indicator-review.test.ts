import { formatIssue } from '../../../src/core/messages';
import { buildRuleContext } from '../../../src/core/rules/context';
import { getTemplate } from '../../../src/core/templates';
import { expectIssues } from '../../helpers/expect-issues';
import { checkCodes, TODAY } from './check-helpers';
import { buildForm, COMPLETE_TABLE, referenceForm, referenceInput, type FormInput, type IndicatorInput } from './form-builder';

/** The codes of the reviewer's indicator rules, and those they must not double. */
const CODES = [
  'indicator_level1_missing',
  'indicator_profile_old',
  'indicator_row_empty',
  'indicator_unit_missing',
  'indicator_rate_not_percent',
  'indicator_category_as_name',
  'indicator_unit_conflict',
  'indicator_qualitative_with_unit',
  'indicator_cost_floor',
  'indicator_unknown',
  'indicator_wrong_parent',
  'indicator_unquantified',
  'indicator_missing',
] as const;

const project = referenceInput('project');

/** A complete 2015 table (rows 41–46), with a rate under 质量 and a cost stated as a ceiling. */
const GOOD: readonly IndicatorInput[] = COMPLETE_TABLE.map((row, i) =>
  i === 1 ? { ...row, level3: '验收合格率', value: '100%' } : i === 3 ? { ...row, value: '≤38.87万元' } : row,
);

const table = (rows: readonly IndicatorInput[]): FormInput => ({ ...project, indicators: rows });
const replaceRow = (index: number, row: Partial<IndicatorInput>): FormInput => table(GOOD.map((r, i) => (i === index ? { ...r, ...row } : r)));
const withRows = (...rows: IndicatorInput[]): FormInput => table([...GOOD, ...rows]);
const blank1 = (rows: readonly IndicatorInput[], count: number): IndicatorInput[] => rows.map((row, i) => (i < count ? { ...row, level1: '' } : row));

/** 成本 as a 一级 (2021): 经济成本, with 数量, 质量, 时效 under 产出. */
const PROFILE_2021: readonly IndicatorInput[] = [
  { level1: '成本指标', level2: '经济成本指标', level3: '活动经费', value: '≤38.87万元' },
  ...GOOD.filter((_, i) => i !== 3),
];
/** 满意度 as a 二级 under 效益 (2013). */
const PROFILE_2013: readonly IndicatorInput[] = [
  ...GOOD.slice(0, 5),
  { level1: '效益指标', level2: '社会公众或服务对象满意度指标', level3: '侨界满意度', value: '≥90%' },
];

describe('indicators as a reviewer reads them', () => {
  it('find nothing on the reference forms and on a complete table', () => {
    expectIssues(checkCodes(referenceForm('department'), CODES), ['indicator_unquantified@E50']);
    expectIssues(checkCodes(referenceForm('project'), CODES), []);
    expectIssues(checkCodes(buildForm(table(GOOD)), CODES), []);
  });

  it.each<[string, FormInput, string[]]>([
    // profiles: each valid in its own terms
    ['成本 as a 一级 (2021)', table(PROFILE_2021), []],
    ['满意度 under 效益 (2013): a note, nothing else', table(PROFILE_2013), ['indicator_profile_old@C46:warning']],
    ['满意度 both under 效益 and as a 一级: 2015', withRows({ level1: '效益指标', level2: '社会公众或服务对象满意度', level3: '满意度', value: '95%' }), []],
    ['a 满意度 二级 under 产出 is a wrong parent', replaceRow(5, { level1: '产出指标' }), ['indicator_wrong_parent@C46:error']],
    // a 一级 missing on many rows: one issue, the 一级 inferred
    ['the first four rows without 一级', table(blank1(GOOD, 4)), ['indicator_level1_missing@B41:error']],
    ['an inferred 一级 still has its values checked', table(blank1(replaceRow(0, { value: '若干' }).indicators ?? [], 4)), ['indicator_level1_missing@B41:error', 'indicator_unquantified@E41:warning']],
    ['a blank 一级 under an unknown 二级', table([{ level1: '', level2: '进度指标', level3: '完成时间', value: '6月底前' }, ...GOOD]), ['indicator_level1_missing@B41:error', 'indicator_unknown@C41:error']],
    // empty 二级 rows
    ['an empty 经济效益 row beside a filled 社会效益', withRows({ level1: '效益指标', level2: '经济效益指标', level3: null, value: null }), ['indicator_row_empty@D47:warning']],
    ['a second, empty 数量 row', table([GOOD[0], { ...GOOD[0], level3: '', value: ' ' }, ...GOOD.slice(1)]), ['indicator_row_empty@D42:warning']],
    ['three empty 经济效益 rows: one issue', withRows(...Array.from({ length: 3 }, () => ({ level1: '效益指标', level2: '经济效益指标', level3: null, value: null }))), ['indicator_row_empty@D47:warning']],
    ['an empty expected 时效 row is indicator_missing’s', replaceRow(2, { level3: null, value: null }), ['indicator_missing@B41:warning']],
    ['a whole 效益 left empty is indicator_missing’s', replaceRow(4, { level3: null, value: null }), ['indicator_missing@B45:error']],
    // units
    ['a bare number under 数量', replaceRow(0, { value: '2' }), ['indicator_unit_missing@E41:warning']],
    ['a number cell under 数量', replaceRow(0, { value: 2 }), ['indicator_unit_missing@E41:warning']],
    ['a comparator and a bare number under 满意度', replaceRow(5, { level3: '侨界评价', value: '≥88' }), ['indicator_unit_missing@E46:warning']],
    ['a bare number with its 计量单位 beside it', replaceRow(0, { value: '2', unit: '次' }), []],
    ['a bare number with its unit in the 三级', replaceRow(0, { level3: '培训人数（人）', value: '50' }), []],
    ['a bare number under 质量 (qualitative)', replaceRow(4, { value: '2' }), []],
    ['a bare number typed 定量 under 效益', replaceRow(4, { value: '2', valueKind: '定量' }), ['indicator_unit_missing@E45:warning']],
    ['定量 text with no number', replaceRow(4, { value: '按月安排', valueKind: '定量' }), ['indicator_unquantified@E45:warning']],
    ['30 bare numbers under one 数量: one issue', table([...Array.from({ length: 30 }, (_, i) => ({ ...GOOD[0], level3: `活动${i}`, value: String(i + 1) })), ...GOOD.slice(1)]), ['indicator_unit_missing@E41:warning']],
    // rates
    ['a rate as "1"', replaceRow(1, { value: '1' }), ['indicator_rate_not_percent@E42:warning']],
    ['a 满意度 as "0.9"', replaceRow(5, { value: '0.9' }), ['indicator_rate_not_percent@E46:warning']],
    ['a rate with % in its 计量单位', replaceRow(1, { value: '100', unit: '%' }), []],
    ['a 满意度 as a score', replaceRow(5, { value: '≥90分' }), []],
    ['a rate in words is not a percentage issue', replaceRow(1, { value: '较高' }), []],
    ['a rate named in the middle of a sentence', replaceRow(1, { level3: '覆盖面广, 合格率高。', value: '高质量完成' }), []],
    // category names
    ['a 三级 named 数量指标', replaceRow(0, { level3: '数量指标' }), ['indicator_category_as_name@D41:warning']],
    ['a 三级 named 社会成本指标', table([{ level1: '成本指标', level2: '社会成本指标', level3: '社会成本指标', value: '≤1次' }, ...GOOD]), ['indicator_category_as_name@D41:warning']],
    ['满意度 as a 三级 names a measure', replaceRow(5, { level3: '满意度' }), []],
    // the 计量单位 column
    ['28.8万元 with the unit %', replaceRow(3, { value: '28.8万元', unit: '%' }), ['indicator_unit_conflict@G44:warning']],
    ['≥90% with the unit ％', replaceRow(5, { unit: '％' }), []],
    ['定性 with a unit', replaceRow(4, { valueKind: '定性', unit: '%' }), ['indicator_qualitative_with_unit@G45:warning']],
    ['定性 without a unit', replaceRow(4, { valueKind: '定性', unit: '' }), []],
    // costs
    ['a cost as a floor', replaceRow(3, { value: '≥38.87万元' }), ['indicator_cost_floor@E44:warning']],
    ['a cost 以上', replaceRow(3, { value: '38.87万元以上' }), ['indicator_cost_floor@E44:warning']],
    ['a saving may be a floor', replaceRow(3, { level3: '成本节约率', value: '≥5%' }), []],
    ['a 2021 cost as a floor', table([{ ...PROFILE_2021[0], value: '>=38.87万元' }, ...PROFILE_2021.slice(1)]), ['indicator_cost_floor@E41:warning']],
  ])('%s', (_name, input, expected) => {
    expectIssues(checkCodes(buildForm(input), CODES), expected, { withSeverity: true });
  });

  it('recognise the profile a form follows', () => {
    const profileOf = (rows: readonly IndicatorInput[]) => {
      const form = buildForm(table(rows));
      return buildRuleContext(form, getTemplate('project'), { today: TODAY }).profile.id;
    };
    expect(profileOf(GOOD)).toBe('2015');
    expect(profileOf(PROFILE_2021)).toBe('2021');
    expect(profileOf(PROFILE_2013)).toBe('2013');
    expect(profileOf([])).toBe('2015');
  });

  it('name every row of a missing 一级, as ranges, with the 一级 implied', () => {
    const rows = [...blank1(GOOD, 2), { ...GOOD[0], level1: '' }];
    const [issue] = checkCodes(buildForm(table(rows)), ['indicator_level1_missing']);
    expect(issue.cells).toEqual(['B41', 'B42', 'B47']);
    expect(issue.params).toEqual({ rows: '41–42、47', count: 3, inferred: '产出指标' });
    expect(formatIssue(issue, 'zh-CN')).toBe('第 41–42、47 行（共 3 行）没有填写一级指标，按二级指标应为产出指标。请补上一级指标。');
  });

  it('group the cells of one root cause, the first to fix first', () => {
    const rows = [...Array.from({ length: 3 }, (_, i) => ({ ...GOOD[0], level3: `活动${i}`, value: String(i + 1) })), ...GOOD.slice(1)];
    const [issue] = checkCodes(buildForm(table(rows)), ['indicator_unit_missing']);
    expect(issue.cells).toEqual(['E41', 'E42', 'E43']);
    expect(formatIssue(issue, 'zh-CN')).toBe('数量指标的指标值“1”等 3 项只有数字，没有单位。请写明单位，如“2次”“88%”“6个月”。');
    expect(formatIssue(issue, 'en-US')).toBe('The 数量指标 value "1" and 2 more is a bare number with no unit. Please state the unit, e.g. "2次", "88%", "6个月".');
  });

  it('give the same verdicts whatever the order of the 二级 groups', () => {
    const rows = [...GOOD, { level1: '效益指标', level2: '经济效益指标', level3: null, value: null }, { level1: '产出指标', level2: '数量指标', level3: '培训', value: '2' }];
    const verdict = (input: readonly IndicatorInput[]) => checkCodes(buildForm(table(input)), CODES).map((issue) => issue.code).sort();
    expect(verdict([...rows].reverse())).toEqual(verdict(rows));
  });
});
