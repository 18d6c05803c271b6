/**
 * Every crossing into WPS is counted by member and kind (each property read or write, each
 * method call is a call from the page into the WPS process); the inspector and the person's
 * actions are not crossings.
 */
import { createMemoryWps } from '../../src/wps-memory';
import { XL_EXPRESSION } from '../../src/wps/wps-api';

describe('the call counter', () => {
  it('counts reads, writes and calls per member', () => {
    const wps = createMemoryWps({ sheets: ['申报表'] });
    const sheet = wps.Application.ActiveWorkbook!.Worksheets.Item(1);
    const range = sheet.Range('A1:F30');
    range.Value2 = 1;
    void range.Value2;
    void range.Formula;
    sheet.Range('B2').FormatConditions.Add(XL_EXPRESSION, undefined, '=TRUE');
    expect(wps.calls.byMember()).toEqual({
      'Application.ActiveWorkbook': { read: 1, write: 0, call: 0 },
      'Workbook.Worksheets': { read: 1, write: 0, call: 0 },
      'Sheets.Item': { read: 0, write: 0, call: 1 },
      'Worksheet.Range': { read: 0, write: 0, call: 2 },
      'Range.Value2': { read: 1, write: 1, call: 0 },
      'Range.Formula': { read: 1, write: 0, call: 0 },
      'Range.FormatConditions': { read: 1, write: 0, call: 0 },
      'FormatConditions.Add': { read: 0, write: 0, call: 1 },
    });
    expect(wps.calls.total()).toBe(10);
  });

  it('reading a 30 × 6 block is one crossing, however many cells', () => {
    const wps = createMemoryWps();
    const sheet = wps.Application.ActiveWorkbook!.Worksheets.Item(1);
    wps.calls.reset();
    void sheet.Range('A1:F30').Value2;
    expect([wps.calls.total(), wps.calls.of('Range.Value2')]).toEqual([2, { read: 1, write: 0, call: 0 }]);
  });

  it('counts a call that fails, and what event handlers cross', () => {
    const wps = createMemoryWps();
    const sheet = wps.Application.ActiveWorkbook!.Worksheets.Item(1);
    wps.Application.ApiEvent.AddApiEventListener('SheetChange', (_sh, target) => void target.Address());
    wps.calls.reset();
    expect(() => sheet.Range('A0')).toThrow();
    wps.user.type('Sheet1', 'A1', '1');
    expect(wps.calls.byMember()).toEqual({ 'Worksheet.Range': { read: 0, write: 0, call: 1 }, 'Range.Address': { read: 0, write: 0, call: 1 } });
  });

  it('does not count the inspector or the person', () => {
    const wps = createMemoryWps({ sheets: ['申报表'] });
    wps.user.paste('申报表', 'A1', [[1, 2]]);
    wps.inspect.values('申报表', 'A1:B1');
    wps.inspect.highlightedCells('申报表');
    expect(wps.calls.total()).toBe(0);
  });
});
