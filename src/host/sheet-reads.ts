/**
 * What every host's read of a workbook gives: each sheet read as a grid snapshot, with its
 * owned highlights and whether it is protected; the sheets whose read failed; and what a check
 * asks to read. How a host reads (one sync in Excel, whole-range calls in WPS) is its own.
 */
import type { CellRange, CellScalar, GridCell, SheetSnapshot } from '../core';
import type { OwnedHighlight } from './highlights';

/** The block a probe reads: a form's title stands near the top-left of its sheet. */
export const PROBE_ROWS = 200;
export const PROBE_COLUMNS = 30;
export const PROBE_BLOCK: CellRange = { top: 0, left: 0, bottom: PROBE_ROWS - 1, right: PROBE_COLUMNS - 1 };

/** A sheet known to hold a form is read whole; any other only as far as its top-left block, where a title would stand. */
export type ReadDepth = 'whole' | 'probe';

export interface SheetInfo {
  readonly id: string;
  readonly name: string;
}

export interface SheetRead<O extends OwnedHighlight = OwnedHighlight> {
  readonly info: SheetInfo;
  readonly snapshot: SheetSnapshot;
  readonly owned: readonly O[];
  readonly protected: boolean;
  /** False when only the top-left block was read (the sheet holds no form). */
  readonly whole: boolean;
}

/** A sheet whose read failed: it is left out of the check. */
export interface SheetFailure {
  readonly info: SheetInfo;
  readonly code: string;
  readonly message: string;
}

export interface SheetReadOptions {
  readonly cells: boolean;
  readonly highlights: boolean;
}

export interface WorkbookReadRequest {
  /** Sheets to read by id; `all` reads every sheet. */
  readonly ids: ReadonlySet<string> | 'all';
  /** The sheets known to hold forms: read whole. Any other is probed. */
  readonly formIds: ReadonlySet<string>;
  /** The ids of the sheets the caller knew of: every other sheet in the listing is new and is read too. */
  readonly knownIds: ReadonlySet<string>;
  readonly options: SheetReadOptions;
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
