import { LayoutDeclarationError, planFromTemplate } from '../../../src/core/layout/build-layout-plan';
import { planToSnapshot } from '../../../src/core/layout/plan-to-snapshot';
import { getSample } from '../../../src/core/sample';
import { getTemplate } from '../../../src/core/templates';
import type { FormTemplate, RowsBlock } from '../../../src/core/templates/form-template';

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
