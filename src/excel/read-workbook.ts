/**
 * Reading the workbook for the checker, bounded by the forms rather than by the workbook:
 * a sheet known to hold a form is read whole (used range's values and formulas, its merged
 * areas where ExcelApi 1.13 exists); any other sheet only as far as it takes to tell that it
 * holds no form — the top-left block where a form's title stands (`PROBE_ROWS` × `PROBE_COLUMNS`),
 * read whole only when a title turns up there. Each read also lists the sheet's owned
 * highlights and whether it is protected. Everything is queued before one `sync()`.
 *
 * Excel refuses a request whose response passes 5 MB, and a merged-area read of more than 512
 * areas. When the one sync fails, each sheet is read in a sync of its own: a sheet that still
 * fails is left out and named in `failures`, and the others are checked.
 */
import { type SheetSnapshot, rangeToA1, showsFormTitle } from '../core';
import type { ApiLevel } from './api-sets';
import type { OwnedHighlight } from './apply-highlights';
import { parseAreasAddress } from '../host/areas';
import { PROBE_BLOCK, snapshotFromRange, type ReadDepth, type SheetFailure, type SheetInfo, type SheetRead as HostSheetRead, type SheetReadOptions, type WorkbookReadRequest } from '../host/sheet-reads';
import { ownedSeverity } from './highlight-labels';
import { excelErrorCode } from './problems';

export { PROBE_COLUMNS, PROBE_ROWS, snapshotFromRange, type SheetFailure, type SheetInfo, type SheetReadOptions, type WorkbookReadRequest } from '../host/sheet-reads';

export type SheetRead = HostSheetRead<OwnedHighlight>;


function queueCells(sheet: Excel.Worksheet, api: ApiLevel, depth: ReadDepth): () => { snapshotOf(name: string): SheetSnapshot; beyondProbe: boolean } {
  const area = depth === 'whole' ? sheet.getRange() : sheet.getRange(rangeToA1(PROBE_BLOCK));
  const used = depth === 'whole' ? sheet.getUsedRangeOrNullObject() : area.getUsedRangeOrNullObject();
  used.load('values,formulas,rowIndex,columnIndex');
  const merged = api.has('mergedAreas') ? area.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  return () => {
    const merges = merged && !merged.isNullObject ? parseAreasAddress(merged.address) : [];
    // A probe whose cells reach the block's edge may not have seen the whole sheet.
    const lastRow = used.isNullObject ? -1 : used.rowIndex + used.values.length - 1;
    const lastCol = used.isNullObject ? -1 : used.columnIndex + (used.values[0]?.length ?? 0) - 1;
    return {
      snapshotOf: (name) => (used.isNullObject ? { name, rows: [], merges } : snapshotFromRange(name, used.values, used.formulas, used.rowIndex, used.columnIndex, merges)),
      beyondProbe: depth === 'probe' && (lastRow >= PROBE_BLOCK.bottom || lastCol >= PROBE_BLOCK.right),
    };
  };
}

function queueOwned(sheet: Excel.Worksheet): () => OwnedHighlight[] {
  // The whole sheet's range lists every conditional format of the sheet, in priority order.
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/id,items/type,items/customOrNullObject/rule/formula');
  return () => {
    const owned: OwnedHighlight[] = [];
    formats.items.forEach((item, index) => {
      if (item.type !== 'Custom' || item.customOrNullObject.isNullObject) return;
      const severity = ownedSeverity(item.customOrNullObject.rule.formula);
      if (severity) owned.push({ id: item.id, index, severity });
    });
    return owned;
  };
}

/** Queues the reads of one sheet (by id or name); call the returned function after the sync. */
export function queueSheetRead(context: Excel.RequestContext, sheetIdOrName: string, api: ApiLevel, options: SheetReadOptions, depth: ReadDepth = 'whole'): () => SheetRead {
  const sheet = context.workbook.worksheets.getItem(sheetIdOrName);
  sheet.load('id,name');
  sheet.protection.load('protected');
  const cells = options.cells ? queueCells(sheet, api, depth) : null;
  const owned = options.highlights ? queueOwned(sheet) : null;
  return () => {
    const info: SheetInfo = { id: sheet.id, name: sheet.name };
    const read = cells?.();
    const snapshot = read ? read.snapshotOf(info.name) : { name: info.name, rows: [], merges: [] };
    return { info, snapshot, owned: owned?.() ?? [], protected: sheet.protection.protected, whole: depth === 'whole' || !read?.beyondProbe };
  };
}

/** Whether a probe saw a form's title: then the sheet is read whole. */
function needsWholeRead(read: SheetRead): boolean {
  return !read.whole && showsFormTitle(read.snapshot);
}

export interface WorkbookRead {
  /** Every sheet, in tab order. */
  readonly sheets: readonly SheetInfo[];
  /** The sheets read, by id. */
  readonly reads: ReadonlyMap<string, SheetRead>;
  /** Sheets that could not be read, left out. */
  readonly failures: readonly SheetFailure[];
}

type Pending = { readonly id: string; readonly depth: ReadDepth; resolve: () => SheetRead };

interface Reader {
  readonly context: Excel.RequestContext;
  readonly api: ApiLevel;
  readonly request: WorkbookReadRequest;
}

function queueAll(reader: Reader, ids: readonly string[], depthOf: (id: string) => ReadDepth): Pending[] {
  return ids.map((id) => {
    const depth = depthOf(id);
    return { id, depth, resolve: queueSheetRead(reader.context, id, reader.api, reader.request.options, depth) };
  });
}

type Outcome = { reads: SheetRead[]; failures: SheetFailure[] };

/** Syncs the queued reads; when the sync fails for a reason other than a deleted sheet or cell-edit mode, reads each sheet alone. */
async function settle(reader: Reader, pending: Pending[], names: ReadonlyMap<string, string>): Promise<Outcome> {
  try {
    await reader.context.sync();
    return { reads: pending.map((item) => item.resolve()), failures: [] };
  } catch (error) {
    if (!isSheetFailure(error)) throw error;
  }
  return readEachAlone(reader, pending, names);
}

/** After a failed sync (nothing of it was loaded): each sheet in a sync of its own. */
async function readEachAlone(reader: Reader, pending: readonly Pending[], names: ReadonlyMap<string, string>): Promise<Outcome> {
  const reads: SheetRead[] = [];
  const failures: SheetFailure[] = [];
  for (const item of pending) {
    const [again] = queueAll(reader, [item.id], () => item.depth);
    try {
      await reader.context.sync();
      reads.push(again.resolve());
    } catch (error) {
      if (!isSheetFailure(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ info: { id: item.id, name: names.get(item.id) ?? item.id }, code: excelErrorCode(error) ?? 'GeneralException', message });
    }
  }
  return { reads, failures };
}

/** Errors that concern the data of one sheet, not the request as a whole. */
function isSheetFailure(error: unknown): boolean {
  const code = excelErrorCode(error);
  return code !== null && code !== 'ItemNotFound' && code !== 'InvalidOperationInCellEditMode';
}

/** Reads whole the probed sheets that turned out to show a form's title. */
async function completeProbes(reader: Reader, reads: SheetRead[], names: ReadonlyMap<string, string>): Promise<Outcome> {
  const partial = reads.filter(needsWholeRead);
  if (partial.length === 0) return { reads, failures: [] };
  const again = await settle(reader, queueAll(reader, partial.map((read) => read.info.id), () => 'whole'), names);
  const byId = new Map(again.reads.map((read) => [read.info.id, read]));
  const failed = new Set(again.failures.map((failure) => failure.info.id));
  return { reads: reads.filter((read) => !failed.has(read.info.id)).map((read) => byId.get(read.info.id) ?? read), failures: again.failures };
}

/**
 * One sync when the sheets to read are known by id (the listing is read beside them); a
 * second one for sheets that turn up new, for probes that find a title, and for the first
 * read of a workbook.
 */
export async function readWorkbook(context: Excel.RequestContext, api: ApiLevel, request: WorkbookReadRequest): Promise<WorkbookRead> {
  const reader: Reader = { context, api, request };
  const depthOf = (id: string): ReadDepth => (request.formIds.has(id) ? 'whole' : 'probe');
  let worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name');
  const pending = request.ids === 'all' ? [] : queueAll(reader, [...request.ids], depthOf);
  let failed = false;
  try {
    await context.sync();
  } catch (error) {
    // A sheet was deleted since the last listing: read the workbook afresh.
    if (excelErrorCode(error) === 'ItemNotFound' && request.ids !== 'all') return readWorkbook(context, api, { ...request, ids: 'all' });
    if (!isSheetFailure(error)) throw error;
    failed = true;
    worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    await context.sync();
  }
  const sheets = worksheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name }));
  const names = new Map(sheets.map((sheet) => [sheet.id, sheet.name]));
  const listed = new Set(pending.map((item) => item.id));
  const first: Outcome = failed ? await readEachAlone(reader, pending, names) : { reads: pending.map((item) => item.resolve()), failures: [] };
  const added = sheets.filter((sheet) => !listed.has(sheet.id) && (request.ids === 'all' || !request.knownIds.has(sheet.id)));
  const more: Outcome = added.length > 0 ? await settle(reader, queueAll(reader, added.map((sheet) => sheet.id), depthOf), names) : { reads: [], failures: [] };
  const completed = await completeProbes(reader, [...first.reads, ...more.reads], names);
  const failures = [...first.failures, ...more.failures, ...completed.failures];
  return { sheets, reads: new Map(completed.reads.map((read) => [read.info.id, read])), failures };
}
