/**
 * How a cell's text is compared with a template's labels: `normalizeLabel` (spaces, width,
 * trailing colons) and, in addition, without a leading 其中 (`其中：财政拨款` is 财政拨款).
 */
import { foldWidth, normalizeLabel } from '../text/normalize';

/** Longest text that can be a label by itself; longer cells are not normalized for label lookups. */
export const MAX_LABEL_TEXT = 60;
/** Longest text before a colon that can be a label in a `label: value` cell. */
export const MAX_INLINE_LABEL = 40;

/** Characters that `normalizeLabel` changes or removes; text without any is its own normal form. */
const NEEDS_NORMALIZING = /[\s\uff01-\uff5e【〔】〕:]/u;

export function labelKey(text: string): string {
  // Most cells of a sheet are plain values: skip the normalization (the index sees every cell).
  const normal = NEEDS_NORMALIZING.test(text) ? normalizeLabel(text) : text;
  return normal.startsWith('其中') ? normal.replace(/^其中:?/u, '') : normal;
}

export interface InlineLabel {
  readonly key: string;
  /** The text after the colon, trimmed; never empty. */
  readonly value: string;
}

/**
 * Splits `资金总额: 180.61 万元` into its label key and the text after the first colon, or
 * returns null when the cell has no colon, nothing after it, or too long a text before it.
 */
export function splitInlineLabel(text: string): InlineLabel | null {
  const folded = foldWidth(text).replace(/^\s*其中\s*:?\s*/u, '');
  const colon = folded.indexOf(':');
  if (colon <= 0 || colon > MAX_INLINE_LABEL) return null;
  const value = folded.slice(colon + 1).trim();
  if (value === '') return null;
  // The value is kept as typed (only the label part was folded), so rules see the user's text.
  const raw = text.slice(text.length - (folded.length - colon - 1)).trim();
  return { key: labelKey(folded.slice(0, colon)), value: raw === '' ? value : raw };
}
