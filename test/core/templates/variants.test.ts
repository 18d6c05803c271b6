import { LayoutDeclarationError, planFromTemplate } from '../../../src/core/layout/build-layout-plan';
import { planToSnapshot } from '../../../src/core/layout/plan-to-snapshot';
import { getSample } from '../../../src/core/sample';
import { getTemplate } from '../../../src/core/templates';
import type { FormTemplate, IndicatorColumnKey, IndicatorTableBlock, RowsBlock, TableColumnDecl } from '../../../src/core/templates/form-template';

const project = getTemplate('project');

/** A copy of the project template with its blocks changed by `edit`. */
function variant(edit: (blocks: FormTemplate['layout']['blocks']) => FormTemplate['layout']['blocks'], extra: Partial<FormTemplate> = {}): FormTemplate {
  return { ...project, ...extra, layout: { ...project.layout, blocks: edit(project.layout.blocks) } };
}

describe('a template variant is a declaration', () => {
  it('draws a variant with more default indicator rows and another sheet name, from data alone', () => {
    const withRow = variant((blocks) => blocks.map((b) => (b.kind === 'indicatorTable' ? { ...b, defaultRows: [...b.defaultRows, { level1: '效益指标', level2: '生态效益指标' }] } : b)));
    const plan = planFromTemplate({ ...withRow, layout: { ...withRow.layout, sheetName: '项目绩效目标（市级）' } }, 2024);
    expect(plan.sheetName).toBe('项目绩效目标（市级）');
    expect(plan.cells.some((c) => c.value === '生态效益指标')).toBe(true);
    expect(planToSnapshot(plan).rows[1]?.[0]?.value).toBe('(2024 年度)');
  });

  it('fills a variant with the sample of its form', () => {
    const plan = planFromTemplate(project, 2022, getSample('project'));
    expect(plan.cells.find((c) => c.field === 'projectName')?.value).toBe('华侨事务');
  });

  it.each<[string, FormTemplate]>([
    ['a row wider than the form', variant((blocks) => [{ kind: 'rows', rows: [{ cells: [{ kind: 'title', span: 7, text: '项目绩效目标申报表' }] }] } satisfies RowsBlock, ...blocks.slice(1)])],
    ['an input of an undeclared field', variant((blocks) => [...blocks, { kind: 'rows', rows: [{ cells: [{ kind: 'label', text: '备注' }, { kind: 'input', span: 5, field: 'remark' }] }] }])],
    ['a field with two input cells', variant((blocks) => [...blocks, { kind: 'rows', rows: [{ cells: [{ kind: 'label', text: '项目名称' }, { kind: 'input', span: 5, field: 'projectName' }] }] }])],
    ['a sheet name Excel refuses', { ...project, layout: { ...project.layout, sheetName: '项目/绩效' } }],
  ])('refuses %s with a LayoutDeclarationError', (_case, template) => {
    expect(() => planFromTemplate(template, 2022)).toThrow(LayoutDeclarationError);
  });
});

describe('indicator sets side by side are a declaration too', () => {
  const hunan = getTemplate('hunan-project');
  const SET: readonly TableColumnDecl<IndicatorColumnKey>[] = [
    { key: 'level1', heading: '一级指标' },
    { key: 'level2', heading: '二级指标' },
    { key: 'level3', heading: '三级指标' },
    { key: 'value', heading: '指标值' },
    { key: 'unit', heading: '计量单位' },
  ];
  /** The Hunan project layout with its 11 columns split into a 实施期 (中期) set and a 年度 set, each with 计量单位. */
  const sideBySide = (beside: Partial<NonNullable<IndicatorTableBlock['beside']>> = {}): FormTemplate => ({
    ...hunan,
    layout: {
      ...hunan.layout,
      blocks: hunan.layout.blocks.map((b) =>
        b.kind === 'indicatorTable' ? { ...b, period: 'midTerm', heading: '实施期绩效指标', columns: SET, beside: { period: 'annual', heading: '年度绩效指标', columns: SET, ...beside } } : b,
      ),
    },
  });

  it('draws both sets on shared rows, each with its heading, its extra columns and its own validations', () => {
    const plan = planFromTemplate(sideBySide(), 2025);
    const headingRow = plan.cells.find((c) => c.value === '计量单位')?.row ?? -1;
    expect(plan.cells.filter((c) => c.row === headingRow && c.value !== undefined).map((c) => c.value)).toEqual([...SET.map((c) => c.heading), ...SET.map((c) => c.heading)]);
    expect(plan.cells.filter((c) => c.row === headingRow - 1 && c.role === 'header' && c.value !== undefined).map((c) => [c.value, c.col])).toEqual([
      ['实施期绩效指标', 1],
      ['年度绩效指标', 6],
    ]);
    const lists = plan.validations.filter((v) => v.rule.kind === 'list').map((v) => [v.range.left, v.range.top]);
    expect(lists).toEqual([
      [1, headingRow + 1],
      [2, headingRow + 1],
      [6, headingRow + 1],
      [7, headingRow + 1],
    ]);
  });

  it.each<[string, FormTemplate]>([
    ['sets wider than the form', sideBySide({ columns: [...SET, { key: 'remark', heading: '备注' }] })],
    ['two sets of one period', sideBySide({ period: 'midTerm' })],
    ['a set without 指标值', sideBySide({ columns: SET.filter((c) => c.key !== 'value').concat({ key: 'remark', heading: '备注' }) })],
  ])('refuses %s with a LayoutDeclarationError', (_case, template) => {
    expect(() => planFromTemplate(template, 2025)).toThrow(LayoutDeclarationError);
  });
});
