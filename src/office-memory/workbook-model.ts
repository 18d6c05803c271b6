/**
 * The workbook: the model the Office.js-shaped proxies and the person's actions both change,
 * through methods that also record the change events Excel would raise. This top layer inserts
 * and deletes cells (moving everything that follows) and keeps the print setup.
 */
import { MAX_COLUMNS, MAX_ROWS, isWholeColumns, isWholeRows, rectColumns, rectContains, rectRows, type Rect } from './address';
import { ErrorCode, MemoryExcelError } from './errors';
import { shiftFormula, shiftRect, type ShiftOperation } from './formula';
import { CellModel } from './model-cells';
import { cellKey, cloneSheet, copyFormat, keyColumn, keyRow, rectArea, type CellData, type CellFormatData, type ChangeType, type PageLayoutData, type SheetData } from './model-data';

export * from './model-data';

export type ShiftDirection = 'Down' | 'Right' | 'Up' | 'Left';

/** How one insertion or deletion moves things. */
interface Move {
  readonly rows: boolean;
  readonly inserting: boolean;
  readonly whole: boolean;
  readonly at: number;
  readonly size: number;
  readonly limit: number;
  readonly band?: { readonly from: number; readonly to: number };
  readonly operation: ShiftOperation;
}

function planMove(sheet: SheetData, rect: Rect, direction: ShiftDirection): Move {
  const rows = direction === 'Down' || direction === 'Up';
  const inserting = direction === 'Down' || direction === 'Right';
  const whole = rows ? isWholeRows(rect) : isWholeColumns(rect);
  const at = rows ? rect.top : rect.left;
  const size = rows ? rectRows(rect) : rectColumns(rect);
  const band = whole ? undefined : rows ? { from: rect.left, to: rect.right } : { from: rect.top, to: rect.bottom };
  const operation: ShiftOperation = { sheet: sheet.name, axis: rows ? 'rows' : 'columns', at, count: inserting ? size : -size, ...(band ? { band } : {}) };
  return { rows, inserting, whole, at, size, limit: rows ? MAX_ROWS : MAX_COLUMNS, ...(band ? { band } : {}), operation };
}

/** Where an index (row or column) goes; null when it is deleted. */
function movedIndex(move: Move, index: number): number | null {
  if (move.inserting) return index >= move.at ? index + move.size : index;
  if (index < move.at) return index;
  if (index < move.at + move.size) return null;
  return index - move.size;
}

function inBand(move: Move, row: number, col: number): boolean {
  return !move.band || (move.rows ? col >= move.band.from && col <= move.band.to : row >= move.band.from && row <= move.band.to);
}

/** Excel refuses to cut through a merged area with a partial shift. */
function assertNoMergeCut(sheet: SheetData, move: Move): void {
  const band = move.band;
  if (!band) return;
  const crossing = sheet.merges.some((merge) => {
    const [start, end] = move.rows ? [merge.left, merge.right] : [merge.top, merge.bottom];
    const mergeEnd = move.rows ? merge.bottom : merge.right;
    return mergeEnd >= move.at && ((start < band.from && end >= band.from) || (start <= band.to && end > band.to));
  });
  if (crossing) throw new MemoryExcelError(ErrorCode.mergedRangeConflict, 'This operation would cut through a merged area.');
}

/** The cells moved; inserted cells take the formats of the row above (column to the left), as Excel's default. */
function movedCells(cells: Map<number, CellData>, move: Move): Map<number, CellData> {
  const moved = new Map<number, CellData>();
  for (const [key, cell] of cells) {
    const row = keyRow(key);
    const col = keyColumn(key);
    if (!inBand(move, row, col)) {
      moved.set(key, cell);
      continue;
    }
    const index = movedIndex(move, move.rows ? row : col);
    if (index === null || index >= move.limit) continue;
    moved.set(move.rows ? cellKey(index, col) : cellKey(row, index), cell);
  }
  if (!move.inserting || move.at === 0) return moved;
  for (const [key, cell] of [...moved]) {
    const row = keyRow(key);
    const col = keyColumn(key);
    if ((move.rows ? row : col) !== move.at - 1 || !inBand(move, row, col)) continue;
    for (let offset = 0; offset < move.size; offset += 1) {
      const target = move.rows ? cellKey(move.at + offset, col) : cellKey(row, move.at + offset);
      moved.set(target, { value: null, formula: null, numberFormat: cell.numberFormat, format: copyFormat(cell.format) });
    }
  }
  return moved;
}

/** Whole-row (column) formats and sizes moved; inserted lines copy the one before. */
function movedLines<V>(lines: Map<number, V>, move: Move, copy: (value: V) => V): Map<number, V> {
  const moved = new Map<number, V>();
  for (const [index, value] of lines) {
    const target = movedIndex(move, index);
    if (target !== null && target < move.limit) moved.set(target, value);
  }
  const before = move.inserting && move.at > 0 ? lines.get(move.at - 1) : undefined;
  if (before !== undefined) for (let offset = 0; offset < move.size; offset += 1) moved.set(move.at + offset, copy(before));
  return moved;
}

function changeTypeOf(move: Move): ChangeType {
  if (!move.whole) return move.inserting ? 'CellInserted' : 'CellDeleted';
  if (move.rows) return move.inserting ? 'RowInserted' : 'RowDeleted';
  return move.inserting ? 'ColumnInserted' : 'ColumnDeleted';
}

export class WorkbookModel extends CellModel {
  /**
   * Inserts (Down, Right) or deletes (Up, Left) cells, moving what follows as Excel does: cells,
   * formats, merges, validations, conditional formats, print areas and every formula's references.
   */
  shift(sheet: SheetData, rect: Rect, direction: ShiftDirection): void {
    const move = planMove(sheet, rect, direction);
    const options = sheet.protection.options;
    const allowed = move.rows ? (move.inserting ? options.allowInsertRows : options.allowDeleteRows) : move.inserting ? options.allowInsertColumns : options.allowDeleteColumns;
    this.assertStructureEditable(sheet, move.whole && allowed);
    assertNoMergeCut(sheet, move);
    sheet.cells = movedCells(sheet.cells, move);
    if (move.whole && move.rows) {
      sheet.rowFormats = movedLines<CellFormatData>(sheet.rowFormats, move, copyFormat);
      sheet.rowHeights = movedLines(sheet.rowHeights, move, (height) => height);
    } else if (move.whole) {
      sheet.columnFormats = movedLines<CellFormatData>(sheet.columnFormats, move, copyFormat);
      sheet.columnWidths = movedLines(sheet.columnWidths, move, (width) => width);
    }
    this.shiftAreas(sheet, move.operation);
    this.rewriteAllFormulas((formula, owner) => shiftFormula(formula, owner.name, move.operation));
    sheet.selection = shiftRect(sheet.selection, move.operation) ?? { top: rect.top, left: rect.left, bottom: rect.top, right: rect.left };
    this.touch();
    this.record({ kind: 'changed', sheetId: sheet.id, rect, changeType: changeTypeOf(move), actor: this.actor, details: null });
  }

  /** Merges, validations, conditional formats and print areas follow the cells; those deleted entirely go. */
  private shiftAreas(sheet: SheetData, operation: ShiftOperation): void {
    const shiftRects = (rects: Rect[]): Rect[] => rects.map((r) => shiftRect(r, operation)).filter((r): r is Rect => r !== null);
    sheet.merges = shiftRects(sheet.merges).filter((merge) => rectArea(merge) > 1);
    for (const validation of sheet.validations) validation.ranges = shiftRects(validation.ranges);
    sheet.validations = sheet.validations.filter((validation) => validation.ranges.length > 0);
    for (const format of sheet.conditionalFormats) format.ranges = shiftRects(format.ranges);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.ranges.length > 0);
    const layout = sheet.pageLayout;
    if (layout.printArea) {
      const area = shiftRects(layout.printArea);
      layout.printArea = area.length > 0 ? area : null;
    }
    if (layout.printTitleRows) layout.printTitleRows = shiftRect(layout.printTitleRows, operation);
  }

  changePageLayout(sheet: SheetData, change: (layout: PageLayoutData) => void): void {
    change(sheet.pageLayout);
    this.touch();
  }

  mergeAt(sheet: SheetData, row: number, col: number): Rect | undefined {
    return sheet.merges.find((merge) => rectContains(merge, row, col));
  }

  /** A deep copy of the workbook (event handlers are not part of it). */
  clone(): WorkbookModel {
    const copy = new WorkbookModel({ fontName: this.fontName, fontSize: this.fontSize });
    copy.sheetCounter = this.sheetCounter;
    copy.activeSheetId = this.activeSheetId;
    for (const sheet of this.sheets) copy.sheets.push(cloneSheet(sheet));
    return copy;
  }
}
