/**
 * Rows inserted and deleted move everything below them ("Range.Insert method (Excel)",
 * "Range.Delete method (Excel)", "Insert or delete rows and columns": formulas, merged areas,
 * validation and conditional formats follow their cells), and three laws hold: inserting rows then
 * deleting them restores the sheet; inserting rows leaves every value where its cell went; and
 * Value2 written then read gives the same values back.
 */
import fc from 'fast-check';
import { createMemoryWps, type MemoryWps } from '../../src/wps-memory';
import { XL_EXPRESSION, type WpsWorksheet } from '../../src/wps/wps-api';

let wps: MemoryWps;
let sheet: WpsWorksheet;

/** A small form: values, a total, a merge, a validation, a native check, a name. */
function drawForm(target: WpsWorksheet): void {
  target.Range('A1:C1').Merge();
  target.Range('A1').Value2 = '项目支出绩效目标申报表';
  target.Range('B3:B6').Value2 = [[10], [20], [30], ['=SUM(B3:B5)']];
  target.Range('B3:B5').Interior.Color = 0xf2f2f2;
  target.Range('B3:B5').Validation.Add(2, 1, 7, '0');
  target.Range('B6').FormatConditions.Add(XL_EXPRESSION, undefined, '=ABS(ROUND($B$6,4)-ROUND(SUM($B$3:$B$5),4))>0.005');
  target.Names.Add('perf_marker', '=申报表!$A$1');
  target.Range('4:4').RowHeight = 30;
}

beforeEach(() => {
  wps = createMemoryWps({ sheets: ['申报表'] });
  sheet = wps.Application.ActiveWorkbook!.Worksheets.Item(1);
  drawForm(sheet);
});

describe('inserting rows', () => {
  it('is refused on part of a row: only whole rows are modelled', () => {
    expect(() => sheet.Range('B3:C3').Insert(-4121)).toThrow(expect.objectContaining({ code: 'InvalidOperation' }));
  });

  it('above the form moves everything, absolute references too', () => {
    sheet.Range('1:2').Insert(-4121);
    expect(wps.inspect.merges('申报表')).toEqual(['A3:C3']);
    expect(wps.inspect.cell('申报表', 'B8')).toMatchObject({ formula: '=SUM(B5:B7)', value: 60 });
    expect(wps.inspect.validations('申报表').map((rule) => rule.ranges)).toEqual(['B5:B7']);
    expect(wps.inspect.formatConditions('申报表')[0]).toMatchObject({ appliesTo: 'B8', formula1: '=ABS(ROUND($B$8,4)-ROUND(SUM($B$5:$B$7),4))>0.005' });
    expect(wps.inspect.names()[0].refersTo).toBe('=申报表!$A$3');
    expect(wps.inspect.rowHeight('申报表', 5)).toBe(30);
  });

  it('inside the table widens what spans it; the new row takes the formats of the row above', () => {
    sheet.Range('5:5').Insert(-4121);
    expect(wps.inspect.cell('申报表', 'B7').formula).toBe('=SUM(B3:B6)');
    expect(wps.inspect.validations('申报表')[0].ranges).toBe('B3:B6');
    expect(wps.inspect.cell('申报表', 'B5')).toMatchObject({ value: null, format: { fill: 0xf2f2f2 } });
    expect(wps.inspect.rowHeight('申报表', 4)).toBe(30);
  });

  it('with CopyOrigin xlFormatFromRightOrBelow the new rows take the formats of the row below', () => {
    sheet.Range('3:3').Insert(-4121, 1);
    expect(wps.inspect.cell('申报表', 'B3')).toMatchObject({ value: null, format: { fill: 0xf2f2f2 } });
    expect(wps.inspect.cell('申报表', 'B4').value).toBe(10);
  });

  it('inside a merged area widens it', () => {
    sheet.Range('A2:A3').Merge();
    sheet.Range('3:3').Insert(-4121);
    expect(wps.inspect.merges('申报表')).toEqual(['A1:C1', 'A2:A4']);
  });
});

describe('deleting rows', () => {
  it('shrinks what spans them and turns a reference to deleted cells into #REF!', () => {
    sheet.Range('A8').Formula = '=B4*2';
    wps.user.deleteRows('申报表', 4, 1);
    expect(wps.inspect.cell('申报表', 'B5')).toMatchObject({ formula: '=SUM(B3:B4)', value: 40 });
    expect(wps.inspect.cell('申报表', 'A7')).toMatchObject({ formula: '=#REF!*2', value: '#REF!' });
    expect(wps.inspect.validations('申报表')[0].ranges).toBe('B3:B4');
  });

  it('removes merged areas, rules and formats that lie wholly in them', () => {
    wps.user.deleteRows('申报表', 1, 1);
    wps.user.deleteRows('申报表', 5, 1);
    expect(wps.inspect.merges('申报表')).toEqual([]);
    expect(wps.inspect.formatConditions('申报表')).toEqual([]);
  });

  it('is modelled for whole rows of the sheet', () => {
    wps.user.deleteRows('申报表', 3, 1);
    expect(wps.inspect.values('申报表', 'B3:B5')).toEqual([[20], [30], [50]]);
  });
});

/** Everything the inspector shows of the sheet. */
function snapshot(target: MemoryWps): unknown {
  const inspect = target.inspect;
  const cells = inspect.values('申报表', 'A1:D12').map((line, r) => line.map((_, c) => inspect.cell('申报表', `${'ABCD'[c]}${r + 1}`)));
  return {
    cells,
    merges: inspect.merges('申报表'),
    validations: inspect.validations('申报表'),
    formats: inspect.formatConditions('申报表'),
    names: inspect.names(),
    heights: Array.from({ length: 12 }, (_, row) => inspect.rowHeight('申报表', row)),
  };
}

describe('laws', () => {
  it('inserting rows, then deleting the same rows, restores the sheet', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 3 }), (row, count) => {
        const fresh = createMemoryWps({ sheets: ['申报表'] });
        const target = fresh.Application.ActiveWorkbook!.Worksheets.Item(1);
        drawForm(target);
        const before = snapshot(fresh);
        target.Range(`${row}:${row + count - 1}`).Insert(-4121);
        fresh.user.deleteRows('申报表', row, count);
        expect(snapshot(fresh)).toEqual(before);
      }),
    );
  });

  it('inserting rows leaves every value where its cell went: formulas follow what they read', () => {
    const formula = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).map(([a, b]) => `=SUM(A${Math.min(a, b)}:A${Math.max(a, b)})+B${a}`);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -99, max: 99 }), { minLength: 6, maxLength: 6 }), fc.array(formula, { minLength: 6, maxLength: 6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), (numbers, formulas, at, count) => {
        const fresh = createMemoryWps({ sheets: ['申报表'] });
        const target = fresh.Application.ActiveWorkbook!.Worksheets.Item(1);
        target.Range('A1:A6').Value2 = numbers.map((n) => [n]);
        target.Range('B1:B6').Value2 = numbers.map((n) => [n * 2]);
        target.Range('C1:C6').Formula = formulas.map((f) => [f]);
        const before = fresh.inspect.values('申报表', 'A1:C6');
        target.Range(`${at}:${at + count - 1}`).Insert(-4121);
        const moved = (row: number): number => (row >= at ? row + count : row);
        const after = before.map((_, r) => fresh.inspect.values('申报表', `A${moved(r + 1)}:C${moved(r + 1)}`)[0]);
        expect(after).toEqual(before);
      }),
    );
  });

  const cellValue = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
    fc.boolean(),
    fc.string({ minLength: 1, maxLength: 6 }).filter((text) => !/^[=']/.test(text) && text.trim() === text && !/^[\d.+-]/.test(text) && !/^(true|false)$/i.test(text) && !/%$/.test(text)),
  );

  it('Value2 written as a 2-D array reads back the same values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.array(cellValue, { minLength: 16, maxLength: 16 }), (rows, columns, pool) => {
        const values = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => pool[r * 4 + c]));
        const address = `C3:${'CDEF'[columns - 1]}${rows + 2}`;
        sheet.Range(address).Value2 = values;
        const read = sheet.Range(address).Value2;
        expect(rows * columns === 1 ? [[read]] : read).toEqual(values.map((line) => line.map((value) => (Object.is(value, -0) ? 0 : value))));
      }),
    );
  });
});
