/**
 * Reading the workbook for the checker, bounded by the forms as the Excel adapter's reads are
 * (src/host/sheet-reads.ts): a sheet known to hold a form is read whole — its used range's
 * `Value2` and `Formula`, one read each — and any other only in its top-left block, read whole
 * only when a form's title turns up there. Each read also lists the sheet's owned highlights
 * (with the cells they cover, so that a highlight in doubt is judged without another read) and
 * whether the sheet is protected. Merges come from the merge book (wps-merges.ts).
 */
import { ownedSeverity, rangeToA1, showsFormTitle, type CellRange, type SheetSnapshot } from '../core';
import { parseAreasAddress } from '../host/areas';
import type { OwnedHighlight } from '../host/highlights';
import { PROBE_BLOCK, snapshotFromRange, type ReadDepth, type SheetInfo, type SheetRead, type SheetReadOptions, type WorkbookReadRequest } from '../host/sheet-reads';
import { extentOf, formulaRows, valueRows } from './wps-cells';
import type { MergeBook } from './wps-merges';
import { XL_EXPRESSION, type WpsWorkbook, type WpsWorksheet } from './wps-api';

/** An owned highlight as found on a sheet, with the cells it covers (its `AppliesTo`). */
export interface WpsOwnedHighlight extends OwnedHighlight {
  readonly areas: readonly CellRange[];
}

export type WpsSheetRead = SheetRead<WpsOwnedHighlight>;

/** A sheet's id is its name: the WPS object model gives sheets no lasting id (a renamed sheet is read as a new one). */
export function sheetInfo(sheet: WpsWorksheet): SheetInfo {
  const name = sheet.Name;
  return { id: name, name };
}

/** Every sheet, in tab order. */
export function listSheets(workbook: WpsWorkbook): { readonly info: SheetInfo; readonly sheet: WpsWorksheet }[] {
  const sheets = workbook.Worksheets;
  const count = sheets.Count;
  const list: { info: SheetInfo; sheet: WpsWorksheet }[] = [];
  for (let index = 1; index <= count; index++) {
    const sheet = sheets.Item(index);
    list.push({ info: sheetInfo(sheet), sheet });
  }
  return list;
}

/** The owned highlights of a sheet: every condition of the sheet (its `Cells`), in priority order, kept when its formula carries the label. */
export function readOwned(sheet: WpsWorksheet): WpsOwnedHighlight[] {
  const conditions = sheet.Cells.FormatConditions;
  const count = conditions.Count;
  const owned: WpsOwnedHighlight[] = [];
  for (let index = 1; index <= count; index++) {
    const condition = conditions.Item(index);
    if (condition.Type !== XL_EXPRESSION) continue;
    const severity = ownedSeverity(condition.Formula1);
    if (severity) owned.push({ index: index - 1, severity, areas: parseAreasAddress(condition.AppliesTo.Address(false, false)) });
  }
  return owned;
}

function intersection(a: CellRange, b: CellRange): CellRange | null {
  const area = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return area.top <= area.bottom && area.left <= area.right ? area : null;
}

interface CellsRead {
  readonly snapshot: SheetSnapshot;
  /** False when a probe stopped at the block's edge. */
  readonly whole: boolean;
  readonly lastRow: number;
}

/** The cells of a sheet in one `Value2` and one `Formula` read of its used range (or of the probe block's part of it). */
function readCells(sheet: WpsWorksheet, name: string, depth: ReadDepth, merges: MergeSource): CellsRead {
  const used = sheet.UsedRange;
  const extent = extentOf(used);
  if (!extent) return { snapshot: { name, rows: [], merges: [] }, whole: true, lastRow: -1 };
  const area = depth === 'whole' ? extent : intersection(extent, PROBE_BLOCK);
  if (!area) return { snapshot: { name, rows: [], merges: [] }, whole: false, lastRow: extent.bottom };
  const sameAsUsed = area.top === extent.top && area.left === extent.left && area.bottom === extent.bottom && area.right === extent.right;
  const range = sameAsUsed ? used : sheet.Range(rangeToA1(area));
  const values = valueRows(range.Value2);
  const formulas = formulaRows(range.Formula);
  const whole = depth === 'whole' || (extent.bottom < PROBE_BLOCK.bottom && extent.right < PROBE_BLOCK.right);
  const found = whole ? merges(extent) : [];
  return { snapshot: snapshotFromRange(name, values, formulas, area.top, area.left, found), whole, lastRow: extent.bottom };
}

/** The merges of a sheet read whole, within its used range. */
export type MergeSource = (extent: CellRange) => CellRange[];

export function readSheet(sheet: WpsWorksheet, info: SheetInfo, options: SheetReadOptions, depth: ReadDepth, merges: MergeSource): WpsSheetRead {
  const isProtected = sheet.ProtectContents;
  const cells = options.cells ? readCells(sheet, info.name, depth, merges) : null;
  const snapshot = cells?.snapshot ?? { name: info.name, rows: [], merges: [] };
  return { info, snapshot, owned: options.highlights ? readOwned(sheet) : [], protected: isProtected, whole: cells?.whole ?? true };
}

export interface WpsWorkbookRead {
  readonly sheets: readonly SheetInfo[];
  readonly reads: ReadonlyMap<string, WpsSheetRead>;
  /** Every sheet's object, by id, for the writes that follow. */
  readonly handles: ReadonlyMap<string, WpsWorksheet>;
}

/**
 * Reads what the request asks: the sheets named (and those that turned up new) — form sheets
 * whole, others probed and read whole when the probe shows a title.
 */
export function readWorkbook(workbook: WpsWorkbook, request: WorkbookReadRequest, mergeBook: MergeBook): WpsWorkbookRead {
  const listed = listSheets(workbook);
  const reads = new Map<string, WpsSheetRead>();
  for (const { info, sheet } of listed) {
    const wanted = request.ids === 'all' || request.ids.has(info.id) || !request.knownIds.has(info.id);
    if (!wanted) continue;
    const merges: MergeSource = (extent) => mergeBook.read(sheet, info.name, extent);
    let read = readSheet(sheet, info, request.options, request.formIds.has(info.id) ? 'whole' : 'probe', merges);
    if (!read.whole && showsFormTitle(read.snapshot)) read = readSheet(sheet, info, request.options, 'whole', merges);
    reads.set(info.id, read);
  }
  return { sheets: listed.map((entry) => entry.info), reads, handles: new Map(listed.map((entry) => [entry.info.id, entry.sheet])) };
}
