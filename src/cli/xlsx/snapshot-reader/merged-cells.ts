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

/** Merges of at most this many cells are cleared cell by cell (a form's are); larger ones by the sweep. */
const SMALL_MERGE_CELLS = 1024;

/**
 * Drops the values that merged areas hide; trims the rows and the sheet of trailing blanks.
 * `counts[r]` is how many cells row `r` holds: a row with a cell in column XFD is 16,384
 * long, and only its cells are visited.
 */
export function withoutMergedOverlaps(rows: (GridCell | null)[][], merges: readonly CellRange[], counts: readonly (number | undefined)[]): (GridCell | null)[][] {
  const small: CellRange[] = [];
  const large: CellRange[] = [];
  for (const merge of merges) ((merge.bottom - merge.top + 1) * (merge.right - merge.left + 1) <= SMALL_MERGE_CELLS ? small : large).push(merge);
  for (const merge of small) clearMerge(rows, merge);
  if (large.length > 0) sweepMerges(rows, large, counts);
  return trimmed(rows, counts);
}

/** A sparse row (a cell far out, few cells) is walked by its keys, not index by index. */
function isSparse(row: readonly (GridCell | null)[], count: number): boolean {
  return row.length > 64 && count * 4 < row.length;
}

function clearMerge(rows: (GridCell | null)[][], merge: CellRange): void {
  for (let r = merge.top; r <= merge.bottom && r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = merge.left; c <= merge.right && c < row.length; c++) {
      if ((r !== merge.top || c !== merge.left) && row[c] !== undefined) delete row[c];
    }
  }
}

function sweepMerges(rows: (GridCell | null)[][], merges: readonly CellRange[], counts: readonly (number | undefined)[]): void {
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  const byBottom = [...merges].sort((a, b) => a.bottom - b.bottom);
  const origins = new Set(merges.map((merge) => merge.top * COLUMNS + merge.left));
  // As wide as the merges reach: all 16,384 columns for a whole-sheet merge.
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
    const columns = isSparse(row, counts[r] ?? 0) ? Object.keys(row).map(Number) : row.keys();
    for (const c of columns) {
      if (c < width && row[c] !== undefined && cover.count(c) > 0 && !origins.has(r * COLUMNS + c)) delete row[c];
    }
  }
}

function trimmed(rows: (GridCell | null)[][], counts: readonly (number | undefined)[]): (GridCell | null)[][] {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let length = 0;
    if (isSparse(row, counts[r] ?? 0)) {
      for (const key of Object.keys(row)) if (row[Number(key)] !== undefined) length = Math.max(length, Number(key) + 1);
    } else {
      length = row.length;
      while (length > 0 && row[length - 1] === undefined) length--;
    }
    if (length === 0) delete rows[r];
    else row.length = length;
  }
  let length = rows.length;
  while (length > 0 && rows[length - 1] === undefined) length--;
  rows.length = length;
  return rows;
}
