import { planFromTemplate } from '../../../src/core/layout/build-layout-plan';
import { planToSnapshot } from '../../../src/core/layout/plan-to-snapshot';
import { extractSheet } from '../../../src/core/extract';
import { getTemplate, TEMPLATES } from '../../../src/core/templates';
import { defineTemplate, type FormTemplate, type TaskTableBlock } from '../../../src/core/templates/form-template';
import { LayoutDeclarationError, validateTemplate } from '../../../src/core/templates/validate-template';

const department = getTemplate('department');

/** The department template with its task table replaced. */
function withTaskTable(edit: (block: TaskTableBlock) => TaskTableBlock, extra: Partial<FormTemplate> = {}): FormTemplate {
  const blocks = department.layout.blocks.map((b) => (b.kind === 'taskTable' ? edit(b) : b));
  return { ...department, ...extra, layout: { ...department.layout, blocks } };
}

describe('template declarations are typed by their own field ids', () => {
  it('refuses, at compile time, a sum or an input cell naming a field the template does not declare', () => {
    const declare = () =>
      defineTemplate({
        ...department,
        fields: [{ id: 'totalFunds', label: '资金总额', kind: 'amount', required: true, section: '资金' }],
        // @ts-expect-error: 'totalFund' is not a declared field id
        sums: [{ id: 'misspelt', whole: { kind: 'field', field: 'totalFund' }, parts: [], when: 'always' }],
        layout: {
          ...department.layout,
          // @ts-expect-error: 'totalFundz' is not a declared field id
          blocks: [{ kind: 'rows', rows: [{ cells: [{ kind: 'title', text: 't' }, { kind: 'input', field: 'totalFundz' }] }] }],
        },
      });
    // At run time the same mistakes are caught when the template loads.
    expect(() => validateTemplate(declare())).toThrow(LayoutDeclarationError);
  });

  it('loads every registered template', () => {
    for (const template of Object.values(TEMPLATES)) expect(validateTemplate(template)).toBe(template);
  });
});

describe('what types cannot catch fails LayoutDeclarationError at load', () => {
  it.each<[string, FormTemplate]>([
    ['a sum adding a text field', { ...department, sums: [{ id: 'bad', whole: { kind: 'field', field: 'totalFunds' }, parts: [{ kind: 'field', field: 'departmentName' }], when: 'always' }] }],
    ['a sum over a task column the table lacks', withTaskTable((b) => ({ ...b, columns: b.columns.filter((c) => c.key !== 'fiscal').map((c) => (c.key === 'content' ? { ...c, span: 3 } : c)) }))],
    ['a task table without 总额', withTaskTable((b) => ({ ...b, columns: b.columns.map((c) => (c.key === 'total' ? { ...c, key: 'other' } : c)) }), { sums: [] })],
    ['a task table with two 财政拨款 columns', withTaskTable((b) => ({ ...b, columns: b.columns.map((c) => (c.key === 'content' ? { ...c, key: 'fiscal', span: 2 } : c)) }))],
    ['hasTaskTable without a task table', { ...department, hasTaskTable: false }],
    [
      'an indicator table without 指标值',
      { ...department, layout: { ...department.layout, blocks: department.layout.blocks.map((b) => (b.kind === 'indicatorTable' ? { ...b, columns: b.columns.filter((c) => c.key !== 'value').concat({ key: 'remark', heading: '备注', span: 2 }) } : b)) } },
    ],
    ['two fields with one id', { ...department, fields: [...department.fields, department.fields[0]] }],
    ['财政拨款 read only where present', withTaskTable((b) => ({ ...b, columns: b.columns.map((c) => (c.key === 'fiscal' ? { ...c, readIfPresent: true } : c)) }))],
    [
      'a sum mixing one task row’s cells with a form-wide amount',
      { ...department, sums: [{ id: 'mixed', each: 'taskRow', whole: { kind: 'taskCell', column: 'total' }, parts: [{ kind: 'taskTotal', column: 'fiscal' }], when: 'always' } as unknown as FormTemplate['sums'][number]] },
    ],
    ['two sums with one id', { ...department, sums: [department.sums[0], department.sums[0]] }],
  ])('refuses %s', (_case, template) => {
    expect(() => validateTemplate(template)).toThrow(LayoutDeclarationError);
    expect(() => planFromTemplate(template, 2022)).toThrow(LayoutDeclarationError);
  });
});

describe('a task table with other columns is drawn and read from its declaration', () => {
  // The national department form: 任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金, no crash for the extra column.
  const national = withTaskTable((b) => ({
    ...b,
    columns: [
      { key: 'name', heading: '任务名称' },
      { key: 'content', heading: '主要内容' },
      { key: 'total', heading: '总额', group: '预算金额（万元）' },
      { key: 'fiscal', heading: '财政拨款', group: '预算金额（万元）' },
      { key: 'other', heading: '其他资金', group: '预算金额（万元）' },
    ],
  }));

  it('sums every money column on the 金额合计 row and restricts each to amounts', () => {
    const plan = planFromTemplate(national, 2022);
    const totalRow = plan.cells.find((c) => c.value === '金额合计');
    const formulas = plan.cells.filter((c) => c.row === totalRow?.row && c.formula !== undefined).map((c) => c.formula);
    expect(formulas).toEqual(['=SUM(D14:D17)', '=SUM(E14:E17)', '=SUM(F14:F17)']);
    expect(plan.validations.filter((v) => v.rule.kind === 'decimal' && v.range.top === 13).map((v) => v.prompt?.title)).toEqual(['总额', '财政拨款', '其他资金']);
  });

  it('is read back with its task rows', () => {
    const [form] = extractSheet(planToSnapshot(planFromTemplate(national, 2022)));
    expect(form?.taskTotal?.total.cell).toBe('D18');
    expect(form?.taskTotal?.other?.cell).toBe('F18');
  });

  it('warns natively on a task row whose 总额 is not 财政拨款 + 其他资金, one format over the rows', () => {
    const plan = planFromTemplate(national, 2022);
    const rowSum = plan.conditionalFormats.find((format) => format.formula.includes('$E14,$F14'));
    expect(rowSum).toMatchObject({ ranges: [{ top: 13, bottom: 16, left: 3, right: 3 }], formula: '=AND(COUNTA($E14,$F14)>0,ABS(ROUND($D14,4)-ROUND(SUM($E14,$F14),4))>0.005)' });
  });
});

describe('the reference department layout reads 其他资金 where a form has it, and never prints it', () => {
  const plan = planFromTemplate(department, 2022);

  it('draws the task table as the reference: 总额 and 财政拨款 under 预算金额（万元）, nothing beside', () => {
    const headings = plan.cells.filter((c) => c.role === 'header' && c.row === 12 && c.value !== undefined).map((c) => c.value);
    expect(headings).toEqual(['总额', '财政拨款']);
    expect(plan.columnWidths).toHaveLength(6);
  });

  it('has no native check for the sums over the column it does not print', () => {
    const formulas = plan.conditionalFormats.map((format) => format.formula);
    expect(formulas).toHaveLength(5);
    expect(formulas.some((formula) => formula.includes('$G'))).toBe(false);
  });
});
