import type { CellScalar } from '../../../src/core/grid/grid';
import { buildForm, referenceForm, referenceInput, withFields, type FormInput } from './form-builder';
import { checkCodes } from './check-helpers';
import { expectIssues } from '../../helpers/expect-issues';

const department = referenceInput('department');
const project = referenceInput('project');

describe('telephone', () => {
  it.each<CellScalar>([
    '8866810',
    8866810,
    '15873406651',
    15873406651,
    '0734-8866810',
    '(0734)8866810',
    '（0734）8866810',
    '0734 8866810',
    '010-12345678',
    '0734-8866810-123',
    '0734-8866810转123',
    '8866810、15873406651',
    '0734-8866810,15873406651',
    '8866810;8866811',
    '8866810/15873406651',
    '158 7340 6651',
    '+86 15873406651',
    '0734-8866810 15873406651',
    '0734-8866810（办）',
    '手机：15873406651',
  ])('accepts %p', (phone) => {
    expectIssues(checkCodes(buildForm(withFields(department, { phone })), ['phone_invalid']), []);
  });

  it.each<CellScalar>(['886681', '12873406651', '1587340665', '电话', '0734-886', '8866810、abc', 'TBD'])('warns on %p', (phone) => {
    expectIssues(checkCodes(buildForm(withFields(department, { phone })), ['phone_invalid']), ['phone_invalid@C14']);
  });

  it('leaves a blank telephone to required_missing', () => {
    expectIssues(checkCodes(buildForm(withFields(department, { phone: '-' })), ['phone_invalid', 'required_missing']), ['required_missing@C14']);
  });
});

describe('填表日期', () => {
  it.each<CellScalar>(['2022年1月5日', '2022 年 1 月 5 日', '2022-01-05', '2022/1/5', '2022.1.5', '２０２２年１月５日', 44566, 44566.5, '2022-01-05T00:00:00.000Z', '2021年3月1日', '2022年1月5号'])(
    'accepts %p',
    (fillDate) => {
      expectIssues(checkCodes(buildForm(withFields(department, { fillDate })), ['date_invalid', 'date_out_of_range']), []);
    },
  );

  it.each<CellScalar>(['1月5日', '2022年2月30日', '2022-13-01', '二〇二二年一月五日', 'soon', -3, true])('rejects %p', (fillDate) => {
    expectIssues(checkCodes(buildForm(withFields(department, { fillDate })), ['date_invalid', 'date_out_of_range']), ['date_invalid@C15']);
  });

  it.each<[CellScalar, 'before' | 'after' | 'future', Date]>([
    ['2020年12月31日', 'before', new Date(2022, 0, 10)],
    ['2023年1月1日', 'after', new Date(2024, 0, 1)],
    ['2022年1月11日', 'future', new Date(2022, 0, 10)],
  ])('warns when %p is out of range (%s)', (fillDate, reason, today) => {
    const issues = checkCodes(buildForm(withFields(department, { fillDate })), ['date_out_of_range'], { today });
    expectIssues(issues, ['date_out_of_range@C15']);
    expect(issues[0].params.reason).toBe(reason);
  });

  it('checks only "not in the future" when the year is unknown', () => {
    const form = buildForm({ ...withFields(department, { fillDate: '2001年1月1日' }), year: null });
    expectIssues(checkCodes(form, ['date_out_of_range']), []);
  });

  it('reads the Excel serial of 2022-01-05', () => {
    const issues = checkCodes(buildForm(withFields(department, { fillDate: 44566 + 400 })), ['date_out_of_range'], { today: new Date(2030, 0, 1) });
    expect(issues[0].params).toMatchObject({ date: '2023-02-09', reason: 'after', from: '2021-01-01', to: '2022-12-31' });
  });
});

describe('markup, length and errors in text', () => {
  it('warns on the reference’s 部门职能职责概述 only', () => {
    expectIssues(checkCodes(referenceForm('department'), ['markup_in_text']), ['markup_in_text@C11']);
    expectIssues(checkCodes(referenceForm('project'), ['markup_in_text']), []);
  });

  it.each<[string, FormInput, string[]]>([
    ['a tag in 年度目标', withFields(project, { annualGoal: '做好<br/>工作' }), ['markup_in_text@C8']],
    ['a tag in an indicator value', { ...project, indicators: [{ level1: '产出指标', level2: '数量指标', level3: '活动', value: '<b>1次</b>' }] }, ['markup_in_text@E41']],
    ['a comparison that is no tag', withFields(project, { annualGoal: '满意度 <95% 时整改，a < b > c' }), []],
  ])('markup: %s', (_name, input, expected) => {
    expectIssues(checkCodes(buildForm(input), ['markup_in_text']), expected);
  });

  it('warns on 主要内容 over 1000 characters and 三级 over 100', () => {
    const input: FormInput = {
      ...department,
      tasks: [{ name: '长任务', content: '字'.repeat(1001), total: 38.87, fiscal: 38.87 }, { name: '刚好', content: '字'.repeat(1000), total: 0, fiscal: 0 }],
      indicators: [
        { level1: '产出指标', level2: '数量指标', level3: '名'.repeat(101), value: '1次' },
        { level1: '产出指标', level2: '数量指标', level3: '名'.repeat(100), value: '1次' },
      ],
    };
    expectIssues(checkCodes(buildForm(input), ['text_too_long']), ['text_too_long@C21', 'text_too_long@D41']);
  });

  it('reports an Excel error in any cell the form reads, once per cell', () => {
    const input: FormInput = {
      ...withFields(department, { departmentName: '#REF!', phone: '#N/A', fillDate: '#VALUE!' }),
      indicators: [
        { level1: '#NAME?', level2: '数量指标', level3: '活动', value: '1次' },
        { level1: '#NAME?', level2: '数量指标', level3: '活动二', value: '#DIV/0!' },
      ],
    };
    expectIssues(checkCodes(buildForm(input), ['formula_error', 'phone_invalid', 'date_invalid']), [
      'formula_error@C3',
      'formula_error@C14',
      'formula_error@C15',
      'formula_error@B41',
      'formula_error@E42',
    ]);
  });
});
