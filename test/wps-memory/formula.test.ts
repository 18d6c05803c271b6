/**
 * The formulas the project writes, evaluated as WPS shows them ("Excel functions (alphabetical)":
 * SUM, ROUND, ABS, N, AND, COUNTA …; #DIV/0!, #VALUE!, #NAME? as the error values say).
 */
import { createMemoryWps } from '../../src/wps-memory';
import { renameSheetInFormula, shiftRowsInFormula } from '../../src/wps-memory/formula';

describe('evaluation', () => {
  const wps = createMemoryWps({ sheets: ['申报表'] });
  const sheet = wps.Application.ActiveWorkbook!.Worksheets.Item(1);
  sheet.Range('A1:A4').Value2 = [[180.61], [100.5], [80.11], ['文字']];

  it.each([
    ['=SUM(A1:A3)', 361.22],
    ['=SUM(A2:A4)', 180.61],
    ['=SUM(A2,A3)', 180.61],
    ['=ROUND(A1,1)', 180.6],
    ['=ROUND(2.5,0)', 3],
    ['=ROUND(-2.5,0)', -3],
    ['=ABS(A2-A1)', 80.11],
    ['=ABS(ROUND($A$1,4)-ROUND(SUM($A$2:$A$3),4))>0.005', false],
    ['=AND(COUNTA(A2:A3)>0,A1>0)', true],
    ['=COUNTA(A1:A9)', 4],
    ['=N("perf-target-forms:error")=0', true],
    ['=N(A1)', 180.61],
    ['="x"&A2', 'x100.5'],
    ['=IF(A1>100,"大","小")', '大'],
    ['=2^3*10%', 0.8],
    ['=-A2+1', -99.5],
    ['=1/0', '#DIV/0!'],
    ['=A4+1', '#VALUE!'],
    ['=NOSUCH(1)', '#NAME?'],
    ['=SUM(A1:A3)+1/0', '#DIV/0!'],
    ['="a"="A"', true],
    ['=A9=0', true],
  ])('%s gives %p', (formula, value) => {
    sheet.Range('C1').Formula = formula;
    const result = wps.inspect.cell('申报表', 'C1').value;
    if (typeof value === 'number') expect(result).toBeCloseTo(value, 9);
    else expect(result).toBe(value);
  });

  it('a formula follows the cells it reads', () => {
    sheet.Range('C2').Formula = '=SUM(A1:A3)';
    sheet.Range('A3').Value2 = 0;
    expect(wps.inspect.cell('申报表', 'C2').value).toBeCloseTo(281.11, 9);
  });

  it('a circular reference reads 0', () => {
    sheet.Range('D1').Formula = '=D1+1';
    expect(wps.inspect.cell('申报表', 'D1').value).toBe(1);
  });
});

describe('references when rows move', () => {
  it.each([
    ['a reference below moves', '=B7', 5, 2, '=B9'],
    ['a reference above stays', '=B3', 5, 2, '=B3'],
    ['absolute references move too', '=$B$7+B$8', 5, 1, '=$B$8+B$9'],
    ['a range spanning the insertion grows', '=SUM(B3:B7)', 5, 1, '=SUM(B3:B8)'],
    ['a deleted reference is #REF!', '=B5*2', 4, -2, '=#REF!*2'],
    ['a range loses its deleted rows', '=SUM(B3:B7)', 4, -2, '=SUM(B3:B5)'],
    ['text in quotes is left alone', '=N("B7")+B7', 5, 1, '=N("B7")+B8'],
    ['function names are not references', '=LOG10(B7)', 0, 1, '=LOG10(B8)'],
    ['another sheet is left alone', "=Sheet2!B7+'My sheet'!B7+B7", 5, 1, "=Sheet2!B7+'My sheet'!B7+B8"],
  ])('%s: %s', (_, formula, at, count, shifted) => {
    expect(shiftRowsInFormula(formula, at, count)).toBe(shifted);
  });

  it("a qualified reference to the sheet moves when asked", () => {
    expect(shiftRowsInFormula('=申报表!$A$1', 0, 2, (q) => q === '申报表')).toBe('=申报表!$A$3');
  });
});

describe('references when a sheet is renamed', () => {
  it.each([
    ['a plain name', '=申报表!$A$1', '申报表', 'My sheet', "='My sheet'!$A$1"],
    ['a quoted name', "='My sheet'!B2+B2", 'My sheet', '表2', '=表2!B2+B2'],
    ['another sheet is left alone, text too', '=Sheet2!A1&"申报表!A1"', '申报表', 'X', '=Sheet2!A1&"申报表!A1"'],
    ['names ignore case', '=sheet1!A1', 'Sheet1', 'S', '=S!A1'],
  ])('%s', (_, formula, from, to, renamed) => {
    expect(renameSheetInFormula(formula, from, to)).toBe(renamed);
  });

  it('formulas read other sheets by name; Worksheet.Name moves the names and formulas that point at the sheet', () => {
    const wps = createMemoryWps({ sheets: ['申报表', 'Sheet2'] });
    const books = wps.Application.ActiveWorkbook!;
    const sheet = books.Worksheets.Item(1);
    sheet.Range('A1').Value2 = 5;
    sheet.Names.Add('marker', '=申报表!$A$1');
    books.Worksheets.Item(2).Range('B1').Formula = '=申报表!A1*2';
    sheet.Name = '项目表';
    expect(wps.inspect.names()[0].refersTo).toBe('=项目表!$A$1');
    expect(wps.inspect.cell('Sheet2', 'B1')).toMatchObject({ formula: '=项目表!A1*2', value: 10 });
    books.Worksheets.Item(2).Range('B2').Formula = '=NoSuchSheet!A1';
    expect(wps.inspect.cell('Sheet2', 'B2').value).toBe('#REF!');
  });
});
