/**
 * Cell references of a sheet part (`AB12`, `$AB$12`, `C3:D4`), read by hand rather than by
 * regular expression: every cell and merge has one. Only references inside Excel's grid
 * (XFD1048576) are references; anything else is -1 or null, for the caller to refuse.
 */
import type { CellRange } from '../../../core';
import { READER_LIMITS } from './limits';

const COLUMNS = READER_LIMITS.columns;

/** A cell reference as `row * 16384 + column`, 0-based, or -1. */
export function cellReferencePosition(reference: string): number {
  let i = reference.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let column = 0;
  let letters = 0;
  for (; i < reference.length; i++, letters++) {
    const code = reference.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    if (letters === 3) return -1;
    column = column * 26 + (code - 64);
  }
  if (letters === 0 || column > COLUMNS) return -1;
  if (reference.charCodeAt(i) === 36) i++;
  const row = rowNumber(reference, i);
  return row < 0 ? -1 : (row - 1) * COLUMNS + (column - 1);
}

/** The row number written from `from` to the end of `text` (1 to 1,048,576), or -1. */
export function rowNumber(text: string, from = 0): number {
  if (text.length - from > 7 || text.length === from) return -1;
  let row = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    row = row * 10 + (code - 48);
  }
  return row >= 1 && row <= READER_LIMITS.rows ? row : -1;
}

/** A range such as `C3:D4` (or one cell) as a 0-based range, or null. */
export function parseRangeReference(reference: string): CellRange | null {
  const colon = reference.indexOf(':');
  const start = cellReferencePosition(colon < 0 ? reference : reference.slice(0, colon));
  const end = colon < 0 ? start : cellReferencePosition(reference.slice(colon + 1));
  if (start < 0 || end < 0) return null;
  const [top, left] = [Math.floor(start / COLUMNS), start % COLUMNS];
  const [bottom, right] = [Math.floor(end / COLUMNS), end % COLUMNS];
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}
