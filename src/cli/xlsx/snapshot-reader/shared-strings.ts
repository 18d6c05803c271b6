/**
 * The shared string table (`xl/sharedStrings.xml`): each `<si>` as plain text. Rich text runs
 * are joined; phonetic guides (`<rPh>`, furigana above the text) are not part of the value.
 * Each string is cut at Excel's 32,767 characters; a table of more strings than the reader
 * takes is refused.
 */
import { READER_LIMITS, ReaderLimitError } from './limits';
import { CLOSE, END, OPEN, TEXT, XmlScanner } from './xml-scanner';

/** Excel escapes characters XML cannot carry as `_xHHHH_` (`_x000D_` for a carriage return). */
export function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function pushString(strings: string[], text: string): void {
  if (strings.length >= READER_LIMITS.sharedStrings) throw new ReaderLimitError(`more than ${READER_LIMITS.sharedStrings} shared strings`);
  strings.push(text);
}

export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const scanner = new XmlScanner(xml);
  let current: string[] | null = null;
  let length = 0;
  let inText = false;
  let phoneticDepth = 0;
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === OPEN) {
      const name = scanner.name;
      if (name === 'si') {
        if (scanner.selfClosing) pushString(strings, '');
        else {
          current = [];
          length = 0;
        }
      } else if (name === 'rPh') {
        if (!scanner.selfClosing) phoneticDepth++;
      } else if (name === 't' && current && phoneticDepth === 0 && !scanner.selfClosing) inText = true;
    } else if (token === CLOSE) {
      const name = scanner.name;
      if (name === 't') inText = false;
      else if (name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
      else if (name === 'si' && current) {
        pushString(strings, decodeExcelEscapes(current.join('')));
        current = null;
      }
    } else if (token === TEXT && inText && current && length < READER_LIMITS.cellText) {
      const text = scanner.text(READER_LIMITS.cellText - length);
      current.push(text);
      length += text.length;
    }
  }
  return strings;
}
