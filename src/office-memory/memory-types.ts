/** The in-memory Excel's own API: what tests and the preview see beside `run`. */
import type { SyncTraffic } from './proxy-base';
import type { BorderData, ConditionalFormatType, FontData, PageLayoutData, TypeOutcome } from './workbook-model';

export interface MemoryExcelOptions {
  /** The highest ExcelApi requirement set the host supports; default '1.17'. */
  readonly apiVersion?: string;
  /** The sheets of the new workbook; default one sheet, `Sheet1`. */
  readonly sheets?: readonly string[];
  /** The workbook's default font (Excel in Chinese uses 等线 11). */
  readonly fontName?: string;
  readonly fontSize?: number;
  /** Told of every error an event handler throws or rejects with (they are also kept in `handlerErrors`). */
  readonly onHandlerError?: (error: unknown) => void;
  /**
   * Whether picking from a validation drop-down raises onChanged (default true). Excel on the web
   * has been seen to raise nothing for a pick: false models that.
   */
  readonly dropDownPickRaisesChanged?: boolean;
}

export type TypedValue = string | number | boolean | null;

/** A change of format as the person makes it in Format Cells. */
export interface UserFormat {
  readonly fill?: string | null;
  readonly font?: Partial<FontData>;
  readonly horizontalAlignment?: string;
  readonly verticalAlignment?: string;
  readonly wrapText?: boolean;
  readonly numberFormat?: string;
  readonly locked?: boolean;
  /** Edges of the selection, and the lines inside it. */
  readonly borders?: Partial<Record<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical', Partial<BorderData>>>;
}

/** Typing never throws for what Excel refuses with a dialog (a Stop validation, a locked cell on a protected sheet). */
export type TypeResult = TypeOutcome;

export interface CellInspection {
  /** As `range.values` gives it: '' for an empty cell, a formula's result, an error's code. */
  readonly value: string | number | boolean;
  /** The formula, or null for a constant or an empty cell. */
  readonly formula: string | null;
  readonly numberFormat: string;
  readonly text: string;
  readonly format: {
    readonly fill: string | null;
    readonly font: FontData;
    readonly horizontalAlignment: string;
    readonly verticalAlignment: string;
    readonly wrapText: boolean;
    readonly borders: Record<'top' | 'bottom' | 'left' | 'right', BorderData>;
    readonly locked: boolean;
  };
  /** The merged area the cell belongs to, if any (`A1:C1`). */
  readonly mergedArea: string | null;
}

export interface ValidationInspection {
  readonly ranges: string[];
  readonly type: string;
  readonly operator: string | null;
  readonly formula1: string;
  readonly formula2: string | null;
  readonly rule: Record<string, unknown>;
  readonly prompt: { message: string; showPrompt: boolean; title: string };
  readonly errorAlert: { message: string; showAlert: boolean; style: string; title: string };
}

export interface ConditionalFormatInspection {
  /** As Office.js gives it: the priority, as a string. */
  readonly id: string;
  readonly type: ConditionalFormatType;
  readonly priority: number;
  /** Custom: the formula; CellValue: formula1; '' for the other types. */
  readonly formula: string;
  readonly formula2: string | null;
  readonly operator: string | null;
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly stopIfTrue: boolean | null;
  readonly ranges: string[];
}

/** A conditional format the person makes with Home > Conditional Formatting. */
export type UserConditionalFormat =
  | { readonly type: 'Custom'; readonly formula: string; readonly fill?: string; readonly fontColor?: string }
  | { readonly type: 'CellValue'; readonly operator: string; readonly formula1: string; readonly formula2?: string; readonly fill?: string; readonly fontColor?: string }
  | { readonly type: 'DataBar' | 'ColorScale' | 'IconSet' };

export interface NameInspection {
  readonly name: string;
  readonly formula: string;
  readonly comment: string;
  readonly visible: boolean;
}

export type PageLayoutInspection = Omit<PageLayoutData, 'printArea' | 'printTitleRows'> & {
  readonly printArea: string[] | null;
  readonly printTitleRows: string | null;
};

export interface MemoryExcel {
  /** `Excel.run` over this workbook (typed as Office.js's own). */
  readonly run: typeof Excel.run;
  /** As `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, minVersion?: string): boolean;
  /** Lowers (or raises) the supported ExcelApi version, e.g. '1.8'. */
  setApiVersion(version: string): void;
  /** Round trips since creation or the last reset. */
  syncCount: number;
  /** Estimated bytes of the requests sent and responses received since creation or the last reset. */
  readonly traffic: SyncTraffic;
  /** Resets `syncCount` and `traffic`. */
  resetSyncCount(): void;
  /** While true, syncs fail with InvalidOperationInCellEditMode, or wait with `delayForCellEdit` (the person is typing in a cell). */
  setCellEditMode(editing: boolean): void;
  readonly user: MemoryUser;
  readonly inspect: MemoryInspector;
  /** Called after every sync or user action that changed the workbook. */
  onDidChange(listener: () => void): () => void;
  /** Errors thrown by event handlers (Excel logs them and carries on). */
  readonly handlerErrors: readonly unknown[];
  /** Resolves once every queued event has been handed out and the handlers' promises settled. */
  whenIdle(): Promise<void>;
  /** The same workbook reopened: cells, formats, names, validations and conditional formats kept; handlers gone. */
  clone(): MemoryExcel;
}

export interface MemoryUser {
  /** Types into a cell and presses Enter; Excel reads the text (numbers, formulas, `'` for text). */
  type(sheet: string, address: string, input: string): TypeResult;
  /** Pastes a block of values at `topLeft` (text from another program): one event for the whole area, validation not applied. */
  paste(sheet: string, topLeft: string, values: readonly (readonly TypedValue[])[]): void;
  /**
   * Ctrl+C of `source`, Ctrl+V at `topLeft` (on `targetSheet`, default the same sheet): values,
   * formulas, formats, data validation and conditional formats of the source come along.
   */
  copyPaste(sheet: string, source: string, topLeft: string, targetSheet?: string): void;
  /**
   * Picks `item` from the in-cell drop-down of a list-validated cell. Raises onChanged unless
   * the workbook was made with `dropDownPickRaisesChanged: false`.
   */
  pickFromList(sheet: string, address: string, item: string): void;
  insertRows(sheet: string, row1Based: number, count: number): void;
  deleteRows(sheet: string, row1Based: number, count: number): void;
  renameSheet(sheet: string, newName: string): void;
  addSheet(name?: string): string;
  deleteSheet(sheet: string): void;
  protectSheet(sheet: string, protect: boolean): void;
  setFormat(sheet: string, address: string, format: UserFormat): void;
  /** Adds a conditional format over `address` (areas separated by commas), at the top priority. */
  addConditionalFormat(sheet: string, address: string, format: UserConditionalFormat): void;
  select(sheet: string, address: string): void;
  activate(sheet: string): void;
  /** Clears the contents of a range (the Delete key). */
  clear(sheet: string, address: string): void;
  /** Starts or ends typing in a cell: while editing, syncs fail with InvalidOperationInCellEditMode. */
  setCellEditMode(editing: boolean): void;
}

export interface MemoryInspector {
  sheetNames(): string[];
  cell(sheet: string, address: string): CellInspection;
  /** `range.values` for a block, as plain data. */
  values(sheet: string, address: string): (string | number | boolean)[][];
  merges(sheet: string): string[];
  /** The sheet's names. */
  names(sheet: string): NameInspection[];
  validations(sheet: string): ValidationInspection[];
  conditionalFormats(sheet: string): ConditionalFormatInspection[];
  /** A1 → the fill of the conditional format that colours the cell (first by priority). */
  highlightedCells(sheet: string): Map<string, string | null>;
  columnWidth(sheet: string, column: number): number;
  rowHeight(sheet: string, row: number): number;
  usedRange(sheet: string): string | null;
  selection(): { sheet: string; address: string };
  activeSheet(): string;
  pageLayout(sheet: string): PageLayoutInspection;
}
