/**
 * What a cell value means to the rules, before any field-specific reading: blank (or a
 * placeholder that stands for nothing), an Excel error, or text.
 */
import type { CellScalar } from '../grid/grid';
import { foldWidth } from '../text/normalize';

/**
 * Placeholders people type into cells they have nothing for. docs/domain.md: *, -, _, /, 无, 略;
 * repeated or mixed dashes (“--”, “——”) and a trailing 。 are read the same way.
 */
const PLACEHOLDER_WORDS = new Set(['无', '略', '暂无', 'n/a', 'na']);
const PLACEHOLDER_MARKS = /^[*\-_/\\—–―─~·.]+$/u;
const NOT_A_MARK = /[^\s*\-_/\\—–―─~·.。\uff0a\uff0d\uff3f\uff0f\uff3c\uff5e\uff0e]/u;

/** True for text that stands for nothing: only white space, or a placeholder. */
export function isPlaceholderText(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return true;
  // Placeholders are short; most text is long, and is spared the folding.
  if (trimmed.length > 24) return false;
  // Longer than the longest placeholder word, with a character no mark is made of: text.
  if (trimmed.length > 3 && NOT_A_MARK.test(trimmed)) return false;
  const folded = foldWidthFast(trimmed).replace(/[\s\u00a0]+/g, '');
  if (folded === '') return true;
  if (PLACEHOLDER_MARKS.test(folded)) return true;
  return PLACEHOLDER_WORDS.has(folded.replace(/[。.]+$/u, '').toLowerCase());
}

/** Blank for a required field or an indicator value: null, empty, white space or a placeholder. */
export function isBlankValue(value: CellScalar | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return isPlaceholderText(value);
  return false;
}

/** Blank as `isBlankValue` says, and not a formula whose result is unknown (which may well hold something). */
export function isBlankField(field: { readonly value: CellScalar; readonly uncalculated?: true }): boolean {
  return !field.uncalculated && isBlankValue(field.value);
}

/** True only for null, undefined and text that is empty or white space (placeholders are not empty). */
export function isEmptyValue(value: CellScalar | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === 'string' && foldWidthFast(value).trim() === '';
}

const EXCEL_ERROR =
  /^#(?:REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

/** True when the value is an error Excel shows in a cell (`#REF!`, `#DIV/0!`, `#N/A`…). */
export function isExcelError(value: CellScalar | undefined): value is string {
  return typeof value === 'string' && EXCEL_ERROR.test(value.trim());
}

/** The value as text, for text rules: numbers as Excel shows them (15 significant digits). */
export function cellText(value: CellScalar | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : String(value);
  return value ? 'TRUE' : 'FALSE';
}

const NEEDS_FOLDING = /[\uff01-\uff5e\u3000]/;

/** `foldWidth`, skipped for text with nothing to fold (most text). */
export function foldWidthFast(text: string): string {
  return NEEDS_FOLDING.test(text) ? foldWidth(text) : text;
}

/** Trims, folds full-width characters and collapses inner white space: for comparing names. */
export function foldName(text: string): string {
  return foldWidthFast(text).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** A short piece of a long text, for messages: the first `max` characters (code points). */
export function snippet(text: string, max = 40): string {
  const body = text.trim();
  // At most two code units a character: the head holds the first `max` characters, however long the text.
  const head = body.length > 2 * max ? body.slice(0, 2 * max) : body;
  const chars = [...head];
  return chars.length <= max && head.length === body.length ? head : `${chars.slice(0, max).join('')}…`;
}
