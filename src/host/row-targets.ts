/**
 * Where a row goes when a form's table grows, the same for every host: a task row before
 * 金额合计, or an indicator row at the end of a 一级/二级 group — with the source row whose look
 * it takes, the merges to extend or repeat, the totals to rewrite and the names to write.
 *
 * Spreadsheets grow a merge or a SUM range when a row is inserted strictly inside it, but not
 * when the row goes right below its last row — which is where a new last row goes; so the
 * target says which merges end right above it and `grownSum` gives 金额合计 its new range.
 *
 * Indicator sets side by side (the national form's 中期 | 年度) share their rows, so a row added to
 * one set is a sheet row of both: blank in the other set, where it reads as no indicator. The
 * spreadsheet grows the other set's merges that the row falls inside (a blank row in a group
 * changes nothing read); those that end right above it are left as they are, so the other set's
 * groups keep their rows.
 */
import { parseA1, type CellRange, type SheetSnapshot, cellAt, resolveIndicator, extractSheet, type ExtractedForm, type FieldValue, type IndicatorRow, normalizeLabel } from '../core';
import { HostError } from './form-host';
import { problem } from './problems';

/** Where a row goes and what comes with it; rows are 0-based, before the insertion. */
export interface RowInsertTarget {
  /** The new row's index: the rows from here down move one down. */
  readonly insertAt: number;
  /** The row whose formats and horizontal merges the new row takes. */
  readonly sourceRow: number;
  /** Last column of the form. */
  readonly lastCol: number;
  /** Merged areas of the sheet as read, plus the spans of carried-down 一级/二级 names where merges could not be read. */
  readonly merges: readonly CellRange[];
  /** Only merges left of this column are extended (a new indicator group starts its own 一级/二级). */
  readonly extendBeforeCol: number;
  /** Columns of another indicator set on the same rows: its merges are never extended over the new row. */
  readonly keepCols?: readonly number[];
  /** Cells whose SUM must reach the new row (金额合计). */
  readonly sums: readonly FieldValue[];
  /** Text written into the new row (the names of a new indicator group). */
  readonly labels: readonly { readonly col: number; readonly text: string }[];
  /** Single cells of the source row merged down over the new row (a one-row group's 二级 name), so the new row carries the name. */
  readonly mergeDown?: readonly CellRange[];
  /** The new row's cell selected (and so scrolled to) once it is added. */
  readonly selectCol?: number;
}

function notAForm(sheet: string, what: string): HostError {
  return new HostError(problem('not_a_form', { sheet, table: what }));
}

function rowOf(cell: string): number {
  return parseA1(cell)?.row ?? -1;
}

function colOf(cell: string): number {
  return parseA1(cell)?.col ?? -1;
}

function rowIsBlank(snapshot: SheetSnapshot, row: number, lastCol: number): boolean {
  for (let col = 0; col <= lastCol; col++) {
    const value = cellAt(snapshot, row, col).value;
    if (value !== null && !(typeof value === 'string' && value.trim() === '')) return false;
  }
  return true;
}

/** The last column holding anything (the used range may reach further, for widths or formats alone). */
function lastColumn(snapshot: SheetSnapshot): number {
  let last = 0;
  for (const row of snapshot.rows) {
    if (!row) continue;
    for (let col = row.length - 1; col > last; col--) {
      if (row[col]) {
        last = col;
        break;
      }
    }
  }
  return last;
}

/** The task row target: before 金额合计, taking the last task row's look. */
export function taskRowTarget(snapshot: SheetSnapshot): RowInsertTarget {
  const form = extractSheet(snapshot).find((candidate) => candidate.taskTotal !== undefined);
  if (!form?.taskTotal) throw notAForm(snapshot.name, 'tasks');
  const totalRow = rowOf(form.taskTotal.labelCell);
  const lastCol = Math.max(lastColumn(snapshot), colOf(form.taskTotal.fiscal.cell));
  const above = totalRow - 1;
  const aboveIsTask = form.tasks.some((task) => task.row === above) || rowIsBlank(snapshot, above, lastCol);
  return {
    insertAt: totalRow,
    sourceRow: aboveIsTask ? above : totalRow,
    lastCol,
    merges: snapshot.merges ?? [],
    extendBeforeCol: Number.MAX_SAFE_INTEGER,
    sums: [form.taskTotal.total, form.taskTotal.fiscal],
    labels: [],
    selectCol: colOf(form.tasks[0]?.name.cell ?? form.taskTotal.labelCell),
  };
}

/** A name as compared: folded, spaces removed, a trailing 指标 dropped (数量 = 数量指标). */
/** Where a 一级/二级 pair stands in the indicator framework, by ids (undefined where a name is not in it). */
function frameworkPlace(level1: unknown, level2: unknown): { level1?: string; level2?: string } {
  const name = (value: unknown): FieldValue => ({ cell: 'A1', value: typeof value === 'string' || typeof value === 'number' ? value : null });
  const resolved = resolveIndicator({ row: 0, level1: name(level1), level2: name(level2), level3: name('-'), value: name('-') });
  return { level1: resolved.level1?.id, level2: resolved.level2?.id };
}

function nameKey(value: unknown): string {
  return normalizeLabel(value === null || value === undefined ? '' : String(value)).replace(/指标$/u, '');
}

/** Spans of carried-down names (their cell and the rows that carry it), for hosts that cannot read merges. */
function carriedSpans(rows: readonly IndicatorRow[], pick: (row: IndicatorRow) => FieldValue): CellRange[] {
  const spans = new Map<string, CellRange>();
  for (const row of rows) {
    const field = pick(row);
    const at = parseA1(field.cell);
    if (!at || field.value === null) continue;
    const span = spans.get(field.cell);
    spans.set(field.cell, { top: at.row, left: at.col, right: at.col, bottom: Math.max(span?.bottom ?? at.row, row.row) });
  }
  return [...spans.values()].filter((span) => span.bottom > span.top);
}

/** The columns an indicator set's rows are read from. */
function columnsOf(rows: readonly IndicatorRow[]): Set<number> {
  const cols = new Set<number>();
  for (const row of rows) {
    for (const field of [row.level1, row.level2, row.level3, row.value, row.valueKind, row.unit, row.explanation, row.scoring, row.standard, row.score, row.remark]) {
      if (field) cols.add(colOf(field.cell));
    }
  }
  return cols;
}

/** The period's rows (all of them on a form with one set), and the columns only the other sets use. */
function periodRows(form: ExtractedForm, period: 'annual' | 'midTerm'): { rows: readonly IndicatorRow[]; keepCols: number[] } {
  const own = form.indicators.filter((row) => (row.period ?? 'annual') === period);
  const rows = own.length > 0 ? own : form.indicators;
  const mine = columnsOf(rows);
  const others = columnsOf(form.indicators.filter((row) => !rows.includes(row)));
  return { rows, keepCols: [...others].filter((col) => !mine.has(col)) };
}

/**
 * The indicator row target: after the last row of the group, or a new group after the table, in
 * the set of `period` (the 年度 set by default, the one every form has).
 */
export function indicatorRowTarget(snapshot: SheetSnapshot, level1: string, level2: string | null, period: 'annual' | 'midTerm' = 'annual'): RowInsertTarget {
  const forms = extractSheet(snapshot).filter((form) => form.indicatorHeaderCell !== undefined || form.indicators.length > 0);
  if (forms.length === 0) throw notAForm(snapshot.name, 'indicators');
  const wanted = frameworkPlace(level1, level2);
  const matches = (row: IndicatorRow) => {
    // Synonyms are one group (完成指标 = 产出指标); names outside the framework compare as written.
    const place = frameworkPlace(row.level1.value, row.level2.value);
    // A 满意度 row may stand without a 二级: the 一级 alone makes the group.
    if (wanted.level1 && place.level1) return wanted.level1 === place.level1 && (level2 === null || wanted.level1 === 'satisfaction' || (wanted.level2 !== undefined && wanted.level2 === place.level2));
    return nameKey(row.level1.value) === nameKey(level1) && (level2 === null || nameKey(row.level2.value) === nameKey(level2));
  };
  const form: ExtractedForm = forms.find((candidate) => candidate.indicators.some(matches)) ?? forms[0];
  const lastCol = lastColumn(snapshot);
  const merges = snapshot.merges && snapshot.merges.length > 0 ? snapshot.merges : [...carriedSpans(form.indicators, (row) => row.level1), ...carriedSpans(form.indicators, (row) => row.level2)];
  const { rows, keepCols } = periodRows(form, period);
  const group = rows.filter(matches);
  const selectCol = rows[0] ? colOf(rows[0].level3.cell) : form.indicatorHeaderCell ? colOf(form.indicatorHeaderCell) + 2 : 3;
  if (group.length > 0) {
    const last = group.reduce((latest, row) => (row.row > latest.row ? row : latest));
    const sourceRow = last.row;
    // A name written on the source row itself in a single cell (a one-row group) is merged down over the new row.
    const mergeDown = [last.level1, last.level2].flatMap((field): CellRange[] => {
      const at = parseA1(field.cell);
      if (!at || at.row !== sourceRow || field.value === null) return [];
      const merged = merges.some((merge) => at.row >= merge.top && at.row <= merge.bottom && at.col >= merge.left && at.col <= merge.right);
      return merged ? [] : [{ top: at.row, left: at.col, right: at.col, bottom: at.row }];
    });
    return { insertAt: sourceRow + 1, sourceRow, lastCol, merges, extendBeforeCol: Number.MAX_SAFE_INTEGER, keepCols, sums: [], labels: [], mergeDown, selectCol };
  }
  // A group the set does not have yet: a new row after the set's last, with its names written.
  const last = rows[rows.length - 1];
  const headerRow = form.indicatorHeaderCell ? rowOf(form.indicatorHeaderCell) : -1;
  const sourceRow = last ? last.row : headerRow;
  const level1Col = last ? colOf(last.level1.cell) : form.indicatorHeaderCell ? colOf(form.indicatorHeaderCell) : 1;
  const level2Col = last ? colOf(last.level2.cell) : level1Col + 1;
  const labels = [{ col: level1Col, text: level1 }];
  if (level2 !== null) labels.push({ col: level2Col, text: level2 });
  return { insertAt: sourceRow + 1, sourceRow, lastCol, merges, extendBeforeCol: level1Col, keepCols, sums: [], labels, selectCol };
}

const SUM_RANGE = /^=\s*SUM\(\s*(\$?)([A-Z]{1,3})(\$?)(\d+)\s*:\s*(\$?)([A-Z]{1,3})(\$?)(\d+)\s*\)\s*$/i;

/**
 * The formula a total needs once a row is inserted at `insertAt` (0-based): a one-column SUM
 * that ends right above the new row would not grow in Excel, so it is made to reach it.
 * Null when Excel's own adjustment is right (or the cell holds no such SUM).
 */
export function grownSum(formula: string | undefined, insertAt: number): string | null {
  const match = formula ? SUM_RANGE.exec(formula) : null;
  if (!match) return null;
  const [, d1, c1, r1d, r1, d2, c2, r2d, r2] = match;
  const last = Number(r2);
  if (last !== insertAt) return null; // 1-based last row === 0-based insertAt: ends right above the new row
  return `=SUM(${d1}${c1}${r1d}${r1}:${d2}${c2}${r2d}${last + 1})`;
}

/** What to write once the row is inserted at `target.insertAt` (coordinates after the insertion). */
export interface RowEdits {
  /** Merges that end right above the new row, to unmerge and merge again reaching it. */
  readonly remerge: readonly { readonly from: CellRange; readonly to: CellRange }[];
  /** New merges: the source row's horizontal merges repeated, names merged down over the new row. */
  readonly merges: readonly CellRange[];
  /** Totals whose SUM must reach the new row. */
  readonly formulas: readonly { readonly row: number; readonly col: number; readonly formula: string }[];
  readonly labels: readonly { readonly row: number; readonly col: number; readonly text: string }[];
  /** The cell to select (and so scroll to). */
  readonly select: { readonly row: number; readonly col: number } | null;
}

export function rowEdits(target: RowInsertTarget): RowEdits {
  const newRow = target.insertAt;
  const remerge: { from: CellRange; to: CellRange }[] = [];
  const merges: CellRange[] = [];
  for (const merge of target.merges) {
    // A merge over several rows that ends right above the new row: the spreadsheet would not grow it.
    const endsRightAbove = merge.bottom === newRow - 1 && merge.bottom > merge.top;
    const othersSet = target.keepCols?.some((col) => col >= merge.left && col <= merge.right) ?? false;
    if (endsRightAbove && merge.right < target.extendBeforeCol && !othersSet) remerge.push({ from: merge, to: { ...merge, bottom: newRow } });
    const inSourceRow = merge.top === target.sourceRow && merge.bottom === target.sourceRow && merge.right > merge.left;
    if (inSourceRow) merges.push({ top: newRow, bottom: newRow, left: merge.left, right: merge.right });
  }
  const formulas: { row: number; col: number; formula: string }[] = [];
  for (const total of target.sums) {
    const formula = grownSum(total.formula, newRow);
    const at = parseA1(total.cell);
    if (!formula || !at) continue;
    formulas.push({ row: at.row >= newRow ? at.row + 1 : at.row, col: at.col, formula });
  }
  for (const area of target.mergeDown ?? []) merges.push({ ...area, bottom: newRow });
  const labels = target.labels.map((label) => ({ row: newRow, col: label.col, text: label.text }));
  const select = target.selectCol !== undefined && target.selectCol >= 0 ? { row: newRow, col: target.selectCol } : null;
  return { remerge, merges, formulas, labels, select };
}
