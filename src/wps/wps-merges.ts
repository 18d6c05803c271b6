/**
 * Merged areas. The WPS object model has no call that lists a range's merged areas (Excel's
 * `getMergedAreas`): it tells whether a range holds merged cells (`MergeCells`: true, false, or
 * null when some are) and which merge holds a range's first cell (`MergeArea`). So an area is
 * searched column by column: an area without merged cells costs one call, a run of unmerged
 * cells is passed by halves, each merge found costs a few calls and the cells it covers none;
 * and what was found is kept per sheet between checks.
 *
 * Typing never changes merges; a paste may (the pasted cells' merges come with them), so the
 * pasted area is searched again; inserted or deleted rows move merges as they move cells (a merge
 * across the inserted row grows, one below it moves down), so the kept merges are moved the same
 * way; anything else (columns moved, several row moves at once, a sheet not seen before) searches
 * the sheet again. Merging or unmerging raises no SheetChange: a recheck searches every form sheet.
 */
import { rangeToA1, toA1, type CellRange } from '../core';
import { extentOf } from './wps-cells';
import type { WpsWorksheet } from './wps-api';

function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The merged area holding a cell, or null when the cell is not merged. */
function mergeAt(sheet: WpsWorksheet, row: number, col: number): CellRange | null {
  const merge = extentOf(sheet.Range(toA1(row, col)).MergeArea);
  return merge !== null && (merge.bottom > merge.top || merge.right > merge.left) ? merge : null;
}

function hasMerged(sheet: WpsWorksheet, col: number, top: number, bottom: number): boolean {
  return sheet.Range(rangeToA1({ top, bottom, left: col, right: col })).MergeCells !== false;
}

/** The first row in `top..bottom` of a column whose cell is merged (by halves), or null. */
function firstMergedRow(sheet: WpsWorksheet, col: number, top: number, bottom: number): number | null {
  if (!hasMerged(sheet, col, top, bottom)) return null;
  let low = top;
  let high = bottom;
  while (low < high) {
    const middle = low + Math.floor((high - low) / 2);
    if (hasMerged(sheet, col, low, middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Walks a column down: a merged cell gives its whole merge (the walk goes on below it), a run of
 * cells without merges is passed by halves, and cells inside a merge already found cost nothing.
 */
function walkColumn(sheet: WpsWorksheet, col: number, area: CellRange, found: CellRange[]): void {
  const coveringAt = (row: number) => found.find((merge) => merge.left <= col && merge.right >= col && merge.top <= row && merge.bottom >= row);
  let row = area.top;
  while (row <= area.bottom) {
    const covering = coveringAt(row);
    if (covering) {
      row = covering.bottom + 1;
      continue;
    }
    const next = firstMergedRow(sheet, col, row, area.bottom);
    if (next === null) return;
    const known = coveringAt(next);
    if (known) {
      row = known.bottom + 1;
      continue;
    }
    const merge = mergeAt(sheet, next, col);
    // WPS said merged and the cell's merge area says not: nothing more to learn in this column.
    if (!merge) return;
    found.push(merge);
    row = merge.bottom + 1;
  }
}

/** The merged areas that touch `area` (whole, even where they reach beyond it): one call when it holds none, a few per merge otherwise. */
export function findMerges(sheet: WpsWorksheet, area: CellRange): CellRange[] {
  const found: CellRange[] = [];
  if (sheet.Range(rangeToA1(area)).MergeCells === false) return found;
  for (let col = area.left; col <= area.right; col++) walkColumn(sheet, col, area, found);
  return found;
}

/** What edits since the last read may have done to a sheet's merges. */
type MergeChange = { readonly kind: 'pasted'; readonly area: CellRange } | { readonly kind: 'rows'; readonly top: number; readonly count: number } | { readonly kind: 'unknown' };

/** Inserted rows at `top`: merges across them grow, merges below move down. */
export function mergesAfterInsert(merges: readonly CellRange[], top: number, count: number): CellRange[] {
  return merges.map((merge) => {
    if (merge.top >= top) return { ...merge, top: merge.top + count, bottom: merge.bottom + count };
    if (merge.bottom >= top) return { ...merge, bottom: merge.bottom + count };
    return merge;
  });
}

/** Deleted rows `top`..`top + count - 1`: merges lose their deleted rows; one left a single cell is no merge. */
export function mergesAfterDelete(merges: readonly CellRange[], top: number, count: number): CellRange[] {
  const last = top + count - 1;
  return merges.flatMap((merge) => {
    if (merge.bottom < top) return [merge];
    if (merge.top > last) return [{ ...merge, top: merge.top - count, bottom: merge.bottom - count }];
    const kept = merge.bottom - merge.top + 1 - (Math.min(merge.bottom, last) - Math.max(merge.top, top) + 1);
    const newTop = Math.min(merge.top, top);
    const moved = { ...merge, top: newTop, bottom: newTop + kept - 1 };
    return kept > 0 && (moved.bottom > moved.top || moved.right > moved.left) ? [moved] : [];
  });
}

interface Kept {
  readonly merges: readonly CellRange[];
  /** The used range's last row when they were read. */
  readonly lastRow: number | null;
}

/** The merges kept per sheet (by name), and what edits did since they were read. */
export class MergeBook {
  private readonly known = new Map<string, Kept>();
  private readonly changes = new Map<string, MergeChange[]>();

  /** Whole rows inserted or deleted (a SheetChange over `5:7`). */
  noteRows(sheet: string, top: number, count: number): void {
    this.note(sheet, { kind: 'rows', top, count });
  }

  notePasted(sheet: string, area: CellRange): void {
    this.note(sheet, { kind: 'pasted', area });
  }

  noteUnknown(sheet: string): void {
    this.note(sheet, { kind: 'unknown' });
  }

  /** Only a sheet whose merges are kept needs its edits: any other is searched when it is first read whole. */
  private note(sheet: string, change: MergeChange): void {
    if (!this.known.has(sheet)) return;
    this.changes.set(sheet, [...(this.changes.get(sheet) ?? []), change]);
  }

  /** The add-in wrote these merges itself (an insert, a row); `lastRow`: the used range's last row, when known. */
  set(sheet: string, merges: readonly CellRange[], lastRow: number | null): void {
    this.known.set(sheet, { merges, lastRow });
    this.changes.delete(sheet);
  }

  forgetAll(): void {
    this.known.clear();
    this.changes.clear();
  }

  /** The sheet's merges now, within `extent` (its used range): the kept ones brought up to date, or searched again. */
  read(sheet: WpsWorksheet, name: string, extent: CellRange): CellRange[] {
    const kept = this.known.get(name);
    const changes = this.changes.get(name) ?? [];
    const merges = kept === undefined ? null : this.update(sheet, kept, changes, extent.bottom);
    const now = merges ?? findMerges(sheet, extent);
    this.set(name, now, extent.bottom);
    return now;
  }

  /** The kept merges moved as the edits moved cells; null when only a new search can tell. */
  private update(sheet: WpsWorksheet, kept: Kept, changes: readonly MergeChange[], rowsNow: number): CellRange[] | null {
    const rowsBefore = kept.lastRow;
    let merges = [...kept.merges];
    const rowMoves = changes.filter((change) => change.kind === 'rows');
    if (changes.some((change) => change.kind === 'unknown') || rowMoves.length > 1) return null;
    for (const change of changes) {
      if (change.kind === 'rows') {
        const grown = rowsBefore === null ? null : rowsNow - rowsBefore;
        if (grown === change.count) merges = mergesAfterInsert(merges, change.top, change.count);
        else if (grown === -change.count) merges = mergesAfterDelete(merges, change.top, change.count);
        else if (rowsBefore === null || change.top <= rowsBefore) return null;
      } else if (change.kind === 'pasted') {
        const fresh = findMerges(sheet, change.area);
        merges = [...merges.filter((merge) => !intersects(merge, change.area)), ...fresh];
      }
    }
    return merges;
  }
}
