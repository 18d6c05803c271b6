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
