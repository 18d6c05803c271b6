/**
 * The person at the keyboard: typing, pasting, clearing, inserting and deleting rows, formatting,
 * switching sheets, as WPS Spreadsheets' window does them. Each change of cells raises
 * SheetChange with the cells changed as Target (the merged area for a merged cell, the whole
 * rows for inserted or deleted rows).
 */
import { parseArea, parseAreas, type Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import type { SheetData } from './sheet-data';
import type { WorkbookModel } from './workbook-model';

export type TypedValue = string | number | boolean | null;

/**
 * Typing is refused with a dialog, not an exception: by a Stop validation (its error title and
 * message), or on a protected sheet.
 */
export type TypeResult = { readonly accepted: true } | { readonly accepted: false; readonly title: string; readonly message: string };

/** A change of format as the person makes it in Format Cells. Colours are BGR. */
export interface UserFormat {
  readonly fill?: number | null;
  readonly bold?: boolean;
  readonly fontColor?: number;
  readonly numberFormat?: string;
  readonly wrapText?: boolean;
}

export interface MemoryWpsUser {
  /** Types into a cell and presses Enter (a merged cell takes it in its top-left cell). */
  type(sheet: string, address: string, input: string): TypeResult;
  /** Pastes a block of values at `topLeft`: one SheetChange for the whole block. */
  paste(sheet: string, topLeft: string, values: readonly (readonly TypedValue[])[]): void;
  /**
   * Ctrl+C of `source`, Ctrl+V at `topLeft` (on `targetSheet`, default the same sheet): values,
   * formulas, formats, merged areas, data validation and conditional formats come along.
   */
  copyPaste(sheet: string, source: string, topLeft: string, targetSheet?: string): void;
  /** The Delete key over a range. */
  clear(sheet: string, address: string): void;
  insertRows(sheet: string, row1Based: number, count: number): void;
  deleteRows(sheet: string, row1Based: number, count: number): void;
  setFormat(sheet: string, address: string, format: UserFormat): void;
  /** Home > Conditional Formatting > New Rule with a formula (areas separated by commas). */
  addFormatCondition(sheet: string, address: string, formula: string, fill: number): void;
  activate(sheet: string): void;
  select(sheet: string, address: string): void;
  addSheet(name?: string): string;
  renameSheet(sheet: string, newName: string): void;
  deleteSheet(sheet: string): void;
  protectSheet(sheet: string, protect: boolean): void;
}

function area(address: string): Rect {
  const rect = parseArea(address);
  if (!rect) throw new WpsMemoryError(WpsErrorCode.invalidArgument, `${JSON.stringify(address)} is not a reference.`);
  return rect;
}

function setFormat(model: WorkbookModel, sheet: SheetData, rect: Rect, format: UserFormat): void {
  model.changeFormat(sheet, rect, (target) => {
    if (format.fill !== undefined) target.fill = format.fill;
    if (format.bold !== undefined) target.font.bold = format.bold;
    if (format.fontColor !== undefined) target.font.color = format.fontColor;
    if (format.numberFormat !== undefined) target.numberFormat = format.numberFormat;
    if (format.wrapText !== undefined) target.wrapText = format.wrapText;
  });
}

export function createUser(model: WorkbookModel): MemoryWpsUser {
  const sheetOf = (name: string): SheetData => model.requireSheet(name);
  return {
    type: (sheetName, address, input) => {
      const sheet = sheetOf(sheetName);
      // WPS's own message for a locked cell on a protected sheet.
      if (sheet.protectContents) return { accepted: false, title: 'WPS 表格', message: '被保护单元格不支持此功能。' };
      const { top, left } = area(address);
      const target = model.mergeAt(sheet, top, left) ?? { top, left, bottom: top, right: left };
      const refusal = model.typeInto(sheet, target, input);
      return refusal ? { accepted: false, ...refusal } : { accepted: true };
    },
    paste: (sheetName, topLeft, values) => {
      const { top, left } = area(topLeft);
      const rows = Math.max(values.length, 1);
      const columns = Math.max(1, ...values.map((line) => line.length));
      model.pasteInto(sheetOf(sheetName), { top, left, bottom: top + rows - 1, right: left + columns - 1 }, values);
    },
    copyPaste: (sheetName, source, topLeft, targetSheet) => {
      const from = area(source);
      const { top, left } = area(topLeft);
      const to = { top, left, bottom: top + from.bottom - from.top, right: left + from.right - from.left };
      model.copyPaste(sheetOf(sheetName), from, sheetOf(targetSheet ?? sheetName), to);
    },
    clear: (sheetName, address) => model.clearContents(sheetOf(sheetName), area(address)),
    insertRows: (sheetName, row1Based, count) => model.insertRows(sheetOf(sheetName), row1Based - 1, count),
    deleteRows: (sheetName, row1Based, count) => model.deleteRows(sheetOf(sheetName), row1Based - 1, count),
    setFormat: (sheetName, address, format) => setFormat(model, sheetOf(sheetName), area(address), format),
    addFormatCondition: (sheetName, address, formula, fill) => {
      const sheet = sheetOf(sheetName);
      const areas = parseAreas(address);
      if (!areas) throw new WpsMemoryError(WpsErrorCode.invalidArgument, `${JSON.stringify(address)} is not a reference.`);
      const added = model.addFormatCondition(sheet, areas, { type: 2, operator: null, formula1: formula.startsWith('=') ? formula : `=${formula}`, formula2: null });
      // The dialog puts a new rule first, above the existing ones.
      model.changeFormatCondition(sheet, added, (format) => {
        format.interiorColor = fill;
      });
      model.moveFormatConditionFirst(sheet, added);
    },
    activate: (sheetName) => model.activate(sheetOf(sheetName)),
    select: (sheetName, address) => {
      const sheet = sheetOf(sheetName);
      model.activate(sheet);
      model.select(sheet, area(address));
    },
    addSheet: (name) => model.addSheet(name).name,
    renameSheet: (sheetName, newName) => model.renameSheet(sheetOf(sheetName), newName),
    deleteSheet: (sheetName) => model.deleteSheet(sheetOf(sheetName)),
    protectSheet: (sheetName, protect) => {
      sheetOf(sheetName).protectContents = protect;
      model.touch();
    },
  };
}
