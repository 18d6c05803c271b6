/**
 * Reading forms of any layout: titles of each family, labels as forms spell them, tables by
 * their headings in any order and spelling, extra columns, untitled sheets.
 */
import { extractSheet } from '../../../src/core/extract';
import type { ExtractedForm } from '../../../src/core/forms/form-data';
import type { SheetSnapshot } from '../../../src/core/grid/grid';
import { sheetFromValues } from '../../../src/core/grid/grid';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import type { TemplateId } from '../../../src/core/templates/template';
import { gridFromPlan } from '../../helpers/grid-from-plan';

const project = gridFromPlan(buildLayoutPlan('project', { year: 2022, withSample: true }));
const department = gridFromPlan(buildLayoutPlan('department', { year: 2022, withSample: true }));

function only(sheet: SheetSnapshot): ExtractedForm {
  const forms = extractSheet(sheet);
  expect(forms).toHaveLength(1);
  return forms[0];
}

function retext(sheet: SheetSnapshot, changes: Readonly<Record<string, string | null>>): SheetSnapshot {
  return { ...sheet, rows: sheet.rows.map((row) => row?.map((cell) => (typeof cell?.value === 'string' && cell.value in changes ? { ...cell, value: changes[cell.value] } : cell))) };
}

/** A small hand-typed form: a title, two labels with values to the right, an indicator table. */
function typedForm(title: string | null, labels: readonly [string, string][], headings: readonly string[]): SheetSnapshot {
  return sheetFromValues('表', [
    ...(title === null ? [] : [[title]]),
    ...labels.map(([label, value]) => [label, value]),
    headings,
    ['产出指标', '数量指标', '培训人次', '≥200人次'],
    [null, '质量指标', '培训合格率', '≥95%'],
    ['效益指标', '社会效益指标', '技能提升', '明显提升'],
    ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
  ]);
}

const HEADINGS = ['一级指标', '二级指标', '三级指标', '指标值'];

describe('a form is recognised by its title family', () => {
  it.each<[string, [string, string][], TemplateId]>([
    ['项目绩效目标申报表', [['项目名称', '职业技能培训'], ['资金总额', '50']], 'project'],
    ['2023年度项目支出绩效目标申报表', [['项目名称', '职业技能培训'], ['年度资金总额', '50'], ['实施单位', '市人社局']], 'national-project'],
    ['项目支出绩效目标表', [['项目支出名称', '职业技能培训'], ['年度本级预算金额', '50']], 'hunan-project'],
    ['项目支出绩效目标表', [['项目名称', '职业技能培训'], ['主管部门及代码', '市人社局 101'], ['年度资金总额', '50']], 'national-project'],
    ['2023年度整体绩效目标表', [['部门(单位)名称', '市人社局'], ['*部门(单位)职责', '就业服务']], 'hunan-department'],
    ['部门（单位）整体支出绩效目标申报表', [['部门（单位）名称', '市人社局'], ['年度总体目标', '稳就业']], 'department'],
  ])('%s with %j is read as %s', (title, labels, layout) => {
    expect(only(typedForm(title, labels, HEADINGS)).template).toBe(layout);
  });

  it('reads the year inside the title', () => {
    expect(only(typedForm('2023年度整体绩效目标表', [['部门(单位)名称', '市人社局'], ['*部门(单位)职责', '就业服务']], HEADINGS)).year).toBe(2023);
  });

  it('reads an untitled sheet whose labels are clearly those of a form, and not a sheet with a few of them', () => {
    const labels: [string, string][] = [['*项目支出名称', '职业技能培训'], ['*预算部门', '市人社局'], ['年度本级预算金额', '50'], ['*本年度绩效目标', '培训200人次']];
    expect(only(typedForm(null, labels, HEADINGS)).template).toBe('hunan-project');
    expect(extractSheet(typedForm(null, labels.slice(0, 2), HEADINGS))).toEqual([]);
    expect(extractSheet(sheetFromValues('汇总', [['项目名称', '资金总额', '预算部门'], ['培训', 50, '市人社局']]))).toEqual([]);
  });
});

describe('labels as forms spell them', () => {
  it.each([
    ['*项目名称', '华侨事务'],
    ['项 目 名 称：', '华侨事务'],
    ['【项目名称】', '华侨事务'],
    ['项目名称:', '华侨事务'],
  ])('reads %s', (label, value) => {
    expect(only(retext(project, { 项目名称: label })).fields.projectName?.value).toBe(value);
  });

  it('reads 填报单位（盖章） and 资金总额（万元）', () => {
    const form = only(retext(project, { '填报单位(盖章)': '填报单位（盖章）：', 资金总额: '资金总额（万元）' }));
    expect([form.fields.unit?.value, form.fields.totalFunds?.value]).toEqual(['衡阳市归国华侨联合会', 38.87]);
  });

  it('reads a value on the row below a label that stands alone', () => {
    const sheet = typedForm('项目绩效目标申报表', [['项目名称', '职业技能培训']], HEADINGS);
    const withBelow = sheetFromValues('表', [['项目绩效目标申报表'], ['项目名称'], ['职业技能培训'], ['资金总额', 50], ...sheet.rows.slice(3).map((row) => row?.map((cell) => cell?.value ?? null) ?? [])]);
    expect(only(withBelow).fields.projectName).toEqual({ cell: 'A3', value: '职业技能培训' });
  });
});

describe('tables found by their headings', () => {
  it('reads the reference layout with its indicator headings renamed and reordered, and an extra 计量单位 column', () => {
    const form = only(typedForm('项目绩效目标申报表', [['项目名称', '培训'], ['资金总额', '50']], ['一级指标', '二级指标', '目标值', '指标内容', '计量单位']));
    expect(form.indicators.map((row) => [row.level1.value, row.level2.value, row.level3.value, row.value.value, row.unit?.value ?? null])).toEqual([
      ['产出指标', '数量指标', '≥200人次', '培训人次', null],
      ['产出指标', '质量指标', '≥95%', '培训合格率', null],
      ['效益指标', '社会效益指标', '明显提升', '技能提升', null],
      ['满意度指标', '服务对象满意度指标', '≥90%', '学员满意度', null],
    ]);
  });

  it('keeps the reference forms as they were read', () => {
    const form = only(department);
    expect(form.indicators).toHaveLength(13);
    expect(form.indicators.every((row) => row.unit === undefined && row.period === undefined)).toBe(true);
  });
});
