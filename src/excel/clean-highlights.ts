/**
 * Removing every highlight the add-in owns, on every sheet — its own from this session and
 * leftovers of an earlier one alike, found by the label in their formula. Two syncs: the
 * listing with each sheet's conditional formats, then the deletions.
 */
import type { ApiLevel } from './api-sets';
import { readWorkbook } from './read-workbook';

/** Returns how many highlight formats were removed. */
export async function removeOwnedHighlights(context: Excel.RequestContext, api: ApiLevel, beforeWrite: () => void = () => undefined, afterWrite: () => void = () => undefined): Promise<number> {
  const read = await readWorkbook(context, api, { ids: 'all', knownIds: new Set(), options: { cells: false, highlights: true } });
  let removed = 0;
  beforeWrite();
  for (const sheetRead of read.reads.values()) {
    if (sheetRead.owned.length === 0) continue;
    const sheet = context.workbook.worksheets.getItem(sheetRead.info.id);
    for (const owned of sheetRead.owned) {
      sheet.getRange().conditionalFormats.getItem(owned.id).delete();
      removed++;
    }
  }
  afterWrite();
  await context.sync();
  return removed;
}
