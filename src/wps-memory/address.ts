/**
 * A1 references as WPS Spreadsheets reads and writes them: `D7`, `$A$1:$F$30`, whole rows `5:5`,
 * whole columns `A:C`, and unions of areas separated by commas (`A1:B2,D5`), which
 * `Worksheet.Range` accepts and `Range.Address` gives back absolute ("Range.Address property
 * (Excel)": `$A$1:$B$2` by default). Rows and columns are 0-based here; cells and column letters
 * are parsed by core's dependency-free address module, the one module of core this fake may use.
 */
import { columnIndex, columnLetters, isWholeColumns, isWholeRows, MAX_COLUMNS, MAX_ROWS, type A1Rectangle } from '../core/grid/address';

// The grid of an .xlsx workbook, which WPS Spreadsheets keeps ("Excel specifications and limits"),
// and the rectangle arithmetic, are core's address module's.
export { columnLetters, isWholeColumns, isWholeRows, MAX_COLUMNS, MAX_ROWS, quoteSheetName, rectColumns, rectContains, rectIntersection, rectRows, rectsIntersect } from '../core/grid/address';

/** An inclusive rectangle of cells, 0-based. */
export type Rect = A1Rectangle;

export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** `$A$1`, `$A$1:$B$2`, `$5:$5` or `$A:$A`: the absolute form `Range.Address()` returns by default. */
export function absoluteAddress(rect: Rect): string {
  if (isWholeRows(rect) && !isWholeColumns(rect)) return `$${rect.top + 1}:$${rect.bottom + 1}`;
  if (isWholeColumns(rect) && !isWholeRows(rect)) return `$${columnLetters(rect.left)}:$${columnLetters(rect.right)}`;
  const start = `$${columnLetters(rect.left)}$${rect.top + 1}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:$${columnLetters(rect.right)}$${rect.bottom + 1}`;
}

/** `A1`, `A1:B2`: the relative form (`Address(false, false)`). */
export function relativeAddress(rect: Rect): string {
  return absoluteAddress(rect).replace(/\$/g, '');
}

type Endpoint = { kind: 'cell'; row: number; col: number } | { kind: 'row'; row: number } | { kind: 'col'; col: number };

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const ROW = /^\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;

function endpoint(text: string): Endpoint | null {
  const cell = CELL.exec(text);
  if (cell) return { kind: 'cell', row: Number(cell[2]) - 1, col: columnIndex(cell[1]) };
  const row = ROW.exec(text);
  if (row) return { kind: 'row', row: Number(row[1]) - 1 };
  const col = COLUMN.exec(text);
  return col ? { kind: 'col', col: columnIndex(col[1]) } : null;
}

function inGrid(rect: Rect): boolean {
  return rect.top >= 0 && rect.left >= 0 && rect.bottom < MAX_ROWS && rect.right < MAX_COLUMNS;
}

/** One area: `D7`, `A1:F30`, `5:7`, `A:C`; null when it is not a reference inside the grid. */
export function parseArea(text: string): Rect | null {
  const parts = text.trim().split(':');
  if (parts.length > 2) return null;
  const first = endpoint(parts[0]);
  const second = parts.length === 2 ? endpoint(parts[1]) : first;
  if (!first || !second || first.kind !== second.kind) return null;
  if (first.kind === 'row' && second.kind === 'row') {
    // A lone row number is not a reference: WPS, like Excel, wants `5:5`.
    if (parts.length === 1) return null;
    const rect = { top: Math.min(first.row, second.row), left: 0, bottom: Math.max(first.row, second.row), right: MAX_COLUMNS - 1 };
    return inGrid(rect) ? rect : null;
  }
  if (first.kind === 'col' && second.kind === 'col') {
    if (parts.length === 1) return null;
    const rect = { top: 0, left: Math.min(first.col, second.col), bottom: MAX_ROWS - 1, right: Math.max(first.col, second.col) };
    return inGrid(rect) ? rect : null;
  }
  if (first.kind !== 'cell' || second.kind !== 'cell') return null;
  const rect = { top: Math.min(first.row, second.row), left: Math.min(first.col, second.col), bottom: Math.max(first.row, second.row), right: Math.max(first.col, second.col) };
  return inGrid(rect) ? rect : null;
}

/** A union of areas (`A1:B2,D5`); null when any part is not a reference. */
export function parseAreas(text: string): Rect[] | null {
  const areas = text.split(',').map(parseArea);
  return areas.every((area): area is Rect => area !== null) && areas.length > 0 ? areas : null;
}
