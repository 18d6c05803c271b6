/**
 * The snapshot reader of `check`: markup that other writers produce (prefixed elements, cells
 * without references, CDATA, character references, phonetic guides, 1904 dates), damaged
 * packages, and agreement with the ExcelJS reader on every form the project writes and on
 * random sheets.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { cellAt, type SheetSnapshot, type WorkbookSnapshot } from '../../../src/core/grid/grid';
import { buildLayoutPlan } from '../../../src/core/layout/build-layout-plan';
import { readWorkbookBytes } from '../../../src/cli/xlsx/read-workbook';
import { workbookToBuffer } from '../../../src/cli/xlsx/save-workbook';
import { slideFormula } from '../../../src/cli/xlsx/snapshot-reader/shared-formulas';
import { readSnapshotBytes } from '../../../src/cli/xlsx/snapshot-reader/read-snapshot';
import { decodeXmlText, XmlFormatError, XmlScanner, OPEN, END } from '../../../src/cli/xlsx/snapshot-reader/xml-scanner';
import { templateWorkbook, writePlanToWorksheet } from '../../../src/cli/xlsx/write-plan';
import { insertRows } from '../helpers/fill-forms';

const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

interface PackageParts {
  readonly workbook?: string;
  readonly relationships?: string | null;
  readonly sheets: Readonly<Record<string, string>>;
  readonly sharedStrings?: string;
  readonly styles?: string;
}

function sheetsWorkbook(names: readonly string[], extra = ''): string {
  const sheets = names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${extra}<sheets>${sheets}</sheets></workbook>`;
}

function sheetRelationships(count: number): string {
  const relationships = Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
}

async function packageBytes(parts: PackageParts): Promise<Buffer> {
  const zip = new JSZip();
  const sheetPaths = Object.keys(parts.sheets);
  zip.file('xl/workbook.xml', parts.workbook ?? sheetsWorkbook(sheetPaths.map((_, i) => `表${i + 1}`)));
  const relationships = parts.relationships === undefined ? sheetRelationships(sheetPaths.length) : parts.relationships;
  if (relationships !== null) zip.file('xl/_rels/workbook.xml.rels', relationships);
  for (const [path, xml] of Object.entries(parts.sheets)) zip.file(path, xml);
  if (parts.sharedStrings !== undefined) zip.file('xl/sharedStrings.xml', parts.sharedStrings);
  if (parts.styles !== undefined) zip.file('xl/styles.xml', parts.styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function sheetXml(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN_NS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

async function readOneSheet(parts: PackageParts): Promise<SheetSnapshot> {
  const read = readSnapshotBytes(await packageBytes(parts));
  if (!read.ok) throw new Error(`${read.code}: ${read.detail}`);
  return read.snapshot.sheets[0];
}

function valueAt(sheet: SheetSnapshot, address: string): unknown {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(address);
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellAt(sheet, Number(match[2]) - 1, col).value;
}

describe('markup written by other programs', () => {
  const SHARED = `<sst xmlns="${MAIN_NS}" count="4" uniqueCount="4"><si><t>部门名称</t></si><si><r><t>资金</t></r><r><rPr><b/></rPr><t xml:space="preserve">总额 </t></r></si><si><t>衡阳</t><rPh sb="0" eb="2"><t>こうよう</t></rPh></si><si><t>第一行_x000D_
第二行</t></si></sst>`;

  it.each([
    ['a shared string', sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), 'A1', '部门名称'],
    ['a rich shared string, runs joined, spaces kept', sheetXml('<row r="1"><c r="A1" t="s"><v>1</v></c></row>'), 'A1', '资金总额 '],
    ['a shared string without its phonetic guide', sheetXml('<row r="1"><c r="A1" t="s"><v>2</v></c></row>'), 'A1', '衡阳'],
    ['an escaped carriage return (_x000D_)', sheetXml('<row r="1"><c r="A1" t="s"><v>3</v></c></row>'), 'A1', '第一行\r\n第二行'],
    ['elements with a namespace prefix', `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>180.61</x:v></x:c></x:row></x:sheetData></x:worksheet>`, 'B2', 180.61],
    ['cells without references, after the row', sheetXml('<row r="3"><c><v>1</v></c><c><v>2</v></c></row>'), 'B3', 2],
    ['rows without references, after the one before', sheetXml('<row r="4"><c r="A4"><v>1</v></c></row><row><c><v>5</v></c></row>'), 'A5', 5],
    ['character and entity references', sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&#x4E2D;&#25991; &lt;b&gt; &amp; &quot;</t></is></c></row>'), 'A1', '中文 <b> & "'],
    ['CDATA', sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<未转义> & 文本]]></t></is></c></row>'), 'A1', '<未转义> & 文本'],
    ['line ends normalised as XML does', sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>甲\r\n乙</t></is></c></row>'), 'A1', '甲\n乙'],
    ['an ISO date cell (t="d")', sheetXml('<row r="1"><c r="A1" t="d"><v>2022-01-05T00:00:00</v></c></row>'), 'A1', 44566],
    ['a comment between cells', sheetXml('<row r="1"><!-- <c r="A1"><v>9</v></c> --><c r="B1"><v>7</v></c></row>'), 'B1', 7],
    ['a commented-out cell as blank', sheetXml('<row r="1"><!-- <c r="A1"><v>9</v></c> --><c r="B1"><v>7</v></c></row>'), 'A1', null],
    ['a quoted ">" inside a tag', sheetXml('<row r="1" spans="1:2" x14ac:note="a>b"><c r="A1"><v>3</v></c></row>'), 'A1', 3],
    ['an empty value as blank', sheetXml('<row r="1"><c r="A1" s="1"/><c r="B1" t="str"><v></v></c></row>'), 'B1', null],
    ['a number typed as text (t="str")', sheetXml('<row r="1"><c r="A1" t="str"><v>180.61万元</v></c></row>'), 'A1', '180.61万元'],
    ['an error value as its text', sheetXml('<row r="1"><c r="A1" t="e"><v>#REF!</v></c></row>'), 'A1', '#REF!'],
    ['a boolean', sheetXml('<row r="1"><c r="A1" t="b"><v>0</v></c></row>'), 'A1', false],
  ])('reads %s', async (_what, xml, address, expected) => {
    const sheet = await readOneSheet({ sheets: { 'xl/worksheets/sheet1.xml': xml }, sharedStrings: SHARED });
    expect(valueAt(sheet, address)).toEqual(expected);
  });

  it('reads the sheets in tab order by their relationships, absolute targets and odd case included', async () => {
    const workbook = sheetsWorkbook(['封面', '申报表']);
    const relationships = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${WORKSHEET_TYPE}" Target="/xl/worksheets/Sheet9.xml"/><Relationship Id="rId1" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet1.xml"/></Relationships>`;
    const read = readSnapshotBytes(
      await packageBytes({
        workbook,
        relationships,
        sheets: {
          'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'),
          'xl/worksheets/sheet9.xml': sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>'),
        },
      }),
    );
    if (!read.ok) throw new Error(read.code);
    expect(read.snapshot.sheets.map((sheet) => [sheet.name, valueAt(sheet, 'A1')])).toEqual([
      ['封面', 1],
      ['申报表', 2],
    ]);
  });

  it('reads a Strict Open XML package (other namespaces and relationship types, same parts)', async () => {
    const strict = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const workbook = `<workbook xmlns="${strict}" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets><sheet name="申报表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const relationships = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
    const sheet = `<worksheet xmlns="${strict}"><sheetData><row r="5"><c r="D5"><v>180.61</v></c></row></sheetData></worksheet>`;
    const read = readSnapshotBytes(await packageBytes({ workbook, relationships, sheets: { 'xl/worksheets/sheet1.xml': sheet } }));
    expect(read.ok && [read.snapshot.sheets[0].name, valueAt(read.snapshot.sheets[0], 'D5')]).toEqual(['申报表', 180.61]);
  });

  it('skips chart sheets, which hold no cells', async () => {
    const workbook = sheetsWorkbook(['图表', '申报表']);
    const relationships = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId2" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet1.xml"/></Relationships>`;
    const read = readSnapshotBytes(await packageBytes({ workbook, relationships, sheets: { 'xl/worksheets/sheet1.xml': sheetXml('') } }));
    expect(read.ok && read.snapshot.sheets.map((sheet) => sheet.name)).toEqual(['申报表']);
  });

  it('reads dates of a workbook dated from 1904 as the serial numbers the rules expect', async () => {
    const styles = `<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const sheet = await readOneSheet({
      workbook: sheetsWorkbook(['表'], '<workbookPr date1904="1"/>'),
      styles,
      sheets: { 'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1" s="1"><v>43104</v></c><c r="B1" s="2"><v>43104</v></c><c r="C1" s="0"><v>180.61</v></c></row>') },
    });
    // 2022-01-05 is 43104 counted from 1904 and 44566 from 1900; amounts are not dates.
    expect([valueAt(sheet, 'A1'), valueAt(sheet, 'B1'), valueAt(sheet, 'C1')]).toEqual([44566, 44566, 180.61]);
  });

  it('keeps only the top-left value of a merged area, as Excel shows it', async () => {
    const sheet = await readOneSheet({
      sheets: { 'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>') },
    });
    expect(sheet.rows).toEqual([[{ value: 1 }]]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });
});

describe('damaged packages', () => {
  const GOOD_SHEET = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');

  it.each([
    ['a tag that never ends', { sheets: { 'xl/worksheets/sheet1.xml': `${GOOD_SHEET.slice(0, -20)}<c r="B1"` } }, 'corrupt_file'],
    ['a comment that never ends', { sheets: { 'xl/worksheets/sheet1.xml': sheetXml('<!-- <row>') } }, 'corrupt_file'],
    ['a sheet part the workbook names but the package lacks', { workbook: sheetsWorkbook(['表', '缺']), relationships: sheetRelationships(2), sheets: { 'xl/worksheets/sheet1.xml': GOOD_SHEET } }, 'corrupt_file'],
    ['a workbook with no worksheets', { workbook: sheetsWorkbook([]), sheets: {} }, 'not_a_workbook'],
  ] as const)('reports %s', async (_what, parts, code) => {
    const read = readSnapshotBytes(await packageBytes(parts));
    expect(read.ok ? 'ok' : read.code).toBe(code);
  });

  it('reports a part whose compressed data is damaged', async () => {
    const bytes = await packageBytes({ sheets: { 'xl/worksheets/sheet1.xml': sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50)) } });
    const damaged = Buffer.from(bytes);
    const at = damaged.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    for (let i = at + 10; i < at + 40; i++) damaged[i] ^= 0xa5;
    const read = readSnapshotBytes(damaged);
    expect(read.ok ? 'ok' : read.code).toBe('corrupt_file');
  });

  it('throws nothing on any truncation of a real form', async () => {
    const bytes = await workbookToBuffer(templateWorkbook('department', { year: 2022, withSample: true }));
    for (let length = 0; length < bytes.length; length += Math.ceil(bytes.length / 97)) {
      const read = readSnapshotBytes(bytes.subarray(0, length));
      expect(read.ok ? 'ok' : read.code).toMatch(/^(empty_file|not_a_workbook|corrupt_file)$/);
    }
  });
});

describe('damaged bytes anywhere', () => {
  it('give a reading or a reason, never an exception', async () => {
    const bytes = await workbookToBuffer(templateWorkbook('department', { year: 2022, withSample: true }));
    await fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
        const damaged = Buffer.from(bytes);
        for (const [at, mask] of flips) damaged[at] ^= mask;
        const read = readSnapshotBytes(damaged);
        expect(read.ok ? 'ok' : read.code).toMatch(/^(ok|not_a_workbook|corrupt_file)$/);
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });
});

describe('the XML scanner', () => {
  it('decodes references and normalises line ends', () => {
    expect(decodeXmlText('a&amp;b&#10;c\r\nd\re&unknown;')).toBe('a&b\nc\nd\ne&unknown;');
  });

  it('reads attributes with either quote, prefixed or not, and finds the tag end past a quoted ">"', () => {
    const scanner = new XmlScanner(`<sheet name='一>二' r:id="rId3" sheetId="3"/><next/>`);
    expect(scanner.next()).toBe(OPEN);
    expect([scanner.name, scanner.attribute('name'), scanner.attribute('id'), scanner.attribute('sheetId'), scanner.selfClosing]).toEqual(['sheet', '一>二', 'rId3', '3', true]);
    expect(scanner.next()).toBe(OPEN);
    expect(scanner.name).toBe('next');
    expect(scanner.next()).toBe(END);
  });

  it('throws a named error on an unterminated tag', () => {
    const scanner = new XmlScanner('<row r="1"');
    expect(() => scanner.next()).toThrow(XmlFormatError);
  });
});

describe('shared formulas, moved to each cell', () => {
  it.each([
    ['C5+D5', 1, 0, 'C6+D6'],
    ['$C5+D$5', 2, 1, '$C7+E$5'],
    ['SUM(E5:E9)', 0, 1, 'SUM(F5:F9)'],
    ['LOG10(A1)', 1, 0, 'LOG10(A2)'],
    ['"A1"&B1', 1, 0, '"A1"&B2'],
    ["'Sheet A1'!B2*2", 1, 0, "'Sheet A1'!B3*2"],
    ['A1-1', -1, 0, '#REF!-1'],
  ])('%s moved by %i rows and %i columns is %s', (formula, rows, cols, expected) => {
    expect(slideFormula(formula, rows, cols)).toBe(expected);
  });
});

describe('agreement with the ExcelJS reader', () => {
  async function bothSnapshots(bytes: Buffer): Promise<[WorkbookSnapshot, WorkbookSnapshot]> {
    const fast = readSnapshotBytes(bytes);
    const full = await readWorkbookBytes(bytes);
    if (!fast.ok || !full.ok) throw new Error(`unreadable: ${fast.ok ? '' : fast.code} ${full.ok ? '' : full.code}`);
    return [fast.snapshot, full.snapshot];
  }

  it.each([
    ['the department form', 'department', false],
    ['the department form with the sample', 'department', true],
    ['the project form', 'project', false],
    ['the project form with the sample', 'project', true],
  ] as const)('reads %s the same', async (_what, template, withSample) => {
    const [fast, full] = await bothSnapshots(await workbookToBuffer(templateWorkbook(template, { year: 2022, withSample })));
    expect(fast).toEqual(full);
  });

  it('reads a filled form with rows inserted and a second form beside it the same', async () => {
    const workbook = new ExcelJS.Workbook();
    const department = buildLayoutPlan('department', { year: 2022, withSample: true });
    const sheet = workbook.addWorksheet(department.sheetName);
    writePlanToWorksheet(workbook, sheet, department);
    insertRows(sheet, 20, [['新增任务', undefined, 12.5]]);
    const project = buildLayoutPlan('project', { year: 2022, withSample: true });
    writePlanToWorksheet(workbook, workbook.addWorksheet(project.sheetName), project);
    const [fast, full] = await bothSnapshots(await workbookToBuffer(workbook));
    expect(fast).toEqual(full);
  });

  const cellValue = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.string({ unit: fc.constantFrom('资', '金', '总', '额', 'a', 'Z', '1', ' ', '&', '<', '>', '"', "'", '\n', '万', '元', '，', '_x') }),
    fc.boolean(),
    fc.constantFrom({ error: '#REF!' } as const, { error: '#DIV/0!' } as const, { error: '#N/A' } as const),
    // ExcelJS wants plain objects, not the prototype-less ones fast-check builds.
    fc.tuple(fc.constantFrom('SUM(A1:A3)', 'B2*2', '"甲"&"乙"'), fc.oneof(fc.integer(), fc.constant('文本'))).map(([formula, result]) => ({ formula, result })),
    fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }).map((texts) => ({ richText: texts.map((text) => ({ text })) })),
  );
  const sheetContent = fc.record({
    cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), cellValue), { maxLength: 60 }),
    merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 4 }),
  });

  it('reads random sheets the same', async () => {
    await fc.assert(
      fc.asyncProperty(sheetContent, async ({ cells, merges }) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('随机');
        for (const [row, col, value] of cells) sheet.getCell(row, col).value = value as ExcelJS.CellValue;
        const taken = new Set<string>();
        for (const [top, left, height, width] of merges) {
          const covered: string[] = [];
          for (let r = top; r <= top + height; r++) for (let c = left; c <= left + width; c++) covered.push(`${r},${c}`);
          if (covered.length < 2 || covered.some((key) => taken.has(key))) continue;
          covered.forEach((key) => taken.add(key));
          sheet.mergeCells(top, left, top + height, left + width);
        }
        const [fast, full] = await bothSnapshots(await workbookToBuffer(workbook));
        expect(fast).toEqual(full);
      }),
      { numRuns: 60, seed: 20261125 },
    );
    // Sixty workbooks written and read by ExcelJS: seconds on a busy machine.
  }, 60_000);
});
