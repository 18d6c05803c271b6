/**
 * A grid snapshot: what the extractor reads. Both front ends make one — the add-in from
 * `Range.values`/`formulas`, the command line from ExcelJS — so the core never sees either.
 */

/** A cell's value as Excel reports it: errors such as `#REF!` arrive as their text. Blank is `null`. */
export type CellScalar = number | string | boolean | null;

export interface GridCell {
  /** The value (for a formula cell, its last computed result where known). */
  readonly value: CellScalar;
  /** The formula text, starting with `=`, where the cell holds one and the reader knows it. */
  readonly formula?: string;
  /**
   * The file holds the formula without its result (a program that does not calculate saved
   * it) and the reader could not work it out: `value` is unknown, not blank.
   */
  readonly uncalculated?: true;
}

/** A rectangular area, 0-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetSnapshot {
  readonly name: string;
  /** Row-major, 0-based: `rows[r][c]`. Missing rows or cells are blank. Row 0 is Excel's row 1. */
  readonly rows: ReadonlyArray<ReadonlyArray<GridCell | null | undefined> | null | undefined>;
  /** Merged areas, where the reader knows them. Only the top-left cell of a merge holds a value. */
  readonly merges?: ReadonlyArray<CellRange>;
}

export interface WorkbookSnapshot {
  readonly sheets: ReadonlyArray<SheetSnapshot>;
}

const BLANK: GridCell = { value: null };

export function cellAt(sheet: SheetSnapshot, row: number, col: number): GridCell {
  return sheet.rows[row]?.[col] ?? BLANK;
}

export function rowCount(sheet: SheetSnapshot): number {
  return sheet.rows.length;
}

export function colCount(sheet: SheetSnapshot): number {
  let max = 0;
  for (const row of sheet.rows) if (row && row.length > max) max = row.length;
  return max;
}

/** Builds a snapshot from plain values, for tests and small tools: `sheetFromValues('表', [['a', 1]])`. */
export function sheetFromValues(name: string, values: ReadonlyArray<ReadonlyArray<CellScalar | undefined>>, merges: CellRange[] = []): SheetSnapshot {
  return {
    name,
    rows: values.map((row) => row.map((value) => (value === undefined || value === null || value === '' ? null : { value }))),
    merges,
  };
}
