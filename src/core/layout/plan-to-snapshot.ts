/**
 * The grid a freshly inserted form holds: the plan's values, its formulas with their computed
 * value, and its merges. The add-in checks a form it has just inserted from this, without
 * reading the sheet back.
 */
import type { CellScalar, GridCell, SheetSnapshot } from '../grid/grid';
import { parseRangeA1 } from '../grid/address';
import type { LayoutPlan } from './layout-plan';

/** A plan holds a formula this module cannot compute (only `=SUM(...)` of cells and ranges is drawn). */
export class UnsupportedPlanFormulaError extends Error {
  constructor(formula: string) {
    super(`cannot compute the plan formula ${formula}`);
    this.name = 'UnsupportedPlanFormulaError';
  }
}

const SUM_PATTERN = /^=SUM\(([^()]*)\)$/i;

/** Computes `=SUM(A1:A4,B2)` over the numbers of `values` (text and blanks count as 0, as in Excel). */
export function computeSum(formula: string, valueAt: (row: number, col: number) => CellScalar): number {
  const match = SUM_PATTERN.exec(formula.replace(/\s+/g, ''));
  if (!match) throw new UnsupportedPlanFormulaError(formula);
  let total = 0;
  for (const reference of match[1].split(',').filter((r) => r !== '')) {
    const range = parseRangeA1(reference);
    if (!range) throw new UnsupportedPlanFormulaError(formula);
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const value = valueAt(r, c);
        if (typeof value === 'number') total += value;
      }
    }
  }
  // Rounded as Excel shows it: 17.68 + 3 + 5.19 + 13 is 38.87, not 38.870000000000005.
  return Number(total.toPrecision(15));
}

export function planToSnapshot(plan: LayoutPlan): SheetSnapshot {
  const rows: (GridCell | null)[][] = Array.from({ length: plan.extent.bottom + 1 }, () =>
    Array.from<GridCell | null>({ length: plan.extent.right + 1 }).fill(null),
  );
  const values = new Map<string, CellScalar>();
  for (const cell of plan.cells) if (cell.value !== undefined) values.set(`${cell.row},${cell.col}`, cell.value);
  const valueAt = (row: number, col: number): CellScalar => values.get(`${row},${col}`) ?? null;
  for (const cell of plan.cells) {
    if (cell.formula !== undefined) rows[cell.row][cell.col] = { value: computeSum(cell.formula, valueAt), formula: cell.formula };
    else if (cell.value !== undefined) rows[cell.row][cell.col] = { value: cell.value };
  }
  return { name: plan.sheetName, rows, merges: plan.merges };
}
