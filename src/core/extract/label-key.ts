/**
 * How a cell's text is compared with a template's labels: `normalizeLabel` (spaces, width,
 * trailing colons), and in addition without what forms add around the same label: a leading
 * `*` (required, in the budget systems' exports), `(盖章)`, a trailing unit `(万元)`, a leading
 * 其中 (`其中：财政拨款` is 财政拨款), brackets around the whole label (`【项目名称】`); every kind
 * of bracket is a round one.
 */
import { normalizeLabel } from '../text/normalize';

/** Longest text that can be a label by itself; longer cells are not normalized for label lookups. */
export const MAX_LABEL_TEXT = 60;

/** Characters that the folding changes or removes; text without any is its own normal form. */
const NEEDS_NORMALIZING = /[\s\uff01-\uff5e【〔】〕:*()[\]]/u;

export function labelKey(text: string): string {
  // Most cells of a sheet are plain values: skip the normalization (the index sees every cell).
  if (!NEEDS_NORMALIZING.test(text) && !text.startsWith('其中')) return text;
  const normal = normalizeLabel(text)
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/^\*+|\*+$/gu, '')
    .replace(/\(盖章\)/gu, '')
    .replace(/\((?:万元|元)\)$/u, '')
    .replace(/[:：]+$/u, '')
    .replace(/^\(([^()]+)\)$/u, '$1');
  return normal.startsWith('其中') ? normal.replace(/^其中:?/u, '') : normal;
}
