/**
 * A1 addresses: columns are letters (A, B, …, Z, AA), rows 1-based; in code both are 0-based
 * (`columnIndex('A') === 0`). The one parser and formatter of A1 cells for core, the readers and
 * the in-memory Excel, so it imports nothing.
 */

/** An inclusive rectangle, 0-based (the same shape as the grid's CellRange). */
export interface A1Rectangle {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The grid's size (Excel and WPS alike). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function rectRows(rect: A1Rectangle): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumns(rect: A1Rectangle): number {
  return rect.right - rect.left + 1;
}

export function rectContains(rect: A1Rectangle, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

export function rectsIntersect(a: A1Rectangle, b: A1Rectangle): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function rectIntersection(a: A1Rectangle, b: A1Rectangle): A1Rectangle | null {
  if (!rectsIntersect(a, b)) return null;
  return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
}

export function isWholeRows(rect: A1Rectangle): boolean {
  return rect.left === 0 && rect.right === MAX_COLUMNS - 1;
}

export function isWholeColumns(rect: A1Rectangle): boolean {
  return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
}

/**
 * A sheet name as a reference writes it: plain when it reads as a name, quoted when it could be
 * taken for a cell (`A1`, `R1C1`) or holds other characters (`'My sheet'!A1`, `申报表!A1`).
 */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R|C|RC)\d*$/i.test(name)) {
    return name;
  }
  return `'${name.replace(/'/g, "''")}'`;
}

export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `A` → 0, `Z` → 25, `AA` → 26 (letters in either case). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `$D$7`: the absolute form names, print areas and copied formulas use. */
export function absoluteA1(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

export function rangeToA1(range: A1Rectangle): string {
  const start = toA1(range.top, range.left);
  return range.top === range.bottom && range.left === range.right ? start : `${start}:${toA1(range.bottom, range.right)}`;
}

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses `D7` or `$D$7`; returns null for anything else. */
export function parseA1(address: string): CellPosition | null {
  const match = A1_PATTERN.exec(address.trim());
  if (!match) return null;
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/** Parses `A1`, `A1:B3` or `$A$1:$B$3` (corners in any order, no sheet) into a rectangle; null for anything else. */
export function parseRangeA1(reference: string): A1Rectangle | null {
  const [first, second] = reference.split(':');
  const start = parseA1(first);
  const end = second === undefined ? start : parseA1(second);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/**
 * Splits a list of references (`Sheet1!$A$1,Sheet1!$D$4` or `'a,b'!A1,'a,b'!C3`: a multi-area
 * address, a defined name's body) at the commas outside quoted sheet names. A trailing comma
 * adds no empty reference; the parts are not trimmed.
 */
export function splitReferenceList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
}
