/**
 * Only the top-left cell of a merged area keeps its value, as in Excel. Done without visiting
 * the cells of each area (a merge may cover the whole sheet, and a file may hold thousands):
 * one sweep down the rows that hold cells, with the merges that cover the current row counted
 * per column in a Fenwick tree, so the work is the cells held plus the merges, times log of
 * the width.
 */
import type { CellRange, GridCell } from '../../../core';

const COLUMNS = 16_384;

/** Range add and point query over the columns `0..width - 1`. */
class ColumnCover {
  private readonly tree: Int32Array;

  constructor(width: number) {
    this.tree = new Int32Array(width + 2);
  }

  /** Adds `delta` to the columns `left`..`right` (0-based). */
  add(left: number, right: number, delta: number): void {
    this.addFrom(left + 1, delta);
    this.addFrom(right + 2, -delta);
  }

  /** How many of the merges added cover `col`. */
  count(col: number): number {
    let total = 0;
    for (let i = col + 1; i > 0; i -= i & -i) total += this.tree[i];
    return total;
  }

  private addFrom(index: number, delta: number): void {
    for (let i = index; i < this.tree.length; i += i & -i) this.tree[i] += delta;
  }
}

/**
 * Drops the values that merged areas hide; trims the rows and the sheet of trailing blanks.
 * `counts[r]` is how many cells row `r` holds: a row with a cell in column XFD is 16,384
 * long, and only its cells are visited.
 */
export function withoutMergedOverlaps(rows: (GridCell | null)[][], merges: readonly CellRange[], counts: readonly (number | undefined)[]): (GridCell | null)[][] {
  if (merges.length > 0) hideMergedCells(rows, merges, counts);
  return trimmed(rows, counts);
}

/** The columns a row holds cells in: by index for a dense row, by its keys for a sparse one. */
function heldColumns(row: readonly (GridCell | null)[], count: number): Iterable<number> {
  if (row.length <= 64 || count * 4 >= row.length) return row.keys();
  return Object.keys(row).map(Number);
}

function hideMergedCells(rows: (GridCell | null)[][], merges: readonly CellRange[], counts: readonly (number | undefined)[]): void {
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  const byBottom = [...merges].sort((a, b) => a.bottom - b.bottom);
  const origins = new Set(merges.map((merge) => merge.top * COLUMNS + merge.left));
  // As wide as the merges reach: a form's reach a few columns, a whole-sheet merge all 16,384.
  let width = 0;
  for (const merge of merges) width = Math.max(width, merge.right + 1);
  const cover = new ColumnCover(width);
  let added = 0;
  let removed = 0;
  let active = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (; added < byTop.length && byTop[added].top <= r; added++, active++) cover.add(byTop[added].left, byTop[added].right, 1);
    for (; removed < byBottom.length && byBottom[removed].bottom < r; removed++, active--) cover.add(byBottom[removed].left, byBottom[removed].right, -1);
    if (active === 0) continue;
    for (const c of heldColumns(row, counts[r] ?? 0)) {
      if (c < width && row[c] !== undefined && cover.count(c) > 0 && !origins.has(r * COLUMNS + c)) delete row[c];
    }
  }
}

function trimmed(rows: (GridCell | null)[][], counts: readonly (number | undefined)[]): (GridCell | null)[][] {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let length = 0;
    for (const c of heldColumns(row, counts[r] ?? 0)) if (c >= length && row[c] !== undefined) length = c + 1;
    if (length === 0) delete rows[r];
    else row.length = length;
  }
  let length = rows.length;
  while (length > 0 && rows[length - 1] === undefined) length--;
  rows.length = length;
  return rows;
}
