/**
 * SheetChange (Sh, Target) and SheetActivate (Sh), as "Workbook.SheetChange event (Excel)" and
 * "Worksheet.Change event (Excel)" describe them: raised for the person's edits and for code's
 * writes of contents (the page's own example turns Application.EnableEvents off around the
 * write its handler makes), never for formats or recalculation.
 */
import { createMemoryWps, WpsErrorCode, type MemoryWps } from '../../src/wps-memory';
import { XL_EXPRESSION, type WpsRange, type WpsWorksheet } from '../../src/wps/wps-api';

let wps: MemoryWps;
let sheet: WpsWorksheet;
let changes: string[];
const record = (sh: WpsWorksheet, target: WpsRange): void => {
  changes.push(`${sh.Name}!${target.Address()}`);
};

beforeEach(() => {
  wps = createMemoryWps({ sheets: ['申报表', 'Sheet2'] });
  sheet = wps.Application.ActiveWorkbook!.Worksheets.Item(1);
  changes = [];
  wps.Application.ApiEvent.AddApiEventListener('SheetChange', record);
});

describe('SheetChange for the person', () => {
  it.each<[string, (w: MemoryWps) => void, string]>([
    ['typing into a cell', (w) => w.user.type('申报表', 'D7', '141.70'), '申报表!$D$7'],
    ['typing into a merged cell: Target is its merged area', (w) => {
      w.Application.EnableEvents = false;
      w.Application.ActiveWorkbook!.Worksheets.Item(1).Range('A1:C1').Merge();
      w.Application.EnableEvents = true;
      w.user.type('申报表', 'B1', '标题');
    }, '申报表!$A$1:$C$1'],
    ['pasting a block: Target is the block', (w) => w.user.paste('申报表', 'B2', [[1, 2, 3], [4, 5, 6]]), '申报表!$B$2:$D$3'],
    ['the Delete key', (w) => w.user.clear('申报表', 'A1:B3'), '申报表!$A$1:$B$3'],
    ['Ctrl+C, Ctrl+V: Target is where it lands', (w) => w.user.copyPaste('申报表', 'A1:B2', 'D4'), '申报表!$D$4:$E$5'],
    ['inserting rows: Target is the whole rows', (w) => w.user.insertRows('申报表', 5, 2), '申报表!$5:$6'],
    ['deleting a row', (w) => w.user.deleteRows('申报表', 3, 1), '申报表!$3:$3'],
  ])('%s', (_, act, target) => {
    act(wps);
    expect(changes).toEqual([target]);
  });

  it('no SheetChange for a format, and none for a refused entry', () => {
    wps.user.setFormat('申报表', 'A1', { fill: 255 });
    sheet.Range('A2').Validation.Add(2, 1, 7, '0');
    expect(wps.user.type('申报表', 'A2', 'abc')).toEqual({ accepted: false, title: '错误提示', message: '您输入的内容，不符合限制条件。' });
    expect(changes).toEqual([]);
  });
});

describe("SheetChange for the add-in's own writes", () => {
  it.each<[string, (s: WpsWorksheet) => void, string]>([
    ['Value2', (s) => (s.Range('A1:B2').Value2 = [[1, 2], [3, 4]]), '申报表!$A$1:$B$2'],
    ['Formula', (s) => (s.Range('C5').Formula = '=SUM(A1:B2)'), '申报表!$C$5'],
    ['clearing by writing an empty string', (s) => (s.Range('A1:A2').Value2 = ''), '申报表!$A$1:$A$2'],
    ['Insert of whole rows', (s) => s.Range('4:5').Insert(-4121), '申报表!$4:$5'],
  ])('%s raises SheetChange during the write, before it returns', (_, write, target) => {
    write(sheet);
    expect(changes).toEqual([target]);
  });

  it.each<[string, (s: WpsWorksheet) => void]>([
    ['Interior.Color', (s) => (s.Range('A1').Interior.Color = 255)],
    ['Merge', (s) => s.Range('A1:B1').Merge()],
    ['NumberFormat', (s) => (s.Range('A1').NumberFormat = '0.00')],
    ['FormatConditions.Add', (s) => s.Cells.FormatConditions.Add(XL_EXPRESSION, undefined, '=N("perf-target-forms:error")=0')],
    ['Validation.Add', (s) => s.Range('A1').Validation.Add(3, 1, undefined, '定量,定性')],
    ['ColumnWidth', (s) => (s.Range('A1').ColumnWidth = 20)],
  ])('%s raises nothing: formats are not contents', (_, write) => {
    write(sheet);
    expect(changes).toEqual([]);
  });

  it('Application.EnableEvents = false silences every event until it is true again ("Application.EnableEvents property (Excel)")', () => {
    wps.Application.EnableEvents = false;
    sheet.Range('A1').Value2 = 1;
    wps.user.type('申报表', 'A2', '2');
    wps.Application.EnableEvents = true;
    sheet.Range('A3').Value2 = 3;
    expect(changes).toEqual(['申报表!$A$3']);
  });

  it('a handler that writes without turning events off re-enters until the stack runs out', () => {
    wps.Application.ApiEvent.AddApiEventListener('SheetChange', (_sh, target) => {
      target.Value2 = 1;
    });
    expect(() => (sheet.Range('A1').Value2 = 0)).toThrow(expect.objectContaining({ code: WpsErrorCode.outOfStackSpace }));
  });

  it("a handler's error does not fail the write; it is kept in handlerErrors", () => {
    const failing = new Error('handler failed');
    wps.Application.ApiEvent.AddApiEventListener('SheetChange', () => {
      throw failing;
    });
    sheet.Range('A1').Value2 = 5;
    expect(sheet.Range('A1').Value2).toBe(5);
    expect(wps.handlerErrors).toEqual([failing]);
  });

  it('RemoveApiEventListener removes that listener only', () => {
    const other: string[] = [];
    const second = (sh: WpsWorksheet): void => {
      other.push(sh.Name);
    };
    wps.Application.ApiEvent.AddApiEventListener('SheetChange', second);
    wps.Application.ApiEvent.RemoveApiEventListener('SheetChange', record);
    sheet.Range('A1').Value2 = 1;
    expect([changes, other]).toEqual([[], ['申报表']]);
  });
});

describe('deferred delivery', () => {
  it('hands events out after the current task: the write returns first', async () => {
    const deferred = createMemoryWps({ sheets: ['申报表'], delivery: 'deferred' });
    const seen: string[] = [];
    deferred.Application.ApiEvent.AddApiEventListener('SheetChange', (_sh, target) => seen.push(target.Address()));
    deferred.Application.ActiveWorkbook!.Worksheets.Item(1).Range('B2').Formula = '=1';
    expect(seen).toEqual([]);
    await deferred.whenIdle();
    expect(seen).toEqual(['$B$2']);
  });
});

describe('SheetActivate ("Workbook.SheetActivate event (Excel)")', () => {
  it('is raised when the active sheet changes, by the person or by Activate, and not for the sheet already active', () => {
    const activated: string[] = [];
    wps.Application.ApiEvent.AddApiEventListener('SheetActivate', (sh) => activated.push(sh.Name));
    wps.user.activate('Sheet2');
    sheet.Activate();
    sheet.Activate();
    expect(activated).toEqual(['Sheet2', '申报表']);
    expect(wps.inspect.activeSheet()).toBe('申报表');
  });
});
