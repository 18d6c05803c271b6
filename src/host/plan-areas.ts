/**
 * A layout plan read for drawing, the same for every host: which areas take which style (each
 * merge whole, then runs of neighbouring cells of one style in a row), which cells take a value,
 * the text a spreadsheet would otherwise read as something else, and the new sheet's name.
 */
import type { CellRange, CellStyle, LayoutPlan, PlanCell } from '../core';
import { areaContains } from './areas';

export interface StyledArea {
  readonly area: CellRange;
  readonly style: CellStyle;
}

/** Every styled area of the plan; a merge takes its top-left cell's style over its whole area, so borders go all around. */
export function styledAreas(plan: LayoutPlan): StyledArea[] {
  const areas: StyledArea[] = [];
  const styled = new Set<string>();
  const byPosition = new Map(plan.cells.map((cell) => [`${cell.row}:${cell.col}`, cell]));
  for (const merge of plan.merges) {
    const topLeft = byPosition.get(`${merge.top}:${merge.left}`);
    if (!topLeft) continue;
    const style = plan.styles[topLeft.style];
    if (style) areas.push({ area: merge, style });
    for (let r = merge.top; r <= merge.bottom; r++) for (let c = merge.left; c <= merge.right; c++) styled.add(`${r}:${c}`);
  }
  // Other cells: runs of neighbouring cells of one style in a row share one range.
  const rest = plan.cells.filter((cell) => !styled.has(`${cell.row}:${cell.col}`)).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { area: CellRange; style: string }[] = [];
  for (const cell of rest) {
    const last = runs[runs.length - 1];
    if (last && last.style === cell.style && last.area.top === cell.row && last.area.right + 1 === cell.col) {
      runs[runs.length - 1] = { style: last.style, area: { ...last.area, right: cell.col } };
    } else runs.push({ area: { top: cell.row, bottom: cell.row, left: cell.col, right: cell.col }, style: cell.style });
  }
  for (const run of runs) {
    const style = plan.styles[run.style];
    if (style) areas.push({ area: run.area, style });
  }
  return areas;
}

/** The cells that take a value or a formula: every plan cell but those hidden inside a merge. */
export function valueCells(plan: LayoutPlan): PlanCell[] {
  return plan.cells.filter((cell) => !plan.merges.some((merge) => areaContains(merge, cell.row, cell.col) && (merge.top !== cell.row || merge.left !== cell.col)));
}

const REINTERPRETED = [
  /^[=+'@]/, // formulas, and a leading apostrophe that would be eaten
  /^(true|false)$/i,
  /^[\s(+-]*[$¥￥€]?[\d\s.,]*\d[\d\s.,]*(e[+-]?\d+)?\s*%?\)?\s*$/i, // numbers, percentages, money
  /^\d{1,4}\s*[/.\-年]\s*\d{1,2}(\s*[/.\-月]\s*\d{1,4}\s*日?)?$/, // dates: 2022/1/5, 2022年1月5日, 1-5
  /^\d{1,2}:\d{2}/, // times
];

/**
 * Text a spreadsheet (Excel, WPS) would read as something else when written through `values` ("100%" becomes 1,
 * "2022年1月5日" a date serial) gets a leading apostrophe, which Excel takes as "this is
 * text" and does not keep — so the sheet holds the very text the plan (and the check of the
 * plan) holds. Cells formatted as text ('@') keep any text as it is.
 */
export function textForExcel(text: string, numberFormat: string | undefined): string {
  if (numberFormat === '@') return text;
  return REINTERPRETED.some((pattern) => pattern.test(text.trim())) ? `'${text}` : text;
}

/** `项目绩效目标`, or `项目绩效目标 (2)` and so on when taken (names compare case-insensitively; 31 characters at most). */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  const trimmed = base.slice(0, 31);
  if (!used.has(trimmed.toLowerCase())) return trimmed;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
