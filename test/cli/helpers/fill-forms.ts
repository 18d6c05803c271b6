/**
 * Filled forms made with ExcelJS the way a user's Excel would leave them: rows inserted
 * inside the task and indicator tables (merges and sums adjusted, since ExcelJS's
 * `spliceRows` moves cells but neither merges nor formulas), and forms placed at an offset.
 */
import ExcelJS from 'exceljs';
import { columnIndex, columnLetters, parseA1, rangeToA1 } from '../../../src/core/grid/address';
import type { CellRange } from '../../../src/core/grid/grid';
import type { LayoutPlan } from '../../../src/core/layout/layout-plan';
import { writePlanToWorksheet } from '../../../src/cli/xlsx/write-plan';

function parseRange(a1: string): CellRange {
  const [from, to = from] = a1.split(':');
  const parse = (ref: string) => {
    const position = parseA1(ref);
    if (!position) throw new Error(`bad reference ${ref}`);
    return position;
  };
  const start = parse(from);
  const end = parse(to);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

/**
 * Inserts rows before 1-based row `before`, as Excel does: merged areas below move down,
 * those spanning the insertion point grow, and the new rows get the horizontal merges of the
 * row they were inserted before. `values[i][c]` is column c (0-based) of the i-th new row.
 */
export function insertRows(sheet: ExcelJS.Worksheet, before: number, values: readonly (readonly (ExcelJS.CellValue | undefined)[])[]): void {
  const at = before - 1;
  const count = values.length;
  const merges = sheet.model.merges.map(parseRange);
  for (const merge of merges) sheet.unMergeCells(rangeToA1(merge));
  const rowValues = values.map((row) => {
    // ExcelJS reads a sparse array from index 1 as column A.
    const sparse: ExcelJS.CellValue[] = [];
    row.forEach((value, col) => {
      if (value !== undefined) sparse[col + 1] = value;
    });
    return sparse;
  });
  sheet.spliceRows(before, 0, ...rowValues);
  const moved: CellRange[] = [];
  for (const merge of merges) {
    if (merge.top >= at) moved.push({ ...merge, top: merge.top + count, bottom: merge.bottom + count });
    else if (merge.bottom >= at) moved.push({ ...merge, bottom: merge.bottom + count });
    else moved.push(merge);
    // The row the new rows were inserted before lends them its horizontal merges.
    if (merge.top === at && merge.bottom === at) {
      for (let i = 0; i < count; i++) moved.push({ top: at + i, left: merge.left, bottom: at + i, right: merge.right });
    }
  }
  for (const merge of moved) sheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
}

/** Shifts every A1 reference of a formula by rows and columns. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_match, colMark: string, letters: string, rowMark: string, row: string) => {
    return `${colMark}${columnLetters(columnIndex(letters) + cols)}${rowMark}${Number(row) + rows}`;
  });
}

const shiftRange = (range: CellRange, rows: number, cols: number): CellRange => ({
  top: range.top + rows,
  left: range.left + cols,
  bottom: range.bottom + rows,
  right: range.right + cols,
});

/** The plan moved down and right, as a form pasted below and beside other content. */
export function planAtOffset(plan: LayoutPlan, rows: number, cols: number): LayoutPlan {
  return {
    ...plan,
    columnWidths: [...Array.from({ length: cols }, () => 6), ...plan.columnWidths],
    rowHeights: Object.fromEntries(Object.entries(plan.rowHeights).map(([row, height]) => [Number(row) + rows, height])),
    cells: plan.cells.map((cell) => ({
      ...cell,
      row: cell.row + rows,
      col: cell.col + cols,
      ...(cell.formula !== undefined ? { formula: shiftFormula(cell.formula, rows, cols) } : {}),
    })),
    merges: plan.merges.map((merge) => shiftRange(merge, rows, cols)),
    validations: plan.validations.map((validation) => ({ ...validation, range: shiftRange(validation.range, rows, cols) })),
    conditionalFormats: plan.conditionalFormats.map((format) => ({
      ...format,
      ranges: format.ranges.map((range) => shiftRange(range, rows, cols)),
      formula: shiftFormula(format.formula, rows, cols),
    })),
    print: { ...plan.print, area: shiftRange(plan.print.area, rows, cols) },
    marker: { ...plan.marker, cell: { row: plan.marker.cell.row + rows, col: plan.marker.cell.col + cols } },
    firstInputCell: { row: plan.firstInputCell.row + rows, col: plan.firstInputCell.col + cols },
    extent: shiftRange(plan.extent, rows, cols),
  };
}

export function workbookWithPlans(plans: readonly LayoutPlan[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const plan of plans) writePlanToWorksheet(workbook, workbook.addWorksheet(plan.sheetName), plan);
  return workbook;
}
