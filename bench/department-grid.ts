/**
 * Department forms of any size, as grid snapshots: the reference sample (`buildLayoutPlan` +
 * `planToSnapshot`) with its task table and its indicator table replaced by `taskRows` and
 * `indicatorRows` generated rows, merged as the printed form merges them. Where the tables sit
 * is read from the sample itself (by extracting it), so a change of layout does not break this.
 *
 * The amounts add up (each task 1.25 / 1 万元, 项目支出 = their sum), and a few rows carry the
 * mistakes users make, so the rules have issues to report at every size:
 * every 40th task's 总额 is typed as text ("1.25万元", which Excel's SUM in 金额合计 leaves out, so
 * 金额合计 also disagrees with the rows), every 50th indicator has no 指标值.
 */
import type { CellRange, GridCell, SheetSnapshot } from '../src/core/grid/grid';
import { parseA1 } from '../src/core/grid/address';
import { extractForms } from '../src/core/extract';
import type { ExtractedForm, FieldValue } from '../src/core/forms/form-data';
import { buildLayoutPlan } from '../src/core/layout/build-layout-plan';
import { computeSum, planToSnapshot } from '../src/core/layout/plan-to-snapshot';

/** The sample did not look as this generator expects (a layout change it cannot follow). */
export class SampleLayoutError extends Error {
  constructor(detail: string) {
    super(`the department sample's layout: ${detail}`);
    this.name = 'SampleLayoutError';
  }
}

/** 一级 → 二级 groups the generated indicator rows are spread over, in the form's order. */
const INDICATOR_GROUPS: readonly (readonly [string, string])[] = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '经济效益指标'],
  ['效益指标', '社会效益指标'],
  ['满意度指标', '服务对象满意度指标'],
];

const TASK_TOTAL = 1.25;
const TASK_FISCAL = 1;
const BASIC_EXPENDITURE = 141.74;

interface Column {
  readonly col: number;
  /** Columns the cell is merged over to its right (0: not merged). */
  readonly extra: number;
}

function position(field: FieldValue): { row: number; col: number } {
  const parsed = parseA1(field.cell);
  if (!parsed) throw new SampleLayoutError(`not a cell address: ${field.cell}`);
  return parsed;
}

function columnOf(field: FieldValue, merges: readonly CellRange[]): Column {
  const { row, col } = position(field);
  const merge = merges.find((m) => m.top === row && m.bottom === row && m.left === col);
  return { col, extra: merge ? merge.right - merge.left : 0 };
}

function sampleForm(sheet: SheetSnapshot): ExtractedForm {
  const form = extractForms({ sheets: [sheet] }).forms[0];
  if (!form || form.tasks.length === 0 || form.indicators.length === 0 || !form.taskTotal) throw new SampleLayoutError('no task table, total row or indicator table found');
  return form;
}

type MutableRow = (GridCell | null)[];

/** A table's rows [first, last] replaced by `generated`; merges inside dropped, merges around grown or moved. */
function replaceRows(rows: readonly MutableRow[], merges: readonly CellRange[], first: number, last: number, generated: readonly MutableRow[], generatedMerges: readonly CellRange[]): { rows: MutableRow[]; merges: CellRange[] } {
  const delta = generated.length - (last - first + 1);
  const moveRow = (row: number): number => (row > last ? row + delta : row);
  const kept = merges.filter((m) => !(m.top >= first && m.bottom <= last)).map((m) => ({ ...m, top: moveRow(m.top), bottom: moveRow(m.bottom) }));
  return { rows: [...rows.slice(0, first), ...generated, ...rows.slice(last + 1)], merges: [...kept, ...generatedMerges] };
}

function text(value: string): GridCell {
  return { value };
}

/** Shifts the row numbers of every reference at or below `fromRow` (0-based) by `delta`. */
function shiftFormulaRows(formula: string, fromRow: number, delta: number): string {
  return formula.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (whole, column: string, digits: string) => {
    const row = Number(digits) - 1;
    return row >= fromRow ? `${column}${row + delta + 1}` : whole;
  });
}

export interface DepartmentGridOptions {
  readonly sheetName?: string;
}

/** A filled department form with `taskRows` tasks and `indicatorRows` indicators (both ≥ 1). */
export function departmentGrid(taskRows: number, indicatorRows: number, options: DepartmentGridOptions = {}): SheetSnapshot {
  if (!Number.isInteger(taskRows) || !Number.isInteger(indicatorRows) || taskRows < 1 || indicatorRows < 1) {
    throw new RangeError(`departmentGrid needs at least one task and one indicator row; got ${taskRows} and ${indicatorRows}`);
  }
  const sample = planToSnapshot(buildLayoutPlan('department', { year: 2022, withSample: true }));
  const form = sampleForm(sample);
  const sampleMerges = sample.merges ?? [];
  const width = Math.max(...sample.rows.map((row) => row?.length ?? 0));
  const blankRow = (): MutableRow => Array.from<GridCell | null>({ length: width }).fill(null);
  let rows: MutableRow[] = sample.rows.map((row) => Array.from({ length: width }, (_, c) => row?.[c] ?? null));
  let merges: CellRange[] = [...sampleMerges];

  // The indicator table first: it lies below the task table, so the task rows' positions hold.
  const firstIndicator = form.indicators[0];
  const indicatorFirst = firstIndicator.row;
  const indicatorLast = form.indicators[form.indicators.length - 1].row;
  const level1 = columnOf(firstIndicator.level1, sampleMerges);
  const level2 = columnOf(firstIndicator.level2, sampleMerges);
  const level3 = columnOf(firstIndicator.level3, sampleMerges);
  const value = columnOf(firstIndicator.value, sampleMerges);
  const indicatorCells: MutableRow[] = [];
  const indicatorMerges: CellRange[] = [];
  let level1Start = 0;
  let level2Start = 0;
  const closeGroup = (column: Column, start: number, end: number): void => {
    if (end > start) indicatorMerges.push({ top: indicatorFirst + start, left: column.col, bottom: indicatorFirst + end, right: column.col });
  };
  for (let i = 0; i < indicatorRows; i++) {
    const [name1, name2] = INDICATOR_GROUPS[Math.floor((i * INDICATOR_GROUPS.length) / indicatorRows)];
    const previous = i === 0 ? null : INDICATOR_GROUPS[Math.floor(((i - 1) * INDICATOR_GROUPS.length) / indicatorRows)];
    const row = blankRow();
    if (!previous || previous[0] !== name1) {
      if (previous) closeGroup(level1, level1Start, i - 1);
      level1Start = i;
      row[level1.col] = text(name1);
    }
    if (!previous || previous[1] !== name2) {
      if (previous) closeGroup(level2, level2Start, i - 1);
      level2Start = i;
      row[level2.col] = text(name2);
    }
    row[level3.col] = text(`${name2.replace('指标', '')}指标第${i + 1}项：完成年度计划任务`);
    if (i % 50 !== 49) row[value.col] = text(name2 === '质量指标' ? '≥95%' : name2 === '时效指标' ? `${(i % 12) + 1}月底前完成` : `${(i % 9) + 1}次`);
    indicatorCells.push(row);
    const top = indicatorFirst + i;
    if (value.extra > 0) indicatorMerges.push({ top, left: value.col, bottom: top, right: value.col + value.extra });
    if (level3.extra > 0) indicatorMerges.push({ top, left: level3.col, bottom: top, right: level3.col + level3.extra });
  }
  closeGroup(level1, level1Start, indicatorRows - 1);
  closeGroup(level2, level2Start, indicatorRows - 1);
  ({ rows, merges } = replaceRows(rows, merges, indicatorFirst, indicatorLast, indicatorCells, indicatorMerges));

  // Then the task table, and the 金额合计 formulas over it.
  const firstTask = form.tasks[0];
  const taskFirst = firstTask.row;
  const taskLast = form.tasks[form.tasks.length - 1].row;
  const name = columnOf(firstTask.name, sampleMerges);
  const content = columnOf(firstTask.content, sampleMerges);
  const total = columnOf(firstTask.total, sampleMerges);
  const fiscal = columnOf(firstTask.fiscal, sampleMerges);
  const taskCells: MutableRow[] = [];
  const taskMerges: CellRange[] = [];
  for (let i = 0; i < taskRows; i++) {
    const row = blankRow();
    row[name.col] = text(`年度任务${i + 1}`);
    row[content.col] = text(`围绕年度目标开展第${i + 1}项工作，按季度推进并接受考核。`);
    row[total.col] = i % 40 === 39 ? text(`${TASK_TOTAL}万元`) : { value: TASK_TOTAL };
    row[fiscal.col] = { value: TASK_FISCAL };
    taskCells.push(row);
    for (const column of [name, content, total, fiscal]) {
      if (column.extra > 0) taskMerges.push({ top: taskFirst + i, left: column.col, bottom: taskFirst + i, right: column.col + column.extra });
    }
  }
  const delta = taskRows - (taskLast - taskFirst + 1);
  ({ rows, merges } = replaceRows(rows, merges, taskFirst, taskLast, taskCells, taskMerges));

  // Formulas below the task table point at moved rows: the SUMs cover the new table.
  const lastTaskA1Row = taskFirst + taskRows;
  rows = rows.map((row) =>
    row.map((cell) => {
      if (!cell?.formula) return cell;
      const moved = shiftFormulaRows(cell.formula, taskLast + 1, delta).replace(/([A-Z]{1,3})\d+:([A-Z]{1,3})\d+/g, (range, from: string, to: string) =>
        range.startsWith(`${from}${taskFirst + 1}:`) ? `${from}${taskFirst + 1}:${to}${lastTaskA1Row}` : range,
      );
      return { value: cell.value, formula: moved };
    }),
  );
  const valueAt = (r: number, c: number) => rows[r]?.[c]?.value ?? null;
  rows = rows.map((row) => row.map((cell) => (cell?.formula ? { value: computeSum(cell.formula, valueAt), formula: cell.formula } : cell)));

  // The budget amounts agree with the tasks: 项目支出 = 金额合计, 资金总额 = 基本支出 + 项目支出.
  const projects = TASK_TOTAL * taskRows - (Math.floor(taskRows / 40) * TASK_TOTAL);
  const totalBudget = Number((BASIC_EXPENDITURE + projects).toFixed(4));
  const setField = (field: FieldValue | undefined, amount: number): void => {
    if (!field) throw new SampleLayoutError('a budget field is missing');
    const { row, col } = position(field);
    rows[row][col] = { value: amount };
  };
  setField(form.fields.projectExpenditure, projects);
  setField(form.fields.basicExpenditure, BASIC_EXPENDITURE);
  setField(form.fields.totalFunds, totalBudget);
  setField(form.fields.publicFinance, totalBudget);
  return { name: options.sheetName ?? sample.name, rows, merges };
}
