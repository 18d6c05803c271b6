/**
 * Files made to hurt the reader of `check` (docs/security.md, "Reader limits"): each one is
 * read or refused with its reason, and the reading completes. How long each takes and how
 * much memory is measured by `npm run bench`, not asserted here.
 */
import { deflateRawSync } from 'node:zlib';
import { cellAt, type SheetSnapshot } from '../../src/core/grid/grid';
import { parseA1 } from '../../src/core/grid/address';
import { checkWorkbook } from '../../src/core/check/check-workbook';
import { readWorkbookBytes } from '../../src/cli/xlsx/read-workbook';
import { readSnapshotBytes, type SnapshotReadResult } from '../../src/cli/xlsx/snapshot-reader/read-snapshot';
import { READER_LIMITS, ReaderLimitError, ReadTally } from '../../src/cli/xlsx/snapshot-reader/limits';
import { parseSharedStrings } from '../../src/cli/xlsx/snapshot-reader/shared-strings';
import { numberOf } from '../../src/cli/xlsx/snapshot-reader/sheet-xml';
import { XmlScanner, OPEN } from '../../src/cli/xlsx/snapshot-reader/xml-scanner';
import { ZipReader } from '../../src/cli/xlsx/snapshot-reader/zip-reader';
import { HOSTILE_FILES, unquantifiedIndicatorCell, MAIN_NS, sheetXml, workbookPackage, workbookParts } from './support/hostile-packages';
import { deflatedRepeat, zipPackage } from './support/zip-writer';

const GIB = 1024 * 1024 * 1024;

// Building the largest files (100 MB of text, 64,000 rows) takes seconds on a busy machine:
// a generous limit for each test, which bounds nothing of the reader's (the benchmark measures it).
jest.setTimeout(120_000);

function reading(read: SnapshotReadResult): string {
  return read.ok ? 'ok' : read.code;
}

function readOk(bytes: Buffer): SheetSnapshot[] {
  const read = readSnapshotBytes(bytes);
  if (!read.ok) throw new Error(`${read.code}: ${read.detail}`);
  return [...read.snapshot.sheets];
}

function valueAt(sheet: SheetSnapshot, address: string): unknown {
  const at = parseA1(address);
  if (!at) throw new Error(address);
  return cellAt(sheet, at.row, at.col).value;
}

describe('hostile files: each is read or refused with its reason', () => {
  const built = new Map<string, Buffer>();
  const bytesOf = async (name: string): Promise<Buffer> => {
    const file = HOSTILE_FILES.find((candidate) => candidate.name === name);
    if (!file) throw new Error(name);
    const known = built.get(name);
    if (known) return known;
    const bytes = await file.build();
    built.set(name, bytes);
    return bytes;
  };
  afterAll(() => built.clear());

  it.each(HOSTILE_FILES.map((file) => [file.name, file.expected, file.what] as const))('%s: %s (%s)', async (name, expected) => {
    const bytes = await bytesOf(name);
    const read = readSnapshotBytes(bytes);
    expect(reading(read)).toBe(expected);
    if (!read.ok) expect(read.detail).not.toBe('');
    if (!['100 MB of varied text in one cell of a form', 'a data sheet of 64,000 rows × 5 numbers beside a form'].includes(name)) built.delete(name);
  });

  it('cuts 100 MB of text in one cell at 32,767 characters, and checks the form', async () => {
    const bytes = await bytesOf('100 MB of varied text in one cell of a form');
    built.delete('100 MB of varied text in one cell of a form');
    const read = readSnapshotBytes(bytes);
    if (!read.ok) throw new Error(read.code);
    const text = valueAt(read.snapshot.sheets[0], unquantifiedIndicatorCell());
    expect(typeof text === 'string' && text.length).toBe(READER_LIMITS.cellText);
    // The value has no digit: its message quotes its first 40 characters.
    const [form] = checkWorkbook(read.snapshot, { today: new Date(2022, 0, 10) }).forms;
    const unquantified = form.issues.find((issue) => issue.code === 'indicator_unquantified');
    expect(unquantified?.params.value).toBe(`${(text as string).slice(0, 40)}…`);
  });

  it('reads a 64,000-row data sheet beside a form: the form is checked, the data sheet is not a form', async () => {
    const bytes = await bytesOf('a data sheet of 64,000 rows × 5 numbers beside a form');
    built.delete('a data sheet of 64,000 rows × 5 numbers beside a form');
    const read = readSnapshotBytes(bytes);
    if (!read.ok) throw new Error(read.code);
    const data = read.snapshot.sheets[1];
    expect([data.name, data.rows.length, valueAt(data, 'E64000')]).toEqual(['数据', 64_000, Number(`${(64_000 * 7 + 4 * 13) % 10_007}.45`)]);
    const result = checkWorkbook(read.snapshot, { today: new Date(2022, 0, 10) });
    expect([result.forms.length, result.otherSheets]).toEqual([1, ['数据']]);
  });

  it('keeps only the top-left cell under 1,000 whole-sheet merges', async () => {
    const [sheet] = readOk(await bytesOf('1,000 whole-sheet merges over cells out to column XFD'));
    expect(sheet.rows).toEqual([[{ value: 0 }]]);
  });

  it('writes out each dependent of a shared formula', async () => {
    const [sheet] = readOk(await bytesOf('a shared formula with 5,000 dependents'));
    expect(cellAt(sheet, 4999, 1).formula?.startsWith('=A5000*2+0+')).toBe(true);
    expect(valueAt(sheet, 'B5000')).toBe(10_000);
  });

  it('reads what follows 10,000 comments', async () => {
    const [sheet] = readOk(await bytesOf('10,000 comments in a row'));
    expect(valueAt(sheet, 'A1')).toBe(1);
  });
});

describe('the package: budgets, sharing, Zip64, CRC-32', () => {
  const part = (size: number): Buffer => Buffer.from(sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(size)}</t></is></c></row>`));
  const small = { partBytes: 4096, fileBytes: 6000, compressionRatio: 200, ratioFloorBytes: 1024 * 1024, entries: 10 };

  it('holds the parts read together to the file budget, and counts a part read twice once', () => {
    const bytes = zipPackage([
      { name: 'a.xml', data: part(3000) },
      { name: 'b.xml', data: part(3000) },
    ]);
    const zip = new ZipReader(bytes, small);
    expect(zip.data('a.xml')?.length).toBeGreaterThan(3000);
    expect(zip.data('A.XML')).toBe(zip.data('a.xml'));
    expect(() => zip.data('b.xml')).toThrow(ReaderLimitError);
  });

  it('refuses a part beyond the part budget by its declared size', () => {
    const zip = new ZipReader(zipPackage([{ name: 'a.xml', data: part(5000) }]), small);
    expect(() => zip.data('a.xml')).toThrow(/at most/);
  });

  it('refuses more entries than it reads', () => {
    const bytes = zipPackage(Array.from({ length: 11 }, (_, i) => ({ name: `p${i}.xml`, data: 'x' })));
    expect(() => new ZipReader(bytes, small)).toThrow(ReaderLimitError);
  });

  it('reads a Zip64 package as Excel and LibreOffice do', () => {
    const [sheet] = readOk(workbookPackage([{ name: '表', xml: sheetXml('<row r="2"><c r="B2"><v>180.61</v></c></row>') }], { zip: { zip64: true } }));
    expect(valueAt(sheet, 'B2')).toBe(180.61);
  });

  it('refuses a stored part whose bytes were damaged (CRC-32)', () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>123</v></c></row>');
    const bytes = workbookPackage([{ name: '表', xml, zip: { store: true } }]);
    const at = bytes.indexOf('<v>123</v>');
    bytes[at + 3] = '9'.charCodeAt(0);
    const read = readSnapshotBytes(bytes);
    expect([reading(read), read.ok ? '' : read.detail]).toEqual(['corrupt_file', expect.stringContaining('CRC-32')]);
  });

  it('refuses a part that inflates to other than its declared size', () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(reading(readSnapshotBytes(workbookPackage([{ name: '表', xml, zip: { declaredSize: 20 } }])))).toBe('corrupt_file');
    expect(reading(readSnapshotBytes(workbookPackage([{ name: '表', xml, zip: { declaredSize: 10_000 } }])))).toBe('corrupt_file');
  });

  it('refuses a part packed with a method it does not read, and an entry running into the directory', () => {
    const bytes = workbookPackage([{ name: '表', xml: sheetXml(''), zip: { store: true } }]);
    const directory = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const damaged = Buffer.from(bytes);
    damaged.writeUInt32LE(0x7fffff, directory + 20);
    expect(reading(readSnapshotBytes(damaged))).toBe('corrupt_file');
  });
});

describe('the package handed to ExcelJS for an annotated copy', () => {
  const theme = (declaredSize: number): Buffer =>
    zipPackage([...workbookParts([{ name: '表', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }]), { name: 'xl/theme/theme1.xml', data: deflatedRepeat(0x20, GIB), raw: { size: GIB, crc: 0 }, declaredSize }]);

  it.each([
    ['declared as it is', GIB, 'beyond_limits'],
    ['declared as 0 bytes', 0, 'corrupt_file'],
  ])('is refused with a 1 GiB theme part %s, which check itself never reads', async (_what, declaredSize, code) => {
    const bytes = theme(declaredSize);
    expect(reading(readSnapshotBytes(bytes))).toBe('ok');
    const full = await readWorkbookBytes(bytes);
    expect(full.ok ? 'ok' : full.code).toBe(code);
  });
});

describe('encodings of parts', () => {
  const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>资金总额</t></is></c></row>');
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

  it.each([
    ['UTF-16LE with its mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')])],
    ['UTF-16BE with its mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(xml.replace('UTF-8', 'UTF-16'))])],
    ['UTF-16LE without a mark', Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le')],
    ['UTF-8 with a mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)])],
  ])('reads a sheet in %s', (_what, data) => {
    const [sheet] = readOk(workbookPackage([{ name: '表', xml: data }]));
    expect(valueAt(sheet, 'A1')).toBe('资金总额');
  });

  it('refuses an encoding it does not read, naming it', () => {
    const read = readSnapshotBytes(workbookPackage([{ name: '表', xml: xml.replace('UTF-8', 'GB2312') }]));
    expect([reading(read), read.ok ? '' : read.detail]).toEqual(['corrupt_file', expect.stringContaining('gb2312')]);
  });
});

describe('cells within Excel’s limits', () => {
  it.each([
    ['0x3A', null],
    ['1e', null],
    [' 12', null],
    ['12 ', null],
    ['Infinity', null],
    ['1.5E-3', 0.0015],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1E+20', 1e20],
    ['180.61', 180.61],
  ])('reads <v>%s</v> as %p (strict decimals, as Excel and LibreOffice read them)', (text, expected) => {
    expect(numberOf(text)).toBe(expected);
    const [sheet] = readOk(workbookPackage([{ name: '表', xml: sheetXml(`<row r="1"><c r="A1"><v>${text}</v></c></row>`) }]));
    expect(valueAt(sheet, 'A1')).toBe(expected);
  });

  it.each([
    ['a shared string index in hexadecimal', '<c r="A1" t="s"><v>0x1</v></c>', null],
    ['a boolean that is neither 0 nor 1', '<c r="A1" t="b"><v>x</v></c>', null],
  ])('reads %s as blank', (_what, cell, expected) => {
    const sharedStrings = `<sst xmlns="${MAIN_NS}"><si><t>甲</t></si><si><t>乙</t></si></sst>`;
    const [sheet] = readOk(workbookPackage([{ name: '表', xml: sheetXml(`<row r="1">${cell}</row>`) }], { sharedStrings }));
    expect(valueAt(sheet, 'A1')).toBe(expected);
  });

  it('refuses a formula longer than Excel takes', () => {
    const xml = sheetXml(`<row r="1"><c r="A1"><f>${'1+'.repeat(5000)}1</f><v>1</v></c></row>`);
    expect(reading(readSnapshotBytes(workbookPackage([{ name: '表', xml }])))).toBe('beyond_limits');
  });

  it('cuts shared strings at 32,767 characters and refuses more strings than the limit', () => {
    expect(parseSharedStrings(`<sst><si><t>${'长'.repeat(40_000)}</t></si></sst>`)[0].length).toBe(READER_LIMITS.cellText);
    expect(() => parseSharedStrings(`<sst>${'<si/>'.repeat(READER_LIMITS.sharedStrings + 1)}</sst>`)).toThrow(ReaderLimitError);
  });

  it('counts cells, merges and row spans against the limits', () => {
    const tally = new ReadTally();
    expect(() => {
      for (let i = 0; i <= READER_LIMITS.cells; i++) tally.addCell();
    }).toThrow(ReaderLimitError);
    expect(() => {
      for (let i = 0; i <= READER_LIMITS.merges; i++) tally.addMerge();
    }).toThrow(ReaderLimitError);
    expect(() => new ReadTally().addRowSpan(READER_LIMITS.rowSpans + 1)).toThrow(ReaderLimitError);
  });

  it('refuses cells scattered out to column XFD on more rows than a pass over the sheet can visit', () => {
    const rows = Array.from({ length: 1000 }, (_, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>1</v></c></row>`).join('');
    expect(reading(readSnapshotBytes(workbookPackage([{ name: '表', xml: sheetXml(rows) }])))).toBe('beyond_limits');
  });

  it('reads a sheet named twice once', () => {
    const parts = workbookParts([{ name: '表', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }]);
    const workbook = `<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${Array.from({ length: 150 }, (_, i) => `<sheet name="表${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('')}</sheets></workbook>`;
    const read = readSnapshotBytes(zipPackage(parts.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: workbook } : p))));
    expect(read.ok && [read.snapshot.sheets.length, read.snapshot.sheets[149].name, valueAt(read.snapshot.sheets[149], 'A1')]).toEqual([150, '表149', 1]);
  });
});

describe('the XML scanner stays inside the tag', () => {
  it('finds no attribute of a tag in the tags after it', () => {
    const scanner = new XmlScanner('<c r="A1"><v t="s">1</v></c>');
    expect(scanner.next()).toBe(OPEN);
    expect([scanner.attribute('t'), scanner.attribute('r')]).toEqual([undefined, 'A1']);
    expect(scanner.next()).toBe(OPEN);
    expect(scanner.attribute('t')).toBe('s');
  });

  it('reads attributes whose names end like the one asked for as other attributes', () => {
    const scanner = new XmlScanner('<c xr="B2" r="A1"/>');
    scanner.next();
    expect(scanner.attribute('r')).toBe('A1');
  });
});

describe('packed streams', () => {
  it('inflates a part only up to what its entry declares', () => {
    const data = Buffer.alloc(10_000, 0x20);
    const bytes = zipPackage([{ name: 'a.xml', data: deflateRawSync(data), raw: { size: 100, crc: 0 } }]);
    expect(() => new ZipReader(bytes).data('a.xml')).toThrow(/more than the 100 bytes/);
  });
});
