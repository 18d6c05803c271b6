/** Data validation and conditional formats: their ranges, their rules, and whether a cell passes or is coloured. */
import { rectContains, rectsIntersect, subtractRect, type Rect } from './address';
import { ErrorCode, MemoryExcelError } from './errors';
import { FormulaError, type Scalar } from './formula';
import { WorkbookCore } from './model-core';
import { compareWith, parseListRect, type ConditionalFormatData, type ConditionalFormatType, type SheetData, type ValidationData, type ValidationRuleData } from './model-data';
import { formatValue } from './number-format';

export class RuleModel extends WorkbookCore {
  // -------------------------------------------------------------- data validation

  validationsIn(sheet: SheetData, rect: Rect): ValidationData[] {
    return sheet.validations.filter((validation) => validation.ranges.some((range) => rectsIntersect(range, rect)));
  }

  clearValidation(sheet: SheetData, rect: Rect): void {
    for (const validation of sheet.validations) validation.ranges = validation.ranges.flatMap((range) => subtractRect(range, rect));
    sheet.validations = sheet.validations.filter((validation) => validation.ranges.length > 0);
    this.touch();
  }

  setValidationRule(sheet: SheetData, rect: Rect, rule: ValidationRuleData): void {
    this.assertFormatsEditable(sheet);
    const existing = this.validationsIn(sheet, rect)[0];
    const prompt = existing ? { ...existing.prompt } : { message: '', showPrompt: true, title: '' };
    const errorAlert = existing ? { ...existing.errorAlert } : { message: '', showAlert: true, style: 'Stop', title: '' };
    const ignoreBlanks = existing ? existing.ignoreBlanks : true;
    this.clearValidation(sheet, rect);
    sheet.validations.push({ ranges: [rect], rule, ignoreBlanks, prompt, errorAlert });
    this.touch();
  }

  /** Applies a change to the validations over a rectangle (prompt, alert, ignoreBlanks). */
  changeValidations(sheet: SheetData, rect: Rect, change: (validation: ValidationData) => void): void {
    this.assertFormatsEditable(sheet);
    const validations = this.validationsIn(sheet, rect);
    if (validations.length === 0) {
      throw new MemoryExcelError(ErrorCode.invalidOperation, 'The range has no data validation rule: set the rule first.');
    }
    validations.forEach(change);
    this.touch();
  }

  private constantOrFormula(sheet: SheetData, text: string, row: number, col: number, anchor: Rect): Scalar {
    if (text.startsWith('=')) return this.evaluate(sheet, text, row - anchor.top, col - anchor.left);
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }

  /** Whether a cell's value passes its validation (true where there is none). */
  isCellValid(sheet: SheetData, row: number, col: number): boolean {
    const validation = sheet.validations.find((candidate) => candidate.ranges.some((range) => rectContains(range, row, col)));
    if (!validation) return true;
    return this.passesRule(sheet, validation, row, col, this.valueAt(sheet, row, col));
  }

  /** Checks a would-be value against a validation (typing is checked before the value lands). */
  passesRule(sheet: SheetData, validation: ValidationData, row: number, col: number, value: Scalar): boolean {
    const { rule } = validation;
    const anchor = validation.ranges[0];
    if (value === null || value === '') return validation.ignoreBlanks;
    if (value instanceof FormulaError) return false;
    if (rule.type === 'Custom') {
      const result = this.evaluate(sheet, rule.formula1.startsWith('=') ? rule.formula1 : `=${rule.formula1}`, row - anchor.top, col - anchor.left);
      return result === true || (typeof result === 'number' && result !== 0);
    }
    if (rule.type === 'List') {
      const items = rule.formula1.startsWith('=') ? this.listItems(sheet, rule.formula1) : rule.formula1.split(',').map((item) => item.trim());
      const text = formatValue(value, 'General');
      return items.some((item) => item.toLowerCase() === text.toLowerCase());
    }
    let measured: number;
    if (rule.type === 'TextLength') {
      measured = formatValue(value, 'General').length;
    } else {
      if (typeof value !== 'number') return false;
      if (rule.type === 'WholeNumber' && !Number.isInteger(value)) return false;
      measured = value;
    }
    const first = this.constantOrFormula(sheet, rule.formula1, row, col, anchor);
    const second = rule.formula2 === null ? null : this.constantOrFormula(sheet, rule.formula2, row, col, anchor);
    if (typeof first !== 'number' || (second !== null && typeof second !== 'number')) return false;
    return compareWith(rule.operator, measured, first, second);
  }

  private listItems(sheet: SheetData, formula: string): string[] {
    const tree = formula.slice(1).trim();
    const bang = tree.lastIndexOf('!');
    const target = bang >= 0 ? this.sheetByName(tree.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'")) : sheet;
    const area = bang >= 0 ? tree.slice(bang + 1) : tree;
    const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(area);
    if (!target || !match) return [];
    const items: string[] = [];
    const rect = parseListRect(match);
    for (let row = rect.top; row <= rect.bottom; row += 1) for (let col = rect.left; col <= rect.right; col += 1) items.push(this.textAt(target, row, col));
    return items;
  }

  // -------------------------------------------------------------- conditional formats

  /** A new conditional format takes the top priority, as in Excel: every other one moves down by one. */
  addConditionalFormat(sheet: SheetData, ranges: Rect[], type: ConditionalFormatType): ConditionalFormatData {
    this.assertFormatsEditable(sheet);
    const noStop = type === 'DataBar' || type === 'ColorScale' || type === 'IconSet';
    const format: ConditionalFormatData = { type, ranges: [...ranges], formula: '', formula2: null, operator: null, fill: null, fontColor: null, fontBold: null, fontItalic: null, stopIfTrue: noStop ? null : false };
    sheet.conditionalFormats.unshift(format);
    this.touch();
    return format;
  }

  conditionalFormatsIn(sheet: SheetData, rects: readonly Rect[]): ConditionalFormatData[] {
    return sheet.conditionalFormats.filter((format) => format.ranges.some((range) => rects.some((rect) => rectsIntersect(range, rect))));
  }

  deleteConditionalFormat(sheet: SheetData, format: ConditionalFormatData): void {
    this.assertFormatsEditable(sheet);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((candidate) => candidate !== format);
    this.touch();
  }

  /** Removes the rectangles from every conditional format's range (`clearAll` on a range). */
  clearConditionalFormats(sheet: SheetData, rect: Rect): void {
    for (const format of sheet.conditionalFormats) format.ranges = format.ranges.flatMap((range) => subtractRect(range, rect));
    sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.ranges.length > 0);
    this.touch();
  }

  changeConditionalFormat(sheet: SheetData, format: ConditionalFormatData, change: (format: ConditionalFormatData) => void): void {
    this.assertFormatsEditable(sheet);
    change(format);
    this.touch();
  }

  /** The conditional format that colours a cell (the first by priority whose rule holds), if any. */
  conditionalFormatAt(sheet: SheetData, row: number, col: number): ConditionalFormatData | null {
    for (const format of sheet.conditionalFormats) {
      if (!format.ranges.some((range) => rectContains(range, row, col))) continue;
      if (this.conditionalRuleHolds(sheet, format, row, col)) return format;
    }
    return null;
  }

  private conditionalRuleHolds(sheet: SheetData, format: ConditionalFormatData, row: number, col: number): boolean {
    const anchor = format.ranges[0];
    if (format.formula === '') return false;
    if (format.type === 'Custom') {
      const result = this.evaluate(sheet, format.formula, row - anchor.top, col - anchor.left);
      return result === true || (typeof result === 'number' && result !== 0);
    }
    if (format.type !== 'CellValue') return false;
    const value = this.valueAt(sheet, row, col);
    if (typeof value !== 'number') return false;
    const first = this.constantOrFormula(sheet, format.formula, row, col, anchor);
    const second = format.formula2 === null ? null : this.constantOrFormula(sheet, format.formula2, row, col, anchor);
    if (typeof first !== 'number' || (second !== null && typeof second !== 'number')) return false;
    return compareWith(format.operator, value, first, second);
  }
}
