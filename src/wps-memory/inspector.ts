/** Plain-data views of the workbook for tests and the preview's grid: no crossing is counted. */
import { parseArea, relativeAddress, rectContains, type Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import type { FormulaValue } from './formula';
import { columnLetters } from './address';
import { copyFormat, type CellFormat, type NameData, type PageSetupData, type SheetData } from './sheet-data';
import type { WorkbookModel } from './workbook-model';

/** A cell's value as plain data: an error as its text (`#DIV/0!`), an empty cell as null. */
export type InspectedValue = number | string | boolean | null;

export interface CellInspection {
  readonly value: InspectedValue;
  /** What the cell shows (`Range.Text`): the value through its number format. */
  readonly text: string;
  readonly formula: string | null;
  readonly format: CellFormat;
  /** The merged area holding the cell (`A1:C1`), or null. */
  readonly mergeArea: string | null;
}

export interface FormatConditionInspection {
  /** 1 for the first of the sheet's list. */
  readonly priority: number;
  readonly type: number;
  readonly formula1: string;
  readonly appliesTo: string;
  readonly interiorColor: number | null;
  readonly fontColor: number | null;
}

export interface ValidationInspection {
  readonly ranges: string;
  readonly type: number;
  readonly operator: number | null;
  readonly formula1: string;
  readonly formula2: string | null;
  readonly alertStyle: number;
  readonly inputMessage: string;
  readonly errorMessage: string;
}

export interface MemoryWpsInspector {
  sheetNames(): string[];
  activeSheet(): string;
  /** The active sheet and its selection. */
  selection(): { sheet: string; address: string };
  cell(sheet: string, address: string): CellInspection;
  /** A block of values, rows × columns. */
  values(sheet: string, address: string): InspectedValue[][];
  merges(sheet: string): string[];
  formatConditions(sheet: string): FormatConditionInspection[];
  /** A1 → the fill (BGR) of the conditional format that colours the cell: the first by priority whose formula holds. */
  highlightedCells(sheet: string): Map<string, number | null>;
  validations(sheet: string): ValidationInspection[];
  /** 0-based column and row. */
  columnWidth(sheet: string, column: number): number;
  rowHeight(sheet: string, row: number): number;
  usedRange(sheet: string): string;
  isProtected(sheet: string): boolean;
  names(): NameData[];
  pageSetup(sheet: string): PageSetupData;
}

function plain(value: FormulaValue): InspectedValue {
  return typeof value === 'object' && value !== null ? value.error : value;
}

function area(address: string): Rect {
  const rect = parseArea(address);
  if (!rect) throw new WpsMemoryError(WpsErrorCode.invalidArgument, `${JSON.stringify(address)} is not a reference.`);
  return rect;
}

const areasText = (rects: readonly Rect[]): string => rects.map(relativeAddress).join(',');

const LARGE_AREA = 100000;

function highlightedCells(model: WorkbookModel, sheet: SheetData): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const used = model.usedRect(sheet);
  for (const format of sheet.formatConditions) {
    for (const range of format.ranges) {
      // A format over whole rows or columns (or the whole sheet) is looked at within the used range.
      const large = (range.bottom - range.top + 1) * (range.right - range.left + 1) > LARGE_AREA;
      const bottom = large ? Math.min(range.bottom, Math.max(used.bottom, range.top)) : range.bottom;
      const right = large ? Math.min(range.right, Math.max(used.right, range.left)) : range.right;
      for (let row = range.top; row <= bottom; row += 1) {
        for (let col = range.left; col <= right; col += 1) {
          const key = `${columnLetters(col)}${row + 1}`;
          if (out.has(key)) continue;
          const applied = model.formatConditionAt(sheet, row, col);
          if (applied) out.set(key, applied.interiorColor);
        }
      }
    }
  }
  return out;
}

export function createInspector(model: WorkbookModel): MemoryWpsInspector {
  const sheetOf = (name: string): SheetData => model.requireSheet(name);
  return {
    sheetNames: () => model.sheets.map((sheet) => sheet.name),
    activeSheet: () => model.activeSheet().name,
    selection: () => {
      const sheet = model.activeSheet();
      return { sheet: sheet.name, address: relativeAddress(sheet.selection) };
    },
    cell: (sheetName, address) => {
      const sheet = sheetOf(sheetName);
      const { top, left } = area(address);
      const merge = sheet.merges.find((candidate) => rectContains(candidate, top, left));
      return {
        value: plain(model.valueAt(sheet, top, left)),
        text: model.textAt(sheet, top, left),
        formula: model.cell(sheet, top, left)?.formula ?? null,
        format: copyFormat(model.formatAt(sheet, top, left)),
        mergeArea: merge ? relativeAddress(merge) : null,
      };
    },
    values: (sheetName, address) => {
      const sheet = sheetOf(sheetName);
      const rect = area(address);
      return Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) => Array.from({ length: rect.right - rect.left + 1 }, (_, c) => plain(model.valueAt(sheet, rect.top + r, rect.left + c))));
    },
    merges: (sheetName) => [...sheetOf(sheetName).merges].sort((a, b) => a.top - b.top || a.left - b.left).map(relativeAddress),
    formatConditions: (sheetName) =>
      sheetOf(sheetName).formatConditions.map((format, index) => ({
        priority: index + 1,
        type: format.type,
        formula1: format.formula1,
        appliesTo: areasText(format.ranges),
        interiorColor: format.interiorColor,
        fontColor: format.fontColor,
      })),
    highlightedCells: (sheetName) => highlightedCells(model, sheetOf(sheetName)),
    validations: (sheetName) =>
      sheetOf(sheetName).validations.map((rule) => ({
        ranges: areasText(rule.ranges),
        type: rule.type,
        operator: rule.operator,
        formula1: rule.formula1,
        formula2: rule.formula2,
        alertStyle: rule.alertStyle,
        inputMessage: rule.inputMessage,
        errorMessage: rule.errorMessage,
      })),
    columnWidth: (sheetName, column) => model.columnWidthAt(sheetOf(sheetName), column),
    rowHeight: (sheetName, row) => model.rowHeightAt(sheetOf(sheetName), row),
    usedRange: (sheetName) => relativeAddress(model.usedRect(sheetOf(sheetName))),
    isProtected: (sheetName) => sheetOf(sheetName).protectContents,
    names: () => model.names.map((item) => ({ ...item })),
    pageSetup: (sheetName) => ({ ...sheetOf(sheetName).pageSetup }),
  };
}

