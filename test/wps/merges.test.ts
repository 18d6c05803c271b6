/**
 * Merged areas read through the WPS object model, which cannot list them: the column walk
 * finds exactly the merges WPS holds, and merges kept between checks move with inserted and
 * deleted rows as WPS moves them.
 */
import fc from 'fast-check';
import { rangeToA1, parseRangeA1 } from '../../src/core/grid/address';
import type { CellRange } from '../../src/core/grid/grid';
import { createMemoryWps, type MemoryWps } from '../../src/wps-memory';
import { findMerges, mergesAfterDelete, mergesAfterInsert } from '../../src/wps/wps-merges';
import type { WpsWorksheet } from '../../src/wps/wps-api';

const SHEET = 'Sheet1';
const AREA: CellRange = { top: 0, left: 0, bottom: 39, right: 7 };

/** Merges that do not overlap, from random rectangles (later ones that overlap are dropped). */
const mergesArb = fc
  .array(
    fc.record({ top: fc.integer({ min: 0, max: 37 }), left: fc.integer({ min: 0, max: 6 }), height: fc.integer({ min: 1, max: 12 }), width: fc.integer({ min: 1, max: 4 }) }),
    { maxLength: 14 },
  )
  .map((boxes) => {
    const kept: CellRange[] = [];
    for (const box of boxes) {
      const area = { top: box.top, left: box.left, bottom: Math.min(AREA.bottom, box.top + box.height - 1), right: Math.min(AREA.right, box.left + box.width - 1) };
      if (area.top === area.bottom && area.left === area.right) continue;
      if (kept.some((other) => other.top <= area.bottom && area.top <= other.bottom && other.left <= area.right && area.left <= other.right)) continue;
      kept.push(area);
    }
    return kept;
  });

function sheetOf(wps: MemoryWps): WpsWorksheet {
  const workbook = wps.Application.ActiveWorkbook;
  if (!workbook) throw new Error('no workbook');
  return workbook.Worksheets.Item(SHEET);
}

function workbookWith(merges: readonly CellRange[]): MemoryWps {
  const wps = createMemoryWps({ sheets: [SHEET] });
  const sheet = sheetOf(wps);
  sheet.Range('H40').Value2 = 'end';
  for (const merge of merges) sheet.Range(rangeToA1(merge)).Merge(false);
  return wps;
}

const sorted = (merges: readonly CellRange[]) => merges.map((merge) => rangeToA1(merge)).sort();
const held = (wps: MemoryWps) => wps.inspect.merges(SHEET).map((address) => rangeToA1(parseRangeA1(address) as CellRange)).sort();

test('the column walk finds exactly the merges WPS holds', () => {
  fc.assert(
    fc.property(mergesArb, (merges) => {
      const wps = workbookWith(merges);
      expect(sorted(findMerges(sheetOf(wps), AREA))).toEqual(held(wps));
    }),
  );
});

test('an area without merges costs one MergeCells read', () => {
  const wps = workbookWith([{ top: 0, left: 0, bottom: 0, right: 5 }]);
  wps.calls.reset();
  expect(findMerges(sheetOf(wps), { top: 5, left: 0, bottom: 39, right: 7 })).toEqual([]);
  expect(wps.calls.of('Range.MergeCells').read).toBe(1);
});

test('kept merges move with inserted and deleted rows as WPS moves them', () => {
  fc.assert(
    fc.property(mergesArb, fc.boolean(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 3 }), (merges, insert, row, count) => {
      const wps = workbookWith(merges);
      if (insert) wps.user.insertRows(SHEET, row, count);
      else wps.user.deleteRows(SHEET, row, count);
      const moved = insert ? mergesAfterInsert(merges, row - 1, count) : mergesAfterDelete(merges, row - 1, count);
      expect(sorted(moved)).toEqual(held(wps));
    }),
  );
});
