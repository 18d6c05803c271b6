/**
 * The in-memory Excel: `run` for the add-in's code (typed as `Excel.run`), the person at the
 * keyboard (`user`), and plain-data inspection for tests and the preview (`inspect`).
 */
import { cellA1, columnLetters, rectA1, rectIntersection, type Rect } from './address';
import { MemoryRequestContext } from './context';
import { ErrorCode, MemoryExcelError } from './errors';
import { ProxyObject, type EventSource, type HandlerRegistration, type ProxyHost, type SyncTraffic } from './proxy-base';
import { rectOnSheet, ruleObject } from './range-proxies';
import { WorkbookModel, apiValue, normalizeColor, type BorderData, type ChangeRecord, type ConditionalFormatData, type ConditionalFormatType, type FontData, type PageLayoutData, type SheetData, type TypeOutcome, type WorkbookState } from './workbook-model';

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
  /** A workbook saved with `serialize()`, reopened (then `sheets`, `fontName` and `fontSize` are ignored). */
  readonly saved?: string;
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
    readonly indentLevel: number;
    readonly borders: Record<'top' | 'bottom' | 'left' | 'right', BorderData>;
    readonly locked: boolean;
    readonly formulaHidden: boolean;
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
  readonly ignoreBlanks: boolean;
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

export type PageLayoutInspection = Omit<PageLayoutData, 'printArea' | 'printTitleRows' | 'printTitleColumns'> & {
  readonly printArea: string[] | null;
  readonly printTitleRows: string | null;
  readonly printTitleColumns: string | null;
  readonly freezeRows: number;
  readonly freezeColumns: number;
};

export interface SheetInspection {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
  readonly protected: boolean;
  readonly showGridlines: boolean;
}

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
  /** While true, syncs fail with InvalidOperationInCellEditMode (the person is typing in a cell). */
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
  /** The workbook as a JSON string; `createMemoryExcel({ saved })` reopens it. */
  serialize(): string;
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
  insertColumns(sheet: string, column: string, count: number): void;
  deleteColumns(sheet: string, column: string, count: number): void;
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
  sheets(): SheetInspection[];
  cell(sheet: string, address: string): CellInspection;
  /** `range.values` for a block, as plain data. */
  values(sheet: string, address: string): (string | number | boolean)[][];
  merges(sheet: string): string[];
  /** Workbook names when `sheet` is omitted, else the sheet's. */
  names(sheet?: string): NameInspection[];
  validations(sheet: string): ValidationInspection[];
  conditionalFormats(sheet: string): ConditionalFormatInspection[];
  /** A1 → the fill of the conditional format that colours the cell (first by priority). */
  highlightedCells(sheet: string): Map<string, string | null>;
  /** A1 → the fill and font colour of the conditional format that colours the cell. */
  highlightStyles(sheet: string): Map<string, { readonly fill: string | null; readonly fontColor: string | null; readonly id: string }>;
  /** Points, as Office.js gives them; `widths` holds the columns that differ from the default, by 0-based index. */
  columnWidths(sheet: string): { readonly defaultWidth: number; readonly widths: Readonly<Record<number, number>> };
  /** Points; `heights` holds the rows that differ from the default, by 0-based index. */
  rowHeights(sheet: string): { readonly defaultHeight: number; readonly heights: Readonly<Record<number, number>> };
  columnWidth(sheet: string, column: number): number;
  rowHeight(sheet: string, row: number): number;
  usedRange(sheet: string): string | null;
  selection(): { sheet: string; address: string };
  activeSheet(): string;
  pageLayout(sheet: string): PageLayoutInspection;
  isCellValid(sheet: string, address: string): boolean;
}

const DEFAULT_API_VERSION = '1.17';

function parseVersion(version: string): [number, number] {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(version.trim());
  if (!match) throw new MemoryExcelError(ErrorCode.invalidArgument, `Not a requirement set version: '${version}'.`);
  return [Number(match[1]), Number(match[2] ?? 0)];
}

function versionAtMost(version: string, supported: string): boolean {
  const [major, minor] = parseVersion(version);
  const [maxMajor, maxMinor] = parseVersion(supported);
  return major < maxMajor || (major === maxMajor && minor <= maxMinor);
}

type Batch<T> = (context: MemoryRequestContext) => Promise<T>;

class MemoryExcelImpl implements MemoryExcel, ProxyHost {
  readonly model: WorkbookModel;
  readonly handlerErrors: unknown[] = [];
  readonly user: MemoryUser;
  readonly inspect: MemoryInspector;
  readonly run: typeof Excel.run;
  private apiVersion: string;
  private syncs = 0;
  private bytes = { requestBytes: 0, responseBytes: 0 };
  private editing = false;
  private editEnded: (() => void)[] = [];
  private readonly handlers: HandlerRegistration[] = [];
  private readonly listeners = new Set<() => void>();
  private notifiedVersion: number;
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    model: WorkbookModel,
    private readonly options: MemoryExcelOptions,
  ) {
    this.model = model;
    this.apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
    parseVersion(this.apiVersion);
    this.notifiedVersion = model.version;
    // The one cast at the boundary: the proxies mirror Office.js's classes member by member
    // (checked by `implements` in the proxy files), not by nominal type.
    this.run = ((first: unknown, second?: unknown) => this.runBatch(first, second)) as unknown as typeof Excel.run;
    this.user = this.createUser();
    this.inspect = this.createInspector();
  }

  // -------------------------------------------------------------- ProxyHost

  supportsExcelApi(version: string): boolean {
    return versionAtMost(version, this.apiVersion);
  }

  isInCellEditMode(): boolean {
    return this.editing;
  }

  cellEditEnded(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.editEnded.push(resolve)) : Promise.resolve();
  }

  countSync(traffic: SyncTraffic): void {
    this.syncs += 1;
    this.bytes = { requestBytes: this.bytes.requestBytes + traffic.requestBytes, responseBytes: this.bytes.responseBytes + traffic.responseBytes };
  }

  afterSync(): void {
    this.flush();
  }

  addHandler(registration: HandlerRegistration): void {
    this.handlers.push(registration);
  }

  removeHandler(registration: HandlerRegistration): void {
    const index = this.handlers.indexOf(registration);
    if (index >= 0) this.handlers.splice(index, 1);
  }

  // -------------------------------------------------------------- MemoryExcel

  get syncCount(): number {
    return this.syncs;
  }
  set syncCount(value: number) {
    this.syncs = value;
  }

  get traffic(): SyncTraffic {
    return this.bytes;
  }

  resetSyncCount(): void {
    this.syncs = 0;
    this.bytes = { requestBytes: 0, responseBytes: 0 };
  }

  isSetSupported(name: string, minVersion?: string): boolean {
    if (name.toLowerCase() !== 'excelapi') return false;
    return versionAtMost(minVersion ?? '1.1', this.apiVersion);
  }

  setApiVersion(version: string): void {
    parseVersion(version);
    this.apiVersion = version;
  }

  setCellEditMode(editing: boolean): void {
    this.editing = editing;
    if (!editing) for (const resume of this.editEnded.splice(0)) resume();
  }

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  clone(): MemoryExcel {
    return new MemoryExcelImpl(this.model.clone(), { ...this.options, apiVersion: this.apiVersion });
  }

  serialize(): string {
    return JSON.stringify(this.model.toState());
  }

  // -------------------------------------------------------------- run

  private async runBatch(first: unknown, second: unknown): Promise<unknown> {
    const batch = (typeof first === 'function' ? first : second) as Batch<unknown> | undefined;
    if (typeof batch !== 'function') throw new MemoryExcelError(ErrorCode.invalidArgument, 'Excel.run needs a batch function.');
    // Excel.run(context | object | objects | options, batch): the first three go on with an earlier batch's context.
    const earlier = first instanceof MemoryRequestContext ? first : first instanceof ProxyObject ? first.context : Array.isArray(first) && first[0] instanceof ProxyObject ? first[0].context : null;
    const options = earlier === null && typeof first === 'object' && first !== null ? (first as Excel.RunOptions) : {};
    if (earlier !== null && earlier.host !== this) throw new MemoryExcelError(ErrorCode.invalidRequestContext, 'The object belongs to another workbook.');
    const context = earlier ?? new MemoryRequestContext(this);
    if (earlier === null) context.delayForCellEdit = options.delayForCellEdit === true;
    context.setFinished(false);
    try {
      const result: unknown = batch(context);
      if (!(result instanceof Promise)) {
        throw new MemoryExcelError(ErrorCode.runMustReturnPromise, 'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise.');
      }
      const value: unknown = await result;
      // Excel.run syncs what the batch left queued.
      if (context.hasPendingCommands) await context.sync();
      return value;
    } finally {
      context.setFinished(true);
    }
  }

  // -------------------------------------------------------------- events

  private flush(): void {
    const changes = this.model.takeChanges();
    for (const change of changes) this.dispatch(change);
    if (this.model.version !== this.notifiedVersion) {
      this.notifiedVersion = this.model.version;
      for (const listener of [...this.listeners]) listener();
    }
  }

  private matching(predicate: (source: EventSource) => boolean): HandlerRegistration[] {
    return this.handlers.filter((registration) => predicate(registration.source));
  }

  private dispatch(change: ChangeRecord): void {
    switch (change.kind) {
      case 'changed': {
        if (!this.model.sheetById(change.sheetId)) return;
        const address = rectA1(change.rect);
        // `details` came with ExcelApi 1.9, `triggerSource` with 1.14 (Office.js reference, WorksheetChangedEventArgs).
        const args = {
          type: 'WorksheetChanged',
          address,
          changeType: change.changeType,
          source: 'Local',
          worksheetId: change.sheetId,
          ...(this.supportsExcelApi('1.14') ? { triggerSource: change.actor === 'addin' ? 'ThisLocalAddin' : 'Unknown' } : {}),
          ...(change.details && this.supportsExcelApi('1.9') ? { details: { ...change.details } satisfies Pick<Excel.ChangedEventDetail, 'valueBefore' | 'valueAfter' | 'valueTypeBefore' | 'valueTypeAfter'> } : {}),
          ...this.rangeGetters(change.sheetId, address),
        } satisfies Partial<Omit<Excel.WorksheetChangedEventArgs, 'details'>>;
        this.deliver(this.handlersOf('changed', change.sheetId), args);
        return;
      }
      case 'formatChanged': {
        if (!this.model.sheetById(change.sheetId)) return;
        const address = rectA1(change.rect);
        const args = { type: 'WorksheetFormatChanged', address, source: 'Local', worksheetId: change.sheetId, ...this.rangeGetters(change.sheetId, address) } satisfies Partial<Excel.WorksheetFormatChangedEventArgs>;
        this.deliver(this.handlersOf('formatChanged', change.sheetId), args);
        return;
      }
      case 'added':
      case 'deleted': {
        const args = { type: change.kind === 'added' ? 'WorksheetAdded' : 'WorksheetDeleted', source: 'Local', worksheetId: change.sheetId } satisfies Pick<Excel.WorksheetAddedEventArgs, 'source' | 'worksheetId'> & {
          type: 'WorksheetAdded' | 'WorksheetDeleted';
        };
        this.deliver(this.matching((source) => source.scope === 'worksheets' && source.event === change.kind), args);
        return;
      }
      case 'activated':
      case 'deactivated': {
        const args = { type: change.kind === 'activated' ? 'WorksheetActivated' : 'WorksheetDeactivated', worksheetId: change.sheetId } satisfies Pick<Excel.WorksheetActivatedEventArgs, 'worksheetId'> & {
          type: 'WorksheetActivated' | 'WorksheetDeactivated';
        };
        this.deliver(this.matching((source) => source.event === change.kind && (source.scope === 'worksheets' || source.sheetId === change.sheetId)), args);
        return;
      }
      case 'nameChanged': {
        const args = {
          type: 'WorksheetNameChanged',
          source: 'Local',
          worksheetId: change.sheetId,
          nameBefore: change.nameBefore,
          nameAfter: change.nameAfter,
        } satisfies Excel.WorksheetNameChangedEventArgs;
        this.deliver(this.matching((source) => source.event === 'nameChanged' && (source.scope === 'worksheets' || source.sheetId === change.sheetId)), args);
        return;
      }
      case 'selectionChanged': {
        const args = { type: 'WorksheetSelectionChanged', address: rectA1(change.rect), worksheetId: change.sheetId } satisfies Pick<Excel.WorksheetSelectionChangedEventArgs, 'type' | 'address' | 'worksheetId'>;
        this.deliver(this.matching((source) => source.event === 'selectionChanged' && (source.scope === 'worksheets' || source.sheetId === change.sheetId)), args);
        return;
      }
    }
  }

  /** Handlers of the sheet's event and of the same event of all sheets. */
  private handlersOf(event: 'changed' | 'formatChanged', sheetId: string): HandlerRegistration[] {
    return this.matching((source) => source.event === event && (source.scope === 'worksheets' || source.sheetId === sheetId));
  }

  private rangeGetters(sheetId: string, address: string): { getRange: (context: Excel.RequestContext) => Excel.Range; getRangeOrNullObject: (context: Excel.RequestContext) => Excel.Range } {
    const range = (context: unknown): Excel.Range => this.contextOf(context).workbook.worksheets.getItem(sheetId).getRange(address) as unknown as Excel.Range;
    return { getRange: range, getRangeOrNullObject: range };
  }

  private contextOf(context: unknown): MemoryRequestContext {
    if (!(context instanceof MemoryRequestContext) || context.host !== this) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, 'getRange needs a request context of this workbook.');
    }
    return context;
  }

  /** Handlers run after the current microtasks, like Office.js's; nobody awaits their promises. */
  private deliver(registrations: HandlerRegistration[], args: object): void {
    for (const registration of registrations) {
      this.pending += 1;
      setTimeout(() => {
        let outcome: unknown;
        try {
          outcome = (registration.handler as (args: object) => unknown)(args);
        } catch (error) {
          this.reportHandlerError(error);
          this.settle();
          return;
        }
        if (outcome instanceof Promise) {
          outcome.then(
            () => this.settle(),
            (error: unknown) => {
              this.reportHandlerError(error);
              this.settle();
            },
          );
        } else {
          this.settle();
        }
      }, 0);
    }
  }

  private settle(): void {
    this.pending -= 1;
    if (this.pending === 0) {
      // Handlers may have started new batches whose events are queued by now; wait for those too.
      setTimeout(() => {
        if (this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      }, 0);
    }
  }

  private reportHandlerError(error: unknown): void {
    this.handlerErrors.push(error);
    this.options.onHandlerError?.(error);
  }

  // -------------------------------------------------------------- the person at the keyboard

  private sheetNamed(name: string): SheetData {
    return this.model.requireSheetByName(name);
  }

  private asUser<T>(action: () => T): T {
    this.model.actor = 'user';
    try {
      return action();
    } finally {
      this.flush();
    }
  }

  private createUser(): MemoryUser {
    const model = this.model;
    const rectOf = (sheet: SheetData, address: string): Rect => rectOnSheet(sheet, address);
    return {
      type: (sheetName, address, input) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          const rect = rectOf(sheet, address);
          // Typing into a merged area goes to its top-left cell.
          const merge = model.mergeAt(sheet, rect.top, rect.left);
          return model.typeInto(sheet, merge?.top ?? rect.top, merge?.left ?? rect.left, input);
        }),
      paste: (sheetName, topLeft, values) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          const start = rectOf(sheet, topLeft);
          const width = Math.max(1, ...values.map((line) => line.length));
          model.paste(sheet, { top: start.top, left: start.left, bottom: start.top + Math.max(values.length, 1) - 1, right: start.left + width - 1 }, values);
        }),
      copyPaste: (sheetName, source, topLeft, targetName) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          const target = targetName === undefined ? sheet : this.sheetNamed(targetName);
          const from = rectOf(sheet, source);
          const start = rectOf(target, topLeft);
          model.copyPaste(sheet, from, target, { top: start.top, left: start.left, bottom: start.top + from.bottom - from.top, right: start.left + from.right - from.left });
        }),
      pickFromList: (sheetName, address, item) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          const { top, left } = rectOf(sheet, address);
          model.pickFromList(sheet, top, left, item, this.options.dropDownPickRaisesChanged !== false);
        }),
      insertRows: (sheetName, row1Based, count) => this.asUser(() => model.shift(this.sheetNamed(sheetName), rectOf(this.sheetNamed(sheetName), `${row1Based}:${row1Based + count - 1}`), 'Down')),
      deleteRows: (sheetName, row1Based, count) => this.asUser(() => model.shift(this.sheetNamed(sheetName), rectOf(this.sheetNamed(sheetName), `${row1Based}:${row1Based + count - 1}`), 'Up')),
      insertColumns: (sheetName, column, count) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          const start = rectOf(sheet, `${column}:${column}`).left;
          model.shift(sheet, rectOf(sheet, `${columnLetters(start)}:${columnLetters(start + count - 1)}`), 'Right');
        }),
      deleteColumns: (sheetName, column, count) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          const start = rectOf(sheet, `${column}:${column}`).left;
          model.shift(sheet, rectOf(sheet, `${columnLetters(start)}:${columnLetters(start + count - 1)}`), 'Left');
        }),
      renameSheet: (sheetName, newName) => this.asUser(() => model.renameSheet(this.sheetNamed(sheetName), newName)),
      addSheet: (name) => this.asUser(() => model.addSheet(name).name),
      deleteSheet: (sheetName) => this.asUser(() => model.deleteSheet(this.sheetNamed(sheetName))),
      protectSheet: (sheetName, protect) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          if (protect && !sheet.protection.protected) model.protect(sheet, {}, null);
          if (!protect && sheet.protection.protected) model.unprotect(sheet, sheet.protection.password);
        }),
      setFormat: (sheetName, address, format) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          const rect = rectOf(sheet, address);
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
          // One onFormatChanged (ExcelApi 1.9) for a change of format made by hand; no onChanged.
          model.record({ kind: 'formatChanged', sheetId: sheet.id, rect });
        }),
      addConditionalFormat: (sheetName, address, format) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          const rects = address.split(',').map((part) => rectOf(sheet, part.trim()));
          const added = model.addConditionalFormat(sheet, rects, format.type);
          model.changeConditionalFormat(sheet, added, (target) => {
            if (format.type === 'Custom') target.formula = format.formula.startsWith('=') ? format.formula : `=${format.formula}`;
            if (format.type === 'CellValue') Object.assign(target, { operator: format.operator, formula: format.formula1, formula2: format.formula2 ?? null });
            if ('fill' in format && format.fill !== undefined) target.fill = normalizeColor(format.fill);
            if ('fontColor' in format && format.fontColor !== undefined) target.fontColor = normalizeColor(format.fontColor);
          });
        }),
      select: (sheetName, address) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          model.select(sheet, rectOf(sheet, address));
        }),
      activate: (sheetName) => this.asUser(() => model.activateSheet(this.sheetNamed(sheetName))),
      setCellEditMode: (editing) => this.setCellEditMode(editing),
      clear: (sheetName, address) =>
        this.asUser(() => {
          const sheet = this.sheetNamed(sheetName);
          model.clear(sheet, rectOf(sheet, address), 'Contents');
        }),
    };
  }

  // -------------------------------------------------------------- inspection

  private createInspector(): MemoryInspector {
    const model = this.model;
    const sheetOf = (name: string): SheetData => this.sheetNamed(name);
    const cellOf = (sheet: SheetData, address: string): { row: number; col: number } => {
      const rect = rectOnSheet(sheet, address);
      return { row: rect.top, col: rect.left };
    };
    const highlights = (sheetName: string): Map<string, ConditionalFormatData> => {
      const sheet = sheetOf(sheetName);
      const out = new Map<string, ConditionalFormatData>();
      const used = model.usedRect(sheet, false);
      for (const format of sheet.conditionalFormats) {
        for (const range of format.ranges) {
          const area = used ? rectIntersection(range, { top: 0, left: 0, bottom: Math.max(used.bottom, range.top), right: Math.max(used.right, range.left) }) : range;
          if (!area) continue;
          for (let row = area.top; row <= area.bottom; row += 1) {
            for (let col = area.left; col <= area.right; col += 1) {
              const key = cellA1(row, col);
              if (out.has(key)) continue;
              const applied = model.conditionalFormatAt(sheet, row, col);
              if (applied) out.set(key, applied);
            }
          }
        }
      }
      return out;
    };
    return {
      sheetNames: () => model.sheets.map((sheet) => sheet.name),
      sheets: () =>
        model.sheets.map((sheet, position) => ({ id: sheet.id, name: sheet.name, position, visibility: sheet.visibility, protected: sheet.protection.protected, showGridlines: sheet.showGridlines })),
      cell: (sheetName, address) => {
        const sheet = sheetOf(sheetName);
        const { row, col } = cellOf(sheet, address);
        const stored = model.cell(sheet, row, col);
        const format = model.formatAt(sheet, row, col);
        const merge = model.mergeAt(sheet, row, col);
        return {
          value: apiValue(model.valueAt(sheet, row, col)),
          formula: stored?.formula ?? null,
          numberFormat: model.numberFormatAt(sheet, row, col),
          text: model.textAt(sheet, row, col),
          format: {
            fill: format.fill,
            font: { ...format.font },
            horizontalAlignment: format.horizontalAlignment,
            verticalAlignment: format.verticalAlignment,
            wrapText: format.wrapText,
            indentLevel: format.indentLevel,
            borders: { top: { ...format.borders.top }, bottom: { ...format.borders.bottom }, left: { ...format.borders.left }, right: { ...format.borders.right } },
            locked: format.locked,
            formulaHidden: format.formulaHidden,
          },
          mergedArea: merge ? rectA1(merge) : null,
        };
      },
      values: (sheetName, address) => {
        const sheet = sheetOf(sheetName);
        return model.grid(sheet, rectOnSheet(sheet, address), (row, col) => apiValue(model.valueAt(sheet, row, col)));
      },
      merges: (sheetName) =>
        [...sheetOf(sheetName).merges]
          .sort((a, b) => a.top - b.top || a.left - b.left)
          .map(rectA1),
      names: (sheetName) => model.namesOf(sheetName === undefined ? null : sheetOf(sheetName)).map((item) => ({ ...item })),
      validations: (sheetName) =>
        sheetOf(sheetName).validations.map((validation) => ({
          ranges: validation.ranges.map(rectA1),
          type: validation.rule.type,
          operator: validation.rule.operator,
          formula1: validation.rule.formula1,
          formula2: validation.rule.formula2,
          rule: ruleObject(validation.rule),
          ignoreBlanks: validation.ignoreBlanks,
          prompt: { ...validation.prompt },
          errorAlert: { ...validation.errorAlert },
        })),
      conditionalFormats: (sheetName) =>
        sheetOf(sheetName).conditionalFormats.map((format, priority) => ({
          id: String(priority),
          type: format.type,
          priority,
          formula: format.formula,
          formula2: format.formula2,
          operator: format.operator,
          fill: format.fill,
          fontColor: format.fontColor,
          stopIfTrue: format.stopIfTrue,
          ranges: format.ranges.map(rectA1),
        })),
      highlightedCells: (sheetName) => new Map([...highlights(sheetName)].map(([key, format]) => [key, format.fill])),
      highlightStyles: (sheetName) => {
        const list = sheetOf(sheetName).conditionalFormats;
        return new Map([...highlights(sheetName)].map(([key, format]) => [key, { fill: format.fill, fontColor: format.fontColor, id: String(list.indexOf(format)) }]));
      },

      columnWidths: (sheetName) => {
        const sheet = sheetOf(sheetName);
        const widths: Record<number, number> = {};
        for (const [col, width] of [...sheet.columnWidths].sort((a, b) => a[0] - b[0])) widths[col] = width;
        return { defaultWidth: sheet.defaultColumnWidth, widths };
      },
      rowHeights: (sheetName) => {
        const sheet = sheetOf(sheetName);
        const heights: Record<number, number> = {};
        for (const [row, height] of [...sheet.rowHeights].sort((a, b) => a[0] - b[0])) heights[row] = height;
        return { defaultHeight: sheet.defaultRowHeight, heights };
      },
      columnWidth: (sheetName, column) => model.columnWidthAt(sheetOf(sheetName), column),
      rowHeight: (sheetName, row) => model.rowHeightAt(sheetOf(sheetName), row),
      usedRange: (sheetName) => {
        const used = model.usedRect(sheetOf(sheetName), false);
        return used ? rectA1(used) : null;
      },
      selection: () => {
        const sheet = model.activeSheet();
        return { sheet: sheet.name, address: rectA1(sheet.selection) };
      },
      activeSheet: () => model.activeSheet().name,
      pageLayout: (sheetName) => {
        const sheet = sheetOf(sheetName);
        const layout = sheet.pageLayout;
        return {
          ...layout,
          zoom: { ...layout.zoom },
          printArea: layout.printArea ? layout.printArea.map(rectA1) : null,
          printTitleRows: layout.printTitleRows ? rectA1(layout.printTitleRows) : null,
          printTitleColumns: layout.printTitleColumns ? rectA1(layout.printTitleColumns) : null,
          freezeRows: sheet.freeze.rows,
          freezeColumns: sheet.freeze.columns,
        };
      },
      isCellValid: (sheetName, address) => {
        const sheet = sheetOf(sheetName);
        const { row, col } = cellOf(sheet, address);
        return model.isCellValid(sheet, row, col);
      },
    };
  }
}

/** Creates an in-memory workbook with its `run`, its user and its inspector. */
export function createMemoryExcel(options: MemoryExcelOptions = {}): MemoryExcel {
  if (options.saved !== undefined) return new MemoryExcelImpl(WorkbookModel.fromState(parseSaved(options.saved)), options);
  const model = new WorkbookModel({ fontName: options.fontName, fontSize: options.fontSize });
  for (const name of options.sheets ?? ['Sheet1']) model.addSheet(name);
  model.takeChanges();
  return new MemoryExcelImpl(model, options);
}

function parseSaved(saved: string): WorkbookState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(saved);
  } catch (error) {
    throw new MemoryExcelError(ErrorCode.invalidArgument, `Not a saved in-memory workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || (parsed as { format?: unknown }).format !== 'perf-target-forms/office-memory@1') {
    throw new MemoryExcelError(ErrorCode.invalidArgument, 'Not a saved in-memory workbook.');
  }
  return parsed as WorkbookState;
}
