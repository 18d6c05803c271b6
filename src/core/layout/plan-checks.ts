/**
 * What a plan checks by itself, from where the builder put things: the input validations
 * (amounts, the indicator name lists, length limits) and the template's sums as red conditional
 * formats, so a file opened without the add-in still warns.
 */
import type { CellRange } from '../grid/grid';
import { absoluteA1, toA1 } from '../grid/address';
import { INDICATOR_FRAMEWORK } from '../indicators/framework';
import type { FormTemplate, IndicatorColumnKey, TaskColumnKey } from '../templates/form-template';
import type { SumRef, TaskMoneyColumn } from '../templates/template';
import type { PlanConditionalFormat, PlanValidation } from './layout-plan';
import { areaRange, declaredArea, type Placed } from './plan-places';
import { ALERT_FILL, ALERT_FONT } from './plan-styles';

export const AMOUNT_PROMPT = '请输入以万元为单位的数字，如 180.61';
const AMOUNT_ERROR = { title: '金额无效', message: '请输入不小于 0 的数字，以万元为单位，如 180.61' };

/** The names a list validation offers: each framework name, then its synonyms, without repeats. */
export function level1Names(): string[] {
  return unique(INDICATOR_FRAMEWORK.flatMap((l1) => [l1.name, ...l1.synonyms]));
}

export function level2Names(): string[] {
  return unique(INDICATOR_FRAMEWORK.flatMap((l1) => l1.children.flatMap((l2) => [l2.name, ...l2.synonyms])));
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

export function buildValidations(template: FormTemplate, placed: Placed): PlanValidation[] {
  const validations: PlanValidation[] = [];
  const amount = (range: CellRange, title: string): PlanValidation => ({
    range,
    rule: { kind: 'decimal', min: 0 },
    prompt: { title, message: AMOUNT_PROMPT },
    error: AMOUNT_ERROR,
  });
  for (const field of template.fields) {
    const area = placed.fields.get(field.id);
    if (field.kind === 'amount' && area) validations.push(amount(areaRange(area), field.label));
  }
  const task = placed.task;
  if (task) {
    const column = (key: TaskColumnKey): CellRange | undefined => {
      const at = task.columns.get(key);
      return at && { top: task.firstRow, left: at.col, bottom: task.lastRow, right: at.col + at.colSpan - 1 };
    };
    const moneyTitles: Readonly<Record<TaskMoneyColumn, string>> = { total: '总额', fiscal: '财政拨款', other: '其他资金' };
    for (const key of ['total', 'fiscal', 'other'] as const) {
      const range = column(key);
      if (range) validations.push(amount(range, moneyTitles[key]));
    }
    const content = column('content');
    if (content) validations.push({ range: content, rule: { kind: 'textLength', max: 1000 }, error: { title: '主要内容过长', message: '主要内容不超过 1000 个字' } });
  }
  for (const table of placed.indicatorTables) validations.push(...indicatorValidations(table));
  return validations;
}

function indicatorValidations(table: Placed['indicatorTables'][number]): PlanValidation[] {
  const column = (key: IndicatorColumnKey): CellRange => {
    const at = declaredArea(table.columns, key);
    return { top: table.firstRow, left: at.col, bottom: table.lastRow, right: at.col + at.colSpan - 1 };
  };
  const validations: PlanValidation[] = [
    {
      range: column('level1'),
      rule: { kind: 'list', items: level1Names() },
      prompt: { title: '一级指标', message: '产出指标、效益指标、满意度指标（或成本指标）' },
      error: { title: '一级指标', message: '请从列表中选择一级指标' },
    },
    {
      range: column('level2'),
      rule: { kind: 'list', items: level2Names() },
      prompt: { title: '二级指标', message: '如 数量指标、质量指标、时效指标、成本指标' },
      error: { title: '二级指标', message: '请从列表中选择二级指标' },
    },
    { range: column('level3'), rule: { kind: 'textLength', max: 100 }, error: { title: '三级指标过长', message: '三级指标名称不超过 100 个字' } },
  ];
  if (table.columns.has('valueKind')) {
    validations.push({ range: column('valueKind'), rule: { kind: 'list', items: ['定量', '定性'] }, error: { title: '指标值类型', message: '请选择 定量 或 定性' } });
  }
  return validations;
}

/** The template's sums as red-fill conditional formats, so a file opened without the add-in still warns. */
export function buildConditionalFormats(template: FormTemplate, placed: Placed): PlanConditionalFormat[] {
  const formats: PlanConditionalFormat[] = [];
  const tolerance = template.settings.sumTolerance;
  // Each ref becomes a list of absolute references (one argument each), or undefined when not drawn.
  // A task row's cell is relative in its row ($E21 on the first task row), so one format covers every row.
  const refs = (ref: SumRef): string[] | undefined => {
    if (ref.kind === 'field') {
      const area = placed.fields.get(ref.field);
      return area ? [absoluteA1(area.row, area.col)] : undefined;
    }
    const col = placed.task?.columns.get(ref.column)?.col;
    const task = placed.task;
    if (!task || col === undefined) return undefined;
    if (ref.kind === 'taskCell') return [`$${toA1(task.firstRow, col)}`];
    return ref.kind === 'taskTotal' ? [absoluteA1(task.totalRow, col)] : [`${absoluteA1(task.firstRow, col)}:${absoluteA1(task.lastRow, col)}`];
  };
  const anchor = (ref: SumRef): CellRange | undefined => {
    if (ref.kind === 'field') {
      const area = placed.fields.get(ref.field);
      return area ? areaRange(area) : undefined;
    }
    const task = placed.task;
    const col = task?.columns.get(ref.column)?.col;
    if (ref.kind === 'taskColumn' || !task || col === undefined) return undefined;
    const rows = ref.kind === 'taskTotal' ? { top: task.totalRow, bottom: task.totalRow } : { top: task.firstRow, bottom: task.lastRow };
    return { ...rows, left: col, right: col };
  };
  for (const sum of template.sums) {
    const range = anchor(sum.whole);
    const whole = refs(sum.whole);
    const parts = sum.parts.map((part: SumRef) => refs(part));
    if (!range || !whole || parts.some((p) => p === undefined)) continue;
    const partList = parts.flatMap((p) => p ?? []).join(',');
    // ROUND to 4 decimals (1 元) on both sides, so float noise never turns a cell red.
    const differs = `ABS(ROUND(${whole[0]},4)-ROUND(SUM(${partList}),4))>${tolerance}`;
    const formula = sum.when === 'anyPartFilled' ? `=AND(COUNTA(${partList})>0,${differs})` : `=${differs}`;
    formats.push({ ranges: [range], formula, fill: ALERT_FILL, fontColor: ALERT_FONT });
  }
  return formats;
}
