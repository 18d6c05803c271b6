/** The workbook as plain data: what the objects read and write, and the inspector shows. */
import { XL_ALIGN, XL_ORIENTATION, XL_PAPER_A4, XL_THIN } from '../wps/wps-api';
import type { Rect } from './address';
import type { FormulaValue } from './formula';

/** A border edge: `XlLineStyle` (xlContinuous 1, xlLineStyleNone -4142), `XlBorderWeight`, a BGR colour. */
export interface BorderData {
  lineStyle: number;
  weight: number;
  color: number;
}

export interface FontData {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  /** BGR: red is 255 ("Font.Color property (Excel)"). */
  color: number;
}

export type EdgeName = 'top' | 'bottom' | 'left' | 'right';

export interface CellFormat {
  /** BGR, or null without fill (`Interior.Pattern` xlNone). */
  fill: number | null;
  font: FontData;
  /** `XlHAlign` / `XlVAlign` constants (xlGeneral 1, xlCenter -4108 …). */
  horizontalAlignment: number;
  verticalAlignment: number;
  wrapText: boolean;
  numberFormat: string;
  borders: Record<EdgeName, BorderData>;
}

export interface CellData {
  /** The constant, or the last calculated value of the formula (errors as their text). */
  value: FormulaValue;
  formula: string | null;
  format: CellFormat;
}

export interface FormatConditionData {
  /** `XlFormatConditionType`: xlExpression 2, xlCellValue 1. */
  type: number;
  operator: number | null;
  formula1: string;
  formula2: string | null;
  /** The areas it applies to (`FormatCondition.AppliesTo`). */
  ranges: Rect[];
  /** BGR, null when the rule sets none. */
  interiorColor: number | null;
  fontColor: number | null;
  /** Null when the rule leaves the cell's own weight. */
  fontBold: boolean | null;
  stopIfTrue: boolean;
}

export interface ValidationData {
  ranges: Rect[];
  /** `XlDVType`: xlValidateList 3, xlValidateDecimal 2, xlValidateTextLength 6 … */
  type: number;
  alertStyle: number;
  operator: number | null;
  formula1: string;
  formula2: string | null;
  ignoreBlank: boolean;
  inCellDropdown: boolean;
  showInput: boolean;
  showError: boolean;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
}

export interface PageSetupData {
  orientation: number;
  paperSize: number;
  zoom: number | false;
  fitToPagesWide: number | false;
  fitToPagesTall: number | false;
  printArea: string;
  printTitleRows: string;
  centerHorizontally: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
}

export interface NameData {
  name: string;
  /** The sheet a worksheet-level name belongs to (`Worksheet.Names.Add`), null for the workbook's. */
  sheetId: number | null;
  /** `RefersTo`, with its leading `=`. */
  refersTo: string;
  visible: boolean;
}

export interface SheetData {
  /** Stable across renames: what objects hold on to. */
  readonly id: number;
  name: string;
  cells: Map<number, CellData>;
  merges: Rect[];
  formatConditions: FormatConditionData[];
  validations: ValidationData[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  protectContents: boolean;
  pageSetup: PageSetupData;
  selection: Rect;
}

const KEY_COLUMNS = 16384;

export function cellKey(row: number, col: number): number {
  return row * KEY_COLUMNS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / KEY_COLUMNS);
}

export function keyColumn(key: number): number {
  return key % KEY_COLUMNS;
}

/**
 * xlNone / xlLineStyleNone / xlColorIndexNone, and xlGeneral (XlHAlign): the two constants the
 * fake needs that src/wps/wps-api.ts does not declare (the adapter writes neither).
 */
export const XL_NONE = -4142;
export const XL_GENERAL = 1;

/** White, as `Interior.Color` reads for a cell without fill. */
export const WHITE = 0xffffff;

export function defaultBorder(): BorderData {
  return { lineStyle: XL_NONE, weight: XL_THIN, color: 0 };
}

export function defaultFormat(font: Pick<FontData, 'name' | 'size'>): CellFormat {
  return {
    fill: null,
    font: { name: font.name, size: font.size, bold: false, italic: false, color: 0 },
    horizontalAlignment: XL_GENERAL,
    verticalAlignment: XL_ALIGN.bottom,
    wrapText: false,
    numberFormat: 'General',
    borders: { top: defaultBorder(), bottom: defaultBorder(), left: defaultBorder(), right: defaultBorder() },
  };
}

export function copyFormat(format: CellFormat): CellFormat {
  const { top, bottom, left, right } = format.borders;
  return { ...format, font: { ...format.font }, borders: { top: { ...top }, bottom: { ...bottom }, left: { ...left }, right: { ...right } } };
}

export function defaultPageSetup(): PageSetupData {
  return {
    orientation: XL_ORIENTATION.portrait,
    paperSize: XL_PAPER_A4,
    zoom: 100,
    fitToPagesWide: 1,
    fitToPagesTall: 1,
    printArea: '',
    printTitleRows: '',
    centerHorizontally: false,
    leftMargin: 54,
    rightMargin: 54,
    topMargin: 72,
    bottomMargin: 72,
    headerMargin: 36,
    footerMargin: 36,
  };
}

/** A deep copy (a workbook saved and reopened). */
export function cloneSheet(sheet: SheetData): SheetData {
  const cells = new Map<number, CellData>();
  for (const [key, cell] of sheet.cells) cells.set(key, { value: cell.value, formula: cell.formula, format: copyFormat(cell.format) });
  return {
    ...sheet,
    cells,
    merges: [...sheet.merges],
    formatConditions: sheet.formatConditions.map((format) => ({ ...format, ranges: [...format.ranges] })),
    validations: sheet.validations.map((validation) => ({ ...validation, ranges: [...validation.ranges] })),
    columnWidths: new Map(sheet.columnWidths),
    rowHeights: new Map(sheet.rowHeights),
    pageSetup: { ...sheet.pageSetup },
  };
}
