/**
 * Where each form on a sheet begins and ends. A form starts at its title; it ends before the
 * next title below it, or at the sheet's end. Titles side by side (within a few rows of each
 * other) split the sheet's columns: the right form starts at its title's column.
 */
import type { CellRange } from '../grid/grid';
import type { TitleHit } from './sheet-index';

/** Titles this close in rows are side by side, not one below the other. */
const SIDE_BY_SIDE_ROWS = 3;

export interface FormArea {
  readonly title: TitleHit;
  readonly area: CellRange;
}

export function formAreas(titles: readonly TitleHit[], lastRow: number, lastCol: number): FormArea[] {
  // One title per cell at most (a cell can hold only one title text); keep reading order.
  const sorted = [...titles].sort((a, b) => a.row - b.row || a.col - b.col);
  const beside = (a: TitleHit, b: TitleHit): boolean => a !== b && Math.abs(a.row - b.row) <= SIDE_BY_SIDE_ROWS;
  // Sorted by row, so the titles beside one are its near neighbours in the list.
  const columns = sorted.map((title, i) => {
    let left = 0;
    let right = lastCol;
    for (let j = i - 1; j >= 0 && beside(title, sorted[j]); j--) if (sorted[j].col < title.col) left = Math.max(left, title.col);
    for (let j = i + 1; j < sorted.length && beside(title, sorted[j]); j++) {
      const other = sorted[j];
      if (other.col < title.col) left = Math.max(left, title.col);
      else if (other.col > title.col) right = Math.min(right, other.col - 1);
    }
    for (let j = i - 1; j >= 0 && beside(title, sorted[j]); j--) if (sorted[j].col > title.col) right = Math.min(right, sorted[j].col - 1);
    return { left, right };
  });
  return sorted.map((title, i) => {
    const { left, right } = columns[i];
    let bottom = lastRow;
    // The first title further down whose columns overlap ends this form.
    for (let j = i + 1; j < sorted.length; j++) {
      const other = sorted[j];
      if (other.row <= title.row + SIDE_BY_SIDE_ROWS) continue;
      if (columns[j].left <= right && columns[j].right >= left) {
        bottom = other.row - 1;
        break;
      }
    }
    return { title, area: { top: title.row, left, bottom, right } };
  });
}
