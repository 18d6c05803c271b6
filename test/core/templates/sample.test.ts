import { getSample, SAMPLES } from '../../../src/core/sample';
import { getTemplate } from '../../../src/core/templates';
import { TEMPLATE_IDS } from '../../../src/core/templates/template';

/** Sums in 1/10000 万元 (1 元), so that 17.68 + 3 + 5.19 + 13 is exactly 38.87. */
const yuan = (amount: number) => Math.round(amount * 10000);
const sum = (amounts: readonly number[]) => amounts.reduce((total, a) => total + yuan(a), 0);

describe('the reference sample (衡阳市归国华侨联合会, 2022)', () => {
  const department = getSample('department');
  const project = getSample('project');

  it.each(TEMPLATE_IDS)('%s: fills only declared fields, amounts as numbers', (id) => {
    const declared = getTemplate(id).fields.map((f) => f.id);
    expect(SAMPLES[id].template).toBe(id);
    for (const field of Object.keys(SAMPLES[id].fields)) expect(declared).toContain(field);
    for (const field of getTemplate(id).fields.filter((f) => f.kind === 'amount')) {
      const value = SAMPLES[id].fields[field.id];
      if (value !== undefined) expect(typeof value).toBe('number');
    }
  });

  it.each(['department', 'project'] as const)('%s: is for the budget year 2022', (id) => {
    expect(SAMPLES[id].year).toBe(2022);
  });

  it('department: its sums hold as printed (180.61 = 180.61 = 141.74 + 38.87; tasks 38.87)', () => {
    const f = department.fields as Record<string, number>;
    expect(yuan(f.totalFunds)).toBe(sum([f.publicFinance]));
    expect(yuan(f.totalFunds)).toBe(sum([f.basicExpenditure, f.projectExpenditure]));
    expect(department.tasks.map((t) => t.total)).toEqual([17.68, 3, 5.19, 13]);
    expect(sum(department.tasks.map((t) => t.total))).toBe(yuan(38.87));
    expect(sum(department.tasks.map((t) => t.fiscal))).toBe(yuan(f.projectExpenditure));
  });

  it('department: keeps the reference’s flaws that the rules report as warnings', () => {
    expect(department.fields.functions).toContain('<p>');
    expect(department.fields.functions).toContain('<ol style="list-style-type: none">');
    expect(department.indicators.find((i) => i.level2 === '成本指标')).toEqual({ level1: '完成指标', level2: '成本指标', level3: '180.61万元', value: '略有节余' });
    expect(department.indicators).toHaveLength(13);
    expect(department.fields).toMatchObject({ preparer: '扶金辉', phone: '8866810', fillDate: '2022年1月5日' });
  });

  it('project: 38.87 = 38.87 + 0, 7 indicator rows, the last one under the satisfaction name', () => {
    const f = project.fields as Record<string, number>;
    expect(yuan(f.totalFunds)).toBe(sum([f.fiscalFunds]));
    expect(project.indicators).toHaveLength(7);
    expect(project.indicators[6]).toEqual({ level1: '社会公众或服务对象满意度指标', level2: '', level3: '满意度', value: '95%以上' });
    expect(project.fields).toMatchObject({ preparer: '扶金辉', phone: '15873406651', fillDate: '2022年1月5日' });
  });
});
