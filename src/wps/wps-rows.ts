/**
 * Adding a row in WPS where core's row logic points (src/host/row-targets.ts): the whole row is
 * inserted taking the formats of its source row (`Insert`'s CopyOrigin: the row above, or the
 * one below when the source is the total row that moves down) — one call, where the Excel
 * adapter copies formats cell by cell — then merges extended or repeated, totals rewritten and
 * names written as `rowEdits` says. Returns the sheet's merges after it.
 */
import { rangeToA1, toA1, type CellRange } from '../core';
import { rowEdits, type RowInsertTarget } from '../host/row-targets';
import { rangesOf, rowsAddress } from './wps-cells';
import { mergesAfterInsert } from './wps-merges';
import { XL_FORMAT_FROM, XL_SHIFT_DOWN, type WpsWorksheet } from './wps-api';

function sameArea(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;
}

export function insertRow(sheet: WpsWorksheet, target: RowInsertTarget, mergesBefore: readonly CellRange[]): CellRange[] {
  const newRow = target.insertAt;
  const origin = target.sourceRow < newRow ? XL_FORMAT_FROM.leftOrAbove : XL_FORMAT_FROM.rightOrBelow;
  sheet.Range(rowsAddress({ top: newRow, bottom: newRow })).Insert(XL_SHIFT_DOWN, origin);
  const edits = rowEdits(target);
  for (const { from, to } of edits.remerge) {
    sheet.Range(rangeToA1(from)).UnMerge();
    sheet.Range(rangeToA1(to)).Merge(false);
  }
  for (const range of rangesOf(sheet, edits.merges)) range.Merge(false);
  for (const total of edits.formulas) sheet.Range(toA1(total.row, total.col)).Formula = total.formula;
  for (const label of edits.labels) sheet.Range(toA1(label.row, label.col)).Value2 = label.text;
  if (edits.select) {
    sheet.Activate();
    sheet.Range(toA1(edits.select.row, edits.select.col)).Select();
  }
  const moved = mergesAfterInsert(mergesBefore, newRow, 1).filter((merge) => !edits.remerge.some(({ from }) => sameArea(from, merge)));
  return [...moved, ...edits.remerge.map(({ to }) => to), ...edits.merges];
}
