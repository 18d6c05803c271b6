/**
 * A part's bytes as text. XML parts are UTF-8 or UTF-16 (XML 1.0 §4.3.3: UTF-16 starts with a
 * byte order mark); a few writers declare a single-byte encoding. Any other encoding is
 * refused with its name rather than read as garbage.
 */
import { XmlFormatError } from './xml-scanner';

const ENCODING_DECLARATION = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
const LATIN1_NAMES = new Set(['iso-8859-1', 'latin1', 'latin-1']);
const UTF16_NAMES = new Set(['utf-16', 'utf-16le', 'utf-16be', 'ucs-2']);

function utf16(data: Buffer, bigEndian: boolean, start: number): string {
  const body = data.subarray(start, start + ((data.length - start) & ~1));
  if (!bigEndian) return body.toString('utf16le');
  const swapped = Buffer.from(body);
  return swapped.swap16().toString('utf16le');
}

export function decodePart(data: Buffer, path: string): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return utf16(data, false, 2);
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return utf16(data, true, 2);
  // UTF-16 without its mark, told by the `<?` it must start with.
  if (data.length >= 4 && data[0] === 0x3c && data[1] === 0 && data[2] === 0x3f && data[3] === 0) return utf16(data, false, 0);
  if (data.length >= 4 && data[0] === 0 && data[1] === 0x3c && data[2] === 0 && data[3] === 0x3f) return utf16(data, true, 0);
  const bom = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  if (bom) return data.toString('utf8', 3);
  const declared = data[0] === 0x3c && data[1] === 0x3f ? ENCODING_DECLARATION.exec(data.toString('latin1', 0, Math.min(data.length, 120)))?.[1].toLowerCase() : undefined;
  if (declared === undefined || UTF8_NAMES.has(declared)) return data.toString('utf8');
  if (LATIN1_NAMES.has(declared)) return data.toString('latin1');
  // Declared UTF-16 but without the mark or the `<?` in two bytes: the bytes say otherwise.
  if (UTF16_NAMES.has(declared)) throw new XmlFormatError(`${path}: declared ${declared} without a byte order mark`);
  throw new XmlFormatError(`${path}: the encoding ${declared} is not read (UTF-8 and UTF-16 are)`);
}
