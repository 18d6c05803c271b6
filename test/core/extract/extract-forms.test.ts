import fc from 'fast-check';
import { extractForms, extractSheet } from '../../../src/core/extract';
import type { ExtractedForm, FieldValue } from '../../../src/core/forms/form-data';
import type { CellScalar, SheetSnapshot } from '../../../src/core/grid/grid';
import { sheetFromValues } from '../../../src/core/grid/grid';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { getSample } from '../../../src/core/sample';
import { gridFromPlan, insertRows, moveForm, setCells, stackSheets, withoutMerges } from '../../helpers/grid-from-plan';

const departmentPlan = buildLayoutPlan('department', { year: 2022, withSample: true });
const projectPlan = buildLayoutPlan('project', { year: 2022, withSample: true });

function only(sheet: SheetSnapshot): ExtractedForm {
  const forms = extractSheet(sheet);
  expect(forms).toHaveLength(1);
  return forms[0];
}

/** Fields as `{ id: [cell, value] }`, for compact expectations. */
function fieldTable(form: ExtractedForm): Record<string, [string, CellScalar] | undefined> {
  return Object.fromEntries(Object.entries(form.fields).map(([id, field]) => [id, field ? [field.cell, field.value] : undefined]));
}

const pair = (field: FieldValue): [string, CellScalar] => [field.cell, field.value];

const DEPARTMENT_FIELDS = {
  unit: ['B3', '市侨联'],
  departmentName: ['B4', '衡阳市归国华侨联合会'],
  totalFunds: ['D5', 180.61],
  publicFinance: ['D7', 180.61],
  governmentFund: ['D8', null],
  specialAccountNonTax: ['D9', null],
  otherFunds: ['D10', null],
  basicExpenditure: ['F7', 141.74],
  projectExpenditure: ['F8', 38.87],
  functions: ['B11', getSample('department').fields.functions],
  overallGoal: ['B19', '做好凝心聚力、服务中心、联络联谊、为侨服务、能力建设等工作。'],
  preparer: ['B35', '扶金辉'],
  phone: ['D35', '8866810'],
  fillDate: ['F35', '2022年1月5日'],
};

const PROJECT_FIELDS = {
  unit: ['B3', '衡阳市归国华侨联合会'],
  projectName: ['B4', '华侨事务'],
  budgetUnit: ['B5', '衡阳市归国华侨联合会'],
  totalFunds: ['D6', 38.87],
  fiscalFunds: ['D7', 38.87],
  otherFunds: ['D8', null],
  annualGoal: ['B10', '做好凝心聚力、服务中心、联络联谊、为侨服务、能力建设等工作。'],
  preparer: ['B20', '扶金辉'],
  phone: ['D20', '15873406651'],
  fillDate: ['F20', '2022年1月5日'],
};

describe('the reference sample, as inserted', () => {
  it('department: every field with its cell and value', () => {
    const form = only(gridFromPlan(departmentPlan));
    expect(form).toMatchObject({ template: 'department', sheet: '部门整体支出绩效目标', year: 2022, titleCell: 'A1', indicatorHeaderCell: 'B20' });
    expect(fieldTable(form)).toEqual(DEPARTMENT_FIELDS);
  });

  it('department: the 4 tasks and 金额合计 with its formulas', () => {
    const form = only(gridFromPlan(departmentPlan));
    expect(form.tasks.map((t) => [t.row, pair(t.name), pair(t.total), pair(t.fiscal)])).toEqual([
      [13, ['B14', '海外联谊'], ['E14', 17.68], ['F14', 17.68]],
      [14, ['B15', '群众工作'], ['E15', 3], ['F15', 3]],
      [15, ['B16', '参政议政'], ['E16', 5.19], ['F16', 5.19]],
      [16, ['B17', '维护侨益'], ['E17', 13], ['F17', 13]],
    ]);
    expect(form.tasks.map((t) => t.content.value)).toEqual(getSample('department').tasks.map((t) => t.content));
    expect(form.tasks[0].content.cell).toBe('C14');
    expect(form.taskTotal).toEqual({
      labelCell: 'B18',
      total: { cell: 'E18', value: 38.87, formula: '=SUM(E14:E17)' },
      fiscal: { cell: 'F18', value: 38.87, formula: '=SUM(F14:F17)' },
    });
  });

  it('department: the 13 indicator rows, 一级/二级 carried down from their merged cells', () => {
    const form = only(gridFromPlan(departmentPlan));
    const sample = getSample('department').indicators;
    expect(form.indicators.map((r) => [r.level1.value, r.level2.value ?? '', r.level3.value, r.value.value])).toEqual(
      sample.map((s) => [s.level1, s.level2, s.level3, s.value]),
    );
    expect(form.indicators[3]).toMatchObject({ row: 23, level1: { cell: 'B21' }, level2: { cell: 'C21' }, level3: { cell: 'D24' }, value: { cell: 'E24', value: '2个' } });
    expect(form.indicators[12]).toMatchObject({ level1: { cell: 'B33', value: '社会公众或服务对象满意度' }, level2: { cell: 'C33', value: null } });
  });

  it('project: every field, no tasks, the 7 indicator rows', () => {
    const form = only(gridFromPlan(projectPlan));
    expect(form).toMatchObject({ template: 'project', year: 2022, titleCell: 'A1', tasks: [], indicatorHeaderCell: 'B11' });
    expect(form.taskTotal).toBeUndefined();
    expect(fieldTable(form)).toEqual(PROJECT_FIELDS);
    expect(form.indicators.map((r) => [r.level1.value, r.level2.value ?? '', r.level3.value, r.value.value])).toEqual(
      getSample('project').indicators.map((s) => [s.level1, s.level2, s.level3, s.value]),
    );
  });

  it('reads the blank template: empty fields at their cells, the default indicator names, no tasks', () => {
    const form = only(gridFromPlan(buildLayoutPlan('department', { year: 2025, withSample: false })));
    expect(form.year).toBe(2025);
    expect(form.fields.totalFunds).toEqual({ cell: 'D5', value: null });
    expect(form.tasks).toEqual([]);
    expect(form.taskTotal?.total).toEqual({ cell: 'E18', value: 0, formula: '=SUM(E14:E17)' });
    expect(form.indicators.map((r) => [r.level1.value, r.level2.value, r.level3.value])).toEqual([
      ['产出指标', '数量指标', null],
      ['产出指标', '质量指标', null],
      ['产出指标', '时效指标', null],
      ['产出指标', '成本指标', null],
      ['效益指标', '经济效益指标', null],
      ['效益指标', '社会效益指标', null],
      ['满意度指标', '服务对象满意度指标', null],
    ]);
  });
});

describe('a form the user has changed', () => {
  it('reads 3 tasks inserted in the middle and 10 indicator rows inserted in a group, with blank rows between', () => {
    let sheet = gridFromPlan(departmentPlan);
    // Above row 16 (参政议政): three tasks and a blank row.
    sheet = insertRows(sheet, 16, 4, [
      [null, '侨情调研', '开展侨情调查', null, 2, 2],
      [null, '侨界联谊', '举办联谊会', null, 1.5, 1],
      [],
      [null, '法律服务', '提供法律咨询', null, 0.5, 0.5],
    ]);
    // Inside 数量指标 (now rows 25–28): above row 26, ten rows and a blank one.
    const added = Array.from({ length: 10 }, (_, i) => [null, null, null, `新增指标${i + 1}`, `${i + 1}次`]);
    sheet = insertRows(sheet, 26, 11, [...added.slice(0, 5), [], ...added.slice(5)]);
    const form = only(sheet);

    expect(form.tasks.map((t) => t.name.value)).toEqual(['海外联谊', '群众工作', '侨情调研', '侨界联谊', '法律服务', '参政议政', '维护侨益']);
    expect(form.tasks[2]).toMatchObject({ row: 15, name: { cell: 'B16' }, total: { cell: 'E16', value: 2 } });
    expect(form.taskTotal?.total).toEqual({ cell: 'E22', value: 42.87, formula: '=SUM(E14:E21)' });
    expect(form.fields.overallGoal?.cell).toBe('B23');

    expect(form.indicators).toHaveLength(23);
    const quantity = form.indicators.filter((r) => r.level2.value === '数量指标');
    expect(quantity).toHaveLength(14);
    expect(quantity.map((r) => r.level1)).toEqual(quantity.map(() => ({ cell: 'B25', value: '完成指标' })));
    expect(quantity[1]).toMatchObject({ level3: { cell: 'D26', value: '新增指标1' }, value: { cell: 'E26', value: '1次' } });
    expect(form.fields.preparer).toEqual({ cell: 'B50', value: '扶金辉' });
  });

  it('reads rows inserted just below a merged group (outside the merge) as part of that group', () => {
    // Above row 29 (时效指标): the new row is below the 数量/质量 merges, not inside them.
    const sheet = insertRows(gridFromPlan(departmentPlan), 29, 1, [[null, null, null, '新增质量指标', '合格']]);
    const row = only(sheet).indicators.find((r) => r.level3.value === '新增质量指标');
    expect(row).toMatchObject({ level1: { value: '完成指标' }, level2: { value: '质量指标', cell: 'C25' } });
  });

  it('finds a form moved to C5', () => {
    const form = only(moveForm(gridFromPlan(departmentPlan), 'C5'));
    expect(form.titleCell).toBe('C5');
    expect(form.year).toBe(2022);
    expect(form.fields.totalFunds).toEqual({ cell: 'F9', value: 180.61 });
    expect(form.fields.fillDate).toEqual({ cell: 'H39', value: '2022年1月5日' });
    expect(form.tasks.map((t) => t.total.cell)).toEqual(['G18', 'G19', 'G20', 'G21']);
    expect(form.taskTotal?.total.cell).toBe('G22');
    expect(form.indicators[0]).toMatchObject({ level1: { cell: 'D25' }, level3: { cell: 'F25' } });
  });

  it('reads labels spelled with spaces, colons and full-width characters', () => {
    const sheet = setCells(gridFromPlan(departmentPlan), {
      A2: '（２０２２年度）',
      A4: '部 门 名 称：',
      B5: '资金总额:',
      E7: '基本支出：',
      A35: '填报人',
      E35: '填报日期：',
      B20: '一级指标：',
      E20: '指标值(包含数字及文字描述)',
    });
    const form = only(sheet);
    expect(form.year).toBe(2022);
    expect(fieldTable(form)).toEqual(DEPARTMENT_FIELDS);
    expect(form.indicators).toHaveLength(13);
  });

  it('reads a label that holds its value after a colon, and a title with the year in it', () => {
    const sheet = setCells(gridFromPlan(projectPlan), {
      A1: '2023年度项目绩效目标申报表',
      A2: null,
      A3: '填报单位(盖章): 市侨联',
      B3: null,
      B6: '资金总额: 180.61 万元',
      D6: null,
    });
    const form = only(sheet);
    expect(form.year).toBe(2023);
    expect(form.fields.unit).toEqual({ cell: 'A3', value: '市侨联' });
    expect(form.fields.totalFunds).toEqual({ cell: 'B6', value: '180.61 万元' });
  });

  it('gives undefined for a field whose label is gone, and null for a year it cannot read', () => {
    const form = only(setCells(gridFromPlan(departmentPlan), { A4: null, A2: '年度' }));
    expect(form.fields.departmentName).toBeUndefined();
    expect(form.fields.unit?.value).toBe('市侨联');
    expect(form.year).toBeNull();
  });

  it('reads a form without its merges (typed by hand): values right of labels, names carried down', () => {
    const form = only(withoutMerges(gridFromPlan(departmentPlan)));
    // A blank amount cannot be told from the empty rest of a merged label: its cell is the one right of the label.
    expect(fieldTable(form)).toEqual({ ...DEPARTMENT_FIELDS, governmentFund: ['C8', null], specialAccountNonTax: ['C9', null], otherFunds: ['C10', null] });
    expect(form.indicators.map((r) => [r.level1.value, r.level2.value])).toEqual(getSample('department').indicators.map((s) => [s.level1, s.level2 === '' ? null : s.level2]));
  });

  it('reads a value a few cells right of its label when the merges are unknown', () => {
    const sheet = sheetFromValues('手填', [
      ['部门整体支出绩效目标申报表'],
      ['(2022 年度)'],
      ['部门名称', null, null, '市侨联'],
      ['资金总额', null, '基本支出', 12],
    ]);
    const form = only({ name: sheet.name, rows: sheet.rows });
    expect(form.fields.departmentName).toEqual({ cell: 'D3', value: '市侨联' });
    // The next cell right of 资金总额 is another label: 资金总额 itself is blank.
    expect(form.fields.totalFunds).toEqual({ cell: 'B4', value: null });
    expect(form.fields.basicExpenditure).toEqual({ cell: 'D4', value: 12 });
  });
});

describe('rows inserted anywhere in the tables (property)', () => {
  const sample = getSample('department');
  // Excel rows, 1-based: the task rows are 14–17 (金额合计 18), the indicator rows 21–33 (审核意见 34).
  const insertion = fc.record({
    at: fc.oneof(fc.integer({ min: 14, max: 18 }), fc.integer({ min: 21, max: 34 })),
    count: fc.integer({ min: 1, max: 4 }),
  });

  it('reads the same tasks and indicators whatever blank rows are inserted, and sums over the new rows', () => {
    fc.assert(
      fc.property(fc.array(insertion, { maxLength: 4 }), (insertions) => {
        // Insert from the bottom up, so each position still means the original row.
        const sorted = [...insertions].sort((a, b) => b.at - a.at);
        const sheet = sorted.reduce((grid, { at, count }) => insertRows(grid, at, count), gridFromPlan(departmentPlan));
        const form = only(sheet);
        expect(form.tasks.map((t) => [t.name.value, t.total.value])).toEqual(sample.tasks.map((t) => [t.name, t.total]));
        expect(form.taskTotal?.total.value).toBe(38.87);
        expect(form.indicators.map((r) => [r.level1.value, r.level2.value ?? '', r.level3.value, r.value.value])).toEqual(
          sample.indicators.map((i) => [i.level1, i.level2, i.level3, i.value]),
        );
        expect(form.fields.fillDate?.value).toBe('2022年1月5日');
      }),
      { numRuns: 60 },
    );
  });
});

describe('a form typed from the reference’s text, labels and values in the same cells', () => {
  // The reference's own text (tabs between cells), as a form typed without the template looks.
  const lines = [
    '部门整体支出绩效目标申报表',
    '(2022 年度)',
    '填报单位(盖章): 市侨联',
    '部门名称\t衡阳市归国华侨联合会',
    '年度预算 申请 (万元)\t资金总额: 180.61 万元',
    '\t按收入性质分\t\t按支出性质分',
    '\t其中: 公共财政拨款: 180.61 万元 政府性基金拨款: 纳入专户管理的非税收入拨款: 其他资金:\t\t其中: 基本支出: 141.74 万元 项目支出: 38.87 万元',
    '年度主要 任务\t任务名称\t主要内容\t预算金额(万元)',
    '\t\t\t总额\t财政拨款',
    '\t海外联谊\t密切与海外侨胞及其社团的联系\t17.68\t17.68',
    '\t群众工作\t宣传、贯彻党和政府的方针、政策\t3\t3',
    '\t金额合计\t\t38.87\t38.87',
    '年度总体目标\t做好凝心聚力、服务中心、联络联谊、为侨服务、能力建设等工作。',
    '部门整体支出年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值（包含数字及文字描述）',
    '\t完成指标\t数量指标\t承办省侨商会年会。\t1次',
    '\t\t\t承办海外侨胞故乡行活动。\t1次',
    '预算部门、财政部门审核意见\t（盖章） 年 月 日',
    '填表人：扶金辉',
    '联系电话：8866810',
    '填表日期：2022年1月5日',
  ];
  const sheet: SheetSnapshot = { name: '手填', rows: lines.map((line) => line.split('\t').map((text) => (text === '' ? null : { value: /^\d+(\.\d+)?$/.test(text) ? Number(text) : text }))) };

  it('reads each label’s value after its colon, several labels in one cell included', () => {
    const form = only(sheet);
    expect(form.year).toBe(2022);
    expect(fieldTable(form)).toEqual({
      unit: ['A3', '市侨联'],
      departmentName: ['B4', '衡阳市归国华侨联合会'],
      totalFunds: ['B5', '180.61 万元'],
      publicFinance: ['B7', '180.61 万元'],
      governmentFund: ['B7', null],
      specialAccountNonTax: ['B7', null],
      otherFunds: ['B7', null],
      basicExpenditure: ['D7', '141.74 万元'],
      projectExpenditure: ['D7', '38.87 万元'],
      functions: undefined,
      overallGoal: ['B13', '做好凝心聚力、服务中心、联络联谊、为侨服务、能力建设等工作。'],
      preparer: ['A18', '扶金辉'],
      phone: ['A19', '8866810'],
      fillDate: ['A20', '2022年1月5日'],
    });
  });

  it('reads its tables from the header rows to 金额合计 and to the review row', () => {
    const form = only(sheet);
    expect(form.tasks.map((t) => [t.name.value, t.total.cell, t.total.value, t.fiscal.cell])).toEqual([
      ['海外联谊', 'D10', 17.68, 'E10'],
      ['群众工作', 'D11', 3, 'E11'],
    ]);
    expect(form.taskTotal).toMatchObject({ labelCell: 'B12', total: { cell: 'D12', value: 38.87 } });
    expect(form.indicators.map((r) => [r.level1.value, r.level2.value, r.level3.value, r.value.value])).toEqual([
      ['完成指标', '数量指标', '承办省侨商会年会。', '1次'],
      ['完成指标', '数量指标', '承办海外侨胞故乡行活动。', '1次'],
    ]);
  });

  it('does not take a label mentioned inside a paragraph for the field', () => {
    const form = only({ ...sheet, rows: [...sheet.rows.slice(0, 12), [{ value: '年度总体目标' }, { value: '做好各项工作，如有疑问请拨打联系电话：8866811。' }], ...sheet.rows.slice(13)] });
    expect(form.fields.phone).toEqual({ cell: 'A19', value: '8866810' });
  });
});

describe('the reference’s project form, typed as its text prints it', () => {
  const lines = [
    '项目绩效目标申报表',
    '(2022 年度)',
    '填报单位(盖章) 衡阳市归国华侨联合会',
    '金额单位: 万元',
    '项目名称\t华侨事务',
    '预算单位\t衡阳市归国华侨联合会',
    '项目资金 (万元)\t资金总额: 38.87',
    '\t其中: 财政拨款: 38.87',
    '\t其他资金:',
    '总体目标\t年度目标',
    '\t做好凝心聚力、服务中心、联络联谊、为侨服务、能力建设等工作。',
    '绩效指标\t一级指标\t二级指标\t三级指标\t指标值(包含数字及文字描述)',
    '\t产出指标\t数量指标\t宣传、贯彻党和政府的方针、政策。\t举办“侨心永向党歌咏”比赛 1 次。',
    '\t\t质量指标\t覆盖面广, 合格率高。\t高质量完成年度计划任务。',
    '\t效益指标\t社会效益指标\t凝聚全市侨界力量。\t侨界群众满意的模范机关。',
    '\t\t可持续影响指标\t侨界人士凝聚力量, 助力全市发展。\t民众安居乐业。',
    '\t预算部门、财政部门 审核意见\t(盖章) 年 月 日',
    '填报人: 扶金辉',
    '联系电话: 15873406651',
    '填报日期: 2022 年 1 月 5 日',
  ];
  const sheet: SheetSnapshot = { name: '项目', rows: lines.map((line) => line.split('\t').map((text) => (text === '' ? null : { value: text }))) };

  it('reads every field: after a colon, after a space, beside or below its label', () => {
    const form = only(sheet);
    expect(form.year).toBe(2022);
    expect(fieldTable(form)).toEqual({
      unit: ['A3', '衡阳市归国华侨联合会'],
      projectName: ['B5', '华侨事务'],
      budgetUnit: ['B6', '衡阳市归国华侨联合会'],
      totalFunds: ['B7', '38.87'],
      fiscalFunds: ['B8', '38.87'],
      otherFunds: ['C9', null],
      annualGoal: ['B11', '做好凝心聚力、服务中心、联络联谊、为侨服务、能力建设等工作。'],
      preparer: ['A18', '扶金辉'],
      phone: ['A19', '15873406651'],
      fillDate: ['A20', '2022 年 1 月 5 日'],
    });
  });

  it('reads the indicator rows up to the review row, carrying 一级 down', () => {
    expect(only(sheet).indicators.map((r) => [r.level1.value, r.level2.value, r.level3.cell])).toEqual([
      ['产出指标', '数量指标', 'D13'],
      ['产出指标', '质量指标', 'D14'],
      ['效益指标', '社会效益指标', 'D15'],
      ['效益指标', '可持续影响指标', 'D16'],
    ]);
  });
});

describe('several forms and sheets', () => {
  it('reads a department form and a project form one below the other', () => {
    const sheet = stackSheets(gridFromPlan(departmentPlan), gridFromPlan(projectPlan), 2, '汇总');
    const forms = extractSheet(sheet);
    expect(forms.map((f) => [f.template, f.titleCell, f.year])).toEqual([
      ['department', 'A1', 2022],
      ['project', 'A38', 2022],
    ]);
    expect(fieldTable(forms[0])).toEqual(DEPARTMENT_FIELDS);
    expect(forms[0].indicators).toHaveLength(13);
    expect(forms[1].fields.totalFunds).toEqual({ cell: 'D43', value: 38.87 });
    expect(forms[1].fields.otherFunds).toEqual({ cell: 'D45', value: null });
    expect(forms[1].fields.phone).toEqual({ cell: 'D57', value: '15873406651' });
    expect(forms[1].indicators).toHaveLength(7);
  });

  it('reads two forms side by side', () => {
    const left = gridFromPlan(departmentPlan);
    const right = moveForm(gridFromPlan(projectPlan), 'H1');
    const rows = left.rows.map((row, r) => [...(row ?? []), null, ...(right.rows[r] ?? []).slice(7)]);
    const forms = extractSheet({ name: '并排', rows, merges: [...(left.merges ?? []), ...(right.merges ?? [])] });
    expect(forms.map((f) => [f.template, f.titleCell])).toEqual([
      ['department', 'A1'],
      ['project', 'H1'],
    ]);
    expect(fieldTable(forms[0])).toEqual(DEPARTMENT_FIELDS);
    expect(forms[1].fields.totalFunds).toEqual({ cell: 'K6', value: 38.87 });
    expect(forms[1].indicators.map((r) => r.level3.cell)).toEqual(['K12', 'K13', 'K14', 'K15', 'K16', 'K17', 'K18']);
  });

  it('lists the sheets without a form apart', () => {
    const notes = sheetFromValues('说明', [['填表说明'], ['资金总额', 12], ['一级指标', '二级指标']]);
    const result = extractForms({ sheets: [gridFromPlan(departmentPlan), notes, gridFromPlan(projectPlan)] });
    expect(result.forms.map((f) => [f.template, f.sheet])).toEqual([
      ['department', '部门整体支出绩效目标'],
      ['project', '项目绩效目标'],
    ]);
    expect(result.otherSheets).toEqual(['说明']);
    expect(extractSheet({ name: '空', rows: [] })).toEqual([]);
  });
});

describe('any grid', () => {
  const LABELS = ['部门整体支出绩效目标申报表', '项目绩效目标申报表', '(2022 年度)', '资金总额', '资金总额: 1', '任务名称', '总额', '财政拨款', '金额合计', '一级指标', '二级指标', '三级指标', '指标值', '审核意见', '填表人', '年度目标', '其中：财政拨款'];
  const scalar = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom(...LABELS),
    fc.integer({ min: 1900, max: 2100 }).map((y) => `（${y}年度）`),
  );
  const range = fc.record({ top: fc.integer({ min: -2, max: 30 }), left: fc.integer({ min: -2, max: 10 }), bottom: fc.integer({ min: -2, max: 30 }), right: fc.integer({ min: -2, max: 10 }) });
  const sheet = fc.record({
    name: fc.string(),
    rows: fc.array(fc.option(fc.array(fc.option(scalar.map((value) => ({ value })), { nil: undefined }), { maxLength: 10 }), { nil: null }), { maxLength: 30 }),
    merges: fc.option(fc.array(range, { maxLength: 8 }), { nil: undefined }),
  });

  it('never throws, and every cell it names is an A1 address', () => {
    fc.assert(
      fc.property(sheet, (s) => {
        const forms = extractSheet(s);
        for (const form of forms) {
          const cells = [
            ...Object.values(form.fields).flatMap((f) => (f ? [f.cell] : [])),
            ...form.tasks.flatMap((t) => [t.name.cell, t.total.cell]),
            ...form.indicators.flatMap((r) => [r.level1.cell, r.value.cell]),
          ];
          for (const cell of cells) expect(cell).toMatch(/^[A-Z]+\d+$/);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('finds a form on a sheet without a title only where one layout’s indicator table and four more of its labels are', () => {
    fc.assert(
      fc.property(sheet, (s) => {
        const withoutTitles = { ...s, rows: s.rows.map((row) => row?.map((cell) => (typeof cell?.value === 'string' && cell.value.includes('申报表') ? null : cell))) };
        for (const form of extractSheet(withoutTitles)) {
          expect(form.indicatorHeaderCell).toBeDefined();
          expect(Object.values(form.fields).filter((f) => f !== undefined).length).toBeGreaterThanOrEqual(4);
        }
      }),
      { numRuns: 200 },
    );
  });

  // Speed is measured by `npm run bench`, not asserted here: these tests hold the results at scale.
  it('passes over a large sheet that is no form (50,000 rows × 10 columns)', () => {
    const rows = Array.from({ length: 50_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => ({ value: c % 3 === 0 ? `文本 ${r}:${c}` : r * c })));
    expect(extractForms({ sheets: [{ name: '数据', rows }] })).toEqual({ forms: [], otherSheets: ['数据'] });
  });

  it('reads a form with 10,000 indicator rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [null, i === 0 ? '产出指标' : null, i % 100 === 0 ? '数量指标' : null, `指标${i}`, `${i}次`]);
    const big = insertRows(gridFromPlan(departmentPlan), 22, rows.length, rows);
    const form = only(big);
    expect(form.indicators).toHaveLength(13 + 10_000);
    expect(form.fields.preparer?.value).toBe('扶金辉');
  });
});

describe('a sheet that only names a form', () => {
  it.each([['本工作簿含项目绩效目标申报表'], ['部门整体支出绩效目标申报表'], ['附件：项目绩效目标申报表（2022 年度）']])('is not a form: %s', (note) => {
    expect(extractForms({ sheets: [sheetFromValues('说明', [[note], ['请在下一张表中填写。']])] })).toEqual({ forms: [], otherSheets: ['说明'] });
  });
});
