/**
 * Highlights: what the issues ask for, and queuing the change on a sheet.
 *
 * Each sheet gets at most one owned conditional format per severity, over a multi-area range
 * (`worksheet.getRanges('D7, D9:D12')`, ExcelApi 1.9); an address longer than ~2,000
 * characters is split over several formats of the same label. A cell with an error is left
 * out of the warning's range, so error red always wins.
 *
 * A conditional format's `id` is its priority in the collection — a position, renumbered by
 * every add and delete (Office.js reference, `ConditionalFormat.id`). So the owned formats are
 * found by their label in the request that changes them, deleted from the bottom up (a delete
 * renumbers only those below it), and deleted before anything is added (`add` inserts at the
 * top and renumbers all). No id outlives its request.
 *
 * Fallback below ExcelApi 1.9 (no multi-area ranges): one owned conditional format per
 * contiguous rectangle of cells, added with `range.conditionalFormats.add` (ExcelApi 1.6).
 * They carry the same labelled formula and fills, so they are found, diffed and removed
 * the same way, and like all conditional formats they never change the cells' own formats.
 */
import { rangeToA1, type CellRange } from '../core';
import type { ApiLevel } from './api-sets';
import { chunkAreaAddresses, parseAreasAddress } from '../host/areas';
import type { HighlightChange as HostHighlightChange, OwnedHighlight as HostOwnedHighlight } from '../host/highlights';
import { HIGHLIGHT_STYLE, highlightFormula } from './highlight-labels';

export { areasKey, highlightsFromResult, sameCells, type SeverityAreas } from '../host/highlights';

/** An owned highlight as found in this request, with the id Office.js names it by. */
export interface OwnedHighlight extends HostOwnedHighlight {
  /** Valid only in the request that read it: the next add or delete renumbers it. */
  readonly id: string;
}

export type HighlightChange = HostHighlightChange<OwnedHighlight>;

/** Queues the deletion of owned formats of one sheet, bottom-up so that each id still names its format. */
export function queueOwnedDeletes(sheet: Excel.Worksheet, owned: readonly OwnedHighlight[]): void {
  // Worksheets have no conditional-format collection of their own: the whole sheet's range does.
  const formats = sheet.getRange().conditionalFormats;
  for (const format of [...owned].sort((a, b) => b.index - a.index)) formats.getItem(format.id).delete();
}

function queueAdds(sheet: Excel.Worksheet, change: HighlightChange, api: ApiLevel): number {
  const formats: Excel.ConditionalFormat[] = [];
  if (api.has('multiAreaRanges')) {
    for (const address of chunkAreaAddresses(change.areas)) formats.push(sheet.getRanges(address).conditionalFormats.add('Custom'));
  } else {
    for (const area of change.areas) formats.push(sheet.getRange(rangeToA1(area)).conditionalFormats.add('Custom'));
  }
  const style = HIGHLIGHT_STYLE[change.severity];
  for (const format of formats) {
    format.custom.rule.formula = highlightFormula(change.severity);
    format.custom.format.fill.color = style.fill;
    format.custom.format.font.color = style.font;
  }
  return formats.length;
}

/**
 * Queues the changes on the given sheets (a proxy for each sheet id): on each sheet every
 * delete first, bottom-up, then the adds. Returns how many formats each change added.
 */
export function queueHighlightChanges(sheets: ReadonlyMap<string, Excel.Worksheet>, changes: readonly HighlightChange[], api: ApiLevel): Map<HighlightChange, number> {
  const added = new Map<HighlightChange, number>();
  const bySheet = new Map<string, HighlightChange[]>();
  for (const change of changes) bySheet.set(change.sheetId, [...(bySheet.get(change.sheetId) ?? []), change]);
  for (const [sheetId, sheetChanges] of bySheet) {
    const sheet = sheets.get(sheetId);
    if (!sheet) continue;
    const remove = sheetChanges.flatMap((change) => change.remove);
    if (remove.length > 0) queueOwnedDeletes(sheet, remove);
    for (const change of sheetChanges) added.set(change, change.areas.length > 0 ? queueAdds(sheet, change, api) : 0);
  }
  return added;
}

/** Queues reading the cells the given owned formats cover (ExcelApi 1.9); call the result after the sync. */
export function queueOwnedRangesRead(sheet: Excel.Worksheet, owned: readonly OwnedHighlight[]): () => CellRange[] {
  const formats = sheet.getRange().conditionalFormats;
  const pending = owned.map((format) => formats.getItem(format.id).getRanges().load('address'));
  return () => pending.flatMap((ranges) => parseAreasAddress(ranges.address));
}
