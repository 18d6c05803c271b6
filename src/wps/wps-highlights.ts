/**
 * Writing highlights in WPS: owned conditional formats (`FormatConditions.Add(xlExpression, ,
 * '=N("perf-target-forms:error")=0')` over the cells, with the fill and font of their severity
 * as BGR numbers). A condition's place in `FormatConditions` is a position renumbered by every
 * add and delete, so the owned ones found by the read are deleted from the last place up, and
 * before anything is added. An address longer than `Range` takes (255 characters) is split over
 * several conditions of the same label. Each new one is moved to the top of the list (as Excel
 * adds a format on top), so a highlight shows over the user's rules. The user's conditions are
 * never otherwise touched.
 */
import { HIGHLIGHT_STYLE, highlightFormula, type CellRange } from '../core';
import type { HighlightChange } from '../host/highlights';
import { rangesOf } from './wps-cells';
import type { WpsOwnedHighlight } from './wps-read';
import { bgrFromHex, XL_EXPRESSION, type WpsWorksheet } from './wps-api';

export type WpsHighlightChange = HighlightChange<WpsOwnedHighlight>;

/** Deletes owned conditions of one sheet, from the last place up, so that each place still names its condition. */
export function deleteOwned(sheet: WpsWorksheet, owned: readonly WpsOwnedHighlight[]): void {
  if (owned.length === 0) return;
  const conditions = sheet.Cells.FormatConditions;
  for (const format of [...owned].sort((a, b) => b.index - a.index)) conditions.Item(format.index + 1).Delete();
}

/** Adds the owned conditions of one severity over `areas`; returns how many it added. */
function addOwned(sheet: WpsWorksheet, change: WpsHighlightChange): number {
  const style = HIGHLIGHT_STYLE[change.severity];
  const ranges = rangesOf(sheet, change.areas);
  for (const range of ranges) {
    const condition = range.FormatConditions.Add(XL_EXPRESSION, undefined, highlightFormula(change.severity));
    condition.Interior.Color = bgrFromHex(style.fill);
    condition.Font.Color = bgrFromHex(style.font);
    // `Add` appends at the lowest priority; a highlight stands above the user's rules and the native checks, as in Excel.
    condition.SetFirstPriority();
  }
  return ranges.length;
}

/** Writes the changes of each sheet: every delete first, then the adds. Returns how many conditions each change added. */
export function writeHighlightChanges(sheetOf: (id: string) => WpsWorksheet, changes: readonly WpsHighlightChange[]): Map<WpsHighlightChange, number> {
  const added = new Map<WpsHighlightChange, number>();
  const bySheet = new Map<string, WpsHighlightChange[]>();
  for (const change of changes) bySheet.set(change.sheetId, [...(bySheet.get(change.sheetId) ?? []), change]);
  for (const [sheetId, sheetChanges] of bySheet) {
    const sheet = sheetOf(sheetId);
    deleteOwned(
      sheet,
      sheetChanges.flatMap((change) => change.remove),
    );
    for (const change of sheetChanges) added.set(change, change.areas.length > 0 ? addOwned(sheet, change) : 0);
  }
  return added;
}

/** The cells a change's owned conditions cover now, as the read found them. */
export function coveredNow(change: WpsHighlightChange): CellRange[] {
  return change.remove.flatMap((owned) => owned.areas);
}
