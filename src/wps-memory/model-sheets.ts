/**
 * The workbook's sheets and names, protection, and the change notifications every write hands
 * to the application (which raises SheetChange and SheetActivate).
 */
import type { Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import { renameSheetInFormula } from './formula';
import { defaultPageSetup, type CellData, type FontData, type NameData, type SheetData } from './sheet-data';

export interface ModelOptions {
  readonly fontName: string;
  readonly fontSize: number;
}

/** What the application is told after each change of cells, and of the active sheet. */
export interface ModelObserver {
  cellsChanged(sheet: SheetData, target: Rect): void;
  sheetActivated(sheet: SheetData): void;
}

/** "Rename a worksheet": at most 31 characters, none of \ / ? * [ ] :, not empty, unique ignoring case. */
const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/;

export class SheetsModel {
  readonly sheets: SheetData[] = [];
  readonly names: NameData[] = [];
  activeSheetId = 0;
  /** Bumped by every change, so the preview knows when to redraw. */
  version = 0;
  observer: ModelObserver | null = null;
  protected sheetCounter = 0;

  constructor(readonly options: ModelOptions) {}

  get defaultFont(): Pick<FontData, 'name' | 'size'> {
    return { name: this.options.fontName, size: this.options.fontSize };
  }

  touch(): void {
    this.version += 1;
  }

  sheetByName(name: string): SheetData | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === key);
  }

  /** `Sheets.Item(name)` / `Sheets.Item(index)`: 1-based, names ignore case; throws when absent ("Sheets.Item property (Excel)"). */
  requireSheet(nameOrIndex: string | number): SheetData {
    const sheet = typeof nameOrIndex === 'number' ? (Number.isInteger(nameOrIndex) ? this.sheets[nameOrIndex - 1] : undefined) : this.sheetByName(nameOrIndex);
    if (!sheet) throw new WpsMemoryError(WpsErrorCode.itemNotFound, `Subscript out of range: there is no sheet ${JSON.stringify(nameOrIndex)}.`);
    return sheet;
  }

  sheetById(id: number): SheetData {
    const sheet = this.sheets.find((candidate) => candidate.id === id);
    if (!sheet) throw new WpsMemoryError(WpsErrorCode.itemNotFound, 'The sheet this object belongs to was deleted.');
    return sheet;
  }

  assertSheetName(name: string, except?: SheetData): void {
    if (name.length === 0 || name.length > 31 || FORBIDDEN_IN_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new WpsMemoryError(WpsErrorCode.invalidName, `The sheet name ${JSON.stringify(name)} is not allowed.`);
    }
    const taken = this.sheetByName(name);
    if (taken && taken !== except) throw new WpsMemoryError(WpsErrorCode.invalidName, `The sheet name ${JSON.stringify(name)} is already taken.`);
  }

  private freeSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.sheetByName(`Sheet${n}`)) n += 1;
    return `Sheet${n}`;
  }

  /**
   * `Sheets.Add`: a new sheet at position `at` (0-based), by default before the active sheet, and
   * it becomes the active sheet ("Sheets.Add method (Excel)").
   */
  addSheet(name?: string, at?: number): SheetData {
    const sheetName = name ?? this.freeSheetName();
    this.assertSheetName(sheetName);
    this.sheetCounter += 1;
    const sheet: SheetData = {
      id: this.sheetCounter,
      name: sheetName,
      cells: new Map<number, CellData>(),
      merges: [],
      formatConditions: [],
      validations: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      protectContents: false,
      pageSetup: defaultPageSetup(),
      selection: { top: 0, left: 0, bottom: 0, right: 0 },
    };
    const position = at ?? (this.sheets.length > 0 ? this.sheets.indexOf(this.activeSheet()) : 0);
    this.sheets.splice(position, 0, sheet);
    this.touch();
    this.activate(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetData, name: string): void {
    this.assertSheetName(name, sheet);
    const old = sheet.name;
    sheet.name = name;
    const rename = (formula: string): string => renameSheetInFormula(formula, old, name);
    for (const item of this.names) item.refersTo = rename(item.refersTo);
    for (const each of this.sheets) {
      for (const cell of each.cells.values()) if (cell.formula) cell.formula = rename(cell.formula);
      for (const rule of each.validations) rule.formula1 = rename(rule.formula1);
      for (const format of each.formatConditions) format.formula1 = rename(format.formula1);
    }
    this.touch();
  }

  deleteSheet(sheet: SheetData): void {
    if (this.sheets.length === 1) throw new WpsMemoryError(WpsErrorCode.invalidOperation, 'A workbook must contain at least one visible worksheet.');
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    this.names.splice(0, this.names.length, ...this.names.filter((item) => item.sheetId !== sheet.id));
    if (this.activeSheetId === sheet.id) this.activate(this.sheets[Math.max(0, index - 1)]);
    this.touch();
  }

  activeSheet(): SheetData {
    return this.sheetById(this.activeSheetId);
  }

  /** `Worksheet.Activate`: SheetActivate is raised only when the active sheet changes. */
  activate(sheet: SheetData): void {
    if (this.activeSheetId === sheet.id) return;
    this.activeSheetId = sheet.id;
    this.touch();
    this.observer?.sheetActivated(sheet);
  }

  /** The selection (`Range.Select`); the sheet must be the active one, which the caller checks. */
  select(sheet: SheetData, rect: Rect): void {
    sheet.selection = rect;
    this.touch();
  }

  /** Writes to a protected sheet fail ("Worksheet.Protect method (Excel)": contents are protected). */
  assertEditable(sheet: SheetData): void {
    if (sheet.protectContents) {
      throw new WpsMemoryError(WpsErrorCode.sheetProtected, `The cell or chart you are trying to change is on a protected sheet (${sheet.name}).`);
    }
  }

  // -------------------------------------------------------------- names

  /** A name in a scope: the workbook's (null) or a sheet's. */
  nameInScope(name: string, sheetId: number | null): NameData | undefined {
    const key = name.toLowerCase();
    return this.names.find((item) => item.sheetId === sheetId && item.name.toLowerCase() === key);
  }

  /** `Names.Add(Name, RefersTo)`: a name already defined in the scope is redefined ("Names.Add method (Excel)"). */
  addName(name: string, refersTo: string, sheetId: number | null): NameData {
    if (!/^[A-Za-z_\u4e00-\u9fff\\][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new WpsMemoryError(WpsErrorCode.invalidName, `The name ${JSON.stringify(name)} is not valid.`);
    }
    const text = refersTo.startsWith('=') ? refersTo : `=${refersTo}`;
    const existing = this.nameInScope(name, sheetId);
    if (existing) {
      existing.refersTo = text;
      this.touch();
      return existing;
    }
    const item: NameData = { name, sheetId, refersTo: text, visible: true };
    this.names.push(item);
    this.touch();
    return item;
  }

  /** Tells the application cells changed (it raises SheetChange). */
  protected changed(sheet: SheetData, target: Rect): void {
    this.touch();
    this.observer?.cellsChanged(sheet, target);
  }
}
