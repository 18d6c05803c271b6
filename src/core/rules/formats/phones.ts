/**
 * Telephone numbers as written on Chinese forms: a mobile (1[3-9] and 9 digits), a landline
 * with its area code (0734-8866810, (0734)8866810), or a local 7–8 digit number (8866810).
 * An extension (-123, 转123) is fine, and so are several numbers separated by 、,;/, 或 or spaces.
 */
import { foldWidth } from '../../text/normalize';

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\(0\d{2,3}\)|0\d{2,3}-?)?[1-9]\d{6,7}$/;
const EXTENSION = /(?:-|转|分机|ext\.?|x)\d{1,6}$/i;
const SEPARATORS = /[、,;/|或]+/u;

function isSingleNumber(text: string): boolean {
  const compact = text.replace(/[\s\u00a0]+/g, '');
  if (compact === '') return false;
  // A mobile is often grouped 158-7340-6651.
  if (MOBILE.test(compact.replace(/-/g, ''))) return true;
  if (LANDLINE.test(compact)) return true;
  const withoutExtension = compact.replace(EXTENSION, '');
  return withoutExtension !== compact && (LANDLINE.test(withoutExtension) || MOBILE.test(withoutExtension));
}

/** Words written around numbers: 手机：…, …（办）. Parentheses with digits are an area code and stay. */
const ANNOTATIONS = /(手机号?|移动电话|电话|座机|办公室?|传真|联系人)[:：]?|\([^()\d]*\)/gu;

export function isValidPhone(text: string): boolean {
  const pieces = foldWidth(text)
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(ANNOTATIONS, ' ')
    .split(SEPARATORS)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  // Spaces may group the digits of one number (0734 8866810) or separate two numbers.
  const isNumbers = (piece: string): boolean => isSingleNumber(piece) || (/\s/.test(piece) && piece.split(/\s+/).every(isSingleNumber));
  return pieces.length > 0 && pieces.every(isNumbers);
}
