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
import { rangeToA1, type CellPosition, type CellRange, type WorkbookCheckResult, type Severity } from '../core';
import type { ApiLevel } from './api-sets';
import { cellsToAreas, chunkAreaAddresses, parseAreasAddress, parseCellRef } from './areas';
import { HIGHLIGHT_STYLE, highlightFormula } from './highlight-labels';

export type SeverityAreas = Readonly<Record<Severity, readonly CellRange[]>>;

/** A highlight conditional format the add-in owns, as found on a sheet in this request. */
export interface OwnedHighlight {
  /** Valid only in the request that read it: the next add or delete renumbers it. */
  readonly id: string;
  /** Its place in the sheet's collection when read (0: top priority). */
  readonly index: number;
  readonly severity: Severity;
}

/**
 * The cells each sheet should show, by sheet name: every cell of every issue, in its
 * severity's colour; a cell with both an error and a warning shows the error.
 */
export function highlightsFromResult(result: WorkbookCheckResult): Map<string, SeverityAreas> {
  const cells = new Map<string, Record<Severity, Map<string, CellPosition>>>();
  const add = (sheet: string, severity: Severity, position: CellPosition) => {
    let bySeverity = cells.get(sheet);
    if (!bySeverity) {
      bySeverity = { error: new Map(), warning: new Map() };
      cells.set(sheet, bySeverity);
    }
    bySeverity[severity].set(`${position.row}:${position.col}`, position);
  };
  for (const form of result.forms) {
    for (const issue of form.issues) {
      issue.cells.forEach((reference, index) => {
        const parsed = parseCellRef(reference);
        if (!parsed) return;
        // The first cell of a workbook-wide issue may sit on another form's sheet (issue.sheet).
        const sheet = parsed.sheet ?? (index === 0 && issue.sheet ? issue.sheet : form.form.sheet);
        add(sheet, issue.severity, parsed.position);
      });
    }
  }
  const areas = new Map<string, SeverityAreas>();
  for (const [sheet, bySeverity] of cells) {
    const warnings = [...bySeverity.warning].filter(([key]) => !bySeverity.error.has(key)).map(([, position]) => position);
    areas.set(sheet, { error: cellsToAreas(bySeverity.error.values()), warning: cellsToAreas(warnings) });
  }
  return areas;
}

/** A comparable key of a set of areas. */
export function areasKey(areas: readonly CellRange[]): string {
  return areas.map((area) => rangeToA1(area)).join(',');
}

/** Cells past this many are not compared one by one: such a highlight is rewritten. */
const MAX_COMPARED_CELLS = 100_000;

/** The same cells, however the areas are cut (Excel may join or split them). */
export function sameCells(a: readonly CellRange[], b: readonly CellRange[]): boolean {
  const keys = (areas: readonly CellRange[]): Set<string> | null => {
    const set = new Set<string>();
    for (const area of areas) {
      if ((area.bottom - area.top + 1) * (area.right - area.left + 1) + set.size > MAX_COMPARED_CELLS) return null;
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) set.add(`${r}:${c}`);
    }
    return set;
  };
  const left = keys(a);
  const right = keys(b);
  if (!left || !right || left.size !== right.size) return false;
  for (const key of left) if (!right.has(key)) return false;
  return true;
}

export interface HighlightChange {
  readonly sheetId: string;
  readonly severity: Severity;
  /** The owned formats of this severity found in this request, to delete. */
  readonly remove: readonly OwnedHighlight[];
  readonly areas: readonly CellRange[];
}

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
