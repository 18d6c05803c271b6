/**
 * The workbook's top layer: rows inserted and deleted (moving cells, merged areas, validations,
 * conditional formats and formulas), conditional formats in priority order, data validation.
 */
import { MAX_COLUMNS, MAX_ROWS, rectContains, rectIntersection, rectsIntersect, type Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import { shiftRowsInFormula, translateFormula, type FormulaValue } from './formula';
import { CellModel } from './model-cells';
import { cellKey, cloneSheet, copyFormat, keyColumn, keyRow, type CellData, type FormatConditionData, type SheetData, type ValidationData } from './sheet-data';

/** A rectangle after `count` rows are inserted (> 0) or deleted (< 0) at `at`; null when all of it is deleted. */
export function shiftRectRows(rect: Rect, at: number, count: number): Rect | null {
  if (count > 0) {
    if (rect.bottom < at) return rect;
    const top = rect.top >= at ? rect.top + count : rect.top;
    return { ...rect, top, bottom: Math.min(rect.bottom + count, MAX_ROWS - 1) };
  }
  const end = at - count;
  const move = (row: number): number => (row < at ? row : row < end ? at : row + count);
  if (rect.top >= at && rect.bottom < end) return null;
  const top = move(rect.top);
  const bottom = rect.bottom < end && rect.bottom >= at ? at - 1 : move(rect.bottom);
  return bottom < top ? null : { ...rect, top, bottom };
}

/** `rect` less `hole`: up to four rectangles. */
function subtractRect(rect: Rect, hole: Rect): Rect[] {
  const cut = rectIntersection(rect, hole);
  if (!cut) return [rect];
  const parts: Rect[] = [];
  if (cut.top > rect.top) parts.push({ ...rect, bottom: cut.top - 1 });
  if (cut.bottom < rect.bottom) parts.push({ ...rect, top: cut.bottom + 1 });
  if (cut.left > rect.left) parts.push({ top: cut.top, bottom: cut.bottom, left: rect.left, right: cut.left - 1 });
  if (cut.right < rect.right) parts.push({ top: cut.top, bottom: cut.bottom, left: cut.right + 1, right: rect.right });
  return parts;
}

export type NewValidation = Omit<ValidationData, 'ranges'>;

export class WorkbookModel extends CellModel {
  /**
   * `Range.EntireRow.Insert`: rows at `at` (0-based) move down with everything below; the new
   * rows take the formats and height of the row above, or of the row below with `fromBelow`
   * (CopyOrigin xlFormatFromLeftOrAbove 0, the default, or xlFormatFromRightOrBelow 1: "Range.Insert
   * method (Excel)"). Raises SheetChange over the inserted rows.
   */
  insertRows(sheet: SheetData, at: number, count: number, fromBelow = false): void {
    this.assertEditable(sheet);
    const lastUsed = this.usedRect(sheet).bottom;
    if (sheet.cells.size > 0 && lastUsed + count >= MAX_ROWS) {
      throw new WpsMemoryError(WpsErrorCode.invalidOperation, 'To prevent possible loss of data, WPS cannot shift nonblank cells off of the worksheet.');
    }
    const source = fromBelow ? at : at - 1;
    const moved = new Map<number, CellData>();
    for (const [key, cell] of sheet.cells) {
      const row = keyRow(key);
      moved.set(row >= at ? cellKey(row + count, keyColumn(key)) : key, cell);
    }
    if (source >= 0) {
      for (const [key, cell] of sheet.cells) {
        if (keyRow(key) !== source) continue;
        for (let offset = 0; offset < count; offset += 1) moved.set(cellKey(at + offset, keyColumn(key)), { value: null, formula: null, format: copyFormat(cell.format) });
      }
    }
    const sourceHeight = source >= 0 ? sheet.rowHeights.get(source) : undefined;
    sheet.cells = moved;
    sheet.rowHeights = this.shiftedHeights(sheet, at, count);
    for (let offset = 0; offset < count; offset += 1) {
      if (sourceHeight === undefined) sheet.rowHeights.delete(at + offset);
      else sheet.rowHeights.set(at + offset, sourceHeight);
    }
    this.shiftAreas(sheet, at, count);
    this.changed(sheet, { top: at, left: 0, bottom: at + count - 1, right: MAX_COLUMNS - 1 });
  }

  /** `Range.EntireRow.Delete`: the rows go and everything below moves up. Raises SheetChange over the rows left in their place. */
  deleteRows(sheet: SheetData, at: number, count: number): void {
    this.assertEditable(sheet);
    const moved = new Map<number, CellData>();
    for (const [key, cell] of sheet.cells) {
      const row = keyRow(key);
      if (row < at) moved.set(key, cell);
      else if (row >= at + count) moved.set(cellKey(row - count, keyColumn(key)), cell);
    }
    sheet.cells = moved;
    sheet.rowHeights = this.shiftedHeights(sheet, at, -count);
    this.shiftAreas(sheet, at, -count);
    this.changed(sheet, { top: at, left: 0, bottom: at + count - 1, right: MAX_COLUMNS - 1 });
  }

  private shiftedHeights(sheet: SheetData, at: number, count: number): Map<number, number> {
    const heights = new Map<number, number>();
    for (const [row, height] of sheet.rowHeights) {
      if (row < at) heights.set(row, height);
      else if (count > 0) heights.set(row + count, height);
      else if (row >= at - count) heights.set(row + count, height);
    }
    return heights;
  }

  /** Merged areas, validations, conditional formats and every formula of the sheet follow the rows. */
  private shiftAreas(sheet: SheetData, at: number, count: number): void {
    const shift = (rects: Rect[]): Rect[] => rects.map((rect) => shiftRectRows(rect, at, count)).filter((rect): rect is Rect => rect !== null);
    sheet.merges = shift(sheet.merges).filter((merge) => merge.top !== merge.bottom || merge.left !== merge.right);
    for (const validation of sheet.validations) {
      validation.ranges = shift(validation.ranges);
      validation.formula1 = shiftRowsInFormula(validation.formula1, at, count);
    }
    sheet.validations = sheet.validations.filter((validation) => validation.ranges.length > 0);
    for (const format of sheet.formatConditions) {
      format.ranges = shift(format.ranges);
      format.formula1 = shiftRowsInFormula(format.formula1, at, count);
    }
    sheet.formatConditions = sheet.formatConditions.filter((format) => format.ranges.length > 0);
    for (const cell of sheet.cells.values()) if (cell.formula) cell.formula = shiftRowsInFormula(cell.formula, at, count);
    // Names refer to their sheet by name (`=申报表!$A$1`): those references move too.
    const onThisSheet = (qualifier: string | null): boolean => qualifier !== null && qualifier.toLowerCase() === sheet.name.toLowerCase();
    for (const item of this.names) item.refersTo = shiftRowsInFormula(item.refersTo, at, count, onThisSheet);
    for (const other of this.sheets) {
      if (other === sheet) continue;
      for (const cell of other.cells.values()) if (cell.formula) cell.formula = shiftRowsInFormula(cell.formula, at, count, onThisSheet);
    }
    sheet.selection = shiftRectRows(sheet.selection, at, count) ?? { top: at, left: sheet.selection.left, bottom: at, right: sheet.selection.left };
  }

  // -------------------------------------------------------------- conditional formats

  /**
   * `FormatConditions.Add`: the new format comes last, with the lowest priority (the macro
   * recorder follows every Add with `SetFirstPriority`; "FormatConditions.Add method (Excel)").
   */
  addFormatCondition(sheet: SheetData, ranges: Rect[], format: Omit<FormatConditionData, 'ranges' | 'interiorColor' | 'fontColor' | 'fontBold' | 'stopIfTrue'>): FormatConditionData {
    this.assertEditable(sheet);
    const added: FormatConditionData = { ...format, ranges: [...ranges], interiorColor: null, fontColor: null, fontBold: null, stopIfTrue: false };
    sheet.formatConditions.push(added);
    this.touch();
    return added;
  }

  changeFormatCondition(sheet: SheetData, format: FormatConditionData, change: (format: FormatConditionData) => void): void {
    this.assertEditable(sheet);
    change(format);
    this.touch();
  }

  deleteFormatCondition(sheet: SheetData, format: FormatConditionData): void {
    this.assertEditable(sheet);
    sheet.formatConditions = sheet.formatConditions.filter((candidate) => candidate !== format);
    this.touch();
  }

  moveFormatConditionFirst(sheet: SheetData, format: FormatConditionData): void {
    this.assertEditable(sheet);
    sheet.formatConditions = [format, ...sheet.formatConditions.filter((other) => other !== format)];
    this.touch();
  }

  /** `Range.FormatConditions`: the sheet's formats that apply to any cell of the areas, in priority order. */
  formatConditionsOver(sheet: SheetData, areas: readonly Rect[]): FormatConditionData[] {
    return sheet.formatConditions.filter((format) => format.ranges.some((range) => areas.some((area) => rectsIntersect(range, area))));
  }

  /** The first format by priority whose formula holds for the cell (the one whose fill shows). */
  formatConditionAt(sheet: SheetData, row: number, col: number): FormatConditionData | undefined {
    return sheet.formatConditions.find((format) => {
      const range = format.ranges.find((candidate) => rectContains(candidate, row, col));
      if (!range || format.type !== 2) return false;
      const anchor = format.ranges[0];
      const result: FormulaValue = this.evaluateAt(sheet, format.formula1, row - anchor.top, col - anchor.left);
      return result === true || (typeof result === 'number' && result !== 0);
    });
  }

  // -------------------------------------------------------------- data validation

  protected override validationFor(sheet: SheetData, row: number, col: number): ValidationData | undefined {
    return this.validationAt(sheet, row, col);
  }

  validationAt(sheet: SheetData, row: number, col: number): ValidationData | undefined {
    return sheet.validations.find((validation) => validation.ranges.some((range) => rectContains(range, row, col)));
  }

  /** `Validation.Add` over cells that already have a rule fails: the rule must be deleted first ("Validation.Add method (Excel)"). */
  addValidation(sheet: SheetData, rect: Rect, validation: NewValidation): void {
    this.assertEditable(sheet);
    if (sheet.validations.some((existing) => existing.ranges.some((range) => rectsIntersect(range, rect)))) {
      throw new WpsMemoryError(WpsErrorCode.invalidOperation, 'Application-defined or object-defined error: the cells already have data validation.');
    }
    sheet.validations.push({ ...validation, ranges: [rect] });
    this.touch();
  }

  changeValidation(sheet: SheetData, validation: ValidationData, change: (validation: ValidationData) => void): void {
    this.assertEditable(sheet);
    change(validation);
    this.touch();
  }

  /**
   * The person's Ctrl+C over `from`, Ctrl+V at `to` (same size): values, formulas (relative
   * references moved), formats, merged areas, data validation and conditional formats come along
   * and replace the target's ("Copy and paste specific cell contents": Paste All). The pasted
   * conditional formats come first in the target sheet's list. Raises SheetChange over `to`.
   */
  copyPaste(source: SheetData, from: Rect, target: SheetData, to: Rect): void {
    this.assertEditable(target);
    if (to.bottom >= MAX_ROWS || to.right >= MAX_COLUMNS) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'The paste area reaches beyond the sheet.');
    const [rows, columns] = [to.top - from.top, to.left - from.left];
    const moved = (rect: Rect): Rect => ({ top: rect.top + rows, left: rect.left + columns, bottom: rect.bottom + rows, right: rect.right + columns });
    const cut = (ranges: readonly Rect[]): Rect[] => ranges.flatMap((range) => rectIntersection(range, from) ?? []).map(moved);
    const copies = new Map<number, CellData | undefined>();
    for (let row = from.top; row <= from.bottom; row += 1) {
      for (let col = from.left; col <= from.right; col += 1) {
        const cell = this.cell(source, row, col);
        copies.set(cellKey(row + rows, col + columns), cell && { value: cell.value, formula: cell.formula && translateFormula(cell.formula, rows, columns), format: copyFormat(cell.format) });
      }
    }
    const merges = source.merges.filter((merge) => merge.top >= from.top && merge.bottom <= from.bottom && merge.left >= from.left && merge.right <= from.right).map(moved);
    const validations = source.validations.filter((rule) => rule.ranges.some((range) => rectsIntersect(range, from))).map((rule) => ({ ...rule, ranges: cut(rule.ranges) }));
    const formats = this.formatConditionsOver(source, [from]).map((format) => {
      const ranges = cut(format.ranges);
      return { ...format, ranges, formula1: translateFormula(format.formula1, ranges[0].top - format.ranges[0].top, ranges[0].left - format.ranges[0].left) };
    });
    for (const [key, cell] of copies) {
      if (cell) target.cells.set(key, cell);
      else target.cells.delete(key);
    }
    target.merges = [...target.merges.filter((merge) => !rectsIntersect(merge, to)), ...merges];
    for (const rule of target.validations) rule.ranges = rule.ranges.flatMap((range) => subtractRect(range, to));
    target.validations = [...target.validations.filter((rule) => rule.ranges.length > 0), ...validations];
    for (const format of target.formatConditions) format.ranges = format.ranges.flatMap((range) => subtractRect(range, to));
    target.formatConditions = [...formats, ...target.formatConditions.filter((format) => format.ranges.length > 0)];
    this.changed(target, to);
  }

  /** The same workbook saved and reopened: every sheet and name, no listeners. */
  clone(): WorkbookModel {
    const copy = new WorkbookModel(this.options);
    copy.sheetCounter = this.sheetCounter;
    copy.activeSheetId = this.activeSheetId;
    for (const sheet of this.sheets) copy.sheets.push(cloneSheet(sheet));
    for (const item of this.names) copy.names.push({ ...item });
    return copy;
  }
}
