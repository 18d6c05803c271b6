/**
 * A1 addresses as Excel writes them: `D7`, `A1:D7`, whole rows `3:5`, whole columns `A:C`,
 * with an optional sheet (`Sheet1!A1`, `'My sheet'!A1`). Rows and columns are 0-based here.
 * Cells and column letters are parsed by core's dependency-free address module, the one module of
 * core this fake may use; whole rows and columns, sheets and the host's limits are Excel's and live here.
 */
import { absoluteA1, columnIndex, columnLetters, isWholeColumns, isWholeRows, MAX_COLUMNS, MAX_ROWS, rectIntersection, toA1, type A1Rectangle } from '../core/grid/address';

// Excel's grid size ("Excel specifications and limits") and the rectangle arithmetic are core's address module's.
export { columnIndex, columnLetters, isWholeColumns, isWholeRows, MAX_COLUMNS, MAX_ROWS, quoteSheetName, rectColumns, rectContains, rectIntersection, rectRows, rectsIntersect, toA1 } from '../core/grid/address';

/** An inclusive rectangle of cells, 0-based. */
export type Rect = A1Rectangle;

/** `A1`, `A1:B2`, `3:5` or `A:C` as Excel reports them (whole rows and columns stay short). */
export function rectA1(rect: Rect): string {
  if (isWholeRows(rect) && !isWholeColumns(rect)) return `${rect.top + 1}:${rect.bottom + 1}`;
  if (isWholeColumns(rect) && !isWholeRows(rect)) return `${columnLetters(rect.left)}:${columnLetters(rect.right)}`;
  const start = toA1(rect.top, rect.left);
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:${toA1(rect.bottom, rect.right)}`;
}

/** `$A$1:$B$2` — the absolute form names and print areas use. */
export function rectAbsoluteA1(rect: Rect): string {
  if (isWholeRows(rect) && !isWholeColumns(rect)) return `$${rect.top + 1}:$${rect.bottom + 1}`;
  if (isWholeColumns(rect) && !isWholeRows(rect)) return `$${columnLetters(rect.left)}:$${columnLetters(rect.right)}`;
  const start = absoluteA1(rect.top, rect.left);
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:${absoluteA1(rect.bottom, rect.right)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const ROW = /^\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;

type Endpoint = { kind: 'cell'; row: number; col: number } | { kind: 'row'; row: number } | { kind: 'col'; col: number };

function parseEndpoint(text: string): Endpoint | null {
  const cell = CELL.exec(text);
  if (cell) {
    const row = Number(cell[2]) - 1;
    const col = columnIndex(cell[1]);
    return row >= 0 && row < MAX_ROWS && col < MAX_COLUMNS ? { kind: 'cell', row, col } : null;
  }
  const row = ROW.exec(text);
  if (row) {
    const index = Number(row[1]) - 1;
    return index >= 0 && index < MAX_ROWS ? { kind: 'row', row: index } : null;
  }
  const col = COLUMN.exec(text);
  if (col) {
    const index = columnIndex(col[1]);
    return index < MAX_COLUMNS ? { kind: 'col', col: index } : null;
  }
  return null;
}

/** Parses the part after the sheet: `A1`, `A1:B2`, `3:5`, `A:C`. Null when it is not an address. */
export function parseRect(text: string): Rect | null {
  const parts = text.trim().split(':');
  if (parts.length > 2 || parts.some((part) => part === '')) return null;
  const first = parseEndpoint(parts[0]);
  const second = parts.length === 2 ? parseEndpoint(parts[1]) : first;
  if (!first || !second) return null;
  if (first.kind === 'cell' && second.kind === 'cell') {
    return normalizeRect({ top: first.row, left: first.col, bottom: second.row, right: second.col });
  }
  if (parts.length === 2 && first.kind === 'row' && second.kind === 'row') {
    return normalizeRect({ top: first.row, left: 0, bottom: second.row, right: MAX_COLUMNS - 1 });
  }
  if (parts.length === 2 && first.kind === 'col' && second.kind === 'col') {
    return normalizeRect({ top: 0, left: first.col, bottom: MAX_ROWS - 1, right: second.col });
  }
  return null;
}

export function normalizeRect(rect: Rect): Rect {
  return {
    top: Math.min(rect.top, rect.bottom),
    bottom: Math.max(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right),
    right: Math.max(rect.left, rect.right),
  };
}

export interface SheetAddress {
  /** Null when the address names no sheet. */
  readonly sheet: string | null;
  readonly rect: Rect;
}

/** Parses `Sheet1!A1:B2`, `'My sheet'!A1` or `A1:B2`. Null when it is not an address. */
export function parseSheetAddress(text: string): SheetAddress | null {
  const trimmed = text.trim().replace(/^=/, '');
  const bang = trimmed.lastIndexOf('!');
  if (bang < 0) {
    const rect = parseRect(trimmed);
    return rect ? { sheet: null, rect } : null;
  }
  const rect = parseRect(trimmed.slice(bang + 1));
  if (!rect) return null;
  let sheet = trimmed.slice(0, bang);
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 2) return null;
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return sheet === '' ? null : { sheet, rect };
}

export function boundingRect(rects: readonly Rect[]): Rect {
  return {
    top: Math.min(...rects.map((r) => r.top)),
    left: Math.min(...rects.map((r) => r.left)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    right: Math.max(...rects.map((r) => r.right)),
  };
}

/** The parts of `a` outside `b`: up to four rectangles. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const cut = rectIntersection(a, b);
  if (!cut) return [a];
  const pieces: Rect[] = [];
  if (a.top < cut.top) pieces.push({ top: a.top, left: a.left, bottom: cut.top - 1, right: a.right });
  if (cut.bottom < a.bottom) pieces.push({ top: cut.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  if (a.left < cut.left) pieces.push({ top: cut.top, left: a.left, bottom: cut.bottom, right: cut.left - 1 });
  if (cut.right < a.right) pieces.push({ top: cut.top, left: cut.right + 1, bottom: cut.bottom, right: a.right });
  return pieces;
}
