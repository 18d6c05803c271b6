import { nextBudgetYear } from '../../src/core';
import { ZH_CN } from '../../src/taskpane/strings/zh-CN';
import { EN_US } from '../../src/taskpane/strings/en-US';
import {
  buildFormViews,
  fixValueText,
  indicatorChoices,
  parseBudgetYear,
  sectionOfCell,
  summarize,
  targetForms,
} from '../../src/taskpane/view-model';
import {
  CODE_MESSAGES,
  CROSS_FORM,
  DEPARTMENT_FORM,
  DEPARTMENT_SHEET,
  MARKUP,
  NOT_A_NUMBER,
  PROJECT_FORM,
  PROJECT_SHEET,
  SUM_MISMATCH,
  UNQUANTIFIED,
  resultOf,
} from './sample-result';

describe('grouping issues by form and section', () => {
  const result = resultOf(
    { form: DEPARTMENT_FORM, issues: [SUM_MISMATCH, NOT_A_NUMBER, UNQUANTIFIED, MARKUP, CROSS_FORM] },
    { form: PROJECT_FORM, issues: [] },
  );
  const [department, project] = buildFormViews(result, 'zh-CN', ZH_CN, CODE_MESSAGES);

  it('counts errors and warnings per form', () => {
    expect([department.errors, department.warnings]).toEqual([2, 3]);
    expect([project.errors, project.warnings]).toEqual([0, 0]);
    expect(summarize([department, project])).toEqual({ forms: 2, errors: 2, warnings: 3 });
  });

  it('orders the sections as they stand on the form, the cross-form check last', () => {
    expect(department.sections.map((section) => [section.title, section.issues.map((issue) => issue.message)])).toEqual([
      ['年度预算申请（万元）', ['sum_mismatch@C5,E7,E8']],
      ['部门职能职责概述', ['markup_in_text@B11']],
      ['年度主要任务', ['not_a_number@D16']],
      ['绩效指标', ['indicator_unquantified@E24']],
      ['跨表核对', ['cross_form_mismatch@C5,E8']],
    ]);
  });

  it('puts a workbook-wide issue on the sheet it names', () => {
    const cross = department.sections.at(-1)?.issues[0];
    expect(cross?.sheet).toBe(PROJECT_SHEET);
    expect(department.sections[0].issues[0].sheet).toBe(DEPARTMENT_SHEET);
  });

  it('labels a quick fix with the value it writes', () => {
    const issue = department.sections[2].issues[0];
    expect(issue.fix).toEqual({ cell: 'D16', value: 5.19 });
    expect(issue.fixLabel).toBe('将 D16 改为 5.19');
  });

  it('names the sections in English for an English display', () => {
    const [english] = buildFormViews(result, 'en-US', EN_US, CODE_MESSAGES);
    expect(english.sections.map((section) => section.title)).toEqual([
      'Budget request (10,000 yuan)',
      'Functions and duties',
      'Main tasks of the year',
      'Performance indicators',
      'Across forms',
    ]);
    expect(english.title).toBe('department form');
  });

  it('gives a clean workbook no sections at all', () => {
    const clean = buildFormViews(resultOf({ form: DEPARTMENT_FORM, issues: [] }), 'zh-CN', ZH_CN, CODE_MESSAGES);
    expect(clean[0].sections).toEqual([]);
    expect(summarize(clean)).toEqual({ forms: 1, errors: 0, warnings: 0 });
  });
});

describe('sectionOfCell', () => {
  it.each([
    ['C5', 'field:年度预算申请（万元）'],
    ['D40', 'field:填表信息'],
    ['B18', 'tasks'],
    ['E15', 'tasks'],
    ['B22', 'indicators'],
    ['E25', 'indicators'],
    ['Z99', 'other'],
  ])('%s belongs to %s', (cell, key) => {
    expect(sectionOfCell(DEPARTMENT_FORM, cell).key).toBe(key);
  });
});

describe('the insert panel’s year', () => {
  it('defaults to next year’s budget', () => {
    expect(nextBudgetYear(new Date(2026, 10, 25))).toBe(2027);
  });
  it.each([
    ['2027', 2027],
    [' 2022 ', 2022],
    ['１９９９', null],
    ['1999', null],
    ['2101', null],
    ['20', null],
    ['', null],
    ['2022年', null],
  ])('reads %p as %p', (text, year) => {
    expect(parseBudgetYear(text)).toBe(year);
  });
});

describe('choices for a new indicator row', () => {
  it('offers the framework’s 一级 with their 二级', () => {
    const choices = indicatorChoices();
    expect(choices.map((choice) => choice.level1.label)).toEqual(['产出指标', '效益指标', '满意度指标', '成本指标']);
    expect(choices[0].level2Options.map((option) => option.value)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
  });

  it('uses the names a form already writes, so a new row joins the existing group', () => {
    const indicator = (row: number, level1: string, level2: string | null) => ({
      row,
      level1: { cell: `B${row + 1}`, value: level1 },
      level2: { cell: `C${row + 1}`, value: level2 },
      level3: { cell: `D${row + 1}`, value: '三级' },
      value: { cell: `E${row + 1}`, value: '1次' },
    });
    const form = {
      ...DEPARTMENT_FORM,
      indicators: [indicator(22, '完成指标', '数量指标'), indicator(23, '完成指标', '时效'), indicator(24, '社会公众或服务对象满意度', null)],
    };
    const [output, benefit, satisfaction] = indicatorChoices(form);
    expect(output.level1).toEqual({ value: '完成指标', label: '完成指标（产出指标）' });
    expect(output.level2Options.slice(0, 3)).toEqual([
      { value: '数量指标', label: '数量指标' },
      { value: '质量指标', label: '质量指标' },
      { value: '时效', label: '时效（时效指标）' },
    ]);
    expect(benefit.level1).toEqual({ value: '效益指标', label: '效益指标' });
    expect(satisfaction.level1).toEqual({ value: '社会公众或服务对象满意度', label: '社会公众或服务对象满意度（满意度指标）' });
  });
  it('names a renamed sheet together with its form', () => {
    const views = buildFormViews(resultOf({ form: { ...PROJECT_FORM, sheet: '华侨事务' }, issues: [] }), 'zh-CN', ZH_CN, CODE_MESSAGES);
    expect(targetForms(views)[0].label).toBe('华侨事务（项目绩效目标申报表）');
  });

  it('lists the forms an action can target', () => {
    const views = buildFormViews(resultOf({ form: DEPARTMENT_FORM, issues: [] }, { form: PROJECT_FORM, issues: [] }), 'zh-CN', ZH_CN, CODE_MESSAGES);
    expect(targetForms(views).map(({ sheet, template, label }) => ({ sheet, template, label }))).toEqual([
      { sheet: DEPARTMENT_SHEET, template: 'department', label: '部门整体支出绩效目标' },
      { sheet: PROJECT_SHEET, template: 'project', label: '项目绩效目标' },
    ]);
  });
});

describe('fixValueText', () => {
  it.each([
    [5.19, '5.19'],
    [0.1 + 0.2, '0.3'],
    [180.61, '180.61'],
    ['=SUM(D14:D17)', '=SUM(D14:D17)'],
  ])('shows %p as %p', (value, text) => {
    expect(fixValueText(value)).toBe(text);
  });
});

describe('form headings', () => {
  it.each([
    ['部门整体支出绩效目标申报表', '部门整体支出绩效目标', 2022, '部门整体支出绩效目标申报表（2022 年度）'],
    ['项目绩效目标申报表', '华侨事务', 2022, '项目绩效目标申报表（2022 年度） · 华侨事务'],
    ['项目绩效目标申报表', '项目绩效目标 (2)', null, '项目绩效目标申报表 · 项目绩效目标 (2)'],
  ])('%s on sheet %s reads %s', (title, sheet, year, heading) => {
    expect(ZH_CN.formHeading(title, sheet, year)).toBe(heading);
  });
});
