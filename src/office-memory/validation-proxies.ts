/**
 * `Excel.DataValidation` of a range: its rule, prompt and error alert. Reading over cells with
 * different validations gives `Inconsistent` / `MixedCriteria` as Excel does.
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each proxy class merges with an interface of the Office.js properties its table installs on the prototype */
import { quoteSheetName, rectAbsoluteA1, rectColumns, rectIntersection, rectRows } from './address';
import { PartProxy, installProperties, type PropertySpec, type PropertyTable } from './proxy-base';
import { RangeProxy, invalidArgument, type RangeTarget } from './range-proxies';
import type { ValidationData, ValidationRuleData, ValidationType, WorkbookModel } from './workbook-model';

const BASIC_RULES: Readonly<Record<string, ValidationType>> = { decimal: 'Decimal', wholeNumber: 'WholeNumber', textLength: 'TextLength', date: 'Date', time: 'Time' };

function formulaText(value: unknown, field: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof RangeProxy) {
    const { sheet, rect } = value.target();
    return `=${quoteSheetName(sheet.name)}!${rectAbsoluteA1(rect)}`;
  }
  throw invalidArgument(`${field} must be a number, a string or a Range`);
}

/** Reads an `Excel.DataValidationRule` into the model's form. */
function ruleData(rule: unknown): ValidationRuleData {
  if (rule === null || typeof rule !== 'object') throw invalidArgument('the data validation rule');
  const entries = Object.entries(rule as Record<string, unknown>).filter(([, value]) => value !== undefined && value !== null);
  if (entries.length !== 1) throw invalidArgument('a data validation rule has exactly one kind');
  const [kind, body] = entries[0];
  if (body === null || typeof body !== 'object') throw invalidArgument(`data validation rule '${kind}'`);
  const fields = body as Record<string, unknown>;
  const type = BASIC_RULES[kind];
  if (type) {
    const operator = String(fields.operator ?? '');
    const operators = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
    if (!operators.includes(operator)) throw invalidArgument(`data validation operator '${operator}'`);
    if (fields.formula1 === undefined) throw invalidArgument('formula1 is required');
    const needsTwo = operator === 'Between' || operator === 'NotBetween';
    if (needsTwo && fields.formula2 === undefined) throw invalidArgument('formula2 is required for Between');
    return { type, operator, formula1: formulaText(fields.formula1, 'formula1'), formula2: needsTwo ? formulaText(fields.formula2, 'formula2') : null, inCellDropDown: false };
  }
  if (kind === 'list') {
    if (fields.source === undefined) throw invalidArgument('list.source is required');
    return { type: 'List', operator: null, formula1: formulaText(fields.source, 'source'), formula2: null, inCellDropDown: fields.inCellDropDown !== false };
  }
  if (kind === 'custom') {
    if (typeof fields.formula !== 'string') throw invalidArgument('custom.formula is required');
    return { type: 'Custom', operator: null, formula1: fields.formula, formula2: null, inCellDropDown: false };
  }
  throw invalidArgument(`data validation rule '${kind}'`);
}

/** The model's rule back in the shape of `Excel.DataValidationRule`. */
export function ruleObject(rule: ValidationRuleData): Record<string, unknown> {
  switch (rule.type) {
    case 'List':
      return { list: { inCellDropDown: rule.inCellDropDown, source: rule.formula1 } };
    case 'Custom':
      return { custom: { formula: rule.formula1 } };
    default: {
      const kind = Object.entries(BASIC_RULES).find(([, type]) => type === rule.type)?.[0] ?? 'decimal';
      return { [kind]: rule.formula2 === null ? { formula1: rule.formula1, operator: rule.operator } : { formula1: rule.formula1, formula2: rule.formula2, operator: rule.operator } };
    }
  }
}

function validationsOf(model: WorkbookModel, { sheet, rect }: RangeTarget): ValidationData[] {
  return model.validationsIn(sheet, rect);
}

/** The type over the range: None, the rule's type, or Inconsistent / MixedCriteria. */
function validationType(model: WorkbookModel, target: RangeTarget): string {
  const validations = validationsOf(model, target);
  if (validations.length === 0) return 'None';
  const covered = validations.reduce(
    (total, validation) =>
      total +
      validation.ranges.reduce((sum, range) => {
        const cut = rectIntersection(range, target.rect);
        return sum + (cut ? rectRows(cut) * rectColumns(cut) : 0);
      }, 0),
    0,
  );
  const first = validations[0].rule;
  if (covered < rectRows(target.rect) * rectColumns(target.rect) || !validations.every((validation) => validation.rule.type === first.type)) return 'Inconsistent';
  if (!validations.every((validation) => JSON.stringify(validation.rule) === JSON.stringify(first))) return 'MixedCriteria';
  return first.type;
}

/** A part of the validation: the common value over the range, changed on every validation there. */
function validationPart<V>(read: (validation: ValidationData) => V, fallback: V, apply: (validation: ValidationData, value: V) => void): PropertySpec<RangeTarget> {
  return {
    read: (target, model) => {
      const validations = validationsOf(model, target);
      if (validations.length === 0) return fallback;
      const values = validations.map((validation) => JSON.stringify(read(validation)));
      return values.every((value) => value === values[0]) ? read(validations[0]) : null;
    },
    write: ({ sheet, rect }: RangeTarget, value: V, model: WorkbookModel) => model.changeValidations(sheet, rect, (validation) => apply(validation, value)),
  };
}

const VALIDATION_PROPERTIES = {
  type: { read: (target: RangeTarget, model: WorkbookModel) => validationType(model, target) },
  rule: {
    read: (target: RangeTarget, model: WorkbookModel) => {
      const validations = validationsOf(model, target);
      return validations.length === 0 ? {} : ruleObject(validations[0].rule);
    },
    write: ({ sheet, rect }: RangeTarget, rule: Excel.DataValidationRule, model: WorkbookModel) => model.setValidationRule(sheet, rect, ruleData(rule)),
  },
  prompt: validationPart(
    (validation) => ({ ...validation.prompt }),
    { message: '', showPrompt: true, title: '' },
    (validation, prompt: Excel.DataValidationPrompt) => {
      validation.prompt = { message: prompt.message ?? validation.prompt.message, showPrompt: prompt.showPrompt ?? validation.prompt.showPrompt, title: prompt.title ?? validation.prompt.title };
    },
  ),
  errorAlert: validationPart(
    (validation) => ({ ...validation.errorAlert }) as Excel.DataValidationErrorAlert,
    { message: '', showAlert: true, style: 'Stop', title: '' },
    (validation, alert: Excel.DataValidationErrorAlert) => {
      const { message, showAlert, style, title } = validation.errorAlert;
      validation.errorAlert = { message: alert.message ?? message, showAlert: alert.showAlert ?? showAlert, style: alert.style === undefined ? style : String(alert.style), title: alert.title ?? title };
    },
  ),
} satisfies PropertyTable<RangeTarget>;

export class DataValidationProxy extends PartProxy<RangeTarget> {
  protected readonly typeName = 'DataValidation';

}

// Declaration merging: the accessors come from the property table (installProperties), typed as Office.js's.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DataValidationProxy extends Pick<Excel.DataValidation, keyof typeof VALIDATION_PROPERTIES> {}
installProperties(DataValidationProxy, VALIDATION_PROPERTIES);
