import { getTemplate, TEMPLATES } from '../../../src/core/templates';
import type { SumRef } from '../../../src/core/templates/template';
import { TEMPLATE_IDS } from '../../../src/core/templates/template';

describe('templates', () => {
  it('has one template per id, under its own id', () => {
    for (const id of TEMPLATE_IDS) expect(getTemplate(id).id).toBe(id);
    expect(Object.keys(TEMPLATES).sort()).toEqual([...TEMPLATE_IDS].sort());
  });

  it.each([
    ['department', ['unit', 'departmentName', 'totalFunds', 'publicFinance', 'governmentFund', 'specialAccountNonTax', 'otherFunds', 'basicExpenditure', 'projectExpenditure', 'functions', 'overallGoal', 'preparer', 'phone', 'fillDate']],
    ['project', ['unit', 'projectName', 'budgetUnit', 'totalFunds', 'fiscalFunds', 'otherFunds', 'annualGoal', 'preparer', 'phone', 'fillDate']],
  ] as const)('%s declares the fields the rules use, in the order of the form', (id, fieldIds) => {
    expect(getTemplate(id).fields.map((f) => f.id)).toEqual(fieldIds);
  });

  it.each(TEMPLATE_IDS)('%s: every sum refers to declared amount fields, and field ids are unique', (id) => {
    const template = getTemplate(id);
    const amountIds = new Set(template.fields.filter((f) => f.kind === 'amount').map((f) => f.id));
    const refs: SumRef[] = template.sums.flatMap((s) => [s.whole, ...s.parts]);
    for (const ref of refs) {
      if (ref.kind === 'field') expect(amountIds).toContain(ref.field);
      else expect(template.hasTaskTable).toBe(true);
    }
    expect(new Set(template.fields.map((f) => f.id)).size).toBe(template.fields.length);
  });

  it('department: 资金总额 is checked against both breakdowns, 金额合计 against the tasks, 项目支出 optionally', () => {
    const sums = getTemplate('department').sums;
    expect(sums.map((s) => [s.id, s.when, s.optional ?? false])).toEqual([
      ['fundsByIncome', 'anyPartFilled', false],
      ['fundsByExpenditure', 'anyPartFilled', false],
      ['taskTotal', 'always', false],
      ['taskFiscal', 'always', false],
      ['taskOther', 'always', false],
      ['taskRowFunds', 'anyPartFilled', false],
      ['projectExpenditureTasks', 'always', true],
    ]);
    expect(getTemplate('department').settings).toEqual({ sumTolerance: 0.005, expectCostIndicator: true, checkOptionalSums: true });
  });

  it('the footer labels accept each other as aliases (填表人 / 填报人)', () => {
    expect(getTemplate('department').fields.find((f) => f.id === 'preparer')).toMatchObject({ label: '填表人', aliases: ['填报人'] });
    expect(getTemplate('project').fields.find((f) => f.id === 'fillDate')).toMatchObject({ label: '填报日期', aliases: ['填表日期'] });
  });
});
