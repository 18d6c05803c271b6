/**
 * Whether a typed entry passes a cell's data validation. A Stop alert refuses the entry and the
 * cell keeps what it had; Warning and Information alerts let the person go on ("Apply data
 * validation to cells": the alert styles). Pasting is not validated.
 */
import { parseArea } from './address';
import { evaluateFormula, type CellReader, type FormulaValue } from './formula';
import type { ValidationData } from './sheet-data';

/** XlDVType. */
const DV = { wholeNumber: 1, decimal: 2, list: 3, textLength: 6 } as const;
const ALERT_STOP = 1;

/** WPS's own alert when the rule sets no text. */
const DEFAULT_TITLE = '错误提示';
const DEFAULT_MESSAGE = '您输入的内容，不符合限制条件。';

export interface Refusal {
  readonly title: string;
  readonly message: string;
}

/** XlFormatConditionOperator: xlBetween 1 … xlLessEqual 8. */
function compares(operator: number | null, value: number, first: number, second: number): boolean {
  switch (operator ?? 1) {
    case 1:
      return value >= Math.min(first, second) && value <= Math.max(first, second);
    case 2:
      return value < Math.min(first, second) || value > Math.max(first, second);
    case 3:
      return value === first;
    case 4:
      return value !== first;
    case 5:
      return value > first;
    case 6:
      return value < first;
    case 7:
      return value >= first;
    case 8:
      return value <= first;
    default:
      return true;
  }
}

function bound(formula: string | null, read: CellReader): number {
  if (formula === null || formula === '') return 0;
  const value = formula.startsWith('=') ? evaluateFormula(formula, read) : Number(formula);
  return typeof value === 'number' ? value : Number.NaN;
}

/** A list's items: written out (`定量,定性`) or the cells of a reference on the sheet; null for what is not modelled (a name, another sheet). */
function listItems(formula: string, read: CellReader): string[] | null {
  if (!formula.startsWith('=')) return formula.split(',').map((item) => item.trim());
  const area = parseArea(formula.slice(1));
  if (!area) return null;
  const items: string[] = [];
  for (let row = area.top; row <= area.bottom; row += 1) {
    for (let col = area.left; col <= area.right; col += 1) {
      const value = read(row, col, null);
      if (value !== null && typeof value !== 'object') items.push(String(value));
    }
  }
  return items;
}

/** `entry`: what the cell would hold — a typed constant, or the result of a typed formula (null when empty). */
function passes(rule: ValidationData, entry: FormulaValue, read: CellReader): boolean {
  if (entry === null) return rule.ignoreBlank;
  // An error value is no number, no list item, no text.
  if (typeof entry === 'object') return ![DV.wholeNumber, DV.decimal, DV.list, DV.textLength].includes(rule.type as 1);
  if (rule.type === DV.list) {
    const items = listItems(rule.formula1, read);
    return items === null || items.includes(String(entry));
  }
  if (rule.type === DV.textLength) return compares(rule.operator, String(entry).length, bound(rule.formula1, read), bound(rule.formula2, read));
  if (rule.type === DV.decimal || rule.type === DV.wholeNumber) {
    if (typeof entry !== 'number' || (rule.type === DV.wholeNumber && !Number.isInteger(entry))) return false;
    return compares(rule.operator, entry, bound(rule.formula1, read), bound(rule.formula2, read));
  }
  return true;
}

/**
 * The Stop alert the entry meets, or null when the cell takes it. A typed formula is judged by
 * its result, as WPS and Excel judge it when the entry is made.
 */
export function validationRefusal(rule: ValidationData | undefined, entry: FormulaValue, read: CellReader): Refusal | null {
  if (!rule || !rule.showError || rule.alertStyle !== ALERT_STOP || passes(rule, entry, read)) return null;
  return { title: rule.errorTitle || DEFAULT_TITLE, message: rule.errorMessage || DEFAULT_MESSAGE };
}
