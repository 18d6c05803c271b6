/**
 * A pull scanner for the XML of a spreadsheet package: tags and text, nothing else. The parts
 * the check reads (sheets, shared strings, the workbook) are machine-written, flat and huge,
 * so a scanner that walks the string with `indexOf` and builds no tree reads them several
 * times faster than a general parser. Namespace prefixes are dropped (`x:c` is `c`), because
 * some writers prefix every element.
 *
 * Malformed markup the scanner cannot step over (a tag or comment that never ends) throws
 * `XmlFormatError`; mismatched tags are not its concern.
 */

/** The part's markup is broken: the file is damaged. */
export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlFormatError';
  }
}

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 4;
export type XmlToken = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;
/** A comment, processing instruction or declaration: no token. */
const SKIPPED = 0;

/** The longest character reference (`&#x10FFFF;`), so that a cut text keeps its last one whole. */
const MAX_REFERENCE_LENGTH = 10;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;

/** Text with XML's line ends normalised and its character and entity references replaced. */
export function decodeXmlText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * The value of attribute `name` (with any namespace prefix: `r:id`) among the attributes in
 * `xml` between `from` and `to` (one tag), or undefined. Attribute by attribute, never past
 * the tag: the check reads two or three attributes of every cell, and a search that ran on
 * through the part would make reading a sheet quadratic.
 */
function findAttribute(xml: string, from: number, to: number, name: string): string | undefined {
  let p = from;
  while (p < to) {
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    const nameStart = p;
    while (p < to && !isSpace(xml.charCodeAt(p)) && xml.charCodeAt(p) !== 61 /* = */) p++;
    const nameEnd = p;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    if (p >= to || xml.charCodeAt(p) !== 61) return undefined;
    p++;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    const quote = xml.charCodeAt(p);
    if (quote !== 34 && quote !== 39) return undefined;
    const end = xml.indexOf(quote === 34 ? '"' : "'", p + 1);
    // The tag's end was found outside quotes, so its quotes are closed inside it.
    if (end < 0 || end >= to) return undefined;
    if (isAttributeName(xml, nameStart, nameEnd, name)) {
      const raw = xml.slice(p + 1, end);
      return raw.includes('&') || raw.includes('\r') ? decodeXmlText(raw) : raw;
    }
    p = end + 1;
  }
  return undefined;
}

/** Whether `xml[start, end)` is `name`, or `prefix:name`. */
function isAttributeName(xml: string, start: number, end: number, name: string): boolean {
  const length = end - start;
  if (length === name.length) return xml.startsWith(name, start);
  return length > name.length && xml.charCodeAt(end - name.length - 1) === 58 /* : */ && xml.startsWith(name, end - name.length);
}

export class XmlScanner {
  private pos = 0;
  private textStart = 0;
  private textEnd = 0;
  private textIsCdata = false;
  /** The local name of the last tag (prefix dropped). */
  name = '';
  private attributesStart = 0;
  private attributesEnd = 0;
  /** The last opening tag closed itself (`<c r="A1"/>`): no CLOSE follows for it. */
  selfClosing = false;

  constructor(private readonly xml: string) {}

  /** The next tag or run of text; END at the end of the part. */
  next(): XmlToken {
    // Comments, processing instructions and declarations are stepped over in a loop: a part
    // may hold any number of them in a row.
    for (;;) {
      const token = this.step();
      if (token !== SKIPPED) return token;
    }
  }

  private step(): XmlToken | typeof SKIPPED {
    const xml = this.xml;
    const start = this.pos;
    if (start >= xml.length) return END;
    if (xml.charCodeAt(start) !== 60 /* < */) {
      const lt = xml.indexOf('<', start);
      const end = lt < 0 ? xml.length : lt;
      this.textStart = start;
      this.textEnd = end;
      this.textIsCdata = false;
      this.pos = end;
      return TEXT;
    }
    const second = xml.charCodeAt(start + 1);
    if (second === 47 /* / */) {
      const gt = this.indexOrThrow('>', start, 'closing tag');
      let end = gt;
      while (end > start + 2 && isSpace(xml.charCodeAt(end - 1))) end--;
      this.name = localName(xml, start + 2, end);
      this.pos = gt + 1;
      return CLOSE;
    }
    if (second === 63 /* ? */) {
      this.pos = this.indexOrThrow('?>', start, 'processing instruction') + 2;
      return SKIPPED;
    }
    if (second === 33 /* ! */) {
      if (xml.startsWith('<!--', start)) {
        this.pos = this.indexOrThrow('-->', start, 'comment') + 3;
        return SKIPPED;
      }
      if (xml.startsWith('<![CDATA[', start)) {
        const end = this.indexOrThrow(']]>', start, 'CDATA section');
        this.textStart = start + 9;
        this.textEnd = end;
        this.textIsCdata = true;
        this.pos = end + 3;
        return TEXT;
      }
      this.pos = this.indexOrThrow('>', start, 'declaration') + 1;
      return SKIPPED;
    }
    return this.openTag(start);
  }

  /**
   * The text of the last TEXT token, decoded; at most `maxLength` characters of it, sliced
   * before decoding so that a huge run costs no more than its first characters.
   */
  text(maxLength = Infinity): string {
    const end = Math.min(this.textEnd, this.textStart + maxLength + MAX_REFERENCE_LENGTH);
    const raw = this.xml.slice(this.textStart, end);
    const text = this.textIsCdata ? raw : decodeXmlText(raw);
    return text.length > maxLength ? text.slice(0, maxLength) : text;
  }

  /** The length of the last TEXT token, undecoded (never less than decoded). */
  get rawTextLength(): number {
    return this.textEnd - this.textStart;
  }

  /** The value of an attribute of the last opening tag. */
  attribute(name: string): string | undefined {
    return findAttribute(this.xml, this.attributesStart, this.attributesEnd, name);
  }

  private openTag(start: number): XmlToken {
    const xml = this.xml;
    const gt = this.endOfTag(start);
    let nameEnd = start + 1;
    while (nameEnd < gt && !isSpaceOrSlash(xml.charCodeAt(nameEnd))) nameEnd++;
    this.name = localName(xml, start + 1, nameEnd);
    this.selfClosing = xml.charCodeAt(gt - 1) === 47 /* / */;
    this.attributesStart = nameEnd;
    this.attributesEnd = this.selfClosing ? gt - 1 : gt;
    this.pos = gt + 1;
    return OPEN;
  }

  /** Where the tag starting at `start` ends: at the first '>' outside quotes (a value may hold a '>'). */
  private endOfTag(start: number): number {
    const xml = this.xml;
    let quote = 0;
    for (let i = start + 1; i < xml.length; i++) {
      const code = xml.charCodeAt(i);
      if (quote !== 0) {
        if (code === quote) quote = 0;
      } else if (code === 62 /* > */) return i;
      else if (code === 34 || code === 39) quote = code;
    }
    throw new XmlFormatError(`unterminated tag at offset ${start}`);
  }

  private indexOrThrow(search: string, from: number, what: string): number {
    const at = this.xml.indexOf(search, from);
    if (at < 0) throw new XmlFormatError(`unterminated ${what} at offset ${from}`);
    return at;
  }
}

/** One-letter names (`c`, `v`, `f`, `t`) as constants, by character code. */
const ONE_LETTER_NAMES: readonly (string | undefined)[] = Array.from({ length: 123 }, (_, code) => (code >= 97 ? String.fromCharCode(code) : undefined));

/**
 * The element name in `xml[from, to)` without its namespace prefix. The names a sheet is made
 * of are constants: no string is made for each of a million tags.
 */
function localName(xml: string, from: number, to: number): string {
  let start = from;
  for (let i = from; i < to; i++) if (xml.charCodeAt(i) === 58 /* : */) start = i + 1;
  const length = to - start;
  if (length === 1) return ONE_LETTER_NAMES[xml.charCodeAt(start)] ?? xml.slice(start, to);
  if (length === 3 && xml.charCodeAt(start) === 114 && xml.charCodeAt(start + 1) === 111 && xml.charCodeAt(start + 2) === 119) return 'row';
  return xml.slice(start, to);
}

function isSpaceOrSlash(code: number): boolean {
  return isSpace(code) || code === 47;
}
