/**
 * Hostile workbooks for the batch tests and the benchmark, built in a few milliseconds: a real
 * form package with one part replaced by a deflate stream that inflates to gigabytes (the same
 * megabyte of filler, compressed once and repeated), written with a zip writer of its own so
 * that the declared sizes are whatever the test says.
 */
import { crc32, constants, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

const MIB = 1024 * 1024;

export interface ZipEntry {
  readonly name: string;
  /** Already deflated (method 8), or stored (method 0). */
  readonly data: Buffer;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
}

export function storedEntry(name: string, content: Buffer): ZipEntry {
  return { name, data: content, method: 0, crc: crc32(content), size: content.length };
}

/**
 * A part of `prefix`, `fillerMib` MiB of `filler`, `suffix`, as one raw deflate stream: the
 * filler's megabyte is compressed once (ending on a sync flush, so that copies can follow one
 * another) and repeated. The CRC is left 0: computing it would mean making the gigabytes.
 */
export function bombEntry(name: string, prefix: string, filler: string, fillerMib: number, suffix: string): ZipEntry {
  const sync = { finishFlush: constants.Z_SYNC_FLUSH };
  const megabyte = deflateRawSync(Buffer.alloc(MIB, filler), sync);
  const parts = [deflateRawSync(Buffer.from(prefix), sync), ...Array.from({ length: fillerMib }, () => megabyte), deflateRawSync(Buffer.from(suffix))];
  return { name, data: Buffer.concat(parts), method: 8, crc: 0, size: Buffer.byteLength(prefix) + fillerMib * MIB + Buffer.byteLength(suffix) };
}

function header(signature: number, fields: readonly [number, 2 | 4][]): Buffer {
  const bytes = Buffer.alloc(4 + fields.reduce((sum, [, width]) => sum + width, 0));
  bytes.writeUInt32LE(signature, 0);
  let at = 4;
  for (const [value, width] of fields) {
    if (width === 2) bytes.writeUInt16LE(value, at);
    else bytes.writeUInt32LE(value >>> 0, at);
    at += width;
  }
  return bytes;
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const common: [number, 2 | 4][] = [
      [20, 2],
      [0x0800, 2],
      [entry.method, 2],
      [0, 2],
      [0x21, 2],
      [entry.crc, 4],
      [entry.data.length, 4],
      [entry.size, 4],
      [name.length, 2],
      [0, 2],
    ];
    const local = Buffer.concat([header(0x04034b50, common), name, entry.data]);
    centrals.push(Buffer.concat([header(0x02014b50, [[20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = header(0x06054b50, [
    [0, 2],
    [0, 2],
    [entries.length, 2],
    [entries.length, 2],
    [directory.length, 4],
    [offset, 4],
    [0, 2],
  ]);
  return Buffer.concat([...locals, directory, end]);
}

/** The package `workbook` (an .xlsx) with the part `name` replaced by `replacement` (or added). */
export function withPart(workbook: Buffer, replacement: ZipEntry): Buffer {
  const parts = unzipSync(new Uint8Array(workbook));
  const entries = Object.entries(parts)
    .filter(([name]) => name !== replacement.name)
    .map(([name, content]) => storedEntry(name, Buffer.from(content)));
  return writeZip([...entries, replacement]);
}

/** The first worksheet part of a package, as ExcelJS names it. */
export const FIRST_SHEET = 'xl/worksheets/sheet1.xml';
export const THEME = 'xl/theme/theme1.xml';

/** A sheet part inflating to `gib` GiB of spaces inside its XML. */
export function sheetBomb(gib: number): ZipEntry {
  return bombEntry(FIRST_SHEET, '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', ' ', gib * 1024, '</sheetData></worksheet>');
}

/** A theme part inflating to `gib` GiB: the check never reads it, ExcelJS does (for `--annotate`). */
export function themeBomb(gib: number): ZipEntry {
  return bombEntry(THEME, '<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements>', ' ', gib * 1024, '</a:themeElements></a:theme>');
}
