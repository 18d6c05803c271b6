import { checkForms } from '../../../src/core/check/check-forms';
import { ISSUE_CODES, type Issue, type IssueParams } from '../../../src/core/issues/issue';
import { formatIssue, LANGS, resolveLang, severityLabel, templateTitle } from '../../../src/core/messages';
import { declaredIssues } from '../../../src/core/rules/registry';
import { buildForm, referenceInput, withFields, type FormInput } from '../rules/form-builder';
import { TODAY } from '../rules/check-helpers';

const department = referenceInput('department');

function firstIssue(input: FormInput, code: Issue['code']): Issue {
  const issue = checkForms([buildForm(input)], { today: TODAY })[0].issues.find((candidate) => candidate.code === code);
  if (!issue) throw new Error(`no ${code}`);
  return issue;
}

describe('messages', () => {
  it('say which field and which numbers, in zh-CN', () => {
    const issue = firstIssue(withFields(department, { publicFinance: 180.57 }), 'sum_mismatch');
    expect(formatIssue(issue, 'zh-CN')).toBe(
      '资金总额（180.61）不等于 公共财政拨款 + 政府性基金拨款 + 纳入专户管理的非税收入拨款 + 其他资金 之和（180.57），相差 0.04 万元。请核对各项金额。可使用快速修复改为 180.57。',
    );
    expect(formatIssue(issue, 'en-US')).toBe(
      '资金总额 (180.61) does not equal the sum of 公共财政拨款 + 政府性基金拨款 + 纳入专户管理的非税收入拨款 + 其他资金 (180.57); the difference is 0.04 万元. Please check the amounts. The quick fix writes 180.57.',
    );
  });

  it.each<[string, FormInput, Issue['code'], string, string]>([
    ['not_a_number', withFields(department, { totalFunds: '180.61万元' }), 'not_a_number', '“资金总额”填的是文字“180.61万元”，不是数字。请只填写以万元为单位的数字：180.61（可使用快速修复）。', '资金总额 holds the text "180.61万元", not a number. Please enter the number in 万元 only: 180.61 (quick fix available).'],
    ['unit_mismatch', withFields(department, { totalFunds: '1806100元' }), 'unit_mismatch', '“资金总额”“1806100元”是以元为单位的金额，本表以万元为单位，应为 180.61（可使用快速修复）。', '资金总额 "1806100元" is in 元, but this form asks for 万元: it should be 180.61 (quick fix available).'],
    ['required_missing', withFields(department, { departmentName: '/' }), 'required_missing', '“部门名称”未填写（空白或只有占位符）。请填写后再提交。', '部门名称 is not filled in (blank or a placeholder). Please fill it in.'],
  ])('%s', (_name, input, code, zh, en) => {
    const issue = firstIssue(input, code);
    expect(formatIssue(issue, 'zh-CN')).toBe(zh);
    expect(formatIssue(issue, 'en-US')).toBe(en);
  });

  it('offer the SUM formula for an overwritten 金额合计', () => {
    const issue = checkForms([buildForm({ ...department, taskTotal: { total: 38.8, fiscal: 38.87 } })], { today: TODAY })[0].issues.find(
      (candidate) => candidate.cells[0] === 'D25',
    );
    expect(issue && formatIssue(issue, 'zh-CN')).toBe(
      '金额合计（总额）（38.8）不等于 各项任务的总额（38.87），相差 0.07 万元。请核对各项金额。可使用快速修复恢复公式 =SUM(D21:D24)。',
    );
  });

  it('say that a formula saved without its result is not calculated, and how to have it calculated', () => {
    const issue = firstIssue({ ...department, taskTotal: { total: null, fiscal: null, uncalculated: true } }, 'formula_not_calculated');
    expect(formatIssue(issue, 'zh-CN')).toBe('“金额合计（总额）”的公式 =SUM(D21:D24) 未计算：文件中没有保存公式的结果。请在 Excel 或 WPS 中打开并保存后再检查。');
    expect(formatIssue(issue, 'en-US')).toBe('金额合计（总额）: the formula =SUM(D21:D24) is not calculated (the file holds no result for it). Open and save the file in Excel or WPS, then check it again.');
  });

  it('have a message for every declared code in both languages, with no undefined or NaN', () => {
    // Issues made from every declaration's typical parameters are covered by the rule tests;
    // here every code renders from the issues the catalogue of bad forms produces.
    const bad: FormInput = {
      ...withFields(department, { totalFunds: '1806100元', publicFinance: '#REF!', otherFunds: -1, governmentFund: 1.234567, specialAccountNonTax: 'abc', phone: '123', fillDate: '2030年1月1日', overallGoal: '<b>x</b>', departmentName: null }),
      tasks: [
        { name: 'A', content: null, total: 1, fiscal: 2 },
        { name: 'A', content: '字'.repeat(1001), total: null, fiscal: 1 },
      ],
      indicators: [
        { level1: '产出指标', level2: '数量指标', level3: '名'.repeat(101), value: '若干' },
        { level1: '产出指标', level2: '进度指标', level3: null, value: '105%' },
        { level1: '效益指标', level2: '数量指标', level3: 'x', value: '-' },
        { level1: '影响指标', level2: '', level3: 'y', value: '200万元' },
      ],
    };
    const project = referenceInput('project');
    const reviewed: FormInput = {
      ...withFields(project, { fiscalFunds: null, otherFunds: null }),
      indicators: [
        { level1: '', level2: '数量指标', level3: '培训', value: '2' },
        { level1: '产出指标', level2: '质量指标', level3: '验收合格率', value: '1' },
        { level1: '产出指标', level2: '质量指标', level3: '数量指标', value: '1次' },
        { level1: '产出指标', level2: '时效指标', level3: '完成时间', value: '28.8万元', unit: '%' },
        { level1: '产出指标', level2: '成本指标', level3: '经费', value: '≥38.87万元' },
        { level1: '效益指标', level2: '社会效益指标', level3: '提升', value: '明显', valueKind: '定性', unit: '%' },
        { level1: '效益指标', level2: '经济效益指标', level3: null, value: null },
        { level1: '效益指标', level2: '社会公众或服务对象满意度指标', level3: '满意度', value: '95%' },
      ],
    };
    const inYuan = withFields(project, { fiscalFunds: 388700 });
    const issues = checkForms([buildForm(reviewed), buildForm(inYuan), buildForm(bad), buildForm({ ...department, taskTotal: { total: null, fiscal: null, uncalculated: true } }), buildForm({ ...referenceInput('project'), fields: { ...referenceInput('project').fields, totalFunds: 99, fiscalFunds: 99, fillDate: '2022年2月30日' } })], {
      today: TODAY,
    }).flatMap((result) => result.issues);
    const codes = new Set(issues.map((issue) => issue.code));
    for (const declaration of declaredIssues()) expect(codes).toContain(declaration.code);
    for (const issue of issues) {
      for (const lang of LANGS) {
        const text = formatIssue(issue, lang);
        expect(text).not.toMatch(/undefined|NaN|\[object/);
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });

  it('never throw on issues from elsewhere: missing or mistyped parameters, unknown codes', () => {
    for (const code of ISSUE_CODES) {
      const odd: IssueParams[] = [{}, { parts: '公共财政拨款', projects: 3, level: 'x', labelMissing: 'yes', whole: ['a'] }];
      for (const params of odd) {
        for (const lang of LANGS) {
          const text = formatIssue({ code, severity: 'error', cells: ['A1'], params }, lang);
          expect(text).not.toMatch(/undefined|NaN|\[object/);
        }
      }
    }
    const unknown = JSON.parse('{"code":"brand_new_rule","severity":"warning","cells":["B2"],"params":{}}') as Issue;
    expect(formatIssue(unknown, 'zh-CN')).toBe('brand_new_rule (B2)');
  });

  it.each([
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['EN', 'en-US'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
  ])('resolveLang(%p) is %s', (office, lang) => {
    expect(resolveLang(office)).toBe(lang);
  });

  it('label severities and templates', () => {
    expect(severityLabel('error', 'zh-CN')).toBe('错误');
    expect(severityLabel('warning', 'en-US')).toBe('Warning');
    expect(templateTitle('department', 'zh-CN')).toBe('部门整体支出绩效目标申报表');
    expect(templateTitle('project', 'zh-CN')).toBe('项目绩效目标申报表');
    expect(templateTitle('project', 'en-US')).toBe('Project performance targets');
  });
});
