import fc from 'fast-check';
import { createMemoryExcel } from '../../src/office-memory';
import { shiftFormula } from '../../src/office-memory/formula';
import { formatValue, parseTypedInput } from '../../src/office-memory/number-format';

/** A sheet with numbers in A1:A3 (1, 2, 3), text in B1, TRUE in B2, an empty B3. */
function sheet() {
  const excel = createMemoryExcel({ sheets: ['Sheet1', '预算 表'] });
  excel.user.paste('Sheet1', 'A1', [
    [1, '文本'],
    [2, true],
    [3, null],
  ]);
  excel.user.type('预算 表', 'A1', '10');
  return excel;
}

describe('formula evaluator', () => {
  it.each([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=-2^2', 4],
    ['=2^3^2', 64],
    ['=10/4', 2.5],
    ['=1/0', '#DIV/0!'],
    ['=50%', 0.5],
    ['="a"&"b"&1', 'ab1'],
    ['=A1+A2', 3],
    ['=$A$1+A$2+$A3', 6],
    ['=SUM(A1:A3)', 6],
    ['=SUM(A1:B3)', 6],
    ['=SUM(A1,A2,10)', 13],
    ['=SUM()', 0],
    ["='预算 表'!A1*2", 20],
    ['=SUM(\'预算 表\'!A1:A2)', 10],
    ['=ROUND(2.345,2)', 2.35],
    ['=ROUND(-2.5,0)', -3],
    ['=ROUND(1234.5,-2)', 1200],
    ['=ROUND(0.285,2)', 0.29],
    ['=ABS(-4)', 4],
    ['=N(B1)', 0],
    ['=N(B2)', 1],
    ['=N("perf-target-forms:error")=0', true],
    ['=AND(A1>0,A2>1)', true],
    ['=AND(A1>0,A2>5)', false],
    ['=A1=1', true],
    ['=B1<>"文本"', false],
    ['="a"<"B"', true],
    ['=1<"a"', true],
    ['=B3=0', true],
    ['=B3=""', true],
    ['=B1+1', '#VALUE!'],
    ['=VLOOKUP(1,A1:A3,1)', '#NAME?'],
    ['=未定义', '#NAME?'],
    ['=Sheet9!A1', '#REF!'],
    ['=B3', 0],
    ['=SUM(A1:A3)/0', '#DIV/0!'],
    ['=SUM(A:A)', 6],
    ['=SUM($A:$B)', 6],
    ['=SUM(1:2)', 3],
    ["=SUM('预算 表'!A:A)", 10],
    ['=AND(1/0>1,TRUE)', '#DIV/0!'],
    ['=COUNTA(A1:B3)', 5],
    ['=AND(COUNTA(B1:B3)>0,ABS(ROUND(A1,4)-ROUND(SUM(A2:A3),4))>0.005)', true],
  ])('%s gives %p', (formula, expected) => {
    const excel = sheet();
    excel.user.type('Sheet1', 'D1', formula);
    expect(excel.inspect.cell('Sheet1', 'D1').value).toBe(expected);
    expect(excel.inspect.cell('Sheet1', 'D1').formula).toBe(formula);
  });

  it('recomputes dependants after each change', () => {
    const excel = sheet();
    excel.user.type('Sheet1', 'D1', '=SUM(A1:A3)');
    excel.user.type('Sheet1', 'D2', '=D1*2');
    excel.user.type('Sheet1', 'A1', '100');
    expect(excel.inspect.values('Sheet1', 'D1:D2')).toEqual([[105], [210]]);
  });

  it('shows 0 for a circular reference instead of looping', () => {
    const excel = sheet();
    excel.user.type('Sheet1', 'D1', '=D2+1');
    excel.user.type('Sheet1', 'D2', '=D1+1');
    expect(typeof excel.inspect.cell('Sheet1', 'D1').value).toBe('number');
  });

  it('refuses a formula Excel cannot read', async () => {
    const excel = sheet();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('D1').formulas = [['=SUM(A1']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('renames sheets inside formulas', () => {
    const excel = sheet();
    excel.user.type('Sheet1', 'D1', "='预算 表'!A1");
    excel.user.renameSheet('预算 表', '预算');
    expect(excel.inspect.cell('Sheet1', 'D1').formula).toBe('=预算!A1');
    expect(excel.inspect.cell('Sheet1', 'D1').value).toBe(10);
  });

  it('keeps a sum of its parts whatever the order of the rows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 8 }), (numbers) => {
        const excel = createMemoryExcel();
        excel.user.paste('Sheet1', 'A1', numbers.map((n) => [n]));
        excel.user.type('Sheet1', 'B1', `=SUM(A1:A${numbers.length})`);
        return excel.inspect.cell('Sheet1', 'B1').value === numbers.reduce((a, b) => a + b, 0);
      }),
      { numRuns: 30 },
    );
  });
});

describe('shifting references', () => {
  it.each([
    ['=SUM(B2:B4)', { at: 2, count: 1 }, '=SUM(B2:B5)'],
    ['=SUM(B2:B4)', { at: 1, count: 1 }, '=SUM(B3:B5)'],
    ['=SUM(B2:B4)', { at: 4, count: 1 }, '=SUM(B2:B4)'],
    ['=SUM($B$2:$B$4)', { at: 3, count: 2 }, '=SUM($B$2:$B$6)'],
    ['=SUM(B2:B4)', { at: 2, count: -1 }, '=SUM(B2:B3)'],
    ['=SUM(B2:B4)', { at: 1, count: -3 }, '=SUM(#REF!)'],
    ['=B3+Other!B3', { at: 0, count: 1 }, '=B4+Other!B3'],
    ['="B3"&B3', { at: 0, count: 1 }, '="B3"&B4'],
    ['=SUM(A:A)', { at: 0, count: 2 }, '=SUM(A:A)'],
    ['=SUM($2:3)', { at: 0, count: 1 }, '=SUM($3:4)'],
    ['=SUM(2:3)', { at: 1, count: -1 }, '=SUM(2:2)'],
  ])('%s with rows %p → %s', (formula, change, expected) => {
    expect(shiftFormula(formula, 'Sheet1', { sheet: 'Sheet1', axis: 'rows', ...change })).toBe(expected);
  });
});

describe('shifting whole columns', () => {
  it('moves A:B when columns are inserted before them', () => {
    expect(shiftFormula('=SUM(B:C)+D1', 'Sheet1', { sheet: 'Sheet1', axis: 'columns', at: 0, count: 1 })).toBe('=SUM(C:D)+E1');
  });
});

describe('typed text and number formats', () => {
  it.each([
    ['141.70', { kind: 'value', value: 141.7 }],
    ['5.19万元', { kind: 'value', value: '5.19万元' }],
    ['=SUM(D1:D3)', { kind: 'formula', formula: '=SUM(D1:D3)' }],
    ['', { kind: 'empty' }],
    ["'123", { kind: 'value', value: '123' }],
    ['１８０．６１', { kind: 'value', value: '１８０．６１' }],
    ['50%', { kind: 'value', value: 0.5, numberFormat: '0%' }],
    ['12.5%', { kind: 'value', value: 0.125, numberFormat: '0.0%' }],
    ['2022/1/5', { kind: 'value', value: 44566, numberFormat: 'yyyy/m/d' }],
    ['1,234.5', { kind: 'value', value: 1234.5 }],
    [' 42 ', { kind: 'value', value: 42 }],
    ['true', { kind: 'value', value: true }],
    ['0731-8866810', { kind: 'value', value: '0731-8866810' }],
    ['=', { kind: 'value', value: '=' }],
  ])('%p is read as %p', (input, expected) => {
    expect(parseTypedInput(input)).toEqual(expected);
  });

  it('keeps text in a cell formatted as text', () => {
    expect(parseTypedInput('8866810', true)).toEqual({ kind: 'value', value: '8866810' });
  });

  it.each([
    [141.7, 'General', '141.7'],
    [141.7, '0.00', '141.70'],
    [141.7, '0.00##', '141.70'],
    [141.7123, '0.00##', '141.7123'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [-5, '0.00', '-5.00'],
    [-5, '0.00;(0.00)', '(5.00)'],
    [0.5, '0%', '50%'],
    [0.125, '0.0%', '12.5%'],
    [12, '0', '12'],
    [12.5, '0', '13'],
    [44566, 'yyyy/m/d', '2022/1/5'],
    [44566, 'yyyy"年"m"月"d"日"', '2022年1月5日'],
    [5.19, '0.00"万元"', '5.19万元'],
    ['文本', '@', '文本'],
    [123, '@', '123'],
    [true, 'General', 'TRUE'],
    [1 / 3, 'General', '0.333333333333333'],
    [null, '0.00', ''],
  ])('%p under %p shows %p', (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });

  it('shows text through range.text', async () => {
    const excel = createMemoryExcel();
    excel.user.type('Sheet1', 'A1', '141.7');
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.numberFormat = [['0.00']];
      range.load('text, numberFormat');
      await context.sync();
      expect(range.text).toEqual([['141.70']]);
      expect(range.numberFormat).toEqual([['0.00']]);
    });
  });
});
