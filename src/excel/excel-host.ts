/**
 * The add-in's `FormHost` over Office.js. Every dependency on the Office globals is injected
 * (`ExcelDeps`), so the same code runs in Excel (`office-entry.ts`) and over the in-memory
 * Excel in tests and the preview.
 *
 * The pieces: `read-workbook.ts` reads, `check-pipeline.ts` checks and writes highlights
 * (with `highlight-book.ts` keeping what was applied), `host-events.ts` listens,
 * `src/host/live-check-scheduler.ts` decides when to check, `src/host/serial-work.ts` keeps batches apart and
 * `form-edits.ts` runs the pane's changes to forms.
 */
import { type CheckOptions, type IssueFix } from '../core';
import { ApiLevel, REQUIRED_VERSION } from './api-sets';
import { checkAndHighlight, type PipelineDeps } from './check-pipeline';
import { ProtectedSheets } from '../host/problems';
import { queueOwnedDeletes } from './apply-highlights';
import { FormEdits } from './form-edits';
import { HighlightBook } from '../host/highlight-book';
import { HostChannels } from '../host/host-channels';
import { HostError, type CheckUpdate, type FormHost, type HostCapabilities, type HostProblem, type InsertOptions, type InsertResult } from '../host/form-host';
import { WorkbookEvents } from './host-events';
import { KnownSheets } from '../host/known-sheets';
import { LiveCheckScheduler, type FormatMove } from '../host/live-check-scheduler';
import { apiUnsupported, isXlsDocument, problem, problemOf } from './problems';
import { readWorkbook, type SheetFailure } from './read-workbook';
import { DEFAULT_RETRY_DELAYS_MS, defaultSchedule, runExcel, runOwnWrite, type RunEnvironment, type Schedule } from './run-excel';
import { queueSpotRead, spotOf, type SelectionSpot } from './selection-probe';
import { SerialWork } from '../host/serial-work';

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

function isOwnChange(args: { triggerSource?: string }): boolean {
  return typeof args.triggerSource === 'string' && args.triggerSource.toLowerCase() === 'thislocaladdin';
}

/** Row and column moves shift conditional formats with the cells; pastes over several cells may copy them. */
function formatMoveOf(args: Excel.WorksheetChangedEventArgs): FormatMove {
  if (args.changeType !== 'RangeEdited') return 'shifted';
  return args.address.includes(':') ? 'copied' : 'none';
}

class ExcelHost implements ExcelFormHost {
  private readonly api: ApiLevel;
  private readonly env: RunEnvironment;
  private readonly scheduler: LiveCheckScheduler;
  private readonly work: SerialWork;
  private readonly known = new KnownSheets();
  private readonly book = new HighlightBook();
  private readonly channels = new HostChannels();
  private readonly protectedSheets = new ProtectedSheets((error) => this.report(error));
  private readonly events: WorkbookEvents;
  private readonly edits: FormEdits;
  /** Sheets whose read failed, reported once until they read again. */
  private readonly reportedFailures = new Set<string>();
  private started = false;
  /** Set by the check before submitting: "to fill" issues are highlighted too. */
  private fullCheck = false;
  /** Where the selection was; null after a sheet was activated (its selection is not known). */
  private selection: SelectionSpot | null = null;

  constructor(private readonly deps: ExcelDeps) {
    this.api = new ApiLevel((name, version) => deps.isSetSupported(name, version));
    const schedule = deps.schedule ?? defaultSchedule;
    this.env = { run: deps.run, api: this.api, schedule, retryDelaysMs: deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS };
    this.scheduler = new LiveCheckScheduler(schedule, deps.debounceMs ?? DEFAULT_DEBOUNCE_MS, () => this.startLiveCheck());
    this.scheduler.enabled = false;
    this.work = new SerialWork(() => this.scheduler.pending);
    this.events = new WorkbookEvents(this.env, this.api, {
      changed: (args) => {
        if (!isOwnChange(args)) this.scheduler.noteEdit(args.worksheetId, formatMoveOf(args));
      },
      // The add-in's own format writes run with events off.
      formatChanged: (args) => this.scheduler.noteEdit(args.worksheetId, 'copied'),
      added: (args) => this.scheduler.noteEdit(args.worksheetId),
      deleted: (args) => {
        this.known.forget(args.worksheetId);
        this.scheduler.noteEdit(null);
      },
      renamed: (args) => this.scheduler.noteEdit(args.worksheetId),
      selectionChanged: (args) => this.selectionMoved(args.worksheetId, spotOf(args.worksheetId, args.address)),
      activated: (args) => {
        this.selectionMoved(args.worksheetId, null);
        this.sheetActivated(args.worksheetId);
      },
    });
    this.edits = new FormEdits({ env: this.env, api: this.api, work: this.work, known: this.known, events: this.events, maxRequestBytes: deps.maxRequestBytes, pipeline: () => this.pipelineDeps() });
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
    return this.channels.checks.listen(listener);
  }

  onProblem(listener: (problem: HostProblem) => void): () => void {
    return this.channels.problems.listen(listener);
  }

  lastCheck(): CheckUpdate | null {
    return this.channels.lastCheck();
  }

  whenIdle(): Promise<void> {
    return this.work.whenIdle();
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
      await this.events.subscribe();
      this.scheduler.enabled = true;
    }
    await this.check('all');
    this.started = true;
    if (!capabilities.liveChecking) this.report(apiUnsupported(REQUIRED_VERSION.onChanged, 'liveChecking'));
  }

  async dispose(): Promise<void> {
    this.scheduler.dispose();
    this.scheduler.enabled = false;
    await this.events.dispose();
  }

  private report(error: unknown): void {
    this.channels.problems.tell(problemOf(error));
  }

  private publish(update: CheckUpdate['result']): void {
    this.channels.publish(update, this.fullCheck);
  }

  private pipelineDeps(): PipelineDeps {
    return { api: this.api, book: this.book, options: this.deps.checkOptions?.() ?? {}, fullCheck: this.fullCheck, reportProtected: this.protectedSheets.note, publish: (result) => this.publish(result), reportFailures: (failures, read) => this.reportFailures(failures, read) };
  }

  /** Each sheet that failed is told once, until it is read again. */
  private reportFailures(failures: readonly SheetFailure[], read: ReadonlySet<string>): void {
    for (const id of read) this.reportedFailures.delete(id);
    for (const failure of failures) {
      if (this.reportedFailures.has(failure.info.id)) continue;
      this.reportedFailures.add(failure.info.id);
      this.report(new HostError(problem('sheet_unreadable', { sheet: failure.info.name, code: failure.code })));
    }
  }

  // ------------------------------------------------------------------ checking

  private startLiveCheck(): void {
    this.check('changes').catch((error: unknown) => this.report(error));
  }

  /**
   * One check: read the form sheets whole and probe the changed ones (one sync), check, and
   * apply the change in highlights (one more sync, none when nothing changed). Returns false
   * when a newer edit made it stale before it applied anything.
   */
  private check(scope: 'all' | 'changes'): Promise<boolean> {
    return this.work.run(async () => {
      const run = this.scheduler.begin();
      try {
        const request = this.known.request(scope === 'all' ? 'all' : run.changes.sheets);
        const done = await runOwnWrite(
          this.env,
          async (context, events) => {
            const read = await readWorkbook(context, this.api, request);
            if (run.isStale()) return false;
            const deps = this.pipelineDeps();
            deps.reportFailures(read.failures, new Set(read.reads.keys()));
            const result = await checkAndHighlight(deps, { order: read.sheets, reads: read.reads, moves: run.changes }, { context, events });
            this.known.remember(read.sheets, read.reads, result, request.ids === 'all');
            this.book.keepOnly(new Set(read.sheets.map((sheet) => sheet.id)));
            deps.publish(result);
            return true;
          },
          { delayForCellEdit: true },
        );
        if (!done) this.scheduler.giveBack(run.changes);
        return done;
      } catch (error) {
        this.scheduler.giveBack(run.changes);
        throw error;
      }
    });
  }

  /**
   * The selection moved to `next` (null: not known, as after a sheet was activated). The cells
   * left behind are read when they lie on a form sheet and no check is on its way; a sheet
   * activated and then clicked is checked as a whole once.
   */
  private selectionMoved(sheetId: string, next: SelectionSpot | null): void {
    const left = this.selection;
    const unknownBefore = left === null;
    this.selection = next;
    if (!this.scheduler.enabled || this.scheduler.pending) return;
    if (unknownBefore) {
      if (next && this.known.formSheetIds.has(sheetId)) this.scheduler.noteEdit(sheetId);
      return;
    }
    const cached = this.known.reads.get(left.sheetId);
    if (!cached?.whole || !this.known.formSheetIds.has(left.sheetId)) return;
    this.work
      .run(() =>
        runExcel(
          this.env,
          async (context) => {
            const differs = queueSpotRead(context, left, cached.snapshot);
            await context.sync();
            if (differs() && !this.scheduler.pending) this.scheduler.noteEdit(left.sheetId);
          },
          { delayForCellEdit: true },
        ),
      )
      .catch((error: unknown) => this.report(error));
  }

  async recheck(): Promise<void> {
    this.requireUsable();
    await this.check('all');
  }

  async checkBeforeSubmit(): Promise<void> {
    this.requireUsable();
    this.fullCheck = true;
    await this.check('all');
  }

  onActiveSheet(listener: (sheet: string) => void): () => void {
    return this.channels.activeSheets.listen(listener);
  }

  private sheetActivated(sheetId: string): void {
    const name = this.known.sheets.find((sheet) => sheet.id === sheetId)?.name;
    if (name) this.channels.activeSheets.tell(name);
  }

  async setLiveChecking(enabled: boolean): Promise<void> {
    if (!enabled) {
      this.scheduler.enabled = false;
      this.scheduler.dispose();
      this.work.notifyIfIdle();
      return;
    }
    const capabilities = this.capabilities();
    if (!capabilities.liveChecking) throw new HostError(capabilities.reasons[0] ?? apiUnsupported(REQUIRED_VERSION.onChanged, 'liveChecking').problem);
    if (!this.started) return this.start();
    this.scheduler.enabled = true;
    await this.check('all');
  }

  // ------------------------------------------------------------------ writing

  async insert(options: InsertOptions): Promise<InsertResult> {
    this.requireUsable();
    return this.edits.insert(options);
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.work.run(() =>
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

  /** After the add-in's own write (its events are not listened to) the check follows at once. */
  private checkAfterOwnWrite(sheet: string, move: FormatMove): void {
    this.scheduler.noteOwnChange(this.known.idByName(sheet), move);
  }

  async applyFix(sheet: string, fix: IssueFix): Promise<void> {
    this.requireUsable();
    await this.edits.applyFix(sheet, fix);
    this.checkAfterOwnWrite(sheet, 'none');
  }

  async addTaskRow(sheet: string): Promise<void> {
    this.requireUsable();
    await this.edits.addRow(sheet, (edits, snapshot) => edits.taskRowTarget(snapshot));
    this.checkAfterOwnWrite(sheet, 'shifted');
  }

  async addIndicatorRow(sheet: string, level1: string, level2: string | null): Promise<void> {
    this.requireUsable();
    await this.edits.addRow(sheet, (edits, snapshot) => edits.indicatorRowTarget(snapshot, level1, level2));
    this.checkAfterOwnWrite(sheet, 'shifted');
  }

  /** Removes every highlight the add-in owns, on every sheet: its own and leftovers alike, found by their label. */
  async clearHighlights(): Promise<void> {
    this.requireUsable();
    await this.work.run(() =>
      runOwnWrite(this.env, async (context, events) => {
        const read = await readWorkbook(context, this.api, { ids: 'all', formIds: new Set(), knownIds: new Set(), options: { cells: false, highlights: true } });
        events.suspend();
        for (const sheetRead of read.reads.values()) if (sheetRead.owned.length > 0) queueOwnedDeletes(context.workbook.worksheets.getItem(sheetRead.info.id), sheetRead.owned);
        events.resume();
        await context.sync();
        this.book.clear();
      }),
    );
  }
}

export function createExcelHost(deps: ExcelDeps): ExcelFormHost {
  return new ExcelHost(deps);
}
