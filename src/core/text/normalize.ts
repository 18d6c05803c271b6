/**
 * Text folding shared by label matching, amount parsing and indicator names: full-width
 * characters become half-width, ideographic spaces become spaces.
 */

/** Full-width ASCII (U+FF01–U+FF5E) to half-width; U+3000 to a space. */
export function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
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
