/**
 * Highlights: what the issues ask for, what is on the sheets, and the smallest change
 * between the two, applied in the caller's next sync.
 *
 * Each sheet gets at most one owned conditional format per severity, over a multi-area range
 * (`worksheet.getRanges('D7, D9:D12')`, ExcelApi 1.9); an address longer than ~2,000
 * characters is split over several formats of the same label. A cell with an error is left
 * out of the warning's range, so error red always wins.
 *
 * Fallback below ExcelApi 1.9 (no multi-area ranges): one owned conditional format per
 * contiguous rectangle of cells, added with `range.conditionalFormats.add` (ExcelApi 1.6).
 * They carry the same labelled formula and fills, so they are found, diffed and removed
 * the same way, and like all conditional formats they never change the cells' own formats.
 */
import { rangeToA1, type CellPosition, type CellRange, type WorkbookCheckResult, type Severity } from '../core';
import type { ApiLevel } from './api-sets';
import { cellsToAreas, chunkAreaAddresses, parseCellRef } from './areas';
import { HIGHLIGHT_STYLE, SEVERITIES, highlightFormula } from './highlight-labels';
import type { OwnedHighlight } from './read-workbook';

export type SeverityAreas = Readonly<Record<Severity, readonly CellRange[]>>;

const NO_AREAS: SeverityAreas = { error: [], warning: [] };

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

/** What the add-in applied to a sheet for one severity: the areas' key and the formats' ids. */
export interface AppliedHighlight {
  readonly key: string;
  readonly ids: readonly string[];
}

/** Applied highlights by sheet id, then severity. */
export type AppliedHighlights = Map<string, Map<Severity, AppliedHighlight>>;

export interface HighlightChange {
  readonly sheetId: string;
  readonly severity: Severity;
  readonly deleteIds: readonly string[];
  readonly areas: readonly CellRange[];
}

export interface SheetHighlightState {
  readonly sheetId: string;
  /** The owned highlights found on the sheet in this read; empty for a sheet just added. */
  readonly owned: readonly OwnedHighlight[];
  readonly desired: SeverityAreas | undefined;
  /** True when rows moved or cells were pasted since the highlights were applied: their ranges may have moved. */
  readonly moved: boolean;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** The changes that make the sheets show exactly the desired highlights; none when they already do. */
export function planHighlightChanges(sheets: readonly SheetHighlightState[], applied: AppliedHighlights): HighlightChange[] {
  const changes: HighlightChange[] = [];
  for (const sheet of sheets) {
    const desired = sheet.desired ?? NO_AREAS;
    for (const severity of SEVERITIES) {
      const present = sheet.owned.filter((owned) => owned.severity === severity).map((owned) => owned.id);
      const wanted = desired[severity];
      const before = applied.get(sheet.sheetId)?.get(severity);
      const unchanged =
        (present.length === 0 && wanted.length === 0) ||
        (!sheet.moved && before !== undefined && before.key === areasKey(wanted) && sameIds(before.ids, present));
      if (!unchanged) changes.push({ sheetId: sheet.sheetId, severity, deleteIds: present, areas: wanted });
    }
  }
  return changes;
}

/**
 * Queues the changes on the given sheets (a proxy for each sheet id). Returns a function to
 * call after the sync, which records what is now applied.
 */
export function queueHighlightChanges(
  sheets: ReadonlyMap<string, Excel.Worksheet>,
  changes: readonly HighlightChange[],
  api: ApiLevel,
): (applied: AppliedHighlights) => void {
  const added: { change: HighlightChange; formats: Excel.ConditionalFormat[] }[] = [];
  for (const change of changes) {
    const sheet = sheets.get(change.sheetId);
    if (!sheet) continue;
    // Worksheets have no conditional-format collection of their own: the whole sheet's range does.
    for (const id of change.deleteIds) sheet.getRange().conditionalFormats.getItem(id).delete();
    const formats: Excel.ConditionalFormat[] = [];
    if (change.areas.length > 0) {
      if (api.has('multiAreaRanges')) {
        for (const address of chunkAreaAddresses(change.areas)) formats.push(sheet.getRanges(address).conditionalFormats.add('Custom'));
      } else {
        for (const area of change.areas) formats.push(sheet.getRange(rangeToA1(area)).conditionalFormats.add('Custom'));
      }
    }
    for (const format of formats) {
      const style = HIGHLIGHT_STYLE[change.severity];
      format.custom.rule.formula = highlightFormula(change.severity);
      format.custom.format.fill.color = style.fill;
      format.custom.format.font.color = style.font;
      format.load('id');
    }
    added.push({ change, formats });
  }
  return (applied) => {
    for (const { change, formats } of added) {
      let bySeverity = applied.get(change.sheetId);
      if (!bySeverity) {
        bySeverity = new Map();
        applied.set(change.sheetId, bySeverity);
      }
      if (formats.length === 0) bySeverity.delete(change.severity);
      else bySeverity.set(change.severity, { key: areasKey(change.areas), ids: formats.map((format) => format.id) });
    }
  };
}
