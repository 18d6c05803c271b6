/**
 * Workbook files made to hurt a reader, each small on disk, built here rather than kept as
 * fixtures: the hostile-inputs test checks what the reader says of each, and the benchmark
 * measures the time and peak memory it takes over them. `expected` is the reading: `ok`, or
 * the reason the file is refused.
 */
import { unzipSync } from 'fflate';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { columnLetters } from '../../../src/core/grid/address';
import { workbookToBuffer } from '../../../src/cli/xlsx/save-workbook';
import { templateWorkbook } from '../../../src/cli/xlsx/write-plan';
import { deflatedRepeat, zipPackage, type ZipPart, type ZipOptions } from './zip-writer';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${RELATIONSHIPS_NS}/worksheet`;
const SHARED_STRINGS_TYPE = `${RELATIONSHIPS_NS}/sharedStrings`;
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

export interface SheetPart {
  readonly name: string;
  /** The part's bytes or text; a `ZipPart` for the packing tricks. */
  readonly xml: string | Buffer;
  readonly zip?: Omit<ZipPart, 'name' | 'data'>;
}

export function sheetXml(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** The parts of a workbook with these sheets (and a shared string table, if given). */
export function workbookParts(sheets: readonly SheetPart[], sharedStrings?: string | Buffer): ZipPart[] {
  const sheetList = sheets.map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const relationships = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const stringsRelationship = sharedStrings === undefined ? '' : `<Relationship Id="rIdS" Type="${SHARED_STRINGS_TYPE}" Target="sharedStrings.xml"/>`;
  return [
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}"><sheets>${sheetList}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}${stringsRelationship}</Relationships>` },
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet.xml, ...sheet.zip })),
    ...(sharedStrings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: sharedStrings }]),
  ];
}

export function workbookPackage(sheets: readonly SheetPart[], options: { sharedStrings?: string | Buffer; zip?: ZipOptions } = {}): Buffer {
  return zipPackage(workbookParts(sheets, options.sharedStrings), options.zip);
}

/** A filled department form, as the command line writes it. */
export async function formBytes(): Promise<Buffer> {
  return workbookToBuffer(templateWorkbook('department', { year: 2022, withSample: true }));
}

/** The parts of a package, by name. */
export function packageParts(bytes: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, Buffer.from(data)]));
}

/** The form's package with its parts changed by `edit` (text in, text out), and a sheet added if given. */
export function editedForm(form: Buffer, edit: (name: string, text: string) => string, extraSheet?: SheetPart): Buffer {
  const parts = packageParts(form);
  if (extraSheet) {
    const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
    parts.set('xl/workbook.xml', Buffer.from(workbook.replace('</sheets>', `<sheet name="${extraSheet.name}" sheetId="99" r:id="rIdData"/></sheets>`)));
    const relationships = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
    parts.set('xl/_rels/workbook.xml.rels', Buffer.from(relationships.replace('</Relationships>', `<Relationship Id="rIdData" Type="${WORKSHEET_TYPE}" Target="worksheets/data.xml"/></Relationships>`)));
  }
  const zipParts: ZipPart[] = [...parts].map(([name, data]) => ({ name, data: /\.(xml|rels)$/.test(name) ? edit(name, data.toString('utf8')) : data }));
  if (extraSheet) zipParts.push({ name: 'xl/worksheets/data.xml', data: extraSheet.xml, ...extraSheet.zip });
  return zipPackage(zipParts);
}

/** The A1 address of a field's input cell on the department form. */
export function departmentFieldCell(field: string): string {
  const cell = buildLayoutPlan('department', { year: 2022, withSample: true }).cells.find((planCell) => planCell.field === field);
  if (!cell) throw new Error(`no field ${field}`);
  return `${columnLetters(cell.col)}${cell.row + 1}`;
}

/** A data sheet of `rows` rows of five numbers. */
export function dataSheetXml(rows: number): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    out.push(`<row r="${r}">`);
    for (let c = 0; c < 5; c++) out.push(`<c r="${'ABCDE'[c]}${r}"><v>${(r * 7 + c * 13) % 10_007}.${c}5</v></c>`);
    out.push('</row>');
  }
  return sheetXml(out.join(''));
}

export type Reading = 'ok' | 'beyond_limits' | 'corrupt_file';

export interface HostileFile {
  readonly name: string;
  /** What the file does and what bounds it. */
  readonly what: string;
  readonly expected: Reading;
  build(): Promise<Buffer>;
}

const ONE_CELL = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');

function bomb(size: number, declaredSize: number): Buffer {
  const packed = deflatedRepeat(0x20, size);
  return workbookPackage([{ name: '表', xml: packed, zip: { raw: { size, crc: 0 }, declaredSize } }]);
}

/** `length` capital letters that pack only about 2 to 1, made quickly. */
function variedText(length: number): string {
  const bytes = Buffer.alloc(length);
  let state = 20261201;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = 0x41 + ((state >>> 16) % 26);
  }
  return bytes.toString('latin1');
}

/** The cell of the sample's indicator value 略有节余 (a 成本指标 with no number). */
export function unquantifiedIndicatorCell(): string {
  const cell = buildLayoutPlan('department', { year: 2022, withSample: true }).cells.find((planCell) => planCell.value === '略有节余');
  if (!cell) throw new Error('no 略有节余 in the sample');
  return `${columnLetters(cell.col)}${cell.row + 1}`;
}

/** The department form with `text` in the indicator value cell of 略有节余, as an inline string. */
async function formWithText(text: string, level?: number): Promise<Buffer> {
  const cell = unquantifiedIndicatorCell();
  const inline = `<c r="${cell}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const parts = packageParts(await formBytes());
  const sheet = parts.get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
  const [before, after] = sheet.split(new RegExp(`<c r="${cell}"[^>]*?(?:/>|>.*?</c>)`));
  if (after === undefined) throw new Error(`no cell ${cell} in the form`);
  return zipPackage([...parts].map(([name, data]) => (name === 'xl/worksheets/sheet1.xml' ? { name, data: Buffer.concat([Buffer.from(before), Buffer.from(inline), Buffer.from(after)]), level } : { name, data })));
}

function cellsBeyondTheLastColumn(): string {
  const cells = Array.from({ length: 16_385 }, () => '<c><v>1</v></c>').join('');
  return sheetXml(`<row r="1">${cells}</row>`);
}

export const HOSTILE_FILES: readonly HostileFile[] = [
  {
    name: 'sheet inflating to 3 GiB',
    what: 'refused by its declared size, before any inflation (part budget 128 MiB)',
    expected: 'beyond_limits',
    build: async () => bomb(3 * GIB, 3 * GIB),
  },
  {
    name: 'sheet inflating to 3 GiB, declared size 0',
    what: 'inflation stops at the declared size (1 byte more is read, then refused)',
    expected: 'corrupt_file',
    build: async () => bomb(3 * GIB, 0),
  },
  {
    name: '0.5 MB file inflating to 500 MiB',
    what: 'refused by its declared size (part budget 128 MiB)',
    expected: 'beyond_limits',
    build: async () => bomb(500 * MIB, 500 * MIB),
  },
  {
    name: 'sheet of 100 MiB at 1000 times its packed size',
    what: 'within the part budget, refused by the compression ratio (at most 200)',
    expected: 'beyond_limits',
    build: async () => bomb(100 * MIB, 100 * MIB),
  },
  {
    name: '150 directory entries pointing at one 20 MiB part',
    what: 'overlapping entries refused before anything is inflated',
    expected: 'corrupt_file',
    build: async () => {
      const big = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'甲'.repeat(7 * MIB)}</t></is></c></row>`);
      const parts = workbookParts([{ name: '表', xml: big }]);
      const aliases = Array.from({ length: 150 }, (_, i) => ({ name: `xl/worksheets/copy${i}.xml`, of: 'xl/worksheets/sheet1.xml' }));
      return zipPackage(parts, { aliases });
    },
  },
  {
    name: 'two entries with the same name',
    what: 'refused: which one a reader takes is not to be guessed',
    expected: 'corrupt_file',
    build: async () => zipPackage([...workbookParts([{ name: '表', xml: ONE_CELL }]), { name: 'xl/worksheets/sheet1.xml', data: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') }]),
  },
  {
    name: '10,000 comments in a row',
    what: 'stepped over in a loop, no recursion',
    expected: 'ok',
    build: async () => workbookPackage([{ name: '表', xml: sheetXml(`${'<!---->'.repeat(10_000)}<row r="1"><c r="A1"><v>1</v></c></row>`) }]),
  },
  {
    name: '100 MB of text in one cell of a form (113 KB file)',
    what: 'one character repeated packs 1,000 to 1: refused by the compression ratio (at most 200)',
    expected: 'beyond_limits',
    build: async () => formWithText('职'.repeat(100_000_000 / 3)),
  },
  {
    name: '100 MB of varied text in one cell of a form',
    what: 'read up to 32,767 characters (Excel’s limit per cell); the check runs on the cut text',
    expected: 'ok',
    build: async () => formWithText(variedText(100_000_000), 1),
  },
  {
    name: '1,000 whole-sheet merges over cells out to column XFD',
    what: 'merges applied in one sweep over the cells held, never over the cells of each area',
    expected: 'ok',
    build: async () => {
      const rows = Array.from({ length: 500 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="XFD${r + 1}"><v>${r}</v></c></row>`).join('');
      const merges = `<mergeCells count="1000">${'<mergeCell ref="A1:XFD1048576"/>'.repeat(1000)}</mergeCells>`;
      return workbookPackage([{ name: '表', xml: sheetXml(rows, merges) }]);
    },
  },
  {
    name: 'a shared formula with 5,000 dependents',
    what: 'each dependent written out once, attributes looked up inside the tag only',
    expected: 'ok',
    build: async () => {
      const rows = [`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B5000" si="0">A1*2+${'0+'.repeat(2000)}0</f><v>2</v></c></row>`];
      for (let r = 2; r <= 5000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><f t="shared" si="0"/><v>${2 * r}</v></c></row>`);
      return workbookPackage([{ name: '表', xml: sheetXml(rows.join('')) }]);
    },
  },
  {
    name: '24 million tiny shared strings',
    what: 'refused (shared strings at most 4,000,000, and the part held to the ratio)',
    expected: 'beyond_limits',
    build: async () => workbookPackage([{ name: '表', xml: ONE_CELL }], { sharedStrings: `<sst xmlns="${MAIN_NS}">${'<si/>'.repeat(24_000_000)}</sst>` }),
  },
  {
    name: 'cells past column XFD (no references, one row)',
    what: 'refused at the 16,385th cell: the column index does not grow without end',
    expected: 'corrupt_file',
    build: async () => workbookPackage([{ name: '表', xml: cellsBeyondTheLastColumn() }]),
  },
  {
    name: 'a cell reference outside the grid',
    what: 'refused with the reference',
    expected: 'corrupt_file',
    build: async () => workbookPackage([{ name: '表', xml: sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>') }]),
  },
  {
    name: 'a row number past 1,048,576',
    what: 'refused with the number',
    expected: 'corrupt_file',
    build: async () => workbookPackage([{ name: '表', xml: sheetXml('<row r="1048577"><c><v>1</v></c></row>') }]),
  },
  {
    name: 'a data sheet of 64,000 rows × 5 numbers beside a form',
    what: 'read in one linear pass',
    expected: 'ok',
    build: async () => editedForm(await formBytes(), (_name, text) => text, { name: '数据', xml: dataSheetXml(64_000) }),
  },
];
