/**
 * The workbook's data: sheets of cells with values, formulas and formats, merges, names, data
 * validations, conditional formats, print setup and protection, and the change events Excel
 * would raise. Plain data and the small functions over it.
 */
import { MAX_COLUMNS, columnIndex, rectColumns, rectRows, type Rect } from './address';
import { ErrorCode, MemoryExcelError } from './errors';
import { FormulaError, type Scalar } from './formula';

export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

export interface BorderData {
  style: string;
  color: string;
  weight: string;
}

export interface FontData {
  bold: boolean;
  italic: boolean;
  size: number;
  name: string;
  color: string;
  underline: string;
  strikethrough: boolean;
}

export interface CellFormatData {
  /** `#RRGGBB`, or null for no fill. */
  fill: string | null;
  font: FontData;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borders: Record<BorderSide, BorderData>;
  locked: boolean;
}

export interface CellData {
  /** The constant in the cell (an error value when one was typed); null when empty or when the cell holds a formula. */
  value: Scalar;
  formula: string | null;
  numberFormat: string;
  format: CellFormatData;
}

export interface NameData {
  name: string;
  /** `=Sheet1!$A$1:$B$2`, or a constant such as `="text"` or `=12`. */
  formula: string;
  comment: string;
  visible: boolean;
}

export type ValidationType = 'WholeNumber' | 'Decimal' | 'List' | 'TextLength' | 'Custom' | 'Date' | 'Time';

export interface ValidationRuleData {
  type: ValidationType;
  operator: string | null;
  formula1: string;
  formula2: string | null;
  /** List validations: whether the in-cell dropdown shows. */
  inCellDropDown: boolean;
}

export interface ValidationData {
  ranges: Rect[];
  rule: ValidationRuleData;
  ignoreBlanks: boolean;
  prompt: { message: string; showPrompt: boolean; title: string };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
}

/** `Excel.ConditionalFormatType` values. */
export const CONDITIONAL_FORMAT_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'] as const;
export type ConditionalFormatType = (typeof CONDITIONAL_FORMAT_TYPES)[number];

/**
 * A conditional format. It has no id of its own: Office.js's `ConditionalFormat.id` is its
 * priority, its position in the sheet's list, renumbered by every add and delete.
 */
export interface ConditionalFormatData {
  type: ConditionalFormatType;
  ranges: Rect[];
  /** Custom: the rule's formula; CellValue: `formula1`; '' for the other types. */
  formula: string;
  /** CellValue: `formula2` (Between, NotBetween) and the operator. */
  formula2: string | null;
  operator: string | null;
  fill: string | null;
  fontColor: string | null;
  fontBold: boolean | null;
  fontItalic: boolean | null;
  /** Null for data bars, colour scales and icon sets, which have no StopIfTrue. */
  stopIfTrue: boolean | null;
}

export interface PageLayoutData {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  printArea: Rect[] | null;
  printTitleRows: Rect | null;
}

export interface ProtectionOptionsData {
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertRows: boolean;
  allowInsertColumns: boolean;
  allowDeleteRows: boolean;
  allowDeleteColumns: boolean;
  allowSort: boolean;
  allowAutoFilter: boolean;
  allowPivotTables: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowInsertHyperlinks: boolean;
  selectionMode: string;
}

export interface SheetData {
  id: string;
  name: string;
  visibility: string;
  cells: Map<number, CellData>;
  /** Formats of whole rows and whole columns, for cells that have none of their own. */
  rowFormats: Map<number, CellFormatData>;
  columnFormats: Map<number, CellFormatData>;
  defaultFormat: CellFormatData;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  defaultColumnWidth: number;
  defaultRowHeight: number;
  merges: Rect[];
  names: NameData[];
  validations: ValidationData[];
  /** In priority order: index 0 is priority 0, the highest. */
  conditionalFormats: ConditionalFormatData[];
  protection: { protected: boolean; options: ProtectionOptionsData; password: string | null };
  pageLayout: PageLayoutData;
  selection: Rect;
}

/** What became of an entry typed by hand: Excel turns some away with a dialog. */
export type TypeOutcome = { readonly accepted: true } | { readonly accepted: false; readonly reason: 'validation' | 'protected'; readonly title: string; readonly message: string };

export type ChangeType = 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted';

export type Actor = 'addin' | 'user';

export interface ChangeDetailsData {
  valueBefore: string | number | boolean;
  valueAfter: string | number | boolean;
  valueTypeBefore: ValueType;
  valueTypeAfter: ValueType;
}

export type ChangeRecord =
  | { kind: 'changed'; sheetId: string; rect: Rect; changeType: ChangeType; actor: Actor; details: ChangeDetailsData | null }
  | { kind: 'formatChanged'; sheetId: string; rect: Rect }
  | { kind: 'added' | 'deleted'; sheetId: string; actor: Actor }
  | { kind: 'activated'; sheetId: string }
  | { kind: 'nameChanged'; sheetId: string; nameBefore: string; nameAfter: string }
  | { kind: 'selectionChanged'; sheetId: string; rect: Rect };

// ---------------------------------------------------------------- defaults

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

function defaultBorder(): BorderData {
  return { style: 'None', color: '#000000', weight: 'Thin' };
}

export function defaultCellFormat(fontName = 'Calibri', fontSize = 11): CellFormatData {
  return {
    fill: null,
    font: { bold: false, italic: false, size: fontSize, name: fontName, color: '#000000', underline: 'None', strikethrough: false },
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    borders: { top: defaultBorder(), bottom: defaultBorder(), left: defaultBorder(), right: defaultBorder() },
    locked: true,
  };
}

export function copyFormat(format: CellFormatData): CellFormatData {
  return {
    ...format,
    font: { ...format.font },
    borders: { top: { ...format.borders.top }, bottom: { ...format.borders.bottom }, left: { ...format.borders.left }, right: { ...format.borders.right } },
  };
}

export function defaultPageLayout(): PageLayoutData {
  return {
    orientation: 'Portrait',
    paperSize: 'A4',
    centerHorizontally: false,
    zoom: { scale: 100 },
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    printArea: null,
    printTitleRows: null,
  };
}

export function defaultProtectionOptions(): ProtectionOptionsData {
  return {
    allowFormatCells: false,
    allowFormatColumns: false,
    allowFormatRows: false,
    allowInsertRows: false,
    allowInsertColumns: false,
    allowDeleteRows: false,
    allowDeleteColumns: false,
    allowSort: false,
    allowAutoFilter: false,
    allowPivotTables: false,
    allowEditObjects: false,
    allowEditScenarios: false,
    allowInsertHyperlinks: false,
    selectionMode: 'Normal',
  };
}

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  pink: '#FFC0CB',
};

/** Colors as Excel reports them: `#RRGGBB`, upper case. Throws InvalidArgument for anything else. */
export function normalizeColor(color: string): string {
  const trimmed = color.trim();
  const named = NAMED_COLORS[trimmed.toLowerCase()];
  if (named) return named;
  const long = /^#?([0-9a-fA-F]{6})$/.exec(trimmed);
  if (long) return `#${long[1].toUpperCase()}`;
  const short = /^#([0-9a-fA-F]{3})$/.exec(trimmed);
  if (short) return `#${short[1].split('').map((ch) => ch + ch).join('').toUpperCase()}`;
  throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: color '${color}'.`);
}

// ---------------------------------------------------------------- helpers

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function keyColumn(key: number): number {
  return key % MAX_COLUMNS;
}


export function rectArea(rect: Rect): number {
  return rectRows(rect) * rectColumns(rect);
}

/** `Excel.RangeValueType` values. */
export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export function valueTypeOf(value: Scalar): ValueType {
  if (value === null) return 'Empty';
  if (value instanceof FormulaError) return 'Error';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

/** A value as Office.js returns it: empty cells are '', errors their code. */
export function apiValue(value: Scalar): string | number | boolean {
  if (value === null) return '';
  if (value instanceof FormulaError) return value.code;
  return value;
}

export const INVALID_SHEET_CHARACTERS = /[[\]:*?/\\]/;

export function parseListRect(match: RegExpExecArray): Rect {
  const top = Number(match[2]) - 1;
  const left = columnIndex(match[1]);
  const bottom = match[4] ? Number(match[4]) - 1 : top;
  const right = match[3] ? columnIndex(match[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** Excel's comparison operators, as data validation (`…OrEqualTo`) and cell-value conditional formats (`…OrEqual`) name them. */
export function compareWith(operator: string | null, measured: number, first: number, second: number | null): boolean {
  switch (operator) {
    case 'Between':
      return second !== null && measured >= first && measured <= second;
    case 'NotBetween':
      return second !== null && (measured < first || measured > second);
    case 'EqualTo':
      return measured === first;
    case 'NotEqualTo':
      return measured !== first;
    case 'GreaterThan':
      return measured > first;
    case 'LessThan':
      return measured < first;
    case 'GreaterThanOrEqualTo':
    case 'GreaterThanOrEqual':
      return measured >= first;
    case 'LessThanOrEqualTo':
    case 'LessThanOrEqual':
      return measured <= first;
    default:
      return false;
  }
}

export function cloneSheet(sheet: SheetData): SheetData {
  const cells = new Map<number, CellData>();
  for (const [key, cell] of sheet.cells) cells.set(key, { ...cell, format: copyFormat(cell.format) });
  const cloneFormats = (map: Map<number, CellFormatData>): Map<number, CellFormatData> => new Map([...map].map(([key, format]) => [key, copyFormat(format)]));
  return {
    ...sheet,
    cells,
    rowFormats: cloneFormats(sheet.rowFormats),
    columnFormats: cloneFormats(sheet.columnFormats),
    defaultFormat: copyFormat(sheet.defaultFormat),
    columnWidths: new Map(sheet.columnWidths),
    rowHeights: new Map(sheet.rowHeights),
    merges: sheet.merges.map((merge) => ({ ...merge })),
    names: sheet.names.map((name) => ({ ...name })),
    validations: sheet.validations.map((validation) => ({
      ranges: validation.ranges.map((range) => ({ ...range })),
      rule: { ...validation.rule },
      ignoreBlanks: validation.ignoreBlanks,
      prompt: { ...validation.prompt },
      errorAlert: { ...validation.errorAlert },
    })),
    conditionalFormats: sheet.conditionalFormats.map((format) => ({ ...format, ranges: format.ranges.map((range) => ({ ...range })) })),
    protection: { ...sheet.protection, options: { ...sheet.protection.options } },
    pageLayout: {
      ...sheet.pageLayout,
      zoom: { ...sheet.pageLayout.zoom },
      printArea: sheet.pageLayout.printArea ? sheet.pageLayout.printArea.map((area) => ({ ...area })) : null,
      printTitleRows: sheet.pageLayout.printTitleRows ? { ...sheet.pageLayout.printTitleRows } : null,
    },
    selection: { ...sheet.selection },
  };
}
