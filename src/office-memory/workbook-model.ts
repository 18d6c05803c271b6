/**
 * The workbook itself: sheets of cells with values, formulas and formats, merges, names, data
 * validations, conditional formats, print setup and protection. Plain data and plain methods;
 * the Office.js-shaped proxies (`proxies.ts`) and the user's actions (`memory-excel.ts`) both
 * change it through these methods, which also record the change events Excel would raise.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  isWholeColumns,
  isWholeRows,
  quoteSheetName,
  rectAbsoluteA1,
  rectColumns,
  rectContains,
  rectIntersection,
  rectRows,
  rectsIntersect,
  subtractRect,
  type Rect,
} from './address';
import { ErrorCode, MemoryExcelError } from './errors';
import {
  FormulaError,
  FormulaSyntaxError,
  deleteSheetInFormula,
  evaluateFormula,
  parseFormula,
  renameSheetInFormula,
  shiftFormula,
  shiftRect,
  translateFormula,
  type FormulaNode,
  type Scalar,
  type ShiftOperation,
} from './formula';
import { formatValue, parseTypedInput } from './number-format';
import { MAX_CELLS_PER_READ } from './payload';

// ---------------------------------------------------------------- data

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
  indentLevel: number;
  borders: Record<BorderSide, BorderData>;
  locked: boolean;
  formulaHidden: boolean;
}

export interface CellData {
  /** The constant in the cell; null when empty or when the cell holds a formula. */
  value: string | number | boolean | null;
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
  centerVertically: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  printOrder: string;
  printComments: string;
  printErrors: string;
  firstPageNumber: number | '';
  printArea: Rect[] | null;
  printTitleRows: Rect | null;
  printTitleColumns: Rect | null;
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
  tabColor: string;
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
  freeze: { rows: number; columns: number };
  selection: Rect;
  showGridlines: boolean;
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
  | { kind: 'activated' | 'deactivated'; sheetId: string }
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
    indentLevel: 0,
    borders: { top: defaultBorder(), bottom: defaultBorder(), left: defaultBorder(), right: defaultBorder() },
    locked: true,
    formulaHidden: false,
  };
}

export function copyFormat(format: CellFormatData): CellFormatData {
  return {
    ...format,
    font: { ...format.font },
    borders: { top: { ...format.borders.top }, bottom: { ...format.borders.bottom }, left: { ...format.borders.left }, right: { ...format.borders.right } },
  };
}

function defaultPageLayout(): PageLayoutData {
  return {
    orientation: 'Portrait',
    paperSize: 'A4',
    centerHorizontally: false,
    centerVertically: false,
    zoom: { scale: 100 },
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    printOrder: 'DownThenOver',
    printComments: 'NoComments',
    printErrors: 'AsDisplayed',
    firstPageNumber: '',
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
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

function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

function keyColumn(key: number): number {
  return key % MAX_COLUMNS;
}


function rectArea(rect: Rect): number {
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

const INVALID_SHEET_CHARACTERS = /[[\]:*?/\\]/;

export class WorkbookModel {
  readonly sheets: SheetData[] = [];
  readonly names: NameData[] = [];
  activeSheetId = '';
  /** Increases with every change; the preview redraws when it moves. */
  version = 0;
  /** Who is changing the workbook now: the add-in (through `run`) or the person at the keyboard. */
  actor: Actor = 'user';
  /** `runtime.enableEvents`: while false, no events are recorded. */
  eventsEnabled = true;
  readonly pendingChanges: ChangeRecord[] = [];
  private sheetCounter = 0;
  private readonly fontName: string;
  private readonly fontSize: number;
  private computed = new Map<string, Map<number, Scalar>>();
  private usedCache = new Map<string, Rect | null>();
  private computing = new Set<string>();
  private parsedFormulas = new Map<string, FormulaNode | FormulaError>();

  constructor(options: { fontName?: string; fontSize?: number } = {}) {
    this.fontName = options.fontName ?? 'Calibri';
    this.fontSize = options.fontSize ?? 11;
  }

  // -------------------------------------------------------------- bookkeeping

  touch(): void {
    this.version += 1;
    this.computed = new Map();
    this.usedCache = new Map();
  }

  record(change: ChangeRecord): void {
    if (this.eventsEnabled) this.pendingChanges.push(change);
  }

  takeChanges(): ChangeRecord[] {
    return this.pendingChanges.splice(0);
  }

  // -------------------------------------------------------------- sheets

  sheetById(id: string): SheetData | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  sheetByName(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  requireSheet(id: string): SheetData {
    const sheet = this.sheetById(id);
    if (!sheet) throw new MemoryExcelError(ErrorCode.itemNotFound, 'The requested resource does not exist. (worksheet deleted)');
    return sheet;
  }

  requireSheetByName(name: string): SheetData {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new MemoryExcelError(ErrorCode.itemNotFound, `The requested resource does not exist. (worksheet '${name}')`);
    return sheet;
  }

  activeSheet(): SheetData {
    return this.requireSheet(this.activeSheetId);
  }

  private nextSheetId(): string {
    const index = this.sheetCounter;
    this.sheetCounter += 1;
    // Excel's sheet ids look like {00000000-0001-0000-0100-000000000000}.
    const hex = index.toString(16).toUpperCase().padStart(4, '0');
    return `{00000000-0001-0000-${hex}-000000000000}`;
  }

  private validateSheetName(name: string, except?: SheetData): void {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARACTERS.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
      throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: worksheet name '${name}'.`);
    }
    const existing = this.sheetByName(name);
    if (existing && existing !== except) {
      throw new MemoryExcelError(ErrorCode.itemAlreadyExists, `A resource with the same name or identifier already exists: worksheet '${name}'.`);
    }
  }

  addSheet(name?: string): SheetData {
    let sheetName = name;
    if (sheetName === undefined || sheetName === '') {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n += 1;
      sheetName = `Sheet${n}`;
    }
    this.validateSheetName(sheetName);
    const sheet: SheetData = {
      id: this.nextSheetId(),
      name: sheetName,
      visibility: 'Visible',
      tabColor: '',
      cells: new Map(),
      rowFormats: new Map(),
      columnFormats: new Map(),
      defaultFormat: defaultCellFormat(this.fontName, this.fontSize),
      columnWidths: new Map(),
      rowHeights: new Map(),
      defaultColumnWidth: DEFAULT_COLUMN_WIDTH,
      defaultRowHeight: DEFAULT_ROW_HEIGHT,
      merges: [],
      names: [],
      validations: [],
      conditionalFormats: [],
      protection: { protected: false, options: defaultProtectionOptions(), password: null },
      pageLayout: defaultPageLayout(),
      freeze: { rows: 0, columns: 0 },
      selection: { top: 0, left: 0, bottom: 0, right: 0 },
      showGridlines: true,
    };
    this.sheets.push(sheet);
    if (this.activeSheetId === '') this.activeSheetId = sheet.id;
    this.touch();
    this.record({ kind: 'added', sheetId: sheet.id, actor: this.actor });
    return sheet;
  }

  renameSheet(sheet: SheetData, name: string): void {
    if (sheet.name === name) return;
    this.validateSheetName(name, sheet);
    const oldName = sheet.name;
    this.rewriteAllFormulas((formula) => renameSheetInFormula(formula, oldName, name));
    sheet.name = name;
    this.touch();
    this.record({ kind: 'nameChanged', sheetId: sheet.id, nameBefore: oldName, nameAfter: name });
  }

  deleteSheet(sheet: SheetData): void {
    const visible = this.sheets.filter((candidate) => candidate.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw new MemoryExcelError(ErrorCode.invalidOperation, 'A workbook must contain at least one visible worksheet.');
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    this.rewriteAllFormulas((formula) => deleteSheetInFormula(formula, sheet.name));
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets[Math.min(index, this.sheets.length - 1)];
      this.activeSheetId = next.id;
      this.record({ kind: 'activated', sheetId: next.id });
    }
    this.touch();
    this.record({ kind: 'deleted', sheetId: sheet.id, actor: this.actor });
  }

  moveSheet(sheet: SheetData, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: position ${position}.`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
    this.touch();
  }

  activateSheet(sheet: SheetData): void {
    if (sheet.visibility !== 'Visible') throw new MemoryExcelError(ErrorCode.invalidOperation, 'A hidden worksheet cannot be activated.');
    if (this.activeSheetId === sheet.id) return;
    const previous = this.activeSheetId;
    this.activeSheetId = sheet.id;
    this.touch();
    if (previous) this.record({ kind: 'deactivated', sheetId: previous });
    this.record({ kind: 'activated', sheetId: sheet.id });
  }

  select(sheet: SheetData, rect: Rect): void {
    this.activateSheet(sheet);
    sheet.selection = rect;
    this.touch();
    this.record({ kind: 'selectionChanged', sheetId: sheet.id, rect });
  }

  private rewriteAllFormulas(rewrite: (formula: string, sheet: SheetData | null) => string): void {
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) if (cell.formula !== null) cell.formula = rewrite(cell.formula, sheet);
      for (const name of sheet.names) name.formula = rewrite(name.formula, sheet);
      for (const format of sheet.conditionalFormats) {
        format.formula = rewrite(format.formula, sheet);
        if (format.formula2 !== null) format.formula2 = rewrite(format.formula2, sheet);
      }
      for (const validation of sheet.validations) {
        validation.rule.formula1 = rewrite(validation.rule.formula1, sheet);
        if (validation.rule.formula2 !== null) validation.rule.formula2 = rewrite(validation.rule.formula2, sheet);
      }
    }
    for (const name of this.names) name.formula = rewrite(name.formula, null);
  }

  // -------------------------------------------------------------- reading cells

  cell(sheet: SheetData, row: number, col: number): CellData | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  /** The format a cell shows: its own, else its row's, else its column's, else the sheet's. */
  formatAt(sheet: SheetData, row: number, col: number): CellFormatData {
    return sheet.cells.get(cellKey(row, col))?.format ?? sheet.rowFormats.get(row) ?? sheet.columnFormats.get(col) ?? sheet.defaultFormat;
  }

  private writableCell(sheet: SheetData, row: number, col: number): CellData {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: 'General', format: copyFormat(this.formatAt(sheet, row, col)) };
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  /** The value a cell shows (a formula's result); null for empty. */
  valueAt(sheet: SheetData, row: number, col: number): Scalar {
    const cell = sheet.cells.get(cellKey(row, col));
    if (!cell) return null;
    if (cell.formula === null) return cell.value;
    let cache = this.computed.get(sheet.id);
    if (!cache) {
      cache = new Map();
      this.computed.set(sheet.id, cache);
    }
    const key = cellKey(row, col);
    const known = cache.get(key);
    if (known !== undefined) return known;
    const marker = `${sheet.id}:${key}`;
    // A circular reference shows 0, as Excel does after its warning.
    if (this.computing.has(marker)) return 0;
    this.computing.add(marker);
    try {
      const result = this.evaluate(sheet, cell.formula, 0, 0);
      cache.set(key, result);
      return result;
    } finally {
      this.computing.delete(marker);
    }
  }

  /** Evaluates a formula as if written on `sheet`, relative references moved by the offsets. */
  evaluate(sheet: SheetData, formula: string, rowOffset: number, colOffset: number): Scalar {
    let tree = this.parsedFormulas.get(formula);
    if (!tree) {
      try {
        tree = parseFormula(formula);
      } catch (error) {
        if (!(error instanceof FormulaSyntaxError)) throw error;
        tree = new FormulaError('#NAME?');
      }
      this.parsedFormulas.set(formula, tree);
    }
    if (tree instanceof FormulaError) return tree;
    return evaluateFormula(
      tree,
      {
        cellValue: (sheetName, row, col) => {
          const target = sheetName === null ? sheet : this.sheetByName(sheetName);
          return target ? this.valueAt(target, row, col) : undefined;
        },
        sheetExists: (sheetName) => sheetName === null || this.sheetByName(sheetName) !== undefined,
        usedExtent: (sheetName) => {
          const target = sheetName === null ? sheet : this.sheetByName(sheetName);
          const used = target ? this.usedRect(target, true) : null;
          return used ? { row: used.bottom, col: used.right } : null;
        },
      },
      rowOffset,
      colOffset,
    );
  }

  textAt(sheet: SheetData, row: number, col: number): string {
    const cell = sheet.cells.get(cellKey(row, col));
    return formatValue(this.valueAt(sheet, row, col), cell?.numberFormat ?? 'General');
  }

  /** `formulas` as Office.js returns them: the formula, or the constant. */
  formulaAt(sheet: SheetData, row: number, col: number): string | number | boolean {
    const cell = sheet.cells.get(cellKey(row, col));
    if (!cell) return '';
    if (cell.formula !== null) return cell.formula;
    return cell.value ?? '';
  }

  numberFormatAt(sheet: SheetData, row: number, col: number): string {
    return sheet.cells.get(cellKey(row, col))?.numberFormat ?? 'General';
  }

  /** Reads a property of every cell of a rectangle as a 2-D array. */
  grid<T>(sheet: SheetData, rect: Rect, read: (row: number, col: number) => T): T[][] {
    if (rectArea(rect) > MAX_CELLS_PER_READ) {
      throw new MemoryExcelError(ErrorCode.rangeExceedsLimit, 'The cell count in the range has exceeded the maximum supported number.');
    }
    const out: T[][] = [];
    for (let row = rect.top; row <= rect.bottom; row += 1) {
      const line: T[] = [];
      for (let col = rect.left; col <= rect.right; col += 1) line.push(read(row, col));
      out.push(line);
    }
    return out;
  }

  /** Cells stored inside a rectangle (for operations over whole rows or columns). */
  storedCellsIn(sheet: SheetData, rect: Rect): { row: number; col: number; cell: CellData }[] {
    const out: { row: number; col: number; cell: CellData }[] = [];
    for (const [key, cell] of sheet.cells) {
      const row = keyRow(key);
      const col = keyColumn(key);
      if (rectContains(rect, row, col)) out.push({ row, col, cell });
    }
    return out;
  }

  /** The used range: cells with values (and, unless valuesOnly, with formats). Null on an empty sheet. */
  usedRect(sheet: SheetData, valuesOnly: boolean): Rect | null {
    const key = `${sheet.id}:${valuesOnly}`;
    const known = this.usedCache.get(key);
    if (known !== undefined) return known;
    const used = this.computeUsedRect(sheet, valuesOnly);
    this.usedCache.set(key, used);
    return used;
  }

  private computeUsedRect(sheet: SheetData, valuesOnly: boolean): Rect | null {
    const defaultJson = JSON.stringify(sheet.defaultFormat);
    let used: Rect | null = null;
    for (const [key, cell] of sheet.cells) {
      const hasValue = cell.formula !== null || (cell.value !== null && cell.value !== '');
      const hasFormat = !hasValue && !valuesOnly && (cell.numberFormat !== 'General' || JSON.stringify(cell.format) !== defaultJson);
      if (!hasValue && !hasFormat) continue;
      const row = keyRow(key);
      const col = keyColumn(key);
      used = used
        ? { top: Math.min(used.top, row), left: Math.min(used.left, col), bottom: Math.max(used.bottom, row), right: Math.max(used.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return used;
  }

  // -------------------------------------------------------------- protection

  private assertCellsEditable(sheet: SheetData, rect: Rect): void {
    if (!sheet.protection.protected) return;
    const unlocked = this.storedCellsIn(sheet, rect).filter(({ cell }) => !cell.format.locked).length;
    if (unlocked < rectArea(rect)) {
      throw new MemoryExcelError(ErrorCode.accessDenied, 'The cell or chart you are trying to change is protected and therefore read-only.');
    }
  }

  private assertFormatsEditable(sheet: SheetData): void {
    if (sheet.protection.protected && !sheet.protection.options.allowFormatCells) {
      throw new MemoryExcelError(ErrorCode.accessDenied, 'The cell or chart you are trying to change is protected and therefore read-only.');
    }
  }

  private assertStructureEditable(sheet: SheetData, allowed: boolean): void {
    if (sheet.protection.protected && !allowed) {
      throw new MemoryExcelError(ErrorCode.accessDenied, 'The cell or chart you are trying to change is protected and therefore read-only.');
    }
  }

  protect(sheet: SheetData, options: Partial<ProtectionOptionsData>, password: string | null): void {
    if (sheet.protection.protected) {
      throw new MemoryExcelError(ErrorCode.invalidOperation, 'The worksheet is already protected.');
    }
    sheet.protection = { protected: true, options: { ...defaultProtectionOptions(), ...options }, password };
    this.touch();
  }

  unprotect(sheet: SheetData, password: string | null): void {
    if (sheet.protection.password !== null && sheet.protection.password !== password) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, 'The password is incorrect.');
    }
    sheet.protection = { ...sheet.protection, protected: false, password: null };
    this.touch();
  }

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
   * and conditional formats of the source replace those of the destination, as Excel's
   * paste (All) does; one onChanged for the destination.
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
    cells.forEach((line, dr) => line.forEach((cell, dc) => target.cells.set(cellKey(to.top + dr, to.left + dc), cell)));
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

  // -------------------------------------------------------------- formats

  /**
   * Applies a change of format to every cell of a rectangle. `patch` receives each cell's format
   * and its position in the rectangle (to set edges). Whole rows and columns change the row or
   * column formats, so cells that have none of their own follow.
   */
  changeFormat(sheet: SheetData, rect: Rect, patch: (format: CellFormatData, position: { top: boolean; bottom: boolean; left: boolean; right: boolean }) => void, options: { raiseEvent?: boolean; checkProtection?: boolean } = {}): void {
    if (options.checkProtection !== false) this.assertFormatsEditable(sheet);
    const wholeRows = isWholeRows(rect);
    const wholeColumns = isWholeColumns(rect);
    const positionOf = (row: number, col: number) => ({ top: row === rect.top, bottom: row === rect.bottom, left: col === rect.left, right: col === rect.right });
    const touched = new Set<number>();
    const patchCell = (row: number, col: number): void => {
      const key = cellKey(row, col);
      if (touched.has(key)) return;
      touched.add(key);
      patch(this.writableCell(sheet, row, col).format, positionOf(row, col));
    };
    if (wholeRows && wholeColumns) {
      patch(sheet.defaultFormat, { top: false, bottom: false, left: false, right: false });
      for (const format of sheet.rowFormats.values()) patch(format, { top: false, bottom: false, left: false, right: false });
      for (const format of sheet.columnFormats.values()) patch(format, { top: false, bottom: false, left: false, right: false });
      for (const { row, col } of this.storedCellsIn(sheet, rect)) patchCell(row, col);
    } else if (wholeRows) {
      for (let row = rect.top; row <= rect.bottom; row += 1) {
        const format = sheet.rowFormats.get(row) ?? copyFormat(sheet.defaultFormat);
        patch(format, { top: row === rect.top, bottom: row === rect.bottom, left: false, right: false });
        sheet.rowFormats.set(row, format);
      }
      for (const { row, col } of this.storedCellsIn(sheet, rect)) patchCell(row, col);
    } else if (wholeColumns) {
      for (let col = rect.left; col <= rect.right; col += 1) {
        const format = sheet.columnFormats.get(col) ?? copyFormat(sheet.defaultFormat);
        patch(format, { top: false, bottom: false, left: col === rect.left, right: col === rect.right });
        sheet.columnFormats.set(col, format);
      }
      for (const { row, col } of this.storedCellsIn(sheet, rect)) patchCell(row, col);
    } else {
      if (rectArea(rect) > MAX_CELLS_PER_READ) {
        throw new MemoryExcelError(ErrorCode.invalidArgument, 'The range is too large: Excel limits a request to 5 MB.');
      }
      for (let row = rect.top; row <= rect.bottom; row += 1) for (let col = rect.left; col <= rect.right; col += 1) patchCell(row, col);
    }
    this.touch();
    // A change of format raises onFormatChanged, not onChanged (Office.js reference, Worksheet.onFormatChanged).
    if (options.raiseEvent !== false) this.record({ kind: 'formatChanged', sheetId: sheet.id, rect });
  }

  /**
   * Sets a border of a range (`EdgeTop`, `InsideHorizontal`, …). Neighbouring cells share an
   * edge in Excel, so the cell across the edge changes too.
   */
  setBorder(sheet: SheetData, rect: Rect, index: string, change: Partial<BorderData>, raiseEvent = true): void {
    const sides: { side: BorderSide; applies: (p: { top: boolean; bottom: boolean; left: boolean; right: boolean }) => boolean }[] = [];
    switch (index) {
      case 'EdgeTop':
        sides.push({ side: 'top', applies: (p) => p.top });
        break;
      case 'EdgeBottom':
        sides.push({ side: 'bottom', applies: (p) => p.bottom });
        break;
      case 'EdgeLeft':
        sides.push({ side: 'left', applies: (p) => p.left });
        break;
      case 'EdgeRight':
        sides.push({ side: 'right', applies: (p) => p.right });
        break;
      case 'InsideHorizontal':
        sides.push({ side: 'bottom', applies: (p) => !p.bottom }, { side: 'top', applies: (p) => !p.top });
        break;
      case 'InsideVertical':
        sides.push({ side: 'right', applies: (p) => !p.right }, { side: 'left', applies: (p) => !p.left });
        break;
      case 'DiagonalDown':
      case 'DiagonalUp':
        throw new MemoryExcelError(ErrorCode.notImplemented, `Border ${index} is not modelled by the in-memory Excel.`);
      default:
        throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: border index '${index}'.`);
    }
    const normalized: Partial<BorderData> = { ...change };
    if (normalized.color !== undefined) normalized.color = normalizeColor(normalized.color);
    this.changeFormat(
      sheet,
      rect,
      (format, position) => {
        for (const { side, applies } of sides) if (applies(position)) Object.assign(format.borders[side], normalized);
      },
      { raiseEvent },
    );
    // The shared edge, seen from the neighbouring cell.
    const across: { side: BorderSide; rect: Rect | null } | null =
      index === 'EdgeTop' && rect.top > 0
        ? { side: 'bottom', rect: { ...rect, top: rect.top - 1, bottom: rect.top - 1 } }
        : index === 'EdgeBottom' && rect.bottom < MAX_ROWS - 1
          ? { side: 'top', rect: { ...rect, top: rect.bottom + 1, bottom: rect.bottom + 1 } }
          : index === 'EdgeLeft' && rect.left > 0
            ? { side: 'right', rect: { ...rect, left: rect.left - 1, right: rect.left - 1 } }
            : index === 'EdgeRight' && rect.right < MAX_COLUMNS - 1
              ? { side: 'left', rect: { ...rect, left: rect.right + 1, right: rect.right + 1 } }
              : null;
    if (across?.rect) {
      const side = across.side;
      this.changeFormat(sheet, across.rect, (format) => Object.assign(format.borders[side], normalized), { raiseEvent: false });
    }
  }

  setColumnWidth(sheet: SheetData, rect: Rect, width: number): void {
    if (!Number.isFinite(width) || width < 0) throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: columnWidth ${width}.`);
    if (sheet.protection.protected && !sheet.protection.options.allowFormatColumns) this.assertFormatsEditable(sheet);
    if (isWholeRows(rect)) {
      sheet.defaultColumnWidth = width;
      sheet.columnWidths.clear();
    } else {
      for (let col = rect.left; col <= rect.right; col += 1) sheet.columnWidths.set(col, width);
    }
    this.touch();
  }

  setRowHeight(sheet: SheetData, rect: Rect, height: number): void {
    if (!Number.isFinite(height) || height < 0 || height > 409) throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: rowHeight ${height}.`);
    if (sheet.protection.protected && !sheet.protection.options.allowFormatRows) this.assertFormatsEditable(sheet);
    if (isWholeColumns(rect)) {
      sheet.defaultRowHeight = height;
      sheet.rowHeights.clear();
    } else {
      for (let row = rect.top; row <= rect.bottom; row += 1) sheet.rowHeights.set(row, height);
    }
    this.touch();
  }

  columnWidthAt(sheet: SheetData, col: number): number {
    return sheet.columnWidths.get(col) ?? sheet.defaultColumnWidth;
  }

  rowHeightAt(sheet: SheetData, row: number): number {
    return sheet.rowHeights.get(row) ?? sheet.defaultRowHeight;
  }

  /** Rows high enough for their wrapped text: about one line per 1.1 × font size per line of text. */
  autofitRows(sheet: SheetData, rect: Rect): void {
    const bottom = Math.min(rect.bottom, this.usedRect(sheet, true)?.bottom ?? rect.top);
    for (let row = rect.top; row <= bottom; row += 1) {
      let height = sheet.defaultRowHeight;
      for (const { col, cell } of this.storedCellsIn(sheet, { top: row, bottom: row, left: rect.left, right: rect.right })) {
        const lineHeight = Math.round(cell.format.font.size * 1.36 * 4) / 4;
        const text = this.textAt(sheet, row, col);
        if (text === '') continue;
        const merged = sheet.merges.find((merge) => rectContains(merge, row, col));
        if (merged && merged.top !== merged.bottom) continue;
        const width = merged ? this.widthOfColumns(sheet, merged.left, merged.right) : this.columnWidthAt(sheet, col);
        const characterWidth = cell.format.font.size;
        const lines = cell.format.wrapText
          ? text.split('\n').reduce((count, part) => count + Math.max(1, Math.ceil((visualLength(part) * characterWidth) / 2 / Math.max(width - 4, 1))), 0)
          : 1;
        height = Math.max(height, Math.min(409, lines * lineHeight));
      }
      sheet.rowHeights.set(row, height);
    }
    this.touch();
  }

  private widthOfColumns(sheet: SheetData, left: number, right: number): number {
    let total = 0;
    for (let col = left; col <= right; col += 1) total += this.columnWidthAt(sheet, col);
    return total;
  }

  // -------------------------------------------------------------- merges

  merge(sheet: SheetData, rect: Rect, across: boolean): void {
    this.assertFormatsEditable(sheet);
    const areas: Rect[] = [];
    if (across) for (let row = rect.top; row <= rect.bottom; row += 1) areas.push({ ...rect, top: row, bottom: row });
    else areas.push(rect);
    for (const area of areas) {
      if (rectArea(area) < 2) continue;
      sheet.merges = sheet.merges.filter((merge) => !rectsIntersect(merge, area));
      // Excel keeps the top-left value and drops the rest.
      for (const { row, col, cell } of this.storedCellsIn(sheet, area)) {
        if (row === area.top && col === area.left) continue;
        cell.value = null;
        cell.formula = null;
      }
      sheet.merges.push(area);
    }
    this.touch();
  }

  unmerge(sheet: SheetData, rect: Rect): void {
    this.assertFormatsEditable(sheet);
    sheet.merges = sheet.merges.filter((merge) => !rectsIntersect(merge, rect));
    this.touch();
  }

  mergesIn(sheet: SheetData, rect: Rect): Rect[] {
    return sheet.merges.filter((merge) => rectsIntersect(merge, rect));
  }

  // -------------------------------------------------------------- names

  namesOf(sheet: SheetData | null): NameData[] {
    return sheet ? sheet.names : this.names;
  }

  addName(scope: SheetData | null, name: string, formula: string, comment: string): NameData {
    if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(R|C)$/i.test(name) || name.length > 255) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: name '${name}'.`);
    }
    const list = this.namesOf(scope);
    if (list.some((existing) => existing.name.toLowerCase() === name.toLowerCase())) {
      throw new MemoryExcelError(ErrorCode.itemAlreadyExists, `A resource with the same name or identifier already exists: name '${name}'.`);
    }
    const item: NameData = { name, formula: formula.startsWith('=') ? formula : `=${formula}`, comment, visible: true };
    list.push(item);
    this.touch();
    return item;
  }

  deleteName(scope: SheetData | null, item: NameData): void {
    const list = this.namesOf(scope);
    const index = list.indexOf(item);
    if (index >= 0) list.splice(index, 1);
    this.touch();
  }

  static referenceFormula(sheet: SheetData, rect: Rect): string {
    return `=${quoteSheetName(sheet.name)}!${rectAbsoluteA1(rect)}`;
  }

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

  /** Moves a format to a priority; out-of-bounds priorities clamp, negative ones count from the back. */
  setConditionalFormatPriority(sheet: SheetData, format: ConditionalFormatData, priority: number): void {
    const list = sheet.conditionalFormats.filter((candidate) => candidate !== format);
    const position = priority < 0 ? list.length + 1 + priority : priority;
    list.splice(Math.max(0, Math.min(position, list.length)), 0, format);
    sheet.conditionalFormats = list;
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

  // -------------------------------------------------------------- insert and delete

  /**
   * Inserts (count > 0) or deletes (count < 0) cells, moving what follows as Excel does: cells,
   * formats, merges, names, validations, conditional formats and every formula's references.
   */
  shift(sheet: SheetData, rect: Rect, direction: 'Down' | 'Right' | 'Up' | 'Left'): void {
    const rows = direction === 'Down' || direction === 'Up';
    const inserting = direction === 'Down' || direction === 'Right';
    const whole = rows ? isWholeRows(rect) : isWholeColumns(rect);
    const options = sheet.protection.options;
    const allowed = rows ? (inserting ? options.allowInsertRows : options.allowDeleteRows) : inserting ? options.allowInsertColumns : options.allowDeleteColumns;
    this.assertStructureEditable(sheet, whole && allowed);
    const at = rows ? rect.top : rect.left;
    const size = rows ? rectRows(rect) : rectColumns(rect);
    const count = inserting ? size : -size;
    const band = whole ? undefined : rows ? { from: rect.left, to: rect.right } : { from: rect.top, to: rect.bottom };
    const operation: ShiftOperation = { sheet: sheet.name, axis: rows ? 'rows' : 'columns', at, count, ...(band ? { band } : {}) };
    if (band) {
      // Excel refuses to cut through a merged area with a partial shift.
      const crossing = sheet.merges.some((merge) => {
        const [start, end] = rows ? [merge.left, merge.right] : [merge.top, merge.bottom];
        const mergeEnd = rows ? merge.bottom : merge.right;
        return mergeEnd >= at && ((start < band.from && end >= band.from) || (start <= band.to && end > band.to));
      });
      if (crossing) throw new MemoryExcelError(ErrorCode.mergedRangeConflict, 'This operation would cut through a merged area.');
    }
    const limit = rows ? MAX_ROWS : MAX_COLUMNS;
    const inBand = (row: number, col: number): boolean => !band || (rows ? col >= band.from && col <= band.to : row >= band.from && row <= band.to);
    const moveIndex = (index: number): number | null => {
      if (inserting) return index >= at ? index + size : index;
      if (index < at) return index;
      if (index < at + size) return null;
      return index - size;
    };
    // Cells.
    const moved = new Map<number, CellData>();
    for (const [key, cell] of sheet.cells) {
      const row = keyRow(key);
      const col = keyColumn(key);
      if (!inBand(row, col)) {
        moved.set(key, cell);
        continue;
      }
      const index = moveIndex(rows ? row : col);
      if (index === null || index >= limit) continue;
      moved.set(rows ? cellKey(index, col) : cellKey(row, index), cell);
    }
    // Inserted cells take the formats of the row above (column to the left), as Excel's default.
    if (inserting && at > 0) {
      for (const [key, cell] of [...moved]) {
        const row = keyRow(key);
        const col = keyColumn(key);
        if ((rows ? row : col) !== at - 1 || !inBand(row, col)) continue;
        for (let offset = 0; offset < size; offset += 1) {
          const target = rows ? cellKey(at + offset, col) : cellKey(row, at + offset);
          moved.set(target, { value: null, formula: null, numberFormat: cell.numberFormat, format: copyFormat(cell.format) });
        }
      }
    }
    sheet.cells = moved;
    if (whole) {
      const lines = rows ? sheet.rowFormats : sheet.columnFormats;
      const movedLines = new Map<number, CellFormatData>();
      for (const [index, format] of lines) {
        const target = moveIndex(index);
        if (target !== null && target < limit) movedLines.set(target, format);
      }
      if (inserting && at > 0) {
        const above = lines.get(at - 1);
        if (above) for (let offset = 0; offset < size; offset += 1) movedLines.set(at + offset, copyFormat(above));
      }
      if (rows) sheet.rowFormats = movedLines;
      else sheet.columnFormats = movedLines;
      const sizes = rows ? sheet.rowHeights : sheet.columnWidths;
      const movedSizes = new Map<number, number>();
      for (const [index, value] of sizes) {
        const target = moveIndex(index);
        if (target !== null && target < limit) movedSizes.set(target, value);
      }
      if (inserting && at > 0) {
        const above = sizes.get(at - 1);
        if (above !== undefined) for (let offset = 0; offset < size; offset += 1) movedSizes.set(at + offset, above);
      }
      if (rows) sheet.rowHeights = movedSizes;
      else sheet.columnWidths = movedSizes;
    }
    const shiftRects = (rects: Rect[]): Rect[] => rects.map((r) => shiftRect(r, operation)).filter((r): r is Rect => r !== null);
    sheet.merges = shiftRects(sheet.merges).filter((merge) => rectArea(merge) > 1);
    for (const validation of sheet.validations) validation.ranges = shiftRects(validation.ranges);
    sheet.validations = sheet.validations.filter((validation) => validation.ranges.length > 0);
    for (const format of sheet.conditionalFormats) format.ranges = shiftRects(format.ranges);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => format.ranges.length > 0);
    const layout = sheet.pageLayout;
    if (layout.printArea) {
      const area = shiftRects(layout.printArea);
      layout.printArea = area.length > 0 ? area : null;
    }
    if (layout.printTitleRows) layout.printTitleRows = shiftRect(layout.printTitleRows, operation);
    if (layout.printTitleColumns) layout.printTitleColumns = shiftRect(layout.printTitleColumns, operation);
    this.rewriteAllFormulas((formula, owner) => shiftFormula(formula, owner?.name ?? sheet.name, operation));
    sheet.selection = shiftRect(sheet.selection, operation) ?? { top: rect.top, left: rect.left, bottom: rect.top, right: rect.left };
    this.touch();
    const changeType: ChangeType = whole
      ? rows
        ? inserting
          ? 'RowInserted'
          : 'RowDeleted'
        : inserting
          ? 'ColumnInserted'
          : 'ColumnDeleted'
      : inserting
        ? 'CellInserted'
        : 'CellDeleted';
    this.record({ kind: 'changed', sheetId: sheet.id, rect, changeType, actor: this.actor, details: null });
  }

  // -------------------------------------------------------------- page layout

  changePageLayout(sheet: SheetData, change: (layout: PageLayoutData) => void): void {
    change(sheet.pageLayout);
    this.touch();
  }

  freezeRows(sheet: SheetData, rows: number, columns: number): void {
    sheet.freeze = { rows, columns };
    this.touch();
  }

  // -------------------------------------------------------------- state

  mergeAt(sheet: SheetData, row: number, col: number): Rect | undefined {
    return sheet.merges.find((merge) => rectContains(merge, row, col));
  }

  /** A deep copy of the workbook (event handlers are not part of it). */
  clone(): WorkbookModel {
    const copy = new WorkbookModel({ fontName: this.fontName, fontSize: this.fontSize });
    copy.sheetCounter = this.sheetCounter;
    copy.activeSheetId = this.activeSheetId;
    for (const sheet of this.sheets) copy.sheets.push(cloneSheet(sheet));
    for (const name of this.names) copy.names.push({ ...name });
    return copy;
  }

  /** The whole workbook as JSON-ready data (what a saved file would keep). */
  toState(): WorkbookState {
    const entries = <V>(map: Map<number, V>): [number, V][] => [...map];
    return {
      format: 'perf-target-forms/office-memory@1',
      fontName: this.fontName,
      fontSize: this.fontSize,
      sheetCounter: this.sheetCounter,
      activeSheetId: this.activeSheetId,
      names: this.names.map((name) => ({ ...name })),
      sheets: this.sheets.map((original) => {
        const sheet = cloneSheet(original);
        return {
          ...sheet,
          cells: entries(sheet.cells),
          rowFormats: entries(sheet.rowFormats),
          columnFormats: entries(sheet.columnFormats),
          columnWidths: entries(sheet.columnWidths),
          rowHeights: entries(sheet.rowHeights),
        };
      }),
    };
  }

  /** Rebuilds a workbook from `toState()`; throws InvalidArgument for anything else. */
  static fromState(state: WorkbookState): WorkbookModel {
    if (state.format !== 'perf-target-forms/office-memory@1') {
      throw new MemoryExcelError(ErrorCode.invalidArgument, 'Not a saved in-memory workbook.');
    }
    const model = new WorkbookModel({ fontName: state.fontName, fontSize: state.fontSize });
    model.sheetCounter = state.sheetCounter;
    model.activeSheetId = state.activeSheetId;
    for (const name of state.names) model.names.push({ ...name });
    for (const sheet of state.sheets) {
      model.sheets.push(
        cloneSheet({
          ...sheet,
          cells: new Map(sheet.cells),
          rowFormats: new Map(sheet.rowFormats),
          columnFormats: new Map(sheet.columnFormats),
          columnWidths: new Map(sheet.columnWidths),
          rowHeights: new Map(sheet.rowHeights),
        }),
      );
    }
    return model;
  }
}

type MapsAsEntries<T> = { [K in keyof T]: T[K] extends Map<infer Key, infer Value> ? [Key, Value][] : T[K] };

/** A workbook saved as plain data (`MemoryExcel.serialize()`). */
export interface WorkbookState {
  readonly format: 'perf-target-forms/office-memory@1';
  readonly fontName: string;
  readonly fontSize: number;
  readonly sheetCounter: number;
  readonly activeSheetId: string;
  readonly names: NameData[];
  readonly sheets: MapsAsEntries<SheetData>[];
}

function parseListRect(match: RegExpExecArray): Rect {
  const colOf = (letters: string): number => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const top = Number(match[2]) - 1;
  const left = colOf(match[1]);
  const bottom = match[4] ? Number(match[4]) - 1 : top;
  const right = match[3] ? colOf(match[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** Excel's comparison operators, as data validation (`…OrEqualTo`) and cell-value conditional formats (`…OrEqual`) name them. */
function compareWith(operator: string | null, measured: number, first: number, second: number | null): boolean {
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

/** Width of text in half-width units: CJK characters count twice. */
function visualLength(text: string): number {
  let length = 0;
  for (const ch of text) length += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return length;
}

function cloneSheet(sheet: SheetData): SheetData {
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
      printTitleColumns: sheet.pageLayout.printTitleColumns ? { ...sheet.pageLayout.printTitleColumns } : null,
    },
    freeze: { ...sheet.freeze },
    selection: { ...sheet.selection },
  };
}
