/**
 * Builds ExtractedForm values by hand, at fixed, readable addresses, so the rules can be
 * tested without a grid or the extractor:
 *
 *   fields: column C from row 2, in the order of FIELD_CELLS;
 *   tasks: row 21 on (B 任务名称, C 主要内容, D 总额, E 财政拨款), then 金额合计 (D, E);
 *   indicators: header at B40, rows 41 on (B 一级, C 二级, D 三级, E 指标值, and where given
 *   F 指标值类型, G 计量单位); a 一级/二级 name
 *   repeated on consecutive rows is one merged cell, as the extractor reports it.
 */
import type { ExtractedForm, FieldValue, IndicatorRow, TaskRow } from '../../../src/core/forms/form-data';
import type { CellScalar } from '../../../src/core/grid/grid';
import { getSample } from '../../../src/core/sample';
import type { TemplateId } from '../../../src/core/templates/template';

export const DEPARTMENT_CELLS = {
  unit: 'C2',
  departmentName: 'C3',
  totalFunds: 'C4',
  publicFinance: 'C5',
  governmentFund: 'C6',
  specialAccountNonTax: 'C7',
  otherFunds: 'C8',
  basicExpenditure: 'C9',
  projectExpenditure: 'C10',
  functions: 'C11',
  overallGoal: 'C12',
  preparer: 'C13',
  phone: 'C14',
  fillDate: 'C15',
} as const;

export const PROJECT_CELLS = {
  unit: 'C2',
  projectName: 'C3',
  budgetUnit: 'C4',
  totalFunds: 'C5',
  fiscalFunds: 'C6',
  otherFunds: 'C7',
  annualGoal: 'C8',
  preparer: 'C9',
  phone: 'C10',
  fillDate: 'C11',
} as const;

/** The builder lays out the two reference layouts. */
type ReferenceId = Extract<TemplateId, 'department' | 'project'>;

const CELLS: Record<ReferenceId, Record<string, string>> = { department: DEPARTMENT_CELLS, project: PROJECT_CELLS };

export const TASK_FIRST_ROW = 21;
export const INDICATOR_FIRST_ROW = 41;

/** Marks a field whose label is not on the sheet at all. */
export const ABSENT = Symbol('absent');

export interface TaskInput {
  readonly name: CellScalar;
  readonly content: CellScalar;
  readonly total: CellScalar;
  readonly fiscal: CellScalar;
}

export interface IndicatorInput {
  readonly level1: CellScalar;
  readonly level2: CellScalar;
  readonly level3: CellScalar;
  readonly value: CellScalar;
  /** 指标值类型 and 计量单位, for the layouts that print them. */
  readonly valueKind?: CellScalar;
  readonly unit?: CellScalar;
  /** The national layout's 中期 set (年度 rows carry none). */
  readonly period?: 'midTerm';
}

export interface FormInput {
  readonly template: ReferenceId;
  readonly year?: number | null;
  readonly sheet?: string;
  readonly fields?: Readonly<Record<string, CellScalar | typeof ABSENT>>;
  readonly tasks?: readonly TaskInput[];
  /** 金额合计: 'sum' (default) is the SUM formula's result over the task rows; null: no 金额合计 row. */
  /** `uncalculated`: the SUM formulas are in the file without their results (as openpyxl saves them). */
  readonly taskTotal?: 'sum' | null | { readonly total: CellScalar; readonly fiscal: CellScalar; readonly formula?: boolean; readonly uncalculated?: boolean };
  readonly indicators?: readonly IndicatorInput[];
}

function floatSum(values: readonly CellScalar[]): number {
  // A plain float sum, as Excel's SUM hands it over (17.68 + 3 + 5.19 + 13 = 38.870000000000005).
  return values.reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
}

export function buildForm(input: FormInput): ExtractedForm {
  const cells = CELLS[input.template];
  const fields: Record<string, FieldValue | undefined> = {};
  for (const [id, cell] of Object.entries(cells)) {
    const value = input.fields && id in input.fields ? input.fields[id] : null;
    fields[id] = value === ABSENT ? undefined : { cell, value: value ?? null };
  }
  const tasks: TaskRow[] = (input.tasks ?? []).map((task, index) => {
    const row = TASK_FIRST_ROW + index;
    return {
      row: row - 1,
      name: { cell: `B${row}`, value: task.name },
      content: { cell: `C${row}`, value: task.content },
      total: { cell: `D${row}`, value: task.total },
      fiscal: { cell: `E${row}`, value: task.fiscal },
    };
  });
  const totalRow = TASK_FIRST_ROW + tasks.length;
  const lastTaskRow = totalRow - 1;
  const totalSpec = input.taskTotal === undefined ? 'sum' : input.taskTotal;
  let taskTotal: ExtractedForm['taskTotal'];
  if (input.template === 'department' && totalSpec !== null) {
    const sums = totalSpec === 'sum';
    const uncalculated = !sums && totalSpec.uncalculated === true;
    const formula = sums || uncalculated || totalSpec.formula === true;
    const notCalculated = uncalculated ? ({ uncalculated: true } as const) : {};
    taskTotal = {
      labelCell: `B${totalRow}`,
      firstBodyRow: TASK_FIRST_ROW - 1,
      total: {
        cell: `D${totalRow}`,
        value: sums ? floatSum((input.tasks ?? []).map((task) => task.total)) : totalSpec.total,
        ...(formula ? { formula: `=SUM(D${TASK_FIRST_ROW}:D${lastTaskRow})` } : {}),
        ...notCalculated,
      },
      fiscal: {
        cell: `E${totalRow}`,
        value: sums ? floatSum((input.tasks ?? []).map((task) => task.fiscal)) : totalSpec.fiscal,
        ...(formula ? { formula: `=SUM(E${TASK_FIRST_ROW}:E${lastTaskRow})` } : {}),
        ...notCalculated,
      },
    };
  }

  const indicators: IndicatorRow[] = [];
  let level1Cell = '';
  let level2Cell = '';
  (input.indicators ?? []).forEach((indicator, index) => {
    const row = INDICATOR_FIRST_ROW + index;
    const previous = input.indicators?.[index - 1];
    const sameLevel1 = previous !== undefined && previous.level1 === indicator.level1 && indicator.level1 !== null && indicator.level1 !== '';
    if (!sameLevel1) level1Cell = `B${row}`;
    const sameLevel2 = sameLevel1 && previous.level2 === indicator.level2 && indicator.level2 !== null && indicator.level2 !== '';
    if (!sameLevel2) level2Cell = `C${row}`;
    indicators.push({
      row: row - 1,
      level1: { cell: level1Cell, value: indicator.level1 },
      level2: { cell: level2Cell, value: indicator.level2 },
      level3: { cell: `D${row}`, value: indicator.level3 },
      value: { cell: `E${row}`, value: indicator.value },
      ...(indicator.valueKind === undefined ? {} : { valueKind: { cell: `F${row}`, value: indicator.valueKind } }),
      ...(indicator.unit === undefined ? {} : { unit: { cell: `G${row}`, value: indicator.unit } }),
      ...(indicator.period ? { period: indicator.period } : {}),
    });
  });

  return {
    template: input.template,
    sheet: input.sheet ?? (input.template === 'department' ? '部门整体支出绩效目标' : '项目绩效目标'),
    year: input.year === undefined ? 2022 : input.year,
    titleCell: 'A1',
    fields,
    tasks,
    ...(taskTotal ? { taskTotal } : {}),
    indicators,
    indicatorHeaderCell: `B${INDICATOR_FIRST_ROW - 1}`,
  };
}

/** A minimal complete table: 数量, 质量, 时效, 成本 under 产出; 社会效益; 满意度 (rows 41–46). */
export const COMPLETE_TABLE: readonly IndicatorInput[] = [
  { level1: '产出指标', level2: '数量指标', level3: '举办活动', value: '1次' },
  { level1: '产出指标', level2: '质量指标', level3: '活动质量', value: '圆满完成' },
  { level1: '产出指标', level2: '时效指标', level3: '完成时间', value: '6月底前' },
  { level1: '产出指标', level2: '成本指标', level3: '活动经费', value: '38.87万元' },
  { level1: '效益指标', level2: '社会效益指标', level3: '凝聚侨心', value: '明显提升' },
  { level1: '满意度指标', level2: '服务对象满意度指标', level3: '侨界满意度', value: '≥90%' },
];

/** The reference form (docs/domain.md, "The reference forms", through the built-in sample), with changes. */
export function referenceInput(template: ReferenceId): FormInput {
  const sample = getSample(template);
  return {
    template,
    year: sample.year,
    fields: { ...sample.fields },
    tasks: sample.tasks.map((task) => ({ name: task.name, content: task.content, total: task.total, fiscal: task.fiscal })),
    indicators: sample.indicators.map((indicator) => ({ level1: indicator.level1, level2: indicator.level2, level3: indicator.level3, value: indicator.value })),
  };
}

export function referenceForm(template: ReferenceId, change: (input: FormInput) => FormInput = (input) => input): ExtractedForm {
  return buildForm(change(referenceInput(template)));
}

/** The reference input with some fields replaced. */
export function withFields(input: FormInput, fields: Readonly<Record<string, CellScalar | typeof ABSENT>>): FormInput {
  return { ...input, fields: { ...input.fields, ...fields } };
}
