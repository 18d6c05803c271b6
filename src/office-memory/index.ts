/**
 * An in-memory Excel that keeps Office.js's contract: the add-in's Excel code runs against it
 * in tests and in the preview page, unchanged.
 */
export { createMemoryExcel, addressContains } from './memory-excel';
export type {
  CellInspection,
  ConditionalFormatInspection,
  MemoryExcel,
  MemoryExcelOptions,
  MemoryInspector,
  MemoryUser,
  NameInspection,
  PageLayoutInspection,
  SheetInspection,
  TypeResult,
  TypedValue,
  UserFormat,
  ValidationInspection,
} from './memory-excel';
export { ErrorCode, MemoryExcelError } from './errors';
export type { ErrorCodeValue } from './errors';
export { FormulaError, parseFormula, evaluateFormula, shiftFormula, formulaReferences } from './formula';
export { formatValue, parseTypedInput } from './number-format';
