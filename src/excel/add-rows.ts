/**
 * Adding a row in Excel: the insertion where core's row logic (src/host/row-targets.ts) points.
 * The new row gets the source row's formats cell by cell (fill, font, alignment, wrap, borders,
 * number format); merges that end right above the new row are extended, the source row's
 * horizontal merges repeated, and 金额合计's `SUM` rewritten to reach the new row.
 */
import { rangeToA1, toA1 } from '../core';
import type { ApiLevel } from './api-sets';
import { rowEdits, type RowInsertTarget } from '../host/row-targets';

export { grownSum, indicatorRowTarget, taskRowTarget, type RowInsertTarget } from '../host/row-targets';

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
type Edge = (typeof EDGES)[number];

interface CellFormatRead {
  readonly range: Excel.Range;
  /** Whether `fill.pattern` was read (ExcelApi 1.9). */
  readonly patternKnown: boolean;
  readonly borders: Readonly<Record<Edge, Excel.RangeBorder>>;
}

/** Queues the reads of one row's cell formats (columns 0..lastCol); call the result after the sync. */
export function queueRowFormatRead(sheet: Excel.Worksheet, row: number, lastCol: number, api: ApiLevel): () => readonly CellFormatRead[] {
  const cells: CellFormatRead[] = [];
  for (let col = 0; col <= lastCol; col++) {
    const range = sheet.getCell(row, col);
    range.load('numberFormat');
    range.format.load('horizontalAlignment,verticalAlignment,wrapText');
    range.format.fill.load(api.has('fillPattern') ? 'color,pattern' : 'color');
    range.format.font.load('name,size,bold,italic,color');
    const borders = {} as Record<Edge, Excel.RangeBorder>;
    for (const edge of EDGES) {
      borders[edge] = range.format.borders.getItem(edge);
      borders[edge].load('style,weight,color');
    }
    cells.push({ range, borders, patternKnown: api.has('fillPattern') });
  }
  return () => cells;
}

/**
 * A cell without fill. Excel reports no fill as white (`#FFFFFF`); `fill.pattern` (ExcelApi
 * 1.9) tells it from a white fill. Below 1.9 a source without fill gives the new row a white
 * fill: the same look, the gridlines hidden behind it.
 */
function isNoFill(source: CellFormatRead): boolean {
  const fill = source.range.format.fill;
  return !fill.color || (source.patternKnown && fill.pattern === 'None');
}

/**
 * Queues the insertion (the caller syncs): the entire row, its formats, merges extended and
 * repeated, totals rewritten, labels written.
 */
export function queueRowInsert(sheet: Excel.Worksheet, target: RowInsertTarget, formats: readonly CellFormatRead[]): void {
  const newRow = target.insertAt;
  sheet.getRange(`${newRow + 1}:${newRow + 1}`).insert('Down');

  formats.forEach((source, col) => {
    const cell = sheet.getCell(newRow, col);
    cell.numberFormat = [[String(source.range.numberFormat[0][0] ?? 'General')]];
    const format = cell.format;
    if (isNoFill(source)) format.fill.clear();
    else format.fill.color = source.range.format.fill.color;
    const font = source.range.format.font;
    format.font.name = font.name;
    format.font.size = font.size;
    format.font.bold = font.bold;
    format.font.italic = font.italic;
    format.font.color = font.color;
    format.horizontalAlignment = source.range.format.horizontalAlignment;
    format.verticalAlignment = source.range.format.verticalAlignment;
    format.wrapText = source.range.format.wrapText;
    for (const edge of EDGES) {
      const from = source.borders[edge];
      const to = format.borders.getItem(edge);
      to.style = from.style;
      if (from.style !== 'None') {
        to.weight = from.weight;
        to.color = from.color;
      }
    }
  });

  const edits = rowEdits(target);
  for (const { from, to } of edits.remerge) {
    sheet.getRange(rangeToA1(from)).unmerge();
    sheet.getRange(rangeToA1(to)).merge(false);
  }
  for (const merge of edits.merges) sheet.getRange(rangeToA1(merge)).merge(false);
  for (const total of edits.formulas) sheet.getRange(toA1(total.row, total.col)).formulas = [[total.formula]];
  for (const label of edits.labels) sheet.getRange(toA1(label.row, label.col)).values = [[label.text]];
  if (edits.select) {
    sheet.activate();
    sheet.getCell(edits.select.row, edits.select.col).select();
  }
}
