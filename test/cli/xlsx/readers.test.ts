/**
 * Both readers of workbook files — the snapshot reader of `check` and the ExcelJS reader
 * behind annotated copies — read every kind of cell value as the core expects it, and
 * classify every kind of bad file the same way (a result, never an exception).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellAt, type SheetSnapshot, type WorkbookSnapshot } from '../../../src/core/grid/grid';
import type { ReadFailure, ReadFailureCode } from '../../../src/cli/xlsx/package-file';
import { readWorkbookBytes } from '../../../src/cli/xlsx/read-workbook';
import { workbookToBuffer } from '../../../src/cli/xlsx/save-workbook';
import { readSnapshotBytes } from '../../../src/cli/xlsx/snapshot-reader/read-snapshot';
import { templateWorkbook } from '../../../src/cli/xlsx/write-plan';

type Read = { readonly ok: true; readonly snapshot: WorkbookSnapshot } | ReadFailure;

const READERS: readonly [string, (bytes: Buffer) => Promise<Read>][] = [
  ['the snapshot reader', async (bytes) => readSnapshotBytes(bytes)],
  ['the ExcelJS reader', (bytes) => readWorkbookBytes(bytes)],
];

async function bytesOf(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('表'));
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe.each(READERS)('%s', (_reader, readBytes) => {
  describe('reading cell values', () => {
    let sheet: Awaited<ReturnType<typeof readSheet>>;

    async function readSheet() {
      const bytes = await bytesOf((ws) => {
        ws.getCell('A1').value = 180.61;
        ws.getCell('A2').value = '部门名称';
        ws.getCell('A3').value = { richText: [{ text: '资金', font: { bold: true } }, { text: '总额' }] };
        ws.getCell('A4').value = new Date(Date.UTC(2022, 0, 5));
        ws.getCell('A4').numFmt = 'yyyy-mm-dd';
        ws.getCell('A5').value = { error: '#REF!' };
        ws.getCell('A6').value = { text: '官网', hyperlink: 'https://example.org' };
        ws.getCell('A7').value = { formula: 'SUM(A1,A1)', result: 361.22, date1904: false };
        ws.getCell('A8').value = { formula: 'A1-A1', result: 0, date1904: false };
        ws.getCell('A9').value = { formula: '1/0', result: { error: '#DIV/0!' }, date1904: false };
        ws.getCell('A10').value = true;
        ws.getCell('B1').value = '合并';
        ws.mergeCells('B1:C2');
      });
      const read = await readBytes(bytes);
      if (!read.ok) throw new Error(read.code);
      return read.snapshot.sheets[0];
    }

    beforeAll(async () => {
      sheet = await readSheet();
    });

    it.each([
      ['numbers', 'A1', { value: 180.61 }],
      ['text', 'A2', { value: '部门名称' }],
      ['rich text as plain text', 'A3', { value: '资金总额' }],
      ['dates as Excel serial numbers', 'A4', { value: 44566 }],
      ['error values as their text', 'A5', { value: '#REF!' }],
      ['hyperlinks as their text', 'A6', { value: '官网' }],
      ['formulas with their cached result', 'A7', { value: 361.22, formula: '=SUM(A1,A1)' }],
      ['a cached result of 0', 'A8', { value: 0, formula: '=A1-A1' }],
      ['a cached error result', 'A9', { value: '#DIV/0!', formula: '=1/0' }],
      ['booleans', 'A10', { value: true }],
      ['the top-left cell of a merge', 'B1', { value: '合并' }],
      ['the other cells of a merge as blank', 'C2', { value: null }],
    ])('reads %s (%s)', (_what, address, expected) => {
      const row = Number(address.slice(1)) - 1;
      const col = address.charCodeAt(0) - 65;
      expect(cellAt(sheet, row, col)).toEqual(expected);
    });

    it('reads merged areas as ranges', () => {
      expect(sheet.merges).toEqual([{ top: 0, left: 1, bottom: 1, right: 2 }]);
    });

    it('reads the name of the sheet', () => {
      expect(sheet.name).toBe('表');
    });
  });

  describe('classifying files that cannot be read', () => {
    let goodBytes: Buffer;

    beforeAll(async () => {
      goodBytes = await workbookToBuffer(templateWorkbook('project', { year: 2022, withSample: true }));
    });

    const ole2 = (extra: Buffer): Buffer => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra, Buffer.alloc(1024)]);

    const CASES: readonly [string, () => Promise<Buffer>, ReadFailureCode][] = [
      ['an empty file', async () => Buffer.alloc(0), 'empty_file'],
      ['an .xls file (OLE2)', async () => ole2(Buffer.from('Workbook', 'utf16le')), 'xls_file'],
      ['a password-protected .xlsx (OLE2 with EncryptionInfo)', async () => ole2(Buffer.from('EncryptionInfo', 'utf16le')), 'encrypted'],
      ['a truncated .xlsx', async () => goodBytes.subarray(0, Math.floor(goodBytes.length / 2)), 'corrupt_file'],
      ['a text file', async () => Buffer.from('资金总额,180.61\n'), 'not_a_workbook'],
      [
        'a zip that is not a workbook',
        async () => {
          const zip = new JSZip();
          zip.file('word/document.xml', '<document/>');
          return zip.generateAsync({ type: 'nodebuffer' });
        },
        'not_a_workbook',
      ],
    ];

    it.each(CASES)('reports %s', async (_what, make, code) => {
      const read = await readBytes(await make());
      expect(read.ok ? 'ok' : read.code).toBe(code);
    });

    it('reads the good file', async () => {
      const read = await readBytes(goodBytes);
      expect(read.ok).toBe(true);
    });
  });

  describe('a package written by another program (inline strings, string results, shared formulas)', () => {
    const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
    const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
    const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="项目表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
    const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
  <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
  <row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><r><t>华侨</t></r><r><rPr><b/></rPr><t>事务</t></r></is></c></row>
  <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="str"><f>"38"&amp;".87"</f><v>38.87</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="b"><v>1</v></c></row>
  <row r="3"><c r="A3"><v>3</v></c><c r="B3" s="1"><v>44566</v></c></row>
  <row r="5"><c r="A5"><f t="shared" ref="A5:A6" si="0">A2*2</f><v>2</v></c></row>
  <row r="6"><c r="A6"><f t="shared" si="0"/><v>0</v></c></row>
  </sheetData><mergeCells count="1"><mergeCell ref="C3:D4"/></mergeCells></worksheet>`;

    let sheet: SheetSnapshot;

    beforeAll(async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', CONTENT_TYPES);
      zip.file('_rels/.rels', ROOT_RELS);
      zip.file('xl/workbook.xml', WORKBOOK);
      zip.file('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
      zip.file('xl/styles.xml', STYLES);
      zip.file('xl/worksheets/sheet1.xml', SHEET);
      const read = await readBytes(await zip.generateAsync({ type: 'nodebuffer' }));
      if (!read.ok) throw new Error(`${read.code}: ${read.detail}`);
      sheet = read.snapshot.sheets[0];
    });

    it.each([
      ['an inline string', 0, 0, { value: '项目名称' }],
      ['an inline rich string', 0, 1, { value: '华侨事务' }],
      ['a formula with a string result', 1, 1, { value: '38.87', formula: '="38"&".87"' }],
      ['an error cell', 1, 2, { value: '#N/A' }],
      ['a boolean cell', 1, 3, { value: true }],
      ['a date typed as a number with a date format', 2, 1, { value: 44566 }],
      ['the master of a shared formula', 4, 0, { value: 2, formula: '=A2*2' }],
      ['a cell of a shared formula, translated', 5, 0, { value: 0, formula: '=A3*2' }],
    ])('reads %s', (_what, row, col, expected) => {
      expect(cellAt(sheet, row, col)).toEqual(expected);
    });

    it('reads the sheet name and merges', () => {
      expect(sheet.name).toBe('项目表');
      expect(sheet.merges).toEqual([{ top: 2, left: 2, bottom: 3, right: 3 }]);
    });
  });
});
