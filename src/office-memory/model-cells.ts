/** Writing cells: values and formulas through the API, typing, pasting, picking from a drop-down, clearing. */
import { rectColumns, rectContains, rectIntersection, rectRows, rectsIntersect, type Rect } from './address';
import { ErrorCode, MemoryExcelError } from './errors';
import { FormulaSyntaxError, parseFormula, translateFormula, type Scalar } from './formula';
import { FormatModel } from './model-formats';
import { apiValue, cellKey, copyFormat, valueTypeOf, type ChangeDetailsData, type SheetData, type TypeOutcome } from './model-data';
import { parseTypedInput } from './number-format';

export class CellModel extends FormatModel {
  // -------------------------------------------------------------- writing cells

  private singleCellDetails(sheet: SheetData, rect: Rect, before: Scalar): ChangeDetailsData | null {
    if (rect.top !== rect.bottom || rect.left !== rect.right) return null;
    const after = this.valueAt(sheet, rect.top, rect.left);
    return { valueBefore: apiValue(before), valueAfter: apiValue(after), valueTypeBefore: valueTypeOf(before), valueTypeAfter: valueTypeOf(after) };
  }

  /** Puts one entry (typed text, or a value written through the API) into a cell. */
  private putEntry(sheet: SheetData, row: number, col: number, entry: string | number | boolean): void {
    if (typeof entry === 'number' && !Number.isFinite(entry)) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, 'The argument is invalid or missing or has an incorrect format: a number must be finite.');
    }
    if (typeof entry !== 'string') {
      const cell = this.writableCell(sheet, row, col);
      cell.value = entry;
      cell.formula = null;
      return;
    }
    const existing = this.cell(sheet, row, col);
    const parsed = parseTypedInput(entry, existing?.numberFormat === '@');
    if (parsed.kind === 'empty') {
      if (existing) {
        existing.value = null;
        existing.formula = null;
      }
      return;
    }
    const cell = this.writableCell(sheet, row, col);
    if (parsed.kind === 'formula') {
      try {
        parseFormula(parsed.formula);
      } catch (error) {
        if (!(error instanceof FormulaSyntaxError)) throw error;
        throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: formula '${parsed.formula}' (${error.message}).`);
      }
      cell.formula = parsed.formula;
      cell.value = null;
      return;
    }
    cell.value = parsed.value;
    cell.formula = null;
    if (parsed.numberFormat && cell.numberFormat === 'General') cell.numberFormat = parsed.numberFormat;
  }

  private assertShape(rect: Rect, values: unknown, property: string): unknown[][] {
    if (!Array.isArray(values) || !values.every((line) => Array.isArray(line))) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: '${property}' must be a two-dimensional array.`);
    }
    const lines = values as unknown[][];
    if (lines.length !== rectRows(rect) || lines.some((line) => line.length !== rectColumns(rect))) {
      throw new MemoryExcelError(
        ErrorCode.invalidArgument,
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: ${lines.length}×${lines[0]?.length ?? 0} for ${rectRows(rect)}×${rectColumns(rect)}).`,
      );
    }
    return lines;
  }

  /** `range.values = …` / `range.formulas = …`: null leaves a cell as it is, '' clears it. */
  writeValues(sheet: SheetData, rect: Rect, values: unknown, property: 'values' | 'formulas'): void {
    const lines = this.assertShape(rect, values, property);
    for (const line of lines) {
      for (const item of line) {
        if (item !== null && typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
          throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: ${property} holds ${typeof item}.`);
        }
      }
    }
    this.assertCellsEditable(sheet, rect);
    const before = this.valueAt(sheet, rect.top, rect.left);
    lines.forEach((line, dr) =>
      line.forEach((item, dc) => {
        if (item === null) return;
        this.putEntry(sheet, rect.top + dr, rect.left + dc, item as string | number | boolean);
      }),
    );
    this.touch();
    this.record({ kind: 'changed', sheetId: sheet.id, rect, changeType: 'RangeEdited', actor: this.actor, details: this.singleCellDetails(sheet, rect, before) });
  }

  /**
   * The person types into one cell. A data validation whose alert is a Stop turns the entry
   * away (nothing changes, no event); Warning and Information alerts let it in.
   */
  typeInto(sheet: SheetData, row: number, col: number, input: string): TypeOutcome {
    const rect = { top: row, left: col, bottom: row, right: col };
    if (sheet.protection.protected && this.formatAt(sheet, row, col).locked) {
      return { accepted: false, reason: 'protected', title: '', message: "The cell or chart you're trying to change is on a protected sheet." };
    }
    const before = this.valueAt(sheet, row, col);
    const key = cellKey(row, col);
    const previous = sheet.cells.get(key);
    const saved = previous ? { ...previous } : undefined;
    this.putEntry(sheet, row, col, input);
    this.touch();
    const validation = sheet.validations.find((candidate) => candidate.ranges.some((range) => rectContains(range, row, col)));
    if (validation && validation.errorAlert.showAlert && validation.errorAlert.style === 'Stop' && !this.isCellValid(sheet, row, col)) {
      if (saved && previous) Object.assign(previous, saved);
      else sheet.cells.delete(key);
      this.touch();
      return { accepted: false, reason: 'validation', title: validation.errorAlert.title, message: validation.errorAlert.message };
    }
    this.record({ kind: 'changed', sheetId: sheet.id, rect, changeType: 'RangeEdited', actor: this.actor, details: this.singleCellDetails(sheet, rect, before) });
    return { accepted: true };
  }

  /** A pick from a list validation's drop-down: only its items are offered. */
  pickFromList(sheet: SheetData, row: number, col: number, item: string, raiseEvent: boolean): void {
    const validation = sheet.validations.find((candidate) => candidate.ranges.some((range) => rectContains(range, row, col)));
    if (!validation || validation.rule.type !== 'List' || !validation.rule.inCellDropDown) throw new MemoryExcelError(ErrorCode.invalidOperation, 'The cell has no in-cell drop-down.');
    if (!this.passesRule(sheet, validation, row, col, item)) throw new MemoryExcelError(ErrorCode.invalidArgument, `The drop-down does not offer '${item}'.`);
    const before = this.valueAt(sheet, row, col);
    this.putEntry(sheet, row, col, item);
    this.touch();
    const rect = { top: row, left: col, bottom: row, right: col };
    if (raiseEvent) this.record({ kind: 'changed', sheetId: sheet.id, rect, changeType: 'RangeEdited', actor: this.actor, details: this.singleCellDetails(sheet, rect, before) });
  }

  /** A paste: the values land, one event for the area. Data validation does not stop it. */
  paste(sheet: SheetData, rect: Rect, values: readonly (readonly (string | number | boolean | null)[])[]): void {
    this.assertCellsEditable(sheet, rect);
    values.forEach((line, dr) =>
      line.forEach((item, dc) => {
        const row = rect.top + dr;
        const col = rect.left + dc;
        if (item === null || item === '') {
          const cell = this.cell(sheet, row, col);
          if (cell) {
            cell.value = null;
            cell.formula = null;
          }
          return;
        }
        this.putEntry(sheet, row, col, item);
      }),
    );
    this.touch();
    const single = rect.top === rect.bottom && rect.left === rect.right;
    this.record({ kind: 'changed', sheetId: sheet.id, rect, changeType: 'RangeEdited', actor: this.actor, details: single ? this.singleCellDetails(sheet, rect, null) : null });
  }

  /**
   * Ctrl+C on `from`, Ctrl+V at the top-left of `to` (a rectangle of the same size): values
   * and formulas (relative references moved), number formats, cell formats, data validation
   * conditional formats and merged areas of the source replace those of the destination, as
   * Excel's paste (All) does ("Paste options": All pastes "all cell contents and formatting");
   * one onChanged for the destination.
   */
  copyPaste(source: SheetData, from: Rect, target: SheetData, to: Rect): void {
    this.assertCellsEditable(target, to);
    const rows = to.top - from.top;
    const columns = to.left - from.left;
    const cells = this.grid(source, from, (row, col) => {
      const cell = this.cell(source, row, col);
      const formula = cell?.formula ? translateFormula(cell.formula, rows, columns) : null;
      return { value: cell?.value ?? null, formula, numberFormat: cell?.numberFormat ?? 'General', format: copyFormat(this.formatAt(source, row, col)) };
    });
    const moved = (rect: Rect): Rect => ({ top: rect.top + rows, left: rect.left + columns, bottom: rect.bottom + rows, right: rect.right + columns });
    const cut = (ranges: readonly Rect[]): Rect[] => ranges.flatMap((range) => rectIntersection(range, from) ?? []).map(moved);
    // A rule keeps its meaning in the copied cells: its relative references move with them.
    const anchorShift = (before: readonly Rect[], after: readonly Rect[]) => (formula: string) => translateFormula(formula, after[0].top - before[0].top, after[0].left - before[0].left);
    const validations = this.validationsIn(source, from).map((validation) => {
      const ranges = cut(validation.ranges);
      const formula1 = validation.rule.type === 'Custom' ? anchorShift(validation.ranges, ranges)(validation.rule.formula1) : validation.rule.formula1;
      return { ...validation, ranges, rule: { ...validation.rule, formula1 } };
    });
    const formats = this.conditionalFormatsIn(source, [from]).map((format) => {
      const ranges = cut(format.ranges);
      return { ...format, ranges, formula: format.type === 'Custom' ? anchorShift(format.ranges, ranges)(format.formula) : format.formula };
    });
    const inside = (rect: Rect) => rect.top >= from.top && rect.bottom <= from.bottom && rect.left >= from.left && rect.right <= from.right;
    const merges = source.merges.filter(inside).map(moved);
    cells.forEach((line, dr) => line.forEach((cell, dc) => target.cells.set(cellKey(to.top + dr, to.left + dc), cell)));
    target.merges = [...target.merges.filter((merge) => rectIntersection(merge, to) === null), ...merges];
    this.clearValidation(target, to);
    target.validations.push(...validations);
    this.clearConditionalFormats(target, to);
    target.conditionalFormats.unshift(...formats);
    this.touch();
    this.record({ kind: 'changed', sheetId: target.id, rect: to, changeType: 'RangeEdited', actor: this.actor, details: null });
  }

  /** One number format for every cell of a rectangle (the person's Format Cells). */
  setNumberFormat(sheet: SheetData, rect: Rect, numberFormat: string): void {
    this.assertFormatsEditable(sheet);
    for (let row = rect.top; row <= rect.bottom; row += 1) for (let col = rect.left; col <= rect.right; col += 1) this.writableCell(sheet, row, col).numberFormat = numberFormat;
    this.touch();
  }

  writeNumberFormats(sheet: SheetData, rect: Rect, formats: unknown): void {
    const lines = this.assertShape(rect, formats, 'numberFormat');
    this.assertFormatsEditable(sheet);
    lines.forEach((line, dr) =>
      line.forEach((item, dc) => {
        if (item === null) return;
        if (typeof item !== 'string') throw new MemoryExcelError(ErrorCode.invalidArgument, 'The argument is invalid or missing or has an incorrect format: numberFormat holds a non-string.');
        this.writableCell(sheet, rect.top + dr, rect.left + dc).numberFormat = item;
      }),
    );
    this.touch();
    this.record({ kind: 'formatChanged', sheetId: sheet.id, rect });
  }

  clear(sheet: SheetData, rect: Rect, applyTo: string): void {
    const contents = applyTo === 'All' || applyTo === 'Contents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    if (!contents && !formats && applyTo !== 'Hyperlinks' && applyTo !== 'RemoveHyperlinks') {
      throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: applyTo '${applyTo}'.`);
    }
    if (contents) this.assertCellsEditable(sheet, rect);
    if (formats) this.assertFormatsEditable(sheet);
    for (const { row, col, cell } of this.storedCellsIn(sheet, rect)) {
      if (contents) {
        cell.value = null;
        cell.formula = null;
      }
      if (formats) {
        cell.numberFormat = 'General';
        cell.format = copyFormat(sheet.rowFormats.get(row) ?? sheet.columnFormats.get(col) ?? sheet.defaultFormat);
      }
    }
    if (formats) {
      // Excel's Clear Formats also removes conditional formats and the merge within the range.
      sheet.merges = sheet.merges.filter((merge) => !rectsIntersect(merge, rect));
      this.clearConditionalFormats(sheet, rect);
    }
    if (applyTo === 'All') this.clearValidation(sheet, rect);
    this.touch();
    this.record({ kind: 'changed', sheetId: sheet.id, rect, changeType: 'RangeEdited', actor: this.actor, details: null });
  }
}
