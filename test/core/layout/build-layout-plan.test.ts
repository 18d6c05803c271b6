import { parseA1, rangeToA1, toA1 } from '../../../src/core/grid/address';
import type { CellRange } from '../../../src/core/grid/grid';
import { INDICATOR_FRAMEWORK } from '../../../src/core/indicators/framework';
import { AMOUNT_PROMPT, buildLayoutPlan, level1Names, level2Names } from '../../../src/core/layout/build-layout-plan';
import type { LayoutPlan, PlanCell } from '../../../src/core/layout/layout-plan';
import { getSample } from '../../../src/core/sample';
import { getTemplate } from '../../../src/core/templates';
import { TEMPLATE_IDS } from '../../../src/core/templates/template';
import type { TemplateId } from '../../../src/core/templates/template';
import { normalizeLabel } from '../../../src/core/text/normalize';

const plans = (withSample: boolean): [TemplateId, LayoutPlan][] => TEMPLATE_IDS.map((id) => [id, buildLayoutPlan(id, { year: 2022, withSample })]);
const ALL_PLANS = [...plans(false), ...plans(true)].map(([id, plan]) => [`${id}${plan.cells.some((c) => c.field === 'unit' && c.value !== undefined) ? ' (sample)' : ''}`, plan] as const);

/** The plan's cell at an A1 address (the plan draws each cell once). */
function at(plan: LayoutPlan, address: string): PlanCell | undefined {
  const position = parseA1(address);
  return plan.cells.find((c) => c.row === position?.row && c.col === position?.col);
}

function cellOfField(plan: LayoutPlan, field: string): PlanCell {
  const cell = plan.cells.find((c) => c.field === field);
  if (!cell) throw new Error(`no input cell for ${field}`);
  return cell;
}

function covers(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

/** The printed texts (titles, labels, headings) in reading order: row by row, left to right. */
function printedLabels(plan: LayoutPlan): string[] {
  return plan.cells
    .filter((c) => ['title', 'subtitle', 'label', 'header'].includes(c.role) && typeof c.value === 'string')
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => String(c.value));
}

describe('the department form, as the reference prints it', () => {
  it('shows every label of the reference, in its order (the two breakdowns stand side by side)', () => {
    expect(printedLabels(buildLayoutPlan('department', { year: 2022, withSample: false })).map(normalizeLabel)).toEqual(
      [
        '部门整体支出绩效目标申报表',
        '(2022 年度)',
        '填报单位(盖章)',
        '部门名称',
        '年度预算申请（万元）',
        '资金总额',
        '按收入性质分',
        '按支出性质分',
        '公共财政拨款',
        '基本支出',
        '政府性基金拨款',
        '项目支出',
        '纳入专户管理的非税收入拨款',
        '其他资金',
        '部门职能职责概述',
        '年度主要任务',
        '任务名称',
        '主要内容',
        '预算金额（万元）',
        '总额',
        '财政拨款',
        '金额合计',
        '年度总体目标',
        '部门整体支出年度绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标值（包含数字及文字描述）',
        '预算部门、财政部门审核意见',
        '填表人',
        '联系电话',
        '填表日期',
      ].map(normalizeLabel),
    );
  });

  it('gives each amount of the budget block its own label cell and input cell', () => {
    const plan = buildLayoutPlan('department', { year: 2022, withSample: false });
    const pairs = [
      ['资金总额', 'totalFunds'],
      ['公共财政拨款', 'publicFinance'],
      ['政府性基金拨款', 'governmentFund'],
      ['纳入专户管理的非税收入拨款', 'specialAccountNonTax'],
      ['其他资金', 'otherFunds'],
      ['基本支出', 'basicExpenditure'],
      ['项目支出', 'projectExpenditure'],
    ];
    for (const [label, field] of pairs) {
      const labelCell = plan.cells.find((c) => c.value === label && c.role === 'label');
      const input = cellOfField(plan, field);
      expect(labelCell?.row).toBe(input.row);
      expect(input.col).toBeGreaterThan(labelCell?.col ?? Infinity);
    }
  });

  it('draws 4 task rows on a blank form, closed by 金额合计 with SUM formulas over exactly those rows', () => {
    const plan = buildLayoutPlan('department', { year: 2022, withSample: false });
    const total = plan.cells.find((c) => c.value === '金额合计');
    expect(total && toA1(total.row, total.col)).toBe('B18');
    expect(at(plan, 'E18')?.formula).toBe('=SUM(E14:E17)');
    expect(at(plan, 'F18')?.formula).toBe('=SUM(F14:F17)');
    // Rows 14–17 are the task rows: input cells under 任务名称, 主要内容, 总额, 财政拨款.
    for (let row = 14; row <= 17; row++) for (const col of ['B', 'C', 'E', 'F']) expect(at(plan, `${col}${row}`)?.role).toBe('input');
    // 任务名称 is merged over the two header rows; 总额 and 财政拨款 stand under 预算金额（万元）.
    expect(['B12', 'B13', 'E12', 'E13', 'F13'].map((a) => [at(plan, a)?.role, at(plan, a)?.value])).toEqual([
      ['header', '任务名称'],
      ['header', undefined],
      ['header', '预算金额（万元）'],
      ['header', '总额'],
      ['header', '财政拨款'],
    ]);
  });

  it('sizes the task table to the sample (4 tasks) and its SUM covers them', () => {
    const plan = buildLayoutPlan('department', { year: 2022, withSample: true });
    expect(['B14', 'B15', 'B16', 'B17'].map((a) => at(plan, a)?.value)).toEqual(['海外联谊', '群众工作', '参政议政', '维护侨益']);
    expect(['E14', 'E15', 'E16', 'E17'].map((a) => at(plan, a)?.value)).toEqual([17.68, 3, 5.19, 13]);
    expect(at(plan, 'E18')?.formula).toBe('=SUM(E14:E17)');
  });

  it('merges the section label down its section and 一级/二级 down their groups', () => {
    const plan = buildLayoutPlan('department', { year: 2022, withSample: true });
    const merged = plan.merges.map(rangeToA1);
    expect(merged).toEqual(expect.arrayContaining(['A5:A10', 'A12:A18', 'A20:A33', 'B21:B30', 'C21:C24', 'C25:C28', 'B31:B32']));
    // The satisfaction row has no 二级: nothing merged there.
    expect(merged.some((m) => m.startsWith('C33'))).toBe(false);
  });

  it('lists the default indicator groups on a blank form: names filled, 三级 and 指标值 blank', () => {
    const plan = buildLayoutPlan('department', { year: 2022, withSample: false });
    const header = plan.cells.find((c) => c.value === '一级指标') as PlanCell;
    const rows = [1, 2, 3, 4, 5, 6, 7].map((i) => header.row + i);
    const value = (row: number, col: number) => plan.cells.find((c) => c.row === row && c.col === col)?.value;
    const level1 = (row: number) => {
      const merge = plan.merges.find((m) => covers(m, row, 1));
      return value(merge ? merge.top : row, 1);
    };
    expect(rows.map(level1)).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '效益指标', '满意度指标']);
    expect(rows.map((r) => value(r, 2))).toEqual(['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '服务对象满意度指标']);
    expect(rows.map((r) => [value(r, 3), value(r, 4)])).toEqual(rows.map(() => [undefined, undefined]));
    expect(value(header.row + 8, 0)).toBe('预算部门、财政部门审核意见');
  });

  it('writes the reference sample where it belongs', () => {
    const plan = buildLayoutPlan('department', { year: 2022, withSample: true });
    const sample = getSample('department');
    for (const [field, value] of Object.entries(sample.fields)) expect(cellOfField(plan, field).value).toEqual(value);
    expect(cellOfField(plan, 'functions').value).toMatch(/^<p>市侨联是中共衡阳市委领导的.*<ol style="list-style-type: none">.*8、承办市委、市政府交办的其他工作。$/u);
    expect(['D29', 'E29', 'D30', 'E30'].map((a) => at(plan, a)?.value)).toEqual(['按时完成比率', '100%', '180.61万元', '略有节余']);
    expect(['B33', 'D33', 'E33'].map((a) => at(plan, a)?.value)).toEqual(['社会公众或服务对象满意度', '上级、社会公众、服务对象满意。', '满意度达到95%']);
  });
});

describe('the project form, as the reference prints it', () => {
  it('shows every label of the reference, in its order', () => {
    expect(printedLabels(buildLayoutPlan('project', { year: 2022, withSample: false })).map(normalizeLabel)).toEqual(
      [
        '项目绩效目标申报表',
        '(2022 年度)',
        '填报单位(盖章)',
        '项目名称',
        '预算单位',
        '项目资金（万元）',
        '资金总额',
        '其中：财政拨款',
        '其他资金',
        '总体目标',
        '年度目标',
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标值（包含数字及文字描述）',
        '预算部门、财政部门审核意见',
        '填报人',
        '联系电话',
        '填报日期',
      ].map(normalizeLabel),
    );
    const projectPlan = buildLayoutPlan('project', { year: 2022, withSample: false });
    const unitNote = projectPlan.cells.find((c) => c.value === '金额单位：万元');
    expect(unitNote).toBeDefined();
    // Printed words, not a box to fill in.
    expect(unitNote && projectPlan.styles[unitNote.style]).toMatchObject({ border: false });
    expect(unitNote && projectPlan.styles[unitNote.style].fill).toBeUndefined();
  });

  it('puts 年度目标 under its label and sizes the indicator table to the sample (7 rows)', () => {
    const plan = buildLayoutPlan('project', { year: 2022, withSample: true });
    const label = plan.cells.find((c) => c.value === '年度目标') as PlanCell;
    expect(cellOfField(plan, 'annualGoal')).toMatchObject({ row: label.row + 1, col: label.col, value: '做好凝心聚力、服务中心、联络联谊、为侨服务、能力建设等工作。' });
    const header = plan.cells.find((c) => c.value === '一级指标') as PlanCell;
    const review = plan.cells.find((c) => c.value === '预算部门、财政部门审核意见') as PlanCell;
    expect(review.row - header.row - 1).toBe(7);
    // The reference's last row, each piece under its heading.
    expect(['B18', 'C18', 'D18', 'E18'].map((a) => at(plan, a)?.value)).toEqual(['社会公众或服务对象满意度指标', undefined, '满意度', '95%以上']);
  });
});

describe.each(ALL_PLANS)('%s plan', (_name, plan) => {
  it('has merges that do not overlap and stay inside the form', () => {
    for (let i = 0; i < plan.merges.length; i++) {
      const a = plan.merges[i];
      expect(a.top >= plan.extent.top && a.bottom <= plan.extent.bottom && a.left >= plan.extent.left && a.right <= plan.extent.right).toBe(true);
      for (let j = i + 1; j < plan.merges.length; j++) {
        const b = plan.merges[j];
        const overlap = a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
        expect(overlap ? `${rangeToA1(a)} overlaps ${rangeToA1(b)}` : 'ok').toBe('ok');
      }
    }
  });

  it('draws every cell of the form once, with thin borders (captions aside) and a font that renders Chinese', () => {
    const seen = new Set<string>();
    for (const cell of plan.cells) {
      const key = toA1(cell.row, cell.col);
      expect(seen.has(key) ? `${key} twice` : key).toBe(key);
      seen.add(key);
      expect(plan.styles[cell.style]).toMatchObject({ border: cell.style !== 'caption', font: { name: 'SimSun' } });
    }
    expect(seen.size).toBe((plan.extent.bottom + 1) * (plan.extent.right + 1));
  });

  it('keeps values in the top-left cell of a merge only', () => {
    for (const merge of plan.merges) {
      const inside = plan.cells.filter((c) => covers(merge, c.row, c.col) && (c.row !== merge.top || c.col !== merge.left));
      expect(inside.filter((c) => c.value !== undefined || c.formula !== undefined || c.field !== undefined)).toEqual([]);
    }
  });

  it('styles the title, labels and inputs as the printed form', () => {
    const title = plan.cells.find((c) => c.role === 'title') as PlanCell;
    expect(plan.styles[title.style]).toMatchObject({ font: { bold: true, size: 16 }, horizontal: 'center' });
    for (const cell of plan.cells.filter((c) => c.role === 'label' || c.role === 'header')) {
      expect(plan.styles[cell.style]).toMatchObject({ font: { bold: true }, fill: '#F2F2F2', horizontal: 'center', wrap: true });
    }
    for (const cell of plan.cells.filter((c) => c.role === 'input')) {
      expect(plan.styles[cell.style]).toMatchObject({ fill: '#FFFFFF', vertical: 'top', wrap: true });
      expect(['left', 'right']).toContain(plan.styles[cell.style].horizontal);
    }
  });

  it('formats every amount cell as 0.00## (right aligned) and restricts it to a decimal ≥ 0 with a Chinese prompt', () => {
    const template = getTemplate(plan.template);
    const amountFields = template.fields.filter((f) => f.kind === 'amount').map((f) => f.id);
    const taskMoney = plan.cells.filter((c) => c.role === 'input' && plan.styles[c.style].numberFormat === '0.00##');
    const amountCells = [...amountFields.map((f) => cellOfField(plan, f)), ...taskMoney];
    expect(amountCells.length).toBeGreaterThanOrEqual(amountFields.length + (template.hasTaskTable ? 8 : 0));
    for (const cell of amountCells) {
      expect(plan.styles[cell.style]).toMatchObject({ numberFormat: '0.00##', horizontal: 'right' });
      const validation = plan.validations.find((v) => covers(v.range, cell.row, cell.col));
      expect(validation?.rule).toEqual({ kind: 'decimal', min: 0 });
      expect(validation?.prompt?.message).toBe(AMOUNT_PROMPT);
      expect(validation?.prompt?.message).toBe('请输入以万元为单位的数字，如 180.61');
    }
    const totalFunds = template.fields.find((f) => f.id === 'totalFunds');
    if (plan.template === 'department' || plan.template === 'project') expect(totalFunds?.label).toBe('资金总额');
    if (totalFunds) expect(plan.validations.find((v) => covers(v.range, cellOfField(plan, 'totalFunds').row, cellOfField(plan, 'totalFunds').col))?.prompt?.title).toBe(totalFunds.label);
  });

  it('offers the framework names in the 一级 and 二级 columns and limits 三级 to 100 characters', () => {
    const header = plan.cells.find((c) => c.value === '一级指标') as PlanCell;
    const firstRow = header.row + 1;
    const ruleAt = (col: number) => plan.validations.find((v) => covers(v.range, firstRow, col))?.rule;
    expect(ruleAt(header.col)).toEqual({ kind: 'list', items: level1Names() });
    expect(ruleAt(header.col + 1)).toEqual({ kind: 'list', items: level2Names() });
    expect(ruleAt(header.col + 2)).toEqual({ kind: 'textLength', max: 100 });
    for (const l1 of INDICATOR_FRAMEWORK) expect(level1Names()).toContain(l1.name);
    for (const l2 of INDICATOR_FRAMEWORK.flatMap((l) => l.children)) expect(level2Names()).toContain(l2.name);
    // Excel keeps a list typed into the validation to 255 characters.
    expect(level1Names().join(',').length).toBeLessThanOrEqual(255);
    expect(level2Names().join(',').length).toBeLessThanOrEqual(255);
  });

  it('prints on A4 (portrait, or landscape where the layout is wide), one page wide, centred, the whole form, with the indicator header row repeated', () => {
    const orientation = getTemplate(plan.template).layout.orientation ?? 'portrait';
    if (plan.template === 'department' || plan.template === 'project') expect(orientation).toBe('portrait');
    const header = plan.cells.find((c) => c.role === 'header' && c.value === '一级指标');
    expect(header).toBeDefined();
    // Sets side by side print their own headings (中期绩效指标 | 年度绩效指标) on the row above: both rows repeat.
    const setHeadings = plan.cells.some((c) => c.role === 'header' && c.row === (header?.row ?? 0) - 1 && /绩效指标$/u.test(String(c.value)));
    const first = setHeadings ? (header?.row ?? 0) - 1 : header?.row;
    expect(plan.print).toMatchObject({ paperSize: 'A4', orientation, fitToPagesWide: 1, fitToPagesTall: 0, centerHorizontally: true, titleRows: { first, last: header?.row } });
    expect(plan.print.area).toEqual(plan.extent);
    expect(plan.extent).toMatchObject({ top: 0, left: 0, right: plan.columnWidths.length - 1 });
  });

  it('fits one A4 page wide at 100% (about 95 character units between 0.5" margins, 145 in landscape)', () => {
    const total = plan.columnWidths.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(70);
    expect(total).toBeLessThanOrEqual(plan.print.orientation === 'landscape' ? 145 : 95);
  });

  it('gives every row a height, and long texts taller rows (never above Excel’s 409 points)', () => {
    for (let row = 0; row <= plan.extent.bottom; row++) {
      expect(plan.rowHeights[row]).toBeGreaterThanOrEqual(20);
      expect(plan.rowHeights[row]).toBeLessThanOrEqual(409);
    }
  });

  it('marks the sheet with a sheet-scoped name on the title, and names the sheet within Excel’s rules', () => {
    const template = getTemplate(plan.template);
    // A defined name holds letters, digits, _ . and \ only: national-project is named national_project.
    expect(plan.marker).toEqual({ name: `PerfTargetForm_${plan.template.replace(/-/g, '_')}_v${template.version}`, cell: { row: 0, col: 0 } });
    expect(plan.marker.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.\\]*$/);
    expect(plan.cells.find((c) => c.row === 0 && c.col === 0)?.value).toContain(template.title);
    expect(plan.sheetName.length).toBeLessThanOrEqual(31);
    expect(plan.sheetName).not.toMatch(/[[\]:*?/\\]/);
    const first = cellOfField(plan, template.fields[0].id);
    expect(plan.firstInputCell).toEqual({ row: first.row, col: first.col });
  });
});

describe('native checks (conditional formats with plain formulas)', () => {
  const formulasOn = (plan: LayoutPlan, address: string) => {
    const position = parseA1(address);
    return plan.conditionalFormats.filter((f) => f.ranges.some((r) => position && covers(r, position.row, position.col)));
  };

  it('department: 资金总额 against both breakdowns, 金额合计 against the task rows, 项目支出 against 金额合计', () => {
    const plan = buildLayoutPlan('department', { year: 2022, withSample: true });
    expect(formulasOn(plan, 'D5').map((f) => f.formula)).toEqual([
      '=AND(COUNTA($D$7,$D$8,$D$9,$D$10)>0,ABS(ROUND($D$5,4)-ROUND(SUM($D$7,$D$8,$D$9,$D$10),4))>0.005)',
      '=AND(COUNTA($F$7,$F$8)>0,ABS(ROUND($D$5,4)-ROUND(SUM($F$7,$F$8),4))>0.005)',
    ]);
    expect(formulasOn(plan, 'E18').map((f) => f.formula)).toEqual(['=ABS(ROUND($E$18,4)-ROUND(SUM($E$14:$E$17),4))>0.005']);
    expect(formulasOn(plan, 'F18').map((f) => f.formula)).toEqual(['=ABS(ROUND($F$18,4)-ROUND(SUM($F$14:$F$17),4))>0.005']);
    expect(formulasOn(plan, 'F8').map((f) => f.formula)).toEqual(['=ABS(ROUND($F$8,4)-ROUND(SUM($E$18),4))>0.005']);
    for (const format of plan.conditionalFormats) expect(format).toMatchObject({ fill: '#FFC7CE', fontColor: '#9C0006' });
  });

  it('project: 资金总额 against 财政拨款 + 其他资金', () => {
    const plan = buildLayoutPlan('project', { year: 2022, withSample: false });
    expect(plan.conditionalFormats.map((f) => [f.ranges.map(rangeToA1), f.formula])).toEqual([
      [['D6:F6'], '=AND(COUNTA($D$7,$D$8)>0,ABS(ROUND($D$6,4)-ROUND(SUM($D$7,$D$8),4))>0.005)'],
    ]);
  });

  it('refers only to cells of the form, absolutely', () => {
    for (const [, plan] of ALL_PLANS) {
      for (const format of plan.conditionalFormats) {
        const references = format.formula.match(/\$?[A-Z]+\$?\d+/g) ?? [];
        for (const reference of references) {
          expect(reference).toMatch(/^\$[A-Z]+\$\d+$/);
          const position = parseA1(reference);
          expect(position && position.row <= plan.extent.bottom && position.col <= plan.extent.right).toBe(true);
        }
      }
    }
  });
});

describe('the year', () => {
  it.each([
    ['department', 2023],
    ['project', 2023],
    ['department', 2024],
  ] as const)('%s for %i says so under the title', (id, year) => {
    const plan = buildLayoutPlan(id, { year, withSample: false });
    expect(plan.year).toBe(year);
    expect(at(plan, 'A2')?.value).toBe(`(${year} 年度)`);
  });
});
