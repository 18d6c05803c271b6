/**
 * Text folding shared by label matching, amount parsing and indicator names: full-width
 * characters become half-width, ideographic spaces become spaces.
 */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (U+FF01–U+FF5E) to half-width; U+3000 to a space. One character for one. */
export function foldWidth(text: string): string {
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/**
 * A label or name as compared: width folded, every kind of white space removed (a label is
 * often spread out as `部门名称` → `部 门 名 称`), trailing colons dropped, brackets folded.
 */
export function normalizeLabel(text: string): string {
  return foldWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[【〔［]/g, '[')
    .replace(/[】〕］]/g, ']')
    .replace(/[:：]+$/u, '');
}

/** True for text that is blank or only white space. */
export function isBlankText(text: string): boolean {
  return foldWidth(text).trim() === '';
}
