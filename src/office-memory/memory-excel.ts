/**
 * The in-memory Excel: `run` for the add-in's code (typed as `Excel.run`), the person at the
 * keyboard (`user`), and plain-data inspection for tests and the preview (`inspect`).
 */
import { rectA1 } from './address';
import { MemoryRequestContext } from './context';
import { ErrorCode, MemoryExcelError } from './errors';
import { createInspector } from './memory-inspector';
import type { MemoryExcel, MemoryExcelOptions, MemoryInspector, MemoryUser } from './memory-types';
import { createUser } from './memory-user';
import { ProxyObject, type HandlerRegistration, type ProxyHost, type SheetEvent, type SyncTraffic } from './proxy-base';
import { WorkbookModel, type ChangeRecord } from './workbook-model';

export type * from './memory-types';

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
    this.user = createUser({
      model,
      act: (action) => this.asUser(action),
      dropDownPickRaisesChanged: options.dropDownPickRaisesChanged !== false,
      setCellEditMode: (editing) => this.setCellEditMode(editing),
    });
    this.inspect = createInspector(model);
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

  private dispatch(change: ChangeRecord): void {
    if (change.kind !== 'deleted' && !this.model.sheetById(change.sheetId)) return;
    const base = { source: 'Local', worksheetId: change.sheetId } as const;
    switch (change.kind) {
      case 'changed': {
        const address = rectA1(change.rect);
        // `details` came with ExcelApi 1.9, `triggerSource` with 1.14 (Office.js reference, WorksheetChangedEventArgs).
        const args = {
          ...base,
          type: 'WorksheetChanged',
          address,
          changeType: change.changeType,
          ...(this.supportsExcelApi('1.14') ? { triggerSource: change.actor === 'addin' ? 'ThisLocalAddin' : 'Unknown' } : {}),
          ...(change.details && this.supportsExcelApi('1.9') ? { details: { ...change.details } satisfies Pick<Excel.ChangedEventDetail, 'valueBefore' | 'valueAfter' | 'valueTypeBefore' | 'valueTypeAfter'> } : {}),
          ...this.rangeGetters(change.sheetId, address),
        } satisfies Partial<Omit<Excel.WorksheetChangedEventArgs, 'details'>>;
        return this.deliver(this.handlersOf('changed', change.sheetId), args);
      }
      case 'formatChanged': {
        const address = rectA1(change.rect);
        const args = { ...base, type: 'WorksheetFormatChanged', address, ...this.rangeGetters(change.sheetId, address) } satisfies Partial<Excel.WorksheetFormatChangedEventArgs>;
        return this.deliver(this.handlersOf('formatChanged', change.sheetId), args);
      }
      case 'added':
      case 'deleted':
        return this.deliver(this.handlersOf(change.kind, change.sheetId), { ...base, type: change.kind === 'added' ? 'WorksheetAdded' : 'WorksheetDeleted' });
      case 'activated':
        return this.deliver(this.handlersOf('activated', change.sheetId), { type: 'WorksheetActivated', worksheetId: change.sheetId } satisfies Excel.WorksheetActivatedEventArgs);
      case 'nameChanged':
        return this.deliver(this.handlersOf('nameChanged', change.sheetId), { ...base, type: 'WorksheetNameChanged', nameBefore: change.nameBefore, nameAfter: change.nameAfter } satisfies Excel.WorksheetNameChangedEventArgs);
      case 'selectionChanged': {
        const args = { type: 'WorksheetSelectionChanged', address: rectA1(change.rect), worksheetId: change.sheetId } satisfies Pick<Excel.WorksheetSelectionChangedEventArgs, 'type' | 'address' | 'worksheetId'>;
        return this.deliver(this.handlersOf('selectionChanged', change.sheetId), args);
      }
    }
  }

  /** Handlers of the sheet's event and of the same event of all sheets. */
  private handlersOf(event: SheetEvent | 'added' | 'deleted' | 'nameChanged', sheetId: string): HandlerRegistration[] {
    return this.handlers.filter(({ source }) => source.event === event && (source.scope === 'worksheets' || source.sheetId === sheetId));
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

  private asUser<T>(action: () => T): T {
    this.model.actor = 'user';
    try {
      return action();
    } finally {
      this.flush();
    }
  }
}

/** Creates an in-memory workbook with its `run`, its user and its inspector. */
export function createMemoryExcel(options: MemoryExcelOptions = {}): MemoryExcel {
  const model = new WorkbookModel({ fontName: options.fontName, fontSize: options.fontSize });
  for (const name of options.sheets ?? ['Sheet1']) model.addSheet(name);
  model.takeChanges();
  return new MemoryExcelImpl(model, options);
}
