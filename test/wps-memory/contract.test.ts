/**
 * The in-memory WPS keeps the object model's documented contract (the ET object model mirrors
 * Excel's VBA reference; each case names the page it holds the fake to).
 */
import { createMemoryWps, WpsErrorCode, WpsMemoryError, type MemoryWps } from '../../src/wps-memory';
import { cvErrorCode, XL_EXPRESSION, type WpsWorksheet } from '../../src/wps/wps-api';

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof WpsMemoryError) return error.code;
    throw error;
  }
  throw new Error('expected the call to throw');
}

let wps: MemoryWps;
let sheet: WpsWorksheet;
beforeEach(() => {
  wps = createMemoryWps({ sheets: ['申报表', 'Sheet2'] });
  sheet = wps.Application.ActiveWorkbook!.Worksheets.Item(1);
});

describe('Sheets ("Sheets.Item property (Excel)", "Sheets.Add method (Excel)")', () => {
  it.each([
    ['by 1-based index', 1, '申报表'],
    ['by index 2', 2, 'Sheet2'],
    ['by name', 'Sheet2', 'Sheet2'],
    ['by name, ignoring case', 'sheet2', 'Sheet2'],
  ])('Item %s', (_, key, name) => {
    expect(wps.Application.ActiveWorkbook?.Worksheets.Item(key).Name).toBe(name);
  });

  it.each([0, 3, 'Missing', 1.5])('Item(%p) throws when there is no such sheet', (key) => {
    expect(codeOf(() => wps.Application.ActiveWorkbook?.Worksheets.Item(key))).toBe(WpsErrorCode.itemNotFound);
  });

  it('Add puts the new sheet after `After` and makes it the active sheet', () => {
    const sheets = wps.Application.ActiveWorkbook!.Worksheets;
    const added = sheets.Add(undefined, sheets.Item(2));
    expect(wps.inspect.sheetNames()).toEqual(['申报表', 'Sheet2', added.Name]);
    expect(sheets.Count).toBe(3);
    expect(wps.inspect.activeSheet()).toBe(added.Name);
  });

  it('Add without arguments puts the new sheet before the active one', () => {
    const added = wps.Application.ActiveWorkbook!.Worksheets.Add();
    expect(wps.inspect.sheetNames()).toEqual([added.Name, '申报表', 'Sheet2']);
  });

  it.each([
    ['a name already taken (ignoring case)', 'SHEET2'],
    ['an empty name', ''],
    ['a name over 31 characters', 'x'.repeat(32)],
    ['a name with a forbidden character', 'a/b'],
  ])('Name refuses %s ("Rename a worksheet")', (_, name) => {
    expect(codeOf(() => (sheet.Name = name))).toBe(WpsErrorCode.invalidName);
    expect(sheet.Name).toBe('申报表');
  });
});

describe('Range addresses ("Worksheet.Range property (Excel)", "Range.Address property (Excel)")', () => {
  it.each([
    ['A1', '$A$1'],
    ['a1:f30', '$A$1:$F$30'],
    ['$B$2:C3', '$B$2:$C$3'],
    ['F30:A1', '$A$1:$F$30'],
    ['5:7', '$5:$7'],
    ['B:C', '$B:$C'],
    ['A1:B2,D5', '$A$1:$B$2,$D$5'],
    ['A1, A10', '$A$1,$A$10'],
  ])('Range(%p).Address() is %p', (address, absolute) => {
    expect(sheet.Range(address).Address()).toBe(absolute);
  });

  it.each(['', 'A0', 'A', '5', 'XFE1', 'A1048577', 'A1:B2:C3', 'Sheet!A1', 'A1,,B2'])('Range(%p) throws: not a reference', (address) => {
    expect(codeOf(() => sheet.Range(address))).toBe(WpsErrorCode.invalidArgument);
  });

  it('Address(false, false) is relative', () => {
    expect(sheet.Range('A1:B2,D5').Address(false, false)).toBe('A1:B2,D5');
  });
});

describe('Value2 and Formula ("Range.Value2 property (Excel)", "Range.Value property (Excel)", "Range.Formula property (Excel)")', () => {
  it.each([
    ['a number', 141.7, 141.7],
    ['text', '绩效目标', '绩效目标'],
    ['a numeric string, read as typed', '12.50', 12.5],
    ['a string with an apostrophe, kept as text without it', "'0012", '0012'],
    ['TRUE as text, read as a boolean', 'TRUE', true],
    ['text that only looks like an exponent, kept as text', 'E0', 'E0'],
    ['a date written y-m-d, read as its serial number', '2025-01-01', 45658],
    ['a boolean', false, false],
    ['a formula', '=1+2', 3],
    ['an empty string, which empties the cell', '', undefined],
    ['null, which empties the cell', null, undefined],
  ])('one cell: writing %s reads back a scalar', (_, written, read) => {
    sheet.Range('D7').Value2 = written;
    expect(sheet.Range('D7').Value2).toEqual(read);
  });

  it('several cells read as a 2-D array, rows × columns; an empty cell is undefined', () => {
    sheet.Range('A1:C2').Value2 = [
      [1, 'a', null],
      [true, '=A1*10', 2.5],
    ];
    expect(sheet.Range('A1:C2').Value2).toEqual([
      [1, 'a', undefined],
      [true, 10, 2.5],
    ]);
    expect(sheet.Range('A1:C2').Formula).toEqual([
      ['1', 'a', ''],
      ['TRUE', '=A1*10', '2.5'],
    ]);
  });

  it('a single value fills every cell of the range', () => {
    sheet.Range('A1:B2').Value2 = 7;
    expect(sheet.Range('A1:B2').Value2).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it('an array smaller than the range leaves #N/A in the cells beyond it; what lies beyond the range is ignored', () => {
    sheet.Range('A1:C2').Value2 = [[1, 2]];
    expect(wps.inspect.values('申报表', 'A1:C2')).toEqual([
      [1, 2, '#N/A'],
      ['#N/A', '#N/A', '#N/A'],
    ]);
    sheet.Range('A1').Value2 = [[9, 8, 7]];
    expect(wps.inspect.values('申报表', 'A1:B1')).toEqual([[9, 2]]);
  });

  it('a one-dimensional array fills a row (wps-api.ts does not let the adapter write one)', () => {
    sheet.Range('A1:C1').Value2 = [1, 2, 3] as never;
    expect(wps.inspect.values('申报表', 'A1:C2')).toEqual([
      [1, 2, 3],
      [null, null, null],
    ]);
  });

  it.each([
    ['an object', [[1, { x: 1 }]]],
    ['a number that is not finite', [[1, Number.POSITIVE_INFINITY]]],
    ['rows mixed with values', [[1, 2], 3]],
  ])('an array holding %s is refused and nothing is written', (_, written) => {
    expect(codeOf(() => (sheet.Range('A1:B1').Value2 = written as never))).toBe(WpsErrorCode.invalidArgument);
    expect(wps.inspect.values('申报表', 'A1:B1')).toEqual([[null, null]]);
  });

  it('a cell formatted as text (@) keeps a numeric string as text', () => {
    sheet.Range('E1').NumberFormat = '@';
    sheet.Range('E1').Value2 = '0731';
    expect(sheet.Range('E1').Value2).toBe('0731');
  });

  it('a formula WPS cannot read is refused', () => {
    expect(codeOf(() => (sheet.Range('A1').Formula = '=SUM(A1'))).toBe(WpsErrorCode.invalidArgument);
  });

  it('a number that is not finite is refused', () => {
    expect(codeOf(() => (sheet.Range('A1').Value2 = Number.NaN))).toBe(WpsErrorCode.invalidArgument);
  });
});

describe('error values ("Cell Error Values": XlCVError; through automation 0x800A0000 + the number)', () => {
  it.each([
    ['#DIV/0!', '=1/0', -2146826281],
    ['#VALUE!', '="a"+1', -2146826273],
    ['#NAME?', '=NOSUCH(1)', -2146826259],
    ['#REF!', '=#REF!+1', -2146826265],
  ])('%s reads as %p through Value2', (text, formula, code) => {
    sheet.Range('A1').Formula = formula;
    expect(sheet.Range('A1').Value2).toBe(code);
    expect(wps.inspect.cell('申报表', 'A1').value).toBe(text);
  });

  it.each([
    ['#NULL!', -2146826288],
    ['#N/A', -2146826246],
    ['#NUM!', -2146826252],
  ] as const)('the code of %s is %p', (text, code) => {
    expect(cvErrorCode(text)).toBe(code);
  });
});

describe('colours are BGR numbers ("Interior.Color property (Excel)", "RGB function")', () => {
  it('red is 255, blue 16711680; a cell without fill reads white, 16777215', () => {
    expect(sheet.Range('A1').Interior.Color).toBe(16777215);
    sheet.Range('A1').Interior.Color = 255;
    sheet.Range('B1').Font.Color = 0xff0000;
    expect(wps.inspect.cell('申报表', 'A1').format.fill).toBe(255);
    expect(sheet.Range('B1').Font.Color).toBe(16711680);
  });

  it('a range whose cells differ reads null', () => {
    sheet.Range('A1').Interior.Color = 255;
    sheet.Range('A2').Font.Bold = true;
    sheet.Range('B1').ColumnWidth = 20;
    expect(sheet.Range('A1:A2').Interior.Color).toBeNull();
    expect(sheet.Range('A1:A2').Font.Bold).toBeNull();
    expect(sheet.Range('A1:B1').ColumnWidth).toBeNull();
    expect(sheet.Range('B1').ColumnWidth).toBe(20);
  });

  it.each([-1, 0x1000000, 1.5, '#FF0000'])('Color refuses %p', (color) => {
    expect(codeOf(() => (sheet.Range('A1').Interior.Color = color as number))).toBe(WpsErrorCode.invalidArgument);
  });

  it('Borders.Item(edge) draws that edge of the range; the inside lines only between its cells', () => {
    const range = sheet.Range('B2:C3');
    range.Borders.Item(8).LineStyle = 1;
    range.Borders.Item(12).Weight = -4138;
    range.Borders.Item(12).LineStyle = 1;
    expect(wps.inspect.cell('申报表', 'B2').format.borders.top.lineStyle).toBe(1);
    expect(wps.inspect.cell('申报表', 'B3').format.borders.top).toEqual({ lineStyle: 1, weight: -4138, color: 0 });
    expect(wps.inspect.cell('申报表', 'B3').format.borders.bottom.lineStyle).toBe(-4142);
    expect(range.Borders.Item(8).LineStyle).toBe(1);
  });

  it('neighbouring cells share an edge: B2:C3\'s top is B1:C1\'s bottom ("Borders object (Excel)")', () => {
    sheet.Range('B2:C3').Borders.Item(8).LineStyle = 1;
    sheet.Range('B2:C3').Borders.Item(10).Color = 255;
    expect(sheet.Range('B1:C1').Borders.Item(9).LineStyle).toBe(1);
    expect(wps.inspect.cell('申报表', 'D3').format.borders.left.color).toBe(255);
  });
});

describe('merged areas ("Range.Merge method (Excel)", "Range.MergeArea property (Excel)", "Range.MergeCells property (Excel)")', () => {
  it('merging keeps the upper-left value; MergeArea of any cell is the area; MergeCells is true', () => {
    sheet.Range('A1:C1').Value2 = [['标题', 'x', 'y']];
    sheet.Range('A1:C1').Merge();
    expect(sheet.Range('A1:C1').Value2).toEqual([['标题', undefined, undefined]]);
    expect(sheet.Range('B1').MergeArea.Address()).toBe('$A$1:$C$1');
    expect(sheet.Range('A1:C1').MergeCells).toBe(true);
    expect(sheet.Range('D1').MergeArea.Address()).toBe('$D$1');
  });

  it.each([
    ['no merged cell', 'D1:E1', false],
    ['part merged', 'A1:D1', null],
    ['a cell of the area', 'B1', true],
  ])('MergeCells over %s reads %p', (_, address, merged) => {
    sheet.Range('A1:C1').Merge();
    expect(sheet.Range(address).MergeCells).toBe(merged);
  });

  it('Merge(true) merges each row; UnMerge splits every area the range touches', () => {
    sheet.Range('A1:B2').Merge(true);
    expect(wps.inspect.merges('申报表')).toEqual(['A1:B1', 'A2:B2']);
    sheet.Range('B2').UnMerge();
    expect(wps.inspect.merges('申报表')).toEqual(['A1:B1']);
  });

  it('merging over part of a merged area is refused', () => {
    sheet.Range('A1:B1').Merge();
    expect(codeOf(() => sheet.Range('B1:C1').Merge())).toBe(WpsErrorCode.invalidOperation);
  });
});

describe('protection ("Worksheet.Protect method (Excel)", "Worksheet.ProtectContents property (Excel)")', () => {
  it.each<[string, (s: WpsWorksheet) => void]>([
    ['Value2', (s) => (s.Range('A1').Value2 = 1)],
    ['Formula', (s) => (s.Range('A1').Formula = '=1')],
    ['a format', (s) => (s.Range('A1').Interior.Color = 255)],
    ['Merge', (s) => s.Range('A1:B1').Merge()],
    ['FormatConditions.Add', (s) => s.Range('A1').FormatConditions.Add(XL_EXPRESSION, undefined, '=TRUE')],
    ['Validation.Add', (s) => s.Range('A1').Validation.Add(3, 1, undefined, 'a,b')],
    ['inserting a row', (s) => s.Range('2:2').Insert()],
  ])('a write of %s to a protected sheet throws and changes nothing', (_, write) => {
    wps.user.protectSheet('申报表', true);
    expect(sheet.ProtectContents).toBe(true);
    expect(codeOf(() => write(sheet))).toBe(WpsErrorCode.sheetProtected);
    expect(wps.inspect.usedRange('申报表')).toBe('A1');
    expect(wps.inspect.cell('申报表', 'A1').value).toBeNull();
  });
});

describe('UsedRange, Select, sizes', () => {
  it('UsedRange spans the first to the last cell with a value or a format; A1 on an empty sheet', () => {
    expect(sheet.UsedRange.Address()).toBe('$A$1');
    sheet.Range('C3').Value2 = 1;
    sheet.Range('E6').Interior.Color = 255;
    expect(sheet.UsedRange.Address()).toBe('$C$3:$E$6');
  });

  it('Select works on the active sheet only ("Select method of Range class failed")', () => {
    const other = wps.Application.ActiveWorkbook!.Worksheets.Item('Sheet2');
    expect(codeOf(() => other.Range('A1').Select())).toBe(WpsErrorCode.invalidOperation);
    other.Activate();
    other.Range('B2:C3').Select();
    expect(wps.inspect.selection()).toEqual({ sheet: 'Sheet2', address: 'B2:C3' });
  });

  it('ColumnWidth is in characters, RowHeight in points; both refuse what WPS refuses', () => {
    sheet.Range('A1:B1').ColumnWidth = 12.5;
    sheet.Range('3:4').RowHeight = 30;
    expect([wps.inspect.columnWidth('申报表', 1), wps.inspect.rowHeight('申报表', 3)]).toEqual([12.5, 30]);
    expect(codeOf(() => (sheet.Range('A1').ColumnWidth = 256))).toBe(WpsErrorCode.invalidArgument);
    expect(codeOf(() => (sheet.Range('A1').RowHeight = 410))).toBe(WpsErrorCode.invalidArgument);
  });

  it('Range.Text is the value through its number format', () => {
    sheet.Range('A1:A3').Value2 = [[141.7], [1234.5], [45658]];
    sheet.Range('A1').NumberFormat = '0.00##';
    sheet.Range('A2').NumberFormat = '#,##0.00';
    sheet.Range('A3').NumberFormat = 'yyyy"年"m"月"d"日"';
    expect(['A1', 'A2', 'A3'].map((a) => wps.inspect.cell('申报表', a).text)).toEqual(['141.70', '1,234.50', '2025年1月1日']);
  });
});

describe('names ("Names.Add method (Excel)")', () => {
  it("a sheet's Names.Add makes a worksheet-level name; adding it again redefines it", () => {
    sheet.Names.Add('perf_marker', '=申报表!$A$2');
    sheet.Names.Add('perf_marker', '=申报表!$A$1');
    wps.Application.ActiveWorkbook!.Names.Add('perf_marker', '=Sheet2!$B$1');
    expect(wps.inspect.names()).toEqual([
      { name: 'perf_marker', sheetId: 1, refersTo: '=申报表!$A$1', visible: true },
      { name: 'perf_marker', sheetId: null, refersTo: '=Sheet2!$B$1', visible: true },
    ]);
  });

  it.each(['perf-marker', 'A1', '1abc', ''])('Names.Add refuses the name %p', (name) => {
    expect(codeOf(() => sheet.Names.Add(name, '=$A$1'))).toBe(WpsErrorCode.invalidName);
  });
});
