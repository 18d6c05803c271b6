/**
 * The add-in's `FormHost` over Office.js. Every dependency on the Office globals is injected
 * (`ExcelDeps`), so the same code runs in Excel (`office-entry.ts`) and over the in-memory
 * Excel in tests and the preview.
 *
 * All work that talks to Excel runs one piece at a time (checks, inserts, fixes, rows), so two
 * batches never interleave their writes.
 */
import { checkWorkbook, highlightPlan, type CheckOptions, type WorkbookCheckResult, type SheetSnapshot, parseA1, type IssueFix } from '../core';
import type { RowInsertTarget } from './add-rows';
import { ApiLevel, REQUIRED_VERSION } from './api-sets';
import { highlightsFromResult, planHighlightChanges, queueHighlightChanges, type AppliedHighlights, type HighlightChange, type SheetHighlightState } from './apply-highlights';
import { removeOwnedHighlights } from './clean-highlights';
import { HostError, type CheckUpdate, type FormHost, type HostCapabilities, type HostProblem, type InsertOptions, type InsertResult } from './host';
import { LiveCheckScheduler } from './live-check-scheduler';
import { apiUnsupported, isXlsDocument, problem, problemOf } from './problems';
import { queueSheetRead, readWorkbook, type SheetInfo, type SheetRead } from './read-workbook';
import { DEFAULT_RETRY_DELAYS_MS, defaultSchedule, runExcel, runOwnWrite, type RunEnvironment, type Schedule } from './run-excel';

type Edits = typeof import('./edits');
let editsModule: Promise<Edits> | null = null;
/** The insert/add-row/fix code, loaded once on first use (see edits.ts). */
function loadEdits(): Promise<Edits> {
  editsModule ??= import(/* webpackChunkName: "excel-edits" */ './edits');
  return editsModule;
}

export interface ExcelDeps {
  /** `Excel.run`, or the in-memory Excel's. */
  readonly run: typeof Excel.run;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, version: string): boolean;
  displayLanguage(): string;
  prefersDark(): boolean;
  /** `Office.context.document.url`: tells an `.xls` file. */
  documentUrl(): string | null;
  /** Quiet time after an edit before the live check runs. Default 300 ms. */
  readonly debounceMs?: number;
  /** Timers (tests pass their own). Default `setTimeout`. */
  readonly schedule?: Schedule;
  /** Waits between attempts while a cell is being edited. */
  readonly retryDelaysMs?: readonly number[];
  /** Options of every check (the pane's settings). */
  readonly checkOptions?: () => CheckOptions;
  /** Largest request an insert sends before syncing (Excel on the web refuses more than 5 MB). Default ~4 MB. */
  readonly maxRequestBytes?: number;
}

/** The Excel host, with what tests and the preview need beyond `FormHost`. */
export interface ExcelFormHost extends FormHost {
  /** Resolves once no check is waiting for its debounce or running. */
  whenIdle(): Promise<void>;
  /** The last published check, if any. */
  lastCheck(): CheckUpdate | null;
  /** Stops listening to Excel. */
  dispose(): Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 300;

type CheckMode = 'full' | 'changes';

function sheetsOf(reads: ReadonlyMap<string, SheetRead>, order: readonly SheetInfo[]): SheetSnapshot[] {
  const sheets: SheetSnapshot[] = [];
  for (const info of order) {
    const read = reads.get(info.id);
    if (read) sheets.push(read.snapshot);
  }
  return sheets;
}

function withAllSheets(result: WorkbookCheckResult, order: readonly SheetInfo[]): WorkbookCheckResult {
  const formSheets = new Set(result.forms.map((form) => form.form.sheet));
  return { forms: result.forms, otherSheets: order.map((info) => info.name).filter((name) => !formSheets.has(name)) };
}

function isOwnChange(args: { triggerSource?: string }): boolean {
  return typeof args.triggerSource === 'string' && args.triggerSource.toLowerCase() === 'thislocaladdin';
}

/** Row moves and pastes may move or copy conditional formats: the sheet's highlights are then rewritten. */
function mayMoveFormats(args: Excel.WorksheetChangedEventArgs): boolean {
  return args.changeType !== 'RangeEdited' || args.address.includes(':');
}

class ExcelHost implements ExcelFormHost {
  private readonly api: ApiLevel;
  private readonly env: RunEnvironment;
  private readonly scheduler: LiveCheckScheduler;
  private tail: Promise<unknown> = Promise.resolve();
  private busy = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly applied: AppliedHighlights = new Map();
  /** What the last successful read found. */
  private sheets: readonly SheetInfo[] = [];
  private reads = new Map<string, SheetRead>();
  private formSheetIds = new Set<string>();
  private everRead = false;
  private started = false;
  private published = 0;
  private latest: CheckUpdate | null = null;
  /** Set by the check before submitting: "to fill" issues are highlighted too. */
  private fullCheck = false;
  private readonly checkListeners = new Set<(update: CheckUpdate) => void>();
  private readonly problemListeners = new Set<(problem: HostProblem) => void>();
  private handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  private listening = false;
  /** Protected sheets already reported as unable to show highlights. */
  private readonly reportedProtected = new Set<string>();

  constructor(private readonly deps: ExcelDeps) {
    this.api = new ApiLevel((name, version) => deps.isSetSupported(name, version));
    const schedule = deps.schedule ?? defaultSchedule;
    this.env = { run: deps.run, api: this.api, schedule, retryDelaysMs: deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS };
    this.scheduler = new LiveCheckScheduler(schedule, deps.debounceMs ?? DEFAULT_DEBOUNCE_MS, () => this.startLiveCheck());
    this.scheduler.enabled = false;
  }

  capabilities(): HostCapabilities {
    const reasons: HostProblem[] = [];
    const xls = isXlsDocument(this.deps.documentUrl());
    if (xls) reasons.push(problem('xls_file'));
    const highlights = this.api.has('conditionalFormats');
    const live = this.api.has('onChanged');
    if (!xls && !highlights) reasons.push(apiUnsupported(REQUIRED_VERSION.conditionalFormats, 'insert').problem);
    else if (!xls && !live) reasons.push(apiUnsupported(REQUIRED_VERSION.onChanged, 'liveChecking').problem);
    return {
      canInsert: !xls && highlights,
      liveChecking: !xls && highlights && live,
      multiAreaHighlights: !xls && this.api.has('multiAreaRanges'),
      reasons,
    };
  }

  displayLanguage(): string {
    return this.deps.displayLanguage();
  }

  prefersDark(): boolean {
    return this.deps.prefersDark();
  }

  onCheck(listener: (update: CheckUpdate) => void): () => void {
    this.checkListeners.add(listener);
    return () => this.checkListeners.delete(listener);
  }

  onProblem(listener: (problem: HostProblem) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  lastCheck(): CheckUpdate | null {
    return this.latest;
  }

  /** Throws the first reason the host cannot work at all (an .xls file, ExcelApi below 1.6). */
  private requireUsable(): void {
    const capabilities = this.capabilities();
    if (!capabilities.canInsert) throw new HostError(capabilities.reasons[0] ?? problem('api_unsupported', { set: 'ExcelApi', version: REQUIRED_VERSION.conditionalFormats }));
  }

  async start(): Promise<void> {
    this.requireUsable();
    if (this.started) return this.recheck();
    const capabilities = this.capabilities();
    if (capabilities.liveChecking) {
      // Listen first: an edit made during the first check makes it stale and is checked next.
      if (!this.listening) await this.subscribe();
      this.scheduler.enabled = true;
    }
    this.started = true;
    await this.check('full');
    if (!capabilities.liveChecking) this.report(apiUnsupported(REQUIRED_VERSION.onChanged, 'liveChecking'));
  }

  private readonly onChanged = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (isOwnChange(args)) return;
    this.scheduler.noteEdit(args.worksheetId, mayMoveFormats(args));
  };

  private readonly onAdded = async (args: Excel.WorksheetAddedEventArgs): Promise<void> => {
    if (!this.api.has('worksheetsOnChanged')) {
      // Below ExcelApi 1.9 each sheet is listened to on its own.
      await runExcel(this.env, async (context) => {
        this.handlers.push(context.workbook.worksheets.getItem(args.worksheetId).onChanged.add(this.onChanged));
        await context.sync();
      }).catch((error: unknown) => this.report(error));
    }
    this.scheduler.noteEdit(args.worksheetId, false);
  };

  private readonly onDeleted = async (args: Excel.WorksheetDeletedEventArgs): Promise<void> => {
    this.formSheetIds.delete(args.worksheetId);
    this.scheduler.noteEdit(null, false);
  };

  private readonly activeListeners = new Set<(sheet: string) => void>();

  onActiveSheet(listener: (sheet: string) => void): () => void {
    this.activeListeners.add(listener);
    return () => this.activeListeners.delete(listener);
  }

  private readonly onActivated = async (args: Excel.WorksheetActivatedEventArgs): Promise<void> => {
    const name = this.sheets.find((sheet) => sheet.id === args.worksheetId)?.name;
    if (name) for (const listener of this.activeListeners) listener(name);
  };

  private readonly onRenamed = async (args: Excel.WorksheetNameChangedEventArgs): Promise<void> => {
    this.scheduler.noteEdit(args.worksheetId, false);
  };

  /** Below ExcelApi 1.9, a sheet the add-in adds itself (its onAdded is not raised) is listened to here. */
  private listenToAddedSheet(sheet: Excel.Worksheet): void {
    if (this.listening && !this.api.has('worksheetsOnChanged')) this.handlers.push(sheet.onChanged.add(this.onChanged));
  }

  private async subscribe(): Promise<void> {
    const { onChanged, onAdded, onDeleted, onRenamed } = this;
    this.listening = true;
    await runExcel(this.env, async (context) => {
      const worksheets = context.workbook.worksheets;
      if (this.api.has('worksheetsOnChanged')) {
        this.handlers.push(worksheets.onChanged.add(onChanged));
      } else {
        worksheets.load('items/id');
        await context.sync();
        for (const sheet of worksheets.items) this.handlers.push(sheet.onChanged.add(onChanged));
      }
      this.handlers.push(worksheets.onAdded.add(onAdded));
      this.handlers.push(worksheets.onDeleted.add(onDeleted));
      this.handlers.push(worksheets.onActivated.add(this.onActivated));
      // Below ExcelApi 1.17 a renamed sheet shows its new name from the next check on.
      if (this.api.has('nameChanged')) this.handlers.push(worksheets.onNameChanged.add(onRenamed));
      await context.sync();
    });
  }

  async dispose(): Promise<void> {
    this.scheduler.dispose();
    this.scheduler.enabled = false;
    const handlers = this.handlers;
    this.handlers = [];
    this.listening = false;
    // A handler is removed through the request context it was added in (Office.js's rule).
    const byContext = new Map<OfficeExtension.ClientRequestContext, OfficeExtension.EventHandlerResult<unknown>[]>();
    for (const handler of handlers) byContext.set(handler.context, [...(byContext.get(handler.context) ?? []), handler]);
    for (const [context, group] of byContext) {
      await this.deps.run(context, async (batchContext: Excel.RequestContext) => {
        for (const handler of group) handler.remove();
        await batchContext.sync();
      });
    }
  }

  // ------------------------------------------------------------------ serial work and idling

  private serial<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    const result = this.tail.then(work);
    this.tail = result.then(
      () => this.finishWork(),
      () => this.finishWork(),
    );
    return result;
  }

  private finishWork(): void {
    this.busy--;
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.busy > 0 || this.scheduler.pending) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
  }

  private report(error: unknown): void {
    const reported = problemOf(error);
    for (const listener of this.problemListeners) listener(reported);
  }

  private publish(result: WorkbookCheckResult): void {
    this.published++;
    this.latest = { sequence: this.published, result, fullCheck: this.fullCheck };
    for (const listener of this.checkListeners) listener(this.latest);
  }

  // ------------------------------------------------------------------ checking

  private startLiveCheck(): void {
    this.check('changes').catch((error: unknown) => this.report(error));
  }

  private checkOptions(): CheckOptions {
    return this.deps.checkOptions?.() ?? {};
  }

  /**
   * One check: read the form sheets and the changed ones (one sync), check, and apply the
   * change in highlights (one more sync, none when nothing changed). Returns false when a
   * newer edit made it stale before it applied anything.
   */
  private check(mode: CheckMode): Promise<boolean> {
    return this.serial(async () => {
      const run = this.scheduler.begin();
      try {
        const done = await runOwnWrite(this.env, async (context, events) => {
          const full = mode === 'full' || !this.everRead;
          const ids = full ? ('all' as const) : new Set([...this.formSheetIds, ...run.changes.sheets]);
          const read = await readWorkbook(context, this.api, { ids, knownIds: new Set(this.sheets.map((sheet) => sheet.id)), options: { cells: true, highlights: true } });
          if (run.isStale()) return false;
          const result = withAllSheets(checkWorkbook({ sheets: sheetsOf(read.reads, read.sheets) }, this.checkOptions()), read.sheets);
          const wanted = highlightsFromResult(highlightPlan(result, { fullCheck: this.fullCheck }));
          const states: SheetHighlightState[] = [...read.reads.values()].map((sheetRead) => ({
            sheetId: sheetRead.info.id,
            owned: sheetRead.owned,
            desired: wanted.get(sheetRead.info.name),
            moved: run.changes.moved.has(sheetRead.info.id),
          }));
          const changes = this.writableChanges(planHighlightChanges(states, this.applied), read.reads);
          if (changes.length > 0) {
            const proxies = new Map(changes.map((change) => [change.sheetId, context.workbook.worksheets.getItem(change.sheetId)]));
            events.suspend();
            const record = queueHighlightChanges(proxies, changes, this.api);
            events.resume();
            await context.sync();
            record(this.applied);
          }
          this.remember(read.sheets, read.reads, result, full);
          this.publish(result);
          return true;
        });
        if (!done) this.scheduler.giveBack(run.changes);
        return done;
      } catch (error) {
        this.scheduler.giveBack(run.changes);
        throw error;
      }
    });
  }

  /**
   * A protected sheet takes no conditional formats: its highlights are left as they are (the
   * issues are still published) and the pane is told once, until the sheet is unprotected.
   */
  private writableChanges(changes: readonly HighlightChange[], reads: ReadonlyMap<string, SheetRead>): HighlightChange[] {
    const writable: HighlightChange[] = [];
    const blocked = new Set<string>();
    for (const change of changes) {
      const read = reads.get(change.sheetId);
      if (read?.protected) blocked.add(read.info.id);
      else writable.push(change);
    }
    for (const read of reads.values()) if (!read.protected) this.reportedProtected.delete(read.info.id);
    for (const id of blocked) {
      if (this.reportedProtected.has(id)) continue;
      this.reportedProtected.add(id);
      this.report(new HostError(problem('protected_sheet', { sheet: reads.get(id)?.info.name ?? '' })));
    }
    return writable;
  }

  private remember(sheets: readonly SheetInfo[], reads: ReadonlyMap<string, SheetRead>, result: WorkbookCheckResult, full: boolean): void {
    const listed = new Set(sheets.map((sheet) => sheet.id));
    const kept = full ? new Map<string, SheetRead>() : new Map([...this.reads].filter(([id]) => listed.has(id)));
    for (const [id, read] of reads) kept.set(id, read);
    this.reads = kept;
    this.sheets = sheets;
    this.everRead = true;
    const formNames = new Set(result.forms.map((form) => form.form.sheet));
    this.formSheetIds = new Set(sheets.filter((sheet) => formNames.has(sheet.name)).map((sheet) => sheet.id));
    for (const id of [...this.applied.keys()]) if (!listed.has(id)) this.applied.delete(id);
  }

  async recheck(): Promise<void> {
    this.requireUsable();
    await this.check('full');
  }

  async checkBeforeSubmit(): Promise<void> {
    this.requireUsable();
    this.fullCheck = true;
    await this.check('full');
  }

  async setLiveChecking(enabled: boolean): Promise<void> {
    if (!enabled) {
      this.scheduler.enabled = false;
      this.scheduler.dispose();
      this.notifyIfIdle();
      return;
    }
    const capabilities = this.capabilities();
    if (!capabilities.liveChecking) throw new HostError(capabilities.reasons[0] ?? apiUnsupported(REQUIRED_VERSION.onChanged, 'liveChecking').problem);
    if (!this.started) return this.start();
    this.scheduler.enabled = true;
    await this.check('full');
  }

  // ------------------------------------------------------------------ writing

  async insert(options: InsertOptions): Promise<InsertResult> {
    this.requireUsable();
    const { buildLayoutPlan, planToSnapshot, queueLayout, uniqueSheetName, PayloadBudget } = await loadEdits();
    const plan = buildLayoutPlan(options.template, { year: options.year, withSample: options.withSample });
    return this.serial(() =>
      runOwnWrite(this.env, async (context, events) => {
        const ids = this.everRead ? new Set(this.formSheetIds) : ('all' as const);
        const read = await readWorkbook(context, this.api, { ids, knownIds: new Set(this.sheets.map((sheet) => sheet.id)), options: { cells: true, highlights: true } });
        const name = uniqueSheetName(plan.sheetName, read.sheets.map((sheet) => sheet.name));
        events.suspend();
        const sheet = context.workbook.worksheets.add(name);
        sheet.load('id,name');
        await queueLayout(sheet, plan, this.api, new PayloadBudget(context, this.deps.maxRequestBytes));

        // The new form is checked from the plan itself, not read back.
        const inserted: SheetSnapshot = { ...planToSnapshot(plan), name };
        const order = [...read.sheets, { id: '', name }];
        const reads = new Map(read.reads);
        reads.set('', { info: { id: '', name }, snapshot: inserted, owned: [], protected: false });
        const result = withAllSheets(checkWorkbook({ sheets: sheetsOf(reads, order) }, this.checkOptions()), order);
        const wanted = highlightsFromResult(highlightPlan(result, { fullCheck: this.fullCheck }));
        const states: SheetHighlightState[] = [...reads.values()].map((sheetRead) => ({ sheetId: sheetRead.info.id, owned: sheetRead.owned, desired: wanted.get(sheetRead.info.name), moved: false }));
        const changes = this.writableChanges(planHighlightChanges(states, this.applied), reads);
        const proxies = new Map(changes.map((change) => [change.sheetId, change.sheetId === '' ? sheet : context.workbook.worksheets.getItem(change.sheetId)]));
        const applied: AppliedHighlights = new Map();
        const record = queueHighlightChanges(proxies, changes, this.api);

        this.listenToAddedSheet(sheet);
        sheet.activate();
        sheet.getCell(plan.firstInputCell.row, plan.firstInputCell.col).select();
        events.resume();
        await context.sync();

        record(applied);
        for (const [id, bySeverity] of applied) this.applied.set(id === '' ? sheet.id : id, bySeverity);
        const info = { id: sheet.id, name: sheet.name };
        reads.delete('');
        reads.set(info.id, { info, snapshot: inserted, owned: [], protected: false });
        this.remember([...read.sheets, info], reads, result, !this.everRead);
        this.publish(result);
        return { sheet: sheet.name };
      }),
    );
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.serial(() =>
      runExcel(
        this.env,
        async (context) => {
          const worksheet = context.workbook.worksheets.getItem(sheet);
          worksheet.activate();
          worksheet.getRange(cell).select();
          await context.sync();
        },
        { sheet },
      ),
    );
  }

  private sheetIdByName(name: string): string | null {
    return this.sheets.find((sheet) => sheet.name === name)?.id ?? null;
  }

  /**
   * After the add-in's own write (its events are not listened to) the check follows at once;
   * the call itself resolves when the write is done. A failure of that check is reported
   * through `onProblem`, like any live check's.
   */
  private checkAfterOwnWrite(sheet: string, moved: boolean): void {
    this.scheduler.noteOwnChange(this.sheetIdByName(sheet), moved);
  }

  async applyFix(sheet: string, fix: IssueFix): Promise<void> {
    this.requireUsable();
    if (!parseA1(fix.cell)) throw new HostError(problem('excel_error', { message: `not a cell address: ${fix.cell}` }));
    const { queueFix } = await loadEdits();
    await this.serial(() =>
      runOwnWrite(
        this.env,
        async (context, events) => {
          events.suspend();
          queueFix(context.workbook.worksheets.getItem(sheet), fix);
          events.resume();
          await context.sync();
        },
        { sheet },
      ),
    );
    this.checkAfterOwnWrite(sheet, false);
  }

  async addTaskRow(sheet: string): Promise<void> {
    const edits = await loadEdits();
    return this.addRow(sheet, (snapshot) => edits.taskRowTarget(snapshot), edits);
  }

  async addIndicatorRow(sheet: string, level1: string, level2: string | null): Promise<void> {
    const edits = await loadEdits();
    return this.addRow(sheet, (snapshot) => edits.indicatorRowTarget(snapshot, level1, level2), edits);
  }

  /**
   * Two syncs: the sheet is read together with the formats of the row the last check says
   * will be copied; the row is inserted in the second. When the fresh read disagrees with
   * that guess (the sheet changed since), the right row's formats cost one more read.
   */
  private async addRow(sheetName: string, targetOf: (snapshot: SheetSnapshot) => RowInsertTarget, { queueRowFormatRead, queueRowInsert }: Edits): Promise<void> {
    this.requireUsable();
    await this.serial(() =>
      runOwnWrite(
        this.env,
        async (context, events) => {
          const cachedId = this.sheetIdByName(sheetName);
          const cached = cachedId ? this.reads.get(cachedId) : undefined;
          let guess: RowInsertTarget | null = null;
          try {
            guess = cached ? targetOf(cached.snapshot) : null;
          } catch (error) {
            if (!(error instanceof HostError)) throw error;
          }
          const resolveRead = queueSheetReadForRows(context, sheetName, this.api);
          const sheet = context.workbook.worksheets.getItem(sheetName);
          const guessedFormats = guess ? queueRowFormatRead(sheet, guess.sourceRow, guess.lastCol, this.api) : null;
          await context.sync();
          const read = resolveRead();
          if (read.protected) throw new HostError(problem('protected_sheet', { sheet: sheetName }));
          const target = targetOf(read.snapshot);
          let formats = guess && guessedFormats && guess.sourceRow === target.sourceRow && guess.lastCol === target.lastCol ? guessedFormats() : null;
          if (!formats) {
            const resolveFormats = queueRowFormatRead(sheet, target.sourceRow, target.lastCol, this.api);
            await context.sync();
            formats = resolveFormats();
          }
          events.suspend();
          queueRowInsert(sheet, target, formats);
          events.resume();
          await context.sync();
        },
        { sheet: sheetName },
      ),
    );
    this.checkAfterOwnWrite(sheetName, true);
  }

  async clearHighlights(): Promise<void> {
    this.requireUsable();
    await this.serial(() =>
      runOwnWrite(this.env, async (context, events) => {
        await removeOwnedHighlights(context, this.api, events.suspend, events.resume);
        this.applied.clear();
      }),
    );
  }
}

function queueSheetReadForRows(context: Excel.RequestContext, sheetName: string, api: ApiLevel): () => SheetRead {
  return queueSheetRead(context, sheetName, api, { cells: true, highlights: false });
}

export function createExcelHost(deps: ExcelDeps): ExcelFormHost {
  return new ExcelHost(deps);
}


