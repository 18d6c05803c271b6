/**
 * The `FormHost` over the WPS Spreadsheets object model (`window.Application` in a WPS 加载项,
 * or the in-memory WPS in tests and the preview), beside the Excel one (src/excel/excel-host.ts).
 * Calls into WPS are synchronous and each crosses into the WPS process, so every read and write
 * covers whole ranges, never a loop over cells.
 *
 * The pieces: `wps-read.ts` reads (with `wps-merges.ts` for merged areas), `wps-check.ts`
 * checks and writes highlights (`wps-highlights.ts`), `wps-events.ts` listens and keeps the
 * add-in's own writes quiet, `wps-layout.ts` and `wps-rows.ts` change forms; what every host
 * shares is in src/host (the schedule, the highlight bookkeeping, the known sheets, the row
 * targets).
 */
import { parseA1, type CheckOptions, type IssueFix, type SheetSnapshot } from '../core';
import { NO_MOVES, type CheckDeps } from '../host/check-plan';
import { HostError, type CheckUpdate, type FormHost, type HostCapabilities, type HostProblem, type InsertOptions, type InsertResult } from '../host/form-host';
import { HighlightBook } from '../host/highlight-book';
import { HostChannels } from '../host/host-channels';
import { KnownSheets } from '../host/known-sheets';
import { LiveCheckScheduler, type FormatMove } from '../host/live-check-scheduler';
import { problem, ProtectedSheets } from '../host/problems';
import type { RowInsertTarget } from '../host/row-targets';
import { defaultSchedule, type Schedule } from '../host/schedule';
import { SerialWork } from '../host/serial-work';
import { extentOf } from './wps-cells';
import { checkAndHighlight } from './wps-check';
import { OwnWrites, WpsEvents } from './wps-events';
import { deleteOwned } from './wps-highlights';
import { MergeBook } from './wps-merges';
import { listSheets, readOwned, readSheet, readWorkbook, type WpsSheetRead } from './wps-read';
import type { WpsApplication, WpsWorkbook, WpsWorksheet } from './wps-api';

export interface WpsDeps {
  /** `window.Application`, or the in-memory WPS's. */
  readonly application: WpsApplication;
  /** WPS's display language, `zh-CN` or `en-US` style. Default `zh-CN`. */
  displayLanguage?(): string;
  /** Whether WPS shows a dark theme. Default false. */
  prefersDark?(): boolean;
  /** Quiet time after an edit before the live check runs. Default 300 ms. */
  readonly debounceMs?: number;
  /** Timers (tests pass their own). Default `setTimeout`. */
  readonly schedule?: Schedule;
  /** Options of every check (the pane's settings). */
  readonly checkOptions?: () => CheckOptions;
}

/** The WPS host, with what tests and the preview need beyond `FormHost`. */
export interface WpsFormHost extends FormHost {
  /** Resolves once no check is waiting for its debounce or running. */
  whenIdle(): Promise<void>;
  /** The last published check, if any. */
  lastCheck(): CheckUpdate | null;
  /** Stops listening to WPS. */
  dispose(): Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 300;

type Edits = typeof import('./wps-edits');
let editsModule: Promise<Edits> | null = null;
/** The insert and add-row code, loaded once on first use (see wps-edits.ts). */
function loadEdits(): Promise<Edits> {
  editsModule ??= import(/* webpackChunkName: "wps-edits" */ './wps-edits');
  return editsModule;
}

/** An error WPS threw, as the problem the pane shows. */
function problemOf(error: unknown): HostProblem {
  if (error instanceof HostError) return error.problem;
  return problem('wps_error', { message: error instanceof Error ? error.message : String(error) });
}

class WpsHost implements WpsFormHost {
  private readonly scheduler: LiveCheckScheduler;
  private readonly work: SerialWork;
  private readonly own: OwnWrites;
  private readonly events: WpsEvents;
  private readonly book = new HighlightBook();
  private readonly merges = new MergeBook();
  private known = new KnownSheets<WpsSheetRead>();
  private readonly channels = new HostChannels();
  private readonly protectedSheets = new ProtectedSheets((error) => this.report(error));
  /** The workbook the state above is about (`FullName`); another one active starts afresh. */
  private workbookName: string | null = null;
  private started = false;
  private fullCheck = false;

  constructor(private readonly deps: WpsDeps) {
    const schedule = deps.schedule ?? defaultSchedule;
    this.scheduler = new LiveCheckScheduler(schedule, deps.debounceMs ?? DEFAULT_DEBOUNCE_MS, () => this.startLiveCheck());
    this.scheduler.enabled = false;
    this.work = new SerialWork(() => this.scheduler.pending);
    this.own = new OwnWrites(deps.application);
    this.events = new WpsEvents(deps.application, this.own, this.merges, {
      edited: (sheet, move) => this.scheduler.noteEdit(sheet, move),
      activated: (sheet) => {
        this.channels.activeSheets.tell(sheet);
      },
    });
  }

  capabilities(): HostCapabilities {
    const open = this.deps.application.ActiveWorkbook !== null;
    return { canInsert: open, liveChecking: open, multiAreaHighlights: true, reasons: open ? [] : [problem('no_workbook')] };
  }

  displayLanguage(): string {
    return this.deps.displayLanguage?.() ?? 'zh-CN';
  }

  prefersDark(): boolean {
    return this.deps.prefersDark?.() ?? false;
  }

  onCheck(listener: (update: CheckUpdate) => void): () => void {
    return this.channels.checks.listen(listener);
  }

  onProblem(listener: (problem: HostProblem) => void): () => void {
    return this.channels.problems.listen(listener);
  }

  onActiveSheet(listener: (sheet: string) => void): () => void {
    return this.channels.activeSheets.listen(listener);
  }

  lastCheck(): CheckUpdate | null {
    return this.channels.lastCheck();
  }

  whenIdle(): Promise<void> {
    return this.work.whenIdle();
  }

  /** The active workbook; what was known of another one is forgotten. */
  private workbook(): WpsWorkbook {
    const workbook = this.deps.application.ActiveWorkbook;
    if (!workbook) throw new HostError(problem('no_workbook'));
    const name = workbook.FullName;
    if (name !== this.workbookName) {
      this.workbookName = name;
      this.known = new KnownSheets<WpsSheetRead>();
      this.book.clear();
      this.merges.forgetAll();
    }
    return workbook;
  }

  private sheetNamed(workbook: WpsWorkbook, name: string): WpsWorksheet {
    const found = listSheets(workbook).find((entry) => entry.info.name === name);
    if (!found) throw new HostError(problem('sheet_not_found', { sheet: name }));
    return found.sheet;
  }

  private writableSheet(name: string): WpsWorksheet {
    const sheet = this.sheetNamed(this.workbook(), name);
    if (sheet.ProtectContents) throw new HostError(problem('protected_sheet', { sheet: name }));
    return sheet;
  }

  async start(): Promise<void> {
    this.workbook();
    if (this.started) return this.recheck();
    // Listen first: an edit made during the first check makes it stale and is checked next.
    this.events.subscribe();
    this.scheduler.enabled = true;
    await this.check('all');
    this.started = true;
  }

  async dispose(): Promise<void> {
    this.scheduler.dispose();
    this.scheduler.enabled = false;
    this.events.dispose();
  }

  private report(error: unknown): void {
    this.channels.problems.tell(problemOf(error));
  }

  private publish(result: CheckUpdate['result']): void {
    this.channels.publish(result, this.fullCheck);
  }

  private checkDeps(): CheckDeps {
    return {
      book: this.book,
      options: this.deps.checkOptions?.() ?? {},
      fullCheck: this.fullCheck,
      reportProtected: this.protectedSheets.note,
      // A sheet WPS cannot read throws, and the check reports it as a whole.
      reportFailures: () => undefined,
      publish: (result) => this.publish(result),
    };
  }

  // ------------------------------------------------------------------ checking

  private startLiveCheck(): void {
    this.check('changes').catch((error: unknown) => this.report(error));
  }

  /** One check: read the form sheets whole and the changed ones, check, write the change in highlights. False when it went stale. */
  private check(scope: 'all' | 'changes'): Promise<boolean> {
    return this.work.run(async () => {
      const run = this.scheduler.begin();
      try {
        const workbook = this.workbook();
        // A recheck also searches merges afresh: merging raises no SheetChange.
        if (scope === 'all') this.merges.forgetAll();
        const request = this.known.request(scope === 'all' ? 'all' : run.changes.sheets);
        const read = readWorkbook(workbook, request, this.merges);
        const deps = this.checkDeps();
        const result = await checkAndHighlight(
          deps,
          { order: read.sheets, reads: read.reads, moves: run.changes },
          { own: this.own, sheetOf: (id) => read.handles.get(id) ?? this.sheetNamed(workbook, id), isStale: run.isStale },
        );
        if (!result) {
          this.scheduler.giveBack(run.changes);
          return false;
        }
        this.known.remember(read.sheets, read.reads, result, request.ids === 'all');
        this.book.keepOnly(new Set(read.sheets.map((sheet) => sheet.id)));
        deps.publish(result);
        return true;
      } catch (error) {
        this.scheduler.giveBack(run.changes);
        throw error;
      }
    });
  }

  async recheck(): Promise<void> {
    await this.check('all');
  }

  async checkBeforeSubmit(): Promise<void> {
    this.fullCheck = true;
    await this.check('all');
  }

  async setLiveChecking(enabled: boolean): Promise<void> {
    if (!enabled) {
      this.scheduler.enabled = false;
      this.scheduler.dispose();
      this.work.notifyIfIdle();
      return;
    }
    if (!this.started) return this.start();
    this.scheduler.enabled = true;
    await this.check('all');
  }

  // ------------------------------------------------------------------ writing

  async insert(options: InsertOptions): Promise<InsertResult> {
    const edits = await loadEdits();
    const plan = edits.buildLayoutPlan(options.template, { year: options.year, withSample: options.withSample });
    return this.work.run(async () => {
      const workbook = this.workbook();
      const request = this.known.request(new Set());
      const read = readWorkbook(workbook, request, this.merges);
      const name = edits.uniqueSheetName(plan.sheetName, read.sheets.map((sheet) => sheet.name));
      const sheet = this.own.run(() => edits.insertLayout(workbook.Worksheets, name, plan));
      this.merges.set(name, plan.merges, extentOf(sheet.UsedRange)?.bottom ?? null);
      const info = { id: name, name };
      const reads = new Map(read.reads);
      reads.set(name, { info, snapshot: { ...edits.planToSnapshot(plan), name }, owned: [], protected: false, whole: true });
      const sheets = [...read.sheets, info];
      const deps = this.checkDeps();
      const result = await checkAndHighlight(deps, { order: sheets, reads, moves: NO_MOVES }, { own: this.own, sheetOf: (id) => (id === name ? sheet : (read.handles.get(id) ?? this.sheetNamed(workbook, id))), isStale: () => false });
      if (result) {
        this.known.remember(sheets, reads, result, request.ids === 'all');
        deps.publish(result);
      }
      return { sheet: name };
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.work.run(async () => {
      const target = this.sheetNamed(this.workbook(), sheet);
      target.Activate();
      target.Range(cell).Select();
    });
  }

  /** After the add-in's own write (its events are dropped) the check follows at once. */
  private checkAfterOwnWrite(sheet: string, move: FormatMove): void {
    this.scheduler.noteOwnChange(sheet, move);
  }

  async applyFix(sheet: string, fix: IssueFix): Promise<void> {
    if (!parseA1(fix.cell)) throw new HostError(problem('wps_error', { message: `not a cell address: ${fix.cell}` }));
    await this.work.run(async () => {
      const target = this.writableSheet(sheet);
      this.own.run(() => {
        const range = target.Range(fix.cell);
        if (typeof fix.value === 'string' && fix.value.startsWith('=')) range.Formula = fix.value;
        else range.Value2 = fix.value;
      });
    });
    this.checkAfterOwnWrite(sheet, 'none');
  }

  /** One read of the sheet (its cells, merges from the book), then the insertion as one own write. */
  private async addRow(sheetName: string, targetOf: (edits: Edits, snapshot: SheetSnapshot) => RowInsertTarget): Promise<void> {
    const edits = await loadEdits();
    await this.work.run(async () => {
      const sheet = this.writableSheet(sheetName);
      const info = { id: sheetName, name: sheetName };
      const read = readSheet(sheet, info, { cells: true, highlights: false }, 'whole', (extent) => this.merges.read(sheet, sheetName, extent));
      const target = targetOf(edits, read.snapshot);
      const merges = this.own.run(() => edits.insertRow(sheet, target, read.snapshot.merges ?? []));
      const lastRow = read.snapshot.rows.length - 1;
      this.merges.set(sheetName, merges, lastRow < 0 ? null : lastRow + 1);
    });
    this.checkAfterOwnWrite(sheetName, 'shifted');
  }

  addTaskRow(sheet: string): Promise<void> {
    return this.addRow(sheet, (edits, snapshot) => edits.taskRowTarget(snapshot));
  }

  addIndicatorRow(sheet: string, level1: string, level2: string | null): Promise<void> {
    return this.addRow(sheet, (edits, snapshot) => edits.indicatorRowTarget(snapshot, level1, level2));
  }

  /** Removes every highlight the add-in owns, on every sheet: its own and leftovers alike, found by their label. */
  async clearHighlights(): Promise<void> {
    await this.work.run(async () => {
      for (const { sheet } of listSheets(this.workbook())) {
        if (sheet.ProtectContents) continue;
        const owned = readOwned(sheet);
        if (owned.length > 0) this.own.run(() => deleteOwned(sheet, owned));
      }
      this.book.clear();
    });
  }
}

export function createWpsHost(deps: WpsDeps): WpsFormHost {
  return new WpsHost(deps);
}
