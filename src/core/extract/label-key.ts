/**
 * How a cell's text is compared with a template's labels: `normalizeLabel` (spaces, width,
 * trailing colons) and, in addition, without a leading 其中 (`其中：财政拨款` is 财政拨款).
 */
import { normalizeLabel } from '../text/normalize';

/** Longest text that can be a label by itself; longer cells are not normalized for label lookups. */
export const MAX_LABEL_TEXT = 60;

/** Characters that `normalizeLabel` changes or removes; text without any is its own normal form. */
const NEEDS_NORMALIZING = /[\s\uff01-\uff5e【〔】〕:]/u;

export function labelKey(text: string): string {
  // Most cells of a sheet are plain values: skip the normalization (the index sees every cell).
  const normal = NEEDS_NORMALIZING.test(text) ? normalizeLabel(text) : text;
  return normal.startsWith('其中') ? normal.replace(/^其中:?/u, '') : normal;
}
