/**
 * Reading the workbook for the checker: each sheet's used range (values and formulas), its
 * merged areas where ExcelApi 1.13 exists, the highlights the add-in owns and whether the
 * sheet is protected — all queued before one `sync()`.
 */
import type { CellScalar, CellRange, GridCell, SheetSnapshot, Severity } from '../core';
import type { ApiLevel } from './api-sets';
import { parseAreasAddress } from './areas';
import { ownedSeverity } from './highlight-labels';
import { excelErrorCode } from './problems';

export interface SheetInfo {
  readonly id: string;
  readonly name: string;
}

/** A highlight conditional format the add-in owns, as found on a sheet. */
export interface OwnedHighlight {
  readonly id: string;
  readonly severity: Severity;
}

export interface SheetRead {
  readonly info: SheetInfo;
  readonly snapshot: SheetSnapshot;
  readonly owned: readonly OwnedHighlight[];
  readonly protected: boolean;
}

export interface SheetReadOptions {
  readonly cells: boolean;
  readonly highlights: boolean;
}

/** Queues the reads of one sheet (by id or name); call the returned function after the sync. */
export function queueSheetRead(context: Excel.RequestContext, sheetIdOrName: string, api: ApiLevel, options: SheetReadOptions): () => SheetRead {
  const sheet = context.workbook.worksheets.getItem(sheetIdOrName);
  sheet.load('id,name');
  sheet.protection.load('protected');
  let used: Excel.Range | null = null;
  let merged: Excel.RangeAreas | null = null;
  if (options.cells) {
    used = sheet.getUsedRangeOrNullObject();
    used.load('values,formulas,rowIndex,columnIndex');
    if (api.has('mergedAreas')) {
      merged = sheet.getRange().getMergedAreasOrNullObject();
      merged.load('address');
    }
  }
  // The whole sheet's range lists every conditional format of the sheet.
  const formats = options.highlights ? sheet.getRange().conditionalFormats : null;
  formats?.load('items/id,items/type,items/customOrNullObject/rule/formula');

  return () => {
    const info: SheetInfo = { id: sheet.id, name: sheet.name };
    const merges = merged && !merged.isNullObject ? parseAreasAddress(merged.address) : [];
    const snapshot = used && !used.isNullObject ? snapshotFromRange(info.name, used.values, used.formulas, used.rowIndex, used.columnIndex, merges) : { name: info.name, rows: [], merges };
    const owned: OwnedHighlight[] = [];
    for (const item of formats?.items ?? []) {
      if (item.type !== 'Custom' || item.customOrNullObject.isNullObject) continue;
      const severity = ownedSeverity(item.customOrNullObject.rule.formula);
      if (severity) owned.push({ id: item.id, severity });
    }
    return { info, snapshot, owned, protected: sheet.protection.protected };
  };
}

function toScalar(value: unknown): CellScalar {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  return null;
}

/** A grid snapshot from a used range's values and formulas (row and column offsets kept). */
export function snapshotFromRange(
  name: string,
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly unknown[])[],
  rowIndex: number,
  columnIndex: number,
  merges: readonly CellRange[] = [],
): SheetSnapshot {
  const rows: (GridCell | null)[][] = [];
  for (let r = 0; r < rowIndex; r++) rows.push([]);
  values.forEach((valueRow, r) => {
    const row: (GridCell | null)[] = new Array<GridCell | null>(columnIndex).fill(null);
    valueRow.forEach((raw, c) => {
      const value = toScalar(raw);
      const formulaRaw = formulas[r]?.[c];
      const formula = typeof formulaRaw === 'string' && formulaRaw.startsWith('=') ? formulaRaw : undefined;
      row.push(value === null && !formula ? null : formula ? { value, formula } : { value });
    });
    rows.push(row);
  });
  return { name, rows, merges: [...merges] };
}

export interface WorkbookRead {
  /** Every sheet, in tab order. */
  readonly sheets: readonly SheetInfo[];
  /** The sheets read, by id. */
  readonly reads: ReadonlyMap<string, SheetRead>;
}

export interface WorkbookReadRequest {
  /** Sheets to read by id; `all` reads every sheet. */
  readonly ids: ReadonlySet<string> | 'all';
  /** The ids of the sheets the caller knew of: every other sheet in the listing is new and is read too. */
  readonly knownIds: ReadonlySet<string>;
  readonly options: SheetReadOptions;
}

/**
 * One sync when the sheets to read are known by id (the listing is read beside them); a
 * second one for sheets that turn up new, and for the first read of a workbook.
 */
export async function readWorkbook(context: Excel.RequestContext, api: ApiLevel, request: WorkbookReadRequest): Promise<WorkbookRead> {
  if (request.ids !== 'all') {
    try {
      return await readKnownSheets(context, api, request.ids, request.knownIds, request.options);
    } catch (error) {
      // A sheet was deleted since the last listing: read the workbook afresh.
      if (excelErrorCode(error) !== 'ItemNotFound') throw error;
    }
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name');
  await context.sync();
  const sheets = worksheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name }));
  const pending = sheets.map((sheet) => queueSheetRead(context, sheet.id, api, request.options));
  await context.sync();
  return { sheets, reads: new Map(pending.map((resolve) => resolve()).map((read) => [read.info.id, read])) };
}

async function readKnownSheets(
  context: Excel.RequestContext,
  api: ApiLevel,
  ids: ReadonlySet<string>,
  knownIds: ReadonlySet<string>,
  options: SheetReadOptions,
): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name');
  const pending = [...ids].map((id) => queueSheetRead(context, id, api, options));
  await context.sync();
  const sheets = worksheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name }));
  const reads = new Map(pending.map((resolve) => resolve()).map((read) => [read.info.id, read]));
  const added = sheets.filter((sheet) => !knownIds.has(sheet.id) && !reads.has(sheet.id));
  if (added.length > 0) {
    const more = added.map((sheet) => queueSheetRead(context, sheet.id, api, options));
    await context.sync();
    for (const resolve of more) {
      const read = resolve();
      reads.set(read.info.id, read);
    }
  }
  return { sheets, reads };
}
