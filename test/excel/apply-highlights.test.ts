import { highlightsFromResult, queueHighlightChanges } from '../../src/excel/apply-highlights';
import { HighlightBook } from '../../src/host/highlight-book';
import { ApiLevel } from '../../src/excel/api-sets';
import { createMemoryExcel } from '../../src/office-memory';
import { highlightFormula, ownedSeverity } from '../../src/excel/highlight-labels';
import { rangeToA1 } from '../../src/core/grid/address';
import type { WorkbookCheckResult } from '../../src/core/check/types';
import type { ExtractedForm } from '../../src/core/forms/form-data';
import type { Issue } from '../../src/core/issues/issue';
import { ISSUE_PARAMS } from '../../src/core/issues/issue-codes';

function form(sheet: string): ExtractedForm {
  return { template: 'department', sheet, year: 2022, titleCell: 'A1', fields: {}, tasks: [], indicators: [] };
}

function result(...forms: { sheet: string; issues: Issue[] }[]): WorkbookCheckResult {
  return { forms: forms.map(({ sheet, issues }) => ({ form: form(sheet), issues })), otherSheets: [] };
}

const issue = (severity: Issue['severity'], cells: string[], sheet?: string): Issue => ({ code: 'sum_mismatch', severity, cells, params: ISSUE_PARAMS.sum_mismatch, ...(sheet ? { sheet } : {}) });

describe('owned highlight labels', () => {
  test.each([
    [highlightFormula('error'), 'error'],
    [highlightFormula('warning'), 'warning'],
    ['=N("perf-target-forms:warning")=0', 'warning'],
    ['=$D$7>0', null],
    ['', null],
  ])('%s → %s', (formula, severity) => {
    expect(ownedSeverity(formula)).toBe(severity);
  });
});

describe('highlightsFromResult', () => {
  test('every cell of every issue, error winning over warning on the same cell', () => {
    const areas = highlightsFromResult(result({ sheet: '表', issues: [issue('error', ['D7', 'D9', 'D10']), issue('warning', ['D7', 'E20'])] }));
    expect(areas.get('表')?.error.map(rangeToA1)).toEqual(['D7', 'D9:D10']);
    expect(areas.get('表')?.warning.map(rangeToA1)).toEqual(['E20']);
  });

  test('a workbook-wide issue puts its first cell on the sheet it names', () => {
    const areas = highlightsFromResult(result({ sheet: '项目', issues: [issue('warning', ['D9', 'C7'], '部门')] }));
    expect(areas.get('部门')?.warning.map(rangeToA1)).toEqual(['D9']);
    expect(areas.get('项目')?.warning.map(rangeToA1)).toEqual(['C7']);
  });
});

describe('HighlightBook', () => {
  const D7 = [{ top: 6, bottom: 6, left: 3, right: 3 }];
  const owned = (index: number, severity: Issue['severity'] = 'error') => ({ id: String(index), index, severity });

  function bookShowing(sheetId: string): HighlightBook {
    const book = new HighlightBook();
    book.record({ sheetId, severity: 'error', remove: [], areas: D7 }, 1);
    return book;
  }

  test('nothing to do when the sheet already shows what is wanted', () => {
    expect(bookShowing('s1').plan([{ sheetId: 's1', owned: [owned(0)], desired: { error: D7, warning: [] }, move: 'none' }])).toEqual({ changes: [], verify: [] });
  });

  test('the same owned format at another position (a user rule added above it) is still nothing to do', () => {
    expect(bookShowing('s1').plan([{ sheetId: 's1', owned: [owned(3)], desired: { error: D7, warning: [] }, move: 'none' }])).toEqual({ changes: [], verify: [] });
  });

  test('cells pasted and the same cells wanted: looked at first, rewritten only if they moved elsewhere', () => {
    const book = bookShowing('s1');
    const plan = book.plan([{ sheetId: 's1', owned: [owned(0)], desired: { error: D7, warning: [] }, move: 'copied' }]);
    expect(plan).toEqual({ changes: [], verify: [{ sheetId: 's1', severity: 'error', remove: [owned(0)], areas: D7 }] });
    expect(book.settle(plan.verify, [D7])).toEqual([]);
    expect(book.settle(plan.verify, [[{ top: 7, bottom: 7, left: 3, right: 3 }]])).toEqual(plan.verify);
  });

  test('rows inserted: the formats moved with the cells, so they are looked at even though the wanted cells moved too', () => {
    const D8 = [{ top: 7, bottom: 7, left: 3, right: 3 }];
    const book = bookShowing('s1');
    const plan = book.plan([{ sheetId: 's1', owned: [owned(0)], desired: { error: D8, warning: [] }, move: 'shifted' }]);
    expect(plan.changes).toEqual([]);
    expect(book.settle(plan.verify, [D8])).toEqual([]);
    expect(book.plan([{ sheetId: 's1', owned: [owned(0)], desired: { error: D8, warning: [] }, move: 'none' }])).toEqual({ changes: [], verify: [] });
  });

  test('cells pasted and other cells wanted: rewritten at once', () => {
    const D8 = [{ top: 7, bottom: 7, left: 3, right: 3 }];
    const plan = bookShowing('s1').plan([{ sheetId: 's1', owned: [owned(0)], desired: { error: D8, warning: [] }, move: 'copied' }]);
    expect(plan).toEqual({ changes: [{ sheetId: 's1', severity: 'error', remove: [owned(0)], areas: D8 }], verify: [] });
  });

  test('leftovers of another session are looked at, then removed when nothing is wanted there', () => {
    const book = new HighlightBook();
    const plan = book.plan([{ sheetId: 's2', owned: [owned(1, 'warning')], desired: undefined, move: 'none' }]);
    expect(plan.verify).toEqual([{ sheetId: 's2', severity: 'warning', remove: [owned(1, 'warning')], areas: [] }]);
    expect(book.settle(plan.verify, [D7])).toEqual(plan.verify);
  });

  test('a highlight deleted behind the add-in’s back is put back', () => {
    const plan = bookShowing('s1').plan([{ sheetId: 's1', owned: [], desired: { error: D7, warning: [] }, move: 'none' }]);
    expect(plan.changes).toEqual([{ sheetId: 's1', severity: 'error', remove: [], areas: D7 }]);
  });
});

describe('queueHighlightChanges on the in-memory Excel', () => {
  test('an address over ~2,000 characters is split over several formats of the same label', async () => {
    const memory = createMemoryExcel();
    const api = new ApiLevel((name, version) => memory.isSetSupported(name, version));
    const areas = Array.from({ length: 600 }, (_, i) => ({ top: i * 2, bottom: i * 2, left: 3, right: 3 }));
    await memory.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.load('id');
      await context.sync();
      const added = queueHighlightChanges(new Map([[sheet.id, sheet]]), [{ sheetId: sheet.id, severity: 'error', remove: [], areas }], api);
      await context.sync();
      expect([...added.values()]).toEqual([memory.inspect.conditionalFormats('Sheet1').length]);
    });
    const formats = memory.inspect.conditionalFormats('Sheet1');
    expect(formats.length).toBeGreaterThan(1);
    for (const format of formats) {
      expect(format.formula).toBe(highlightFormula('error'));
      expect(format.ranges.join(', ').length).toBeLessThan(2000);
    }
    expect(memory.inspect.highlightedCells('Sheet1').size).toBe(600);
  });
});
