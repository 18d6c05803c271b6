/**
 * The fallback for edits that raise no `onChanged`: a pick from a cell's drop-down list may
 * come without one (Excel on the web). When the selection moves on, or another sheet is
 * activated, the cells just left are read (one small sync) and compared with the last check's
 * snapshot; a difference starts the usual live check of that sheet.
 */
import { rangeToA1, cellAt, type CellRange, type SheetSnapshot } from '../core';
import { parseArea } from '../host/areas';
import { snapshotFromRange } from './read-workbook';

/** A drop-down pick is one cell; a larger selection left behind is not read. */
export const MAX_PROBED_CELLS = 64;

export interface SelectionSpot {
  readonly sheetId: string;
  readonly area: CellRange;
}

/** The selection an event names, or null when it is too large to probe or not understood. */
export function spotOf(sheetId: string, address: string): SelectionSpot | null {
  const area = parseArea(address.slice(address.lastIndexOf('!') + 1));
  if (!area || (area.bottom - area.top + 1) * (area.right - area.left + 1) > MAX_PROBED_CELLS) return null;
  return { sheetId, area };
}

/** Queues the read of the spot's cells; the returned function tells, after the sync, whether they differ from `cached`. */
export function queueSpotRead(context: Excel.RequestContext, spot: SelectionSpot, cached: SheetSnapshot): () => boolean {
  const { area } = spot;
  const range = context.workbook.worksheets.getItem(spot.sheetId).getRange(rangeToA1(area));
  range.load('values,formulas');
  return () => {
    const now = snapshotFromRange(cached.name, range.values, range.formulas, area.top, area.left);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const before = cellAt(cached, r, c);
        const after = cellAt(now, r, c);
        if ((before.value ?? null) !== (after.value ?? null) || (before.formula ?? null) !== (after.formula ?? null)) return true;
      }
    }
    return false;
  };
}
