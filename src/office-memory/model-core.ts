/**
 * The workbook's core: its sheets, reading cells (values, formulas' results, text), the used
 * range, protection, and the bookkeeping of versions and change events. The layers above add
 * validation and conditional formats (model-rules.ts), formats (model-formats.ts), writing
 * cells (model-cells.ts), and inserting and deleting (workbook-model.ts).
 */
import { rectContains, type Rect } from './address';
import { ErrorCode, MemoryExcelError } from './errors';
import { FormulaError, FormulaSyntaxError, deleteSheetInFormula, evaluateFormula, parseFormula, renameSheetInFormula, type FormulaNode, type Scalar } from './formula';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  INVALID_SHEET_CHARACTERS,
  cellKey,
  copyFormat,
  defaultCellFormat,
  defaultPageLayout,
  defaultProtectionOptions,
  keyColumn,
  keyRow,
  rectArea,
  type Actor,
  type CellData,
  type CellFormatData,
  type ChangeRecord,
  type ProtectionOptionsData,
  type SheetData,
} from './model-data';
import { formatValue } from './number-format';
import { MAX_CELLS_PER_READ } from './payload';

export class WorkbookCore {
  readonly sheets: SheetData[] = [];
  activeSheetId = '';
  /** Increases with every change; the preview redraws when it moves. */
  version = 0;
  /** Who is changing the workbook now: the add-in (through `run`) or the person at the keyboard. */
  actor: Actor = 'user';
  /** `runtime.enableEvents`: while false, no events are recorded. */
  eventsEnabled = true;
  readonly pendingChanges: ChangeRecord[] = [];
  protected sheetCounter = 0;
  protected readonly fontName: string;
  protected readonly fontSize: number;
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
      selection: { top: 0, left: 0, bottom: 0, right: 0 },
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

  activateSheet(sheet: SheetData): void {
    if (sheet.visibility !== 'Visible') throw new MemoryExcelError(ErrorCode.invalidOperation, 'A hidden worksheet cannot be activated.');
    if (this.activeSheetId === sheet.id) return;
    this.activeSheetId = sheet.id;
    this.touch();
    this.record({ kind: 'activated', sheetId: sheet.id });
  }

  select(sheet: SheetData, rect: Rect): void {
    this.activateSheet(sheet);
    sheet.selection = rect;
    this.touch();
    this.record({ kind: 'selectionChanged', sheetId: sheet.id, rect });
  }

  protected rewriteAllFormulas(rewrite: (formula: string, sheet: SheetData) => string): void {
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
  }

  // -------------------------------------------------------------- reading cells

  cell(sheet: SheetData, row: number, col: number): CellData | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  /** The format a cell shows: its own, else its row's, else its column's, else the sheet's. */
  formatAt(sheet: SheetData, row: number, col: number): CellFormatData {
    return sheet.cells.get(cellKey(row, col))?.format ?? sheet.rowFormats.get(row) ?? sheet.columnFormats.get(col) ?? sheet.defaultFormat;
  }

  protected writableCell(sheet: SheetData, row: number, col: number): CellData {
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
    return cell.value instanceof FormulaError ? cell.value.code : (cell.value ?? '');
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
      // A cell with a value is used whatever its format: no need to serialise it.
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

  protected assertCellsEditable(sheet: SheetData, rect: Rect): void {
    if (!sheet.protection.protected) return;
    const unlocked = this.storedCellsIn(sheet, rect).filter(({ cell }) => !cell.format.locked).length;
    if (unlocked < rectArea(rect)) {
      throw new MemoryExcelError(ErrorCode.accessDenied, 'The cell or chart you are trying to change is protected and therefore read-only.');
    }
  }

  protected assertFormatsEditable(sheet: SheetData): void {
    if (sheet.protection.protected && !sheet.protection.options.allowFormatCells) {
      throw new MemoryExcelError(ErrorCode.accessDenied, 'The cell or chart you are trying to change is protected and therefore read-only.');
    }
  }

  protected assertStructureEditable(sheet: SheetData, allowed: boolean): void {
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
}
