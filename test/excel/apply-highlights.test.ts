import { highlightsFromResult, planHighlightChanges, queueHighlightChanges, type AppliedHighlights } from '../../src/excel/apply-highlights';
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

describe('planHighlightChanges', () => {
  const D7 = [{ top: 6, bottom: 6, left: 3, right: 3 }];
  const applied: AppliedHighlights = new Map([['s1', new Map([['error', { key: 'D7', ids: ['cf1'] }]])]]);

  test('nothing to do when the sheet already shows what is wanted', () => {
    expect(planHighlightChanges([{ sheetId: 's1', owned: [{ id: 'cf1', severity: 'error' }], desired: { error: D7, warning: [] }, moved: false }], applied)).toEqual([]);
  });

  test('rows moved: rewritten even when the wanted cells are the same', () => {
    const changes = planHighlightChanges([{ sheetId: 's1', owned: [{ id: 'cf1', severity: 'error' }], desired: { error: D7, warning: [] }, moved: true }], applied);
    expect(changes).toEqual([{ sheetId: 's1', severity: 'error', deleteIds: ['cf1'], areas: D7 }]);
  });

  test('leftovers of another session are removed', () => {
    const changes = planHighlightChanges([{ sheetId: 's2', owned: [{ id: 'old', severity: 'warning' }], desired: undefined, moved: false }], new Map());
    expect(changes).toEqual([{ sheetId: 's2', severity: 'warning', deleteIds: ['old'], areas: [] }]);
  });

  test('a highlight deleted behind the add-in’s back is put back', () => {
    const changes = planHighlightChanges([{ sheetId: 's1', owned: [], desired: { error: D7, warning: [] }, moved: false }], applied);
    expect(changes).toEqual([{ sheetId: 's1', severity: 'error', deleteIds: [], areas: D7 }]);
  });
});


describe('queueHighlightChanges on the in-memory Excel', () => {
  test('an address over ~2,000 characters is split over several formats of the same label', async () => {
    const memory = createMemoryExcel();
    const api = new ApiLevel((name, version) => memory.isSetSupported(name, version));
    const areas = Array.from({ length: 600 }, (_, i) => ({ top: i * 2, bottom: i * 2, left: 3, right: 3 }));
    const applied: AppliedHighlights = new Map();
    await memory.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.load('id');
      await context.sync();
      const record = queueHighlightChanges(new Map([[sheet.id, sheet]]), [{ sheetId: sheet.id, severity: 'error', deleteIds: [], areas }], api);
      await context.sync();
      record(applied);
    });
    const formats = memory.inspect.conditionalFormats('Sheet1');
    expect(formats.length).toBeGreaterThan(1);
    for (const format of formats) {
      expect(format.formula).toBe(highlightFormula('error'));
      expect(format.ranges.join(', ').length).toBeLessThan(2000);
    }
    expect(memory.inspect.highlightedCells('Sheet1').size).toBe(600);
    expect([...applied.values()][0].get('error')?.ids).toHaveLength(formats.length);
  });
});
