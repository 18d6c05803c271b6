/**
 * The pane's changes to forms: inserting one, adding a row, applying a quick fix. Their code
 * (with the layout plans) is a chunk of its own, loaded on first use (see edits.ts). An insert
 * runs the same check pipeline as a live check, with the new form checked from its plan
 * instead of read back.
 */
import { type SheetSnapshot, parseA1, type IssueFix } from '../core';
import type { RowInsertTarget } from '../host/row-targets';
import type { ApiLevel } from './api-sets';
import { checkAndHighlight, NO_MOVES, type PipelineDeps } from './check-pipeline';
import { HostError, type InsertOptions, type InsertResult } from '../host/form-host';
import type { WorkbookEvents } from './host-events';
import type { KnownSheets } from '../host/known-sheets';
import { problem } from './problems';
import { queueSheetRead, readWorkbook, type SheetRead } from './read-workbook';
import { runOwnWrite, type RunEnvironment } from './run-excel';
import type { SerialWork } from '../host/serial-work';

export type Edits = typeof import('./edits');
let editsModule: Promise<Edits> | null = null;
/** The insert/add-row/fix code, loaded once on first use (see edits.ts). */
function loadEdits(): Promise<Edits> {
  editsModule ??= import(/* webpackChunkName: "excel-edits" */ './edits');
  return editsModule;
}

export interface FormEditsDeps {
  readonly env: RunEnvironment;
  readonly api: ApiLevel;
  readonly work: SerialWork;
  readonly known: KnownSheets;
  readonly events: WorkbookEvents;
  readonly maxRequestBytes: number | undefined;
  readonly pipeline: () => PipelineDeps;
}

/** The id the new sheet stands under in its own batch, before Excel gives it one. */
const NEW_SHEET = '';

export class FormEdits {
  constructor(private readonly deps: FormEditsDeps) {}

  async insert(options: InsertOptions): Promise<InsertResult> {
    const { buildLayoutPlan, planToSnapshot, queueLayout, uniqueSheetName, PayloadBudget } = await loadEdits();
    const plan = buildLayoutPlan(options.template, { year: options.year, withSample: options.withSample });
    const { env, api, known, events: workbookEvents } = this.deps;
    return this.deps.work.run(() =>
      runOwnWrite(env, async (context, events) => {
        const request = known.request(new Set());
        const read = await readWorkbook(context, api, request);
        const name = uniqueSheetName(plan.sheetName, read.sheets.map((sheet) => sheet.name));
        events.suspend();
        const sheet = context.workbook.worksheets.add(name);
        sheet.load('id,name');
        await queueLayout(sheet, plan, api, new PayloadBudget(context, this.deps.maxRequestBytes));

        const inserted: SheetSnapshot = { ...planToSnapshot(plan), name };
        const reads = new Map(read.reads);
        reads.set(NEW_SHEET, { info: { id: NEW_SHEET, name }, snapshot: inserted, owned: [], protected: false, whole: true });
        const deps = this.deps.pipeline();
        deps.reportFailures(read.failures, new Set(read.reads.keys()));
        const listen = workbookEvents.listenToAddedSheet(sheet);
        const result = await checkAndHighlight(
          deps,
          { order: [...read.sheets, { id: NEW_SHEET, name }], reads, moves: NO_MOVES },
          {
            context,
            events,
            sheetOf: (id) => (id === NEW_SHEET ? sheet : context.workbook.worksheets.getItem(id)),
            idAfterSync: (id) => (id === NEW_SHEET ? sheet.id : id),
            beforeSync: () => {
              sheet.activate();
              sheet.getCell(plan.firstInputCell.row, plan.firstInputCell.col).select();
            },
          },
        );
        listen();
        const info = { id: sheet.id, name: sheet.name };
        reads.delete(NEW_SHEET);
        reads.set(info.id, { info, snapshot: inserted, owned: [], protected: false, whole: true });
        known.remember([...read.sheets, info], reads, result, request.ids === 'all');
        deps.publish(result);
        return { sheet: sheet.name };
      }),
    );
  }

  async applyFix(sheet: string, fix: IssueFix): Promise<void> {
    if (!parseA1(fix.cell)) throw new HostError(problem('excel_error', { message: `not a cell address: ${fix.cell}` }));
    const { queueFix } = await loadEdits();
    await this.deps.work.run(() =>
      runOwnWrite(
        this.deps.env,
        async (context, events) => {
          events.suspend();
          queueFix(context.workbook.worksheets.getItem(sheet), fix);
          events.resume();
          await context.sync();
        },
        { sheet },
      ),
    );
  }

  /**
   * Two syncs: the sheet is read together with the formats of the row the last check says
   * will be copied; the row is inserted in the second. When the fresh read disagrees with
   * that guess (the sheet changed since), the right row's formats cost one more read.
   */
  async addRow(sheetName: string, targetOf: (edits: Edits, snapshot: SheetSnapshot) => RowInsertTarget): Promise<void> {
    const edits = await loadEdits();
    const { env, api, known } = this.deps;
    await this.deps.work.run(() =>
      runOwnWrite(
        env,
        async (context, events) => {
          const cachedId = known.idByName(sheetName);
          const cached = cachedId ? known.reads.get(cachedId) : undefined;
          const guess = cached?.whole ? guessTarget(() => targetOf(edits, cached.snapshot)) : null;
          const resolveRead = queueSheetRead(context, sheetName, api, { cells: true, highlights: false });
          const sheet = context.workbook.worksheets.getItem(sheetName);
          const guessedFormats = guess ? edits.queueRowFormatRead(sheet, guess.sourceRow, guess.lastCol, api) : null;
          await context.sync();
          const read: SheetRead = resolveRead();
          if (read.protected) throw new HostError(problem('protected_sheet', { sheet: sheetName }));
          const target = targetOf(edits, read.snapshot);
          let formats = guess && guessedFormats && guess.sourceRow === target.sourceRow && guess.lastCol === target.lastCol ? guessedFormats() : null;
          if (!formats) {
            const resolveFormats = edits.queueRowFormatRead(sheet, target.sourceRow, target.lastCol, api);
            await context.sync();
            formats = resolveFormats();
          }
          events.suspend();
          edits.queueRowInsert(sheet, target, formats);
          events.resume();
          await context.sync();
        },
        { sheet: sheetName },
      ),
    );
  }
}

/** The row the cached snapshot points to, or null when it points nowhere (the fresh read decides). */
function guessTarget(target: () => RowInsertTarget): RowInsertTarget | null {
  try {
    return target();
  } catch (error) {
    if (error instanceof HostError) return null;
    throw error;
  }
}
