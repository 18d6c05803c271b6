/** Cells: values and formulas as `Value2` and `Formula` write them, formats, merged areas, sizes. */
import { MAX_COLUMNS, MAX_ROWS, rectColumns, rectContains, rectIntersection, rectRows, rectsIntersect, type Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import { evaluateFormula, FormulaSyntaxError, parseFormula, type CellReader, type FormulaValue } from './formula';
import { SheetsModel } from './model-sheets';
import { XL_CV_ERROR, type WpsErrorText } from '../wps/wps-api';
import { formatValue, readTyped, type TypedEntry } from './number-format';
import { cellKey, copyFormat, defaultFormat, keyColumn, keyRow, type CellData, type CellFormat, type SheetData, type ValidationData } from './sheet-data';
import { validationRefusal, type Refusal } from './validation-check';

/** What a script may hand to `Value2` or `Formula` for one cell. */
export type WrittenValue = string | number | boolean | null | undefined;

/** `#DIV/0!` and the other texts of error values ("Cell Error Values"). */
function isCellErrorText(text: string): text is WpsErrorText {
  return Object.prototype.hasOwnProperty.call(XL_CV_ERROR, text);
}

/** Excel's default column width (characters of the standard font) and WPS's default row height (points) for 宋体 11. */
export const DEFAULT_COLUMN_WIDTH = 8.38;
export const DEFAULT_ROW_HEIGHT = 13.5;

/**
 * A written string is read as if typed ("Range.Value property (Excel)"): `=…` is a formula, a
 * number stays a number unless the cell is formatted as text (`@`), an apostrophe keeps text.
 */
function entryOf(written: WrittenValue, numberFormat: string): TypedEntry {
  if (written === null || written === undefined || written === '') return { kind: 'empty' };
  if (typeof written === 'number') {
    if (!Number.isFinite(written)) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'A number written to a cell must be finite.');
    // A cell holds no negative zero.
    return { kind: 'value', value: written === 0 ? 0 : written };
  }
  if (typeof written === 'boolean') return { kind: 'value', value: written };
  if (typeof written !== 'string') throw new WpsMemoryError(WpsErrorCode.invalidArgument, `A cell cannot hold a ${typeof written}.`);
  return readTyped(written, numberFormat === '@');
}

function isFormula(text: string): boolean {
  try {
    parseFormula(text);
    return true;
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return false;
    throw error;
  }
}

/**
 * The rows of a written array, checked before anything is written (a refused write changes
 * nothing): a 2-D array is rows × columns, a 1-D array one row (as a VBA one-dimensional array
 * fills a row); null for a single value.
 */
function linesOf(written: unknown): WrittenValue[][] | null {
  if (!Array.isArray(written)) return null;
  const lines: unknown[][] = written.every((line) => Array.isArray(line)) ? (written as unknown[][]) : written.some((line) => Array.isArray(line)) ? [] : [written];
  if (lines.length === 0) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'A written array is either rows of values or one row of values.');
  for (const line of lines) {
    for (const item of line) {
      if (item !== null && item !== undefined && typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
        throw new WpsMemoryError(WpsErrorCode.invalidArgument, `A cell cannot hold a ${typeof item}.`);
      }
      if (typeof item === 'number' && !Number.isFinite(item)) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'A number written to a cell must be finite.');
    }
  }
  return lines as WrittenValue[][];
}

/** Refuses a formula the fake cannot read, as WPS refuses one it cannot (run-time error 1004). */
export function assertFormula(formula: string): void {
  try {
    parseFormula(formula);
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError)) throw error;
    // WPS refuses a formula it cannot read, as Excel does (run-time error 1004).
    throw new WpsMemoryError(WpsErrorCode.invalidArgument, error.message);
  }
}

export class CellModel extends SheetsModel {
  private computing = new Set<number>();

  cell(sheet: SheetData, row: number, col: number): CellData | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  formatAt(sheet: SheetData, row: number, col: number): CellFormat {
    return this.cell(sheet, row, col)?.format ?? defaultFormat(this.defaultFont);
  }

  private writableCell(sheet: SheetData, row: number, col: number): CellData {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = { value: null, formula: null, format: defaultFormat(this.defaultFont) };
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  /** The value of a cell, a formula computed from the cells it reads (a circular reference reads 0). */
  valueAt(sheet: SheetData, row: number, col: number): FormulaValue {
    const cell = this.cell(sheet, row, col);
    if (!cell?.formula) return cell?.value ?? null;
    const key = sheet.id * MAX_ROWS * MAX_COLUMNS + cellKey(row, col);
    if (this.computing.has(key)) return 0;
    this.computing.add(key);
    try {
      return evaluateFormula(cell.formula, this.reader(sheet));
    } finally {
      this.computing.delete(key);
    }
  }

  /** What the cell shows (`Range.Text`): its value through its number format. */
  textAt(sheet: SheetData, row: number, col: number): string {
    return formatValue(this.valueAt(sheet, row, col), this.formatAt(sheet, row, col).numberFormat);
  }

  /** Rule formulas (conditional formats) are written for the top-left cell of their range. */
  evaluateAt(sheet: SheetData, formula: string, rowOffset: number, colOffset: number): FormulaValue {
    return evaluateFormula(formula.startsWith('=') ? formula : `=${formula}`, this.reader(sheet), rowOffset, colOffset);
  }

  /** What a formula on `sheet` reads: its own cells, or another sheet's by name (#REF! when there is none). */
  reader(sheet: SheetData): CellReader {
    return (row, col, name) => {
      if (name === null) return this.valueAt(sheet, row, col);
      const other = this.sheetByName(name);
      return other ? this.valueAt(other, row, col) : { error: '#REF!' };
    };
  }

  /** Puts what a script wrote into one cell. */
  private put(sheet: SheetData, row: number, col: number, written: WrittenValue): void {
    const existing = this.cell(sheet, row, col);
    const entry = entryOf(written, existing?.format.numberFormat ?? 'General');
    if (entry.kind === 'empty') {
      if (existing) Object.assign(existing, { value: null, formula: null });
      return;
    }
    if (entry.kind === 'formula') assertFormula(entry.formula);
    const cell = this.writableCell(sheet, row, col);
    cell.value = entry.kind === 'value' ? entry.value : null;
    cell.formula = entry.kind === 'formula' ? entry.formula : null;
    // A typed date or percentage gives a General cell its format, as typing does.
    if (entry.kind === 'value' && entry.numberFormat && cell.format.numberFormat === 'General') cell.format.numberFormat = entry.numberFormat;
  }

  /**
   * `Range.Value2 = …` / `Range.Formula = …`: a single value fills every cell; a 2-D array is
   * copied from the top-left, and cells of the range beyond the array receive #N/A ("Range.Value
   * property (Excel)": "If the target range is larger than the array, the remaining cells will
   * receive an error value"); what lies beyond the range is ignored.
   */
  write(sheet: SheetData, rect: Rect, written: unknown): void {
    this.assertEditable(sheet);
    const lines = linesOf(written);
    if (!lines && (written === null || written === undefined || written === '')) {
      // Emptying a whole row or column touches only the cells that exist.
      for (const [key, cell] of sheet.cells) if (rectContains(rect, keyRow(key), keyColumn(key))) Object.assign(cell, { value: null, formula: null });
    } else {
      for (let row = rect.top; row <= rect.bottom; row += 1) {
        for (let col = rect.left; col <= rect.right; col += 1) {
          const line = lines ? lines[row - rect.top] : undefined;
          if (lines && (line === undefined || col - rect.left >= line.length)) this.putError(sheet, row, col, '#N/A');
          else this.put(sheet, row, col, line ? line[col - rect.left] : (written as WrittenValue));
        }
      }
    }
    this.changed(sheet, rect);
  }

  private putError(sheet: SheetData, row: number, col: number, error: '#N/A'): void {
    const cell = this.writableCell(sheet, row, col);
    cell.value = { error };
    cell.formula = null;
  }

  /**
   * The person types into a cell (`target`: the cell, or the merged area it heads). A Stop
   * validation refuses the entry (the cell keeps its content, nothing is raised).
   */
  typeInto(sheet: SheetData, target: Rect, input: string): Refusal | null {
    this.assertEditable(sheet);
    const read = this.reader(sheet);
    if (input.startsWith('=') && input.length > 1 && !isFormula(input)) return { title: 'WPS 表格', message: '您输入的公式存在错误。' };
    const refusal = validationRefusal(this.validationFor(sheet, target.top, target.left), this.entryValue(sheet, target, input, read), read);
    if (refusal) return refusal;
    this.putTyped(sheet, target.top, target.left, input);
    this.changed(sheet, target);
    return null;
  }

  /** What a typed entry would make the cell hold: its constant, its error value, or its formula's result. */
  private entryValue(sheet: SheetData, target: Rect, input: string, read: CellReader): FormulaValue {
    if (isCellErrorText(input.trim())) return { error: input.trim() as '#N/A' };
    const entry = entryOf(input, this.formatAt(sheet, target.top, target.left).numberFormat);
    if (entry.kind === 'empty') return null;
    if (entry.kind === 'value') return entry.value;
    return evaluateFormula(entry.formula, read);
  }

  /** The data validation of a cell (the workbook layer holds them). */
  protected validationFor(_sheet: SheetData, _row: number, _col: number): ValidationData | undefined {
    return undefined;
  }

  /** The person pastes a block: one change over the whole block. */
  pasteInto(sheet: SheetData, rect: Rect, values: readonly (readonly WrittenValue[])[]): void {
    this.assertEditable(sheet);
    values.forEach((line, r) => line.forEach((value, c) => this.putTyped(sheet, rect.top + r, rect.left + c, value)));
    this.changed(sheet, rect);
  }

  /** Typed or pasted text: the same reading as a written string, an error text becomes the error. */
  private putTyped(sheet: SheetData, row: number, col: number, text: WrittenValue): void {
    if (typeof text === 'string' && isCellErrorText(text.trim())) {
      const cell = this.writableCell(sheet, row, col);
      cell.value = { error: text.trim() as '#N/A' };
      cell.formula = null;
      return;
    }
    this.put(sheet, row, col, text);
  }

  /** The Delete key: values and formulas go, formats stay. */
  clearContents(sheet: SheetData, rect: Rect): void {
    this.assertEditable(sheet);
    for (const [key, cell] of sheet.cells) {
      if (rectContains(rect, keyRow(key), keyColumn(key))) Object.assign(cell, { value: null, formula: null });
    }
    this.changed(sheet, rect);
  }

  /** Changes the format of every cell of a rectangle (no SheetChange: formats are not contents). */
  changeFormat(sheet: SheetData, rect: Rect, change: (format: CellFormat, row: number, col: number) => void): void {
    this.assertEditable(sheet);
    for (let row = rect.top; row <= rect.bottom; row += 1) {
      for (let col = rect.left; col <= rect.right; col += 1) change(this.writableCell(sheet, row, col).format, row, col);
    }
    this.touch();
  }

  /** The one value of a property over a range, or null when its cells differ (as WPS reads mixed formats). */
  common<T>(sheet: SheetData, rect: Rect, read: (format: CellFormat) => T): T | null {
    const first = read(this.formatAt(sheet, rect.top, rect.left));
    for (let row = rect.top; row <= rect.bottom; row += 1) {
      for (let col = rect.left; col <= rect.right; col += 1) if (read(this.formatAt(sheet, row, col)) !== first) return null;
    }
    return first;
  }

  // -------------------------------------------------------------- merged areas

  mergeAt(sheet: SheetData, row: number, col: number): Rect | undefined {
    return sheet.merges.find((merge) => rectContains(merge, row, col));
  }

  /**
   * `Range.Merge(Across)`: the range becomes one merged area (one per row with Across), keeping
   * the upper-left value ("Range.Merge method (Excel)"); merged areas inside it are absorbed, one
   * reaching out of it refuses the merge.
   */
  merge(sheet: SheetData, rect: Rect, across: boolean): void {
    this.assertEditable(sheet);
    const rows = across ? Array.from({ length: rectRows(rect) }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
    for (const area of rows) {
      if (rectColumns(area) * rectRows(area) === 1) continue;
      const overlapping = sheet.merges.filter((merge) => rectsIntersect(merge, area));
      if (overlapping.some((merge) => merge.top < area.top || merge.left < area.left || merge.bottom > area.bottom || merge.right > area.right)) {
        throw new WpsMemoryError(WpsErrorCode.invalidOperation, 'Cannot merge: a merged area reaches out of the range.');
      }
      sheet.merges = sheet.merges.filter((merge) => !overlapping.includes(merge));
      for (const [key, cell] of sheet.cells) {
        const [row, col] = [keyRow(key), keyColumn(key)];
        if (rectContains(area, row, col) && (row !== area.top || col !== area.left)) Object.assign(cell, { value: null, formula: null });
      }
      sheet.merges.push(area);
    }
    this.touch();
  }

  /** `Range.UnMerge`: every merged area touching the range is split back into cells. */
  unmerge(sheet: SheetData, rect: Rect): void {
    this.assertEditable(sheet);
    sheet.merges = sheet.merges.filter((merge) => !rectsIntersect(merge, rect));
    this.touch();
  }

  /** `Range.MergeCells`: true when every cell of the range is merged, false when none is, else null. */
  mergeCells(sheet: SheetData, rect: Rect): boolean | null {
    const covered = sheet.merges.reduce((sum, merge) => {
      const part = rectIntersection(merge, rect);
      return sum + (part ? rectRows(part) * rectColumns(part) : 0);
    }, 0);
    if (covered === 0) return false;
    return covered === rectRows(rect) * rectColumns(rect) ? true : null;
  }

  // -------------------------------------------------------------- sizes and extent

  columnWidthAt(sheet: SheetData, col: number): number {
    return sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeightAt(sheet: SheetData, row: number): number {
    return sheet.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  setColumnWidth(sheet: SheetData, rect: Rect, width: number): void {
    this.assertEditable(sheet);
    if (!Number.isFinite(width) || width < 0 || width > 255) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'A column width is between 0 and 255 characters.');
    for (let col = rect.left; col <= rect.right; col += 1) sheet.columnWidths.set(col, width);
    this.touch();
  }

  setRowHeight(sheet: SheetData, rect: Rect, height: number): void {
    this.assertEditable(sheet);
    if (!Number.isFinite(height) || height < 0 || height > 409) throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'A row height is between 0 and 409 points.');
    for (let row = rect.top; row <= rect.bottom; row += 1) sheet.rowHeights.set(row, height);
    this.touch();
  }

  /**
   * `Worksheet.UsedRange`: from the first to the last cell that holds a value, a formula or a
   * format (formatted empty cells count, as in Excel); A1 alone on an empty sheet.
   */
  usedRect(sheet: SheetData): Rect {
    let used: Rect | null = null;
    const grow = (area: Rect): void => {
      used = used ? { top: Math.min(used.top, area.top), left: Math.min(used.left, area.left), bottom: Math.max(used.bottom, area.bottom), right: Math.max(used.right, area.right) } : area;
    };
    for (const key of sheet.cells.keys()) grow({ top: keyRow(key), left: keyColumn(key), bottom: keyRow(key), right: keyColumn(key) });
    for (const merge of sheet.merges) grow(merge);
    return used ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }

  copyFormatOf(sheet: SheetData, row: number, col: number): CellFormat {
    return copyFormat(this.formatAt(sheet, row, col));
  }
}
