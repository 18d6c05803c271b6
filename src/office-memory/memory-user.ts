/** The person at the keyboard: typing, pasting, inserting rows, formatting, as Excel's UI does them. */
import type { Rect } from './address';
import type { MemoryUser, UserConditionalFormat, UserFormat } from './memory-types';
import { rectOnSheet } from './range-proxies';
import { normalizeColor, type SheetData, type WorkbookModel } from './workbook-model';

export interface UserSession {
  readonly model: WorkbookModel;
  /** Runs an action of the person (events are handed out after it). */
  act<T>(action: () => T): T;
  /** Whether a pick from a drop-down raises onChanged. */
  readonly dropDownPickRaisesChanged: boolean;
  setCellEditMode(editing: boolean): void;
}

function sizedAt(start: Rect, rows: number, columns: number): Rect {
  return { top: start.top, left: start.left, bottom: start.top + rows - 1, right: start.left + columns - 1 };
}

/** Format Cells: one onFormatChanged (ExcelApi 1.9) for the whole change, no onChanged. */
function setFormat(model: WorkbookModel, sheet: SheetData, rect: Rect, format: UserFormat): void {
  const fill = format.fill === undefined || format.fill === null ? format.fill : normalizeColor(format.fill);
  const fontColor = format.font?.color === undefined ? undefined : normalizeColor(format.font.color);
  model.changeFormat(
    sheet,
    rect,
    (target) => {
      if (fill !== undefined) target.fill = fill;
      if (format.font) Object.assign(target.font, format.font, fontColor === undefined ? {} : { color: fontColor });
      if (format.horizontalAlignment !== undefined) target.horizontalAlignment = format.horizontalAlignment;
      if (format.verticalAlignment !== undefined) target.verticalAlignment = format.verticalAlignment;
      if (format.wrapText !== undefined) target.wrapText = format.wrapText;
      if (format.locked !== undefined) target.locked = format.locked;
    },
    { raiseEvent: false, checkProtection: true },
  );
  for (const [index, border] of Object.entries(format.borders ?? {})) if (border) model.setBorder(sheet, rect, index, border, false);
  if (format.numberFormat !== undefined) model.setNumberFormat(sheet, rect, format.numberFormat);
  model.record({ kind: 'formatChanged', sheetId: sheet.id, rect });
}

function addConditionalFormat(model: WorkbookModel, sheet: SheetData, rects: Rect[], format: UserConditionalFormat): void {
  const added = model.addConditionalFormat(sheet, rects, format.type);
  model.changeConditionalFormat(sheet, added, (target) => {
    if (format.type === 'Custom') target.formula = format.formula.startsWith('=') ? format.formula : `=${format.formula}`;
    if (format.type === 'CellValue') Object.assign(target, { operator: format.operator, formula: format.formula1, formula2: format.formula2 ?? null });
    if ('fill' in format && format.fill !== undefined) target.fill = normalizeColor(format.fill);
    if ('fontColor' in format && format.fontColor !== undefined) target.fontColor = normalizeColor(format.fontColor);
  });
}

type CellActions = Pick<MemoryUser, 'type' | 'paste' | 'copyPaste' | 'pickFromList' | 'clear' | 'setFormat' | 'addConditionalFormat' | 'select' | 'setCellEditMode'>;

function cellActions(session: UserSession, on: <T>(sheetName: string, action: (sheet: SheetData) => T) => T): CellActions {
  const { model } = session;
  return {
    type: (sheetName, address, input) =>
      on(sheetName, (sheet) => {
        const rect = rectOnSheet(sheet, address);
        // Typing into a merged area goes to its top-left cell.
        const merge = model.mergeAt(sheet, rect.top, rect.left);
        return model.typeInto(sheet, merge?.top ?? rect.top, merge?.left ?? rect.left, input);
      }),
    paste: (sheetName, topLeft, values) =>
      on(sheetName, (sheet) => model.paste(sheet, sizedAt(rectOnSheet(sheet, topLeft), Math.max(values.length, 1), Math.max(1, ...values.map((line) => line.length))), values)),
    copyPaste: (sheetName, source, topLeft, targetName) =>
      on(sheetName, (sheet) => {
        const target = targetName === undefined ? sheet : model.requireSheetByName(targetName);
        const from = rectOnSheet(sheet, source);
        model.copyPaste(sheet, from, target, sizedAt(rectOnSheet(target, topLeft), from.bottom - from.top + 1, from.right - from.left + 1));
      }),
    pickFromList: (sheetName, address, item) =>
      on(sheetName, (sheet) => {
        const { top, left } = rectOnSheet(sheet, address);
        model.pickFromList(sheet, top, left, item, session.dropDownPickRaisesChanged);
      }),
    clear: (sheetName, address) => on(sheetName, (sheet) => model.clear(sheet, rectOnSheet(sheet, address), 'Contents')),
    setFormat: (sheetName, address, format) => on(sheetName, (sheet) => setFormat(model, sheet, rectOnSheet(sheet, address), format)),
    addConditionalFormat: (sheetName, address, format) =>
      on(sheetName, (sheet) =>
        addConditionalFormat(
          model,
          sheet,
          address.split(',').map((part) => rectOnSheet(sheet, part.trim())),
          format,
        ),
      ),
    select: (sheetName, address) => on(sheetName, (sheet) => model.select(sheet, rectOnSheet(sheet, address))),
    setCellEditMode: (editing) => session.setCellEditMode(editing),
  };
}

type SheetActions = Omit<MemoryUser, keyof CellActions>;

function sheetActions(session: UserSession, on: <T>(sheetName: string, action: (sheet: SheetData) => T) => T): SheetActions {
  const { model } = session;
  const rows = (sheet: SheetData, row1Based: number, count: number): Rect => rectOnSheet(sheet, `${row1Based}:${row1Based + count - 1}`);
  return {
    insertRows: (sheetName, row1Based, count) => on(sheetName, (sheet) => model.shift(sheet, rows(sheet, row1Based, count), 'Down')),
    deleteRows: (sheetName, row1Based, count) => on(sheetName, (sheet) => model.shift(sheet, rows(sheet, row1Based, count), 'Up')),
    renameSheet: (sheetName, newName) => on(sheetName, (sheet) => model.renameSheet(sheet, newName)),
    addSheet: (name) => session.act(() => model.addSheet(name).name),
    deleteSheet: (sheetName) => on(sheetName, (sheet) => model.deleteSheet(sheet)),
    protectSheet: (sheetName, protect) =>
      on(sheetName, (sheet) => {
        if (protect && !sheet.protection.protected) model.protect(sheet, {}, null);
        if (!protect && sheet.protection.protected) model.unprotect(sheet, sheet.protection.password);
      }),
    activate: (sheetName) => on(sheetName, (sheet) => model.activateSheet(sheet)),
  };
}

export function createUser(session: UserSession): MemoryUser {
  const on = <T>(sheetName: string, action: (sheet: SheetData) => T): T => session.act(() => action(session.model.requireSheetByName(sheetName)));
  return { ...cellActions(session, on), ...sheetActions(session, on) };
}
