/**
 * Grids for tests, without Excel: a form as freshly inserted (`gridFromPlan`), then edited the
 * way a user edits it. Every function returns a new snapshot; addresses are A1 (`D7`), rows
 * are Excel's (1-based).
 *
 *   const plan = buildLayoutPlan('department', { year: 2022, withSample: true });
 *   let sheet = gridFromPlan(plan, { D5: 999 });        // 资金总额 overwritten
 *   sheet = insertRows(sheet, 16, 2, [[null, '新任务', '内容', null, 1, 1]]);
 *   sheet = moveForm(sheet, 'C5');                      // the whole form starts at C5
 *
 * Formulas follow the edits as in Excel (references below an inserted row move down, a range
 * that spans it grows), and `=SUM(...)` results are recomputed after each edit.
 */
import type { CellRange, CellScalar, GridCell, SheetSnapshot } from '../../src/core/grid/grid';
import { parseA1, toA1 } from '../../src/core/grid/address';
import type { LayoutPlan } from '../../src/core/layout/layout-plan';
import { computeSum, planToSnapshot } from '../../src/core/layout/plan-to-snapshot';

/** A value to write: a plain value, or a cell with a formula (`{ value: 1, formula: '=A1' }`). */
export type CellEdit = CellScalar | GridCell;

type MutableRows = (GridCell | null)[][];

function copyRows(sheet: SheetSnapshot): MutableRows {
  return sheet.rows.map((row) => (row ? row.map((cell) => cell ?? null) : []));
}

function toCell(edit: CellEdit): GridCell | null {
  if (edit !== null && typeof edit === 'object') return edit;
  return edit === null || edit === '' ? null : { value: edit };
}

function requireA1(address: string): { row: number; col: number } {
  const position = parseA1(address);
  if (!position) throw new Error(`not an A1 address: ${address}`);
  return position;
}

/** Recomputes every `=SUM(...)` cell from the current values, as Excel would on opening. */
export function recalculate(sheet: SheetSnapshot): SheetSnapshot {
  const rows = copyRows(sheet);
  const valueAt = (r: number, c: number): CellScalar => rows[r]?.[c]?.value ?? null;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.formula && /^=SUM\(/i.test(cell.formula)) rows[r][c] = { value: computeSum(cell.formula, valueAt), formula: cell.formula };
    }),
  );
  return { ...sheet, rows };
}

/** Writes cells by address; a formula cell written with a plain value loses its formula. */
export function setCells(sheet: SheetSnapshot, edits: Readonly<Record<string, CellEdit>>): SheetSnapshot {
  const rows = copyRows(sheet);
  for (const [address, edit] of Object.entries(edits)) {
    const { row, col } = requireA1(address);
    while (rows.length <= row) rows.push([]);
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = toCell(edit);
  }
  return recalculate({ ...sheet, rows });
}

export function setCell(sheet: SheetSnapshot, address: string, edit: CellEdit): SheetSnapshot {
  return setCells(sheet, { [address]: edit });
}

/** The form as inserted by the add-in (values, SUM formulas with their results, merges), then `edits`. */
export function gridFromPlan(plan: LayoutPlan, edits: Readonly<Record<string, CellEdit>> = {}): SheetSnapshot {
  return setCells(planToSnapshot(plan), edits);
}

/** Rewrites the A1 references of a formula: `move(row, col)` gives the new position of a cell. */
function moveReferences(formula: string, move: (row: number, col: number) => { row: number; col: number }): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_match, colAbs: string, letters: string, rowAbs: string, digits: string) => {
    const position = parseA1(`${letters}${digits}`);
    if (!position) return _match;
    const moved = toA1(move(position.row, position.col).row, move(position.row, position.col).col);
    const [, newLetters, newDigits] = /^([A-Z]+)(\d+)$/.exec(moved) ?? [];
    return `${colAbs}${newLetters}${rowAbs}${newDigits}`;
  });
}

/**
 * Inserts `count` rows above Excel row `beforeRow`, as Excel's "Insert rows" does: cells and
 * merges below move down, a merge that spans the insertion point grows. `values` fills the new
 * rows from column A (`null` for blank).
 */
export function insertRows(sheet: SheetSnapshot, beforeRow: number, count: number, values: ReadonlyArray<ReadonlyArray<CellScalar>> = []): SheetSnapshot {
  const at = beforeRow - 1;
  const shift = (row: number, col: number) => ({ row: row >= at ? row + count : row, col });
  const rows = copyRows(sheet).map((row) => row.map((cell) => (cell?.formula ? { ...cell, formula: moveReferences(cell.formula, shift) } : cell)));
  // A SUM range that ends just above the insertion point does not grow in Excel; one that spans it does (handled by `shift`).
  const inserted: MutableRows = Array.from({ length: count }, (_, i) => (values[i] ?? []).map((v) => toCell(v)));
  while (rows.length < at) rows.push([]);
  rows.splice(at, 0, ...inserted);
  const merges = (sheet.merges ?? []).map((m): CellRange => {
    if (m.top >= at) return { ...m, top: m.top + count, bottom: m.bottom + count };
    if (m.bottom >= at) return { ...m, bottom: m.bottom + count };
    return m;
  });
  return recalculate({ ...sheet, rows, merges });
}

/** Moves the whole sheet so that what was at A1 is at `topLeft` (a form "starting at C5"). */
export function moveForm(sheet: SheetSnapshot, topLeft: string): SheetSnapshot {
  const { row: dr, col: dc } = requireA1(topLeft);
  const move = (row: number, col: number) => ({ row: row + dr, col: col + dc });
  const rows: MutableRows = Array.from({ length: dr }, () => []);
  for (const row of copyRows(sheet)) {
    rows.push([...Array.from<GridCell | null>({ length: dc }).fill(null), ...row.map((cell) => (cell?.formula ? { ...cell, formula: moveReferences(cell.formula, move) } : cell))]);
  }
  const merges = (sheet.merges ?? []).map((m) => ({ top: m.top + dr, left: m.left + dc, bottom: m.bottom + dr, right: m.right + dc }));
  return { ...sheet, rows, merges };
}

/** Puts `lower` below `upper` on one sheet, after `gap` blank rows (two forms one below the other). */
export function stackSheets(upper: SheetSnapshot, lower: SheetSnapshot, gap = 2, name = upper.name): SheetSnapshot {
  const offset = upper.rows.length + gap;
  const moved = moveForm(lower, toA1(offset, 0));
  const rows = [...copyRows(upper), ...Array.from({ length: gap }, () => [] as (GridCell | null)[]), ...copyRows(moved).slice(offset)];
  return { name, rows, merges: [...(upper.merges ?? []), ...(moved.merges ?? [])] };
}

/** Drops the merges, as a grid typed by hand or read by a reader that does not know them. */
export function withoutMerges(sheet: SheetSnapshot): SheetSnapshot {
  return { name: sheet.name, rows: sheet.rows };
}

/** The value at an A1 address, for assertions. */
export function valueAt(sheet: SheetSnapshot, address: string): CellScalar {
  const { row, col } = requireA1(address);
  return sheet.rows[row]?.[col]?.value ?? null;
}
