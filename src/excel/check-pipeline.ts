/**
 * The one pipeline behind every check, whether a live check, a recheck or the check of a form
 * just inserted: sheets read → check → the highlights to change → write them, all in the
 * caller's batch. Highlights are written only when something differs, so Excel's undo history
 * is disturbed as little as possible.
 */
import { highlightPlan, type CheckOptions, type WorkbookCheckResult, type SheetSnapshot } from '../core';
import type { ApiLevel } from './api-sets';
import { loadCheckEngine, type CheckEngine } from './check-engine';
import { highlightsFromResult, queueHighlightChanges, queueOwnedRangesRead, type HighlightChange } from './apply-highlights';
import type { HighlightBook, SheetHighlightState } from './highlight-book';
import { HostError } from '../host/form-host';
import { problem } from './problems';
import type { SheetFailure, SheetInfo, SheetRead } from './read-workbook';
import type { EventSwitch } from './run-excel';
import type { PendingChanges } from '../host/live-check-scheduler';

export type PendingMoves = Pick<PendingChanges, 'copied' | 'shifted'>;

export const NO_MOVES: PendingMoves = { copied: new Set(), shifted: new Set() };

export interface CheckInput {
  /** Every sheet, in tab order. */
  readonly order: readonly SheetInfo[];
  /** The sheets read (and not failed), by id; a sheet added in this batch may stand under a placeholder id. */
  readonly reads: ReadonlyMap<string, SheetRead>;
  /** What edits since the last check may have done to each sheet's formats (see `FormatMove`). */
  readonly moves: PendingMoves;
}

export interface PipelineDeps {
  readonly api: ApiLevel;
  readonly book: HighlightBook;
  readonly options: CheckOptions;
  /** After the check before submitting, "to fill" issues are highlighted too (core's highlightPlan). */
  readonly fullCheck: boolean;
  /** A protected sheet takes no conditional formats: told once per sheet (the pane shows it). */
  readonly reportProtected: (reads: ReadonlyMap<string, SheetRead>, blocked: ReadonlySet<string>) => void;
  /** Sheets whose read failed, and those read fine (by id). */
  readonly reportFailures: (failures: readonly SheetFailure[], read: ReadonlySet<string>) => void;
  /** Hands the result to the pane. */
  readonly publish: (result: WorkbookCheckResult) => void;
}

export interface PipelineWrite {
  readonly context: Excel.RequestContext;
  readonly events: EventSwitch;
  /** The proxy of a sheet by the id the input uses (default: `worksheets.getItem(id)`). */
  readonly sheetOf?: (id: string) => Excel.Worksheet;
  /** The id under which to record a sheet after the sync (a placeholder becomes the real id). */
  readonly idAfterSync?: (id: string) => string;
  /** Queued last, before the one write sync; when given, that sync runs even with no highlight to change. */
  readonly beforeSync?: () => void;
}

/** The sheets' snapshots in tab order, and every sheet without a form named as such. */
export function checkSheets(engine: CheckEngine, input: CheckInput, options: CheckOptions): WorkbookCheckResult {
  const sheets: SheetSnapshot[] = [];
  for (const info of input.order) {
    const read = input.reads.get(info.id);
    if (read) sheets.push(read.snapshot);
  }
  const result = engine.checkWorkbook({ sheets }, options);
  const formSheets = new Set(result.forms.map((form) => form.form.sheet));
  return { forms: result.forms, otherSheets: input.order.map((info) => info.name).filter((name) => !formSheets.has(name)) };
}

function writable(changes: readonly HighlightChange[], reads: ReadonlyMap<string, SheetRead>, blocked: Set<string>): HighlightChange[] {
  return changes.filter((change) => {
    if (!reads.get(change.sheetId)?.protected) return true;
    blocked.add(change.sheetId);
    return false;
  });
}

/** Where the formats to verify stand now: one read sync, only when there is anything to verify. */
async function verified(deps: PipelineDeps, write: PipelineWrite, verify: readonly HighlightChange[]): Promise<HighlightChange[]> {
  if (verify.length === 0) return [];
  const sheetOf = write.sheetOf ?? ((id: string) => write.context.workbook.worksheets.getItem(id));
  const reads = verify.map((change) => queueOwnedRangesRead(sheetOf(change.sheetId), change.remove));
  await write.context.sync();
  return deps.book.settle(
    verify,
    reads.map((read) => read()),
  );
}

/** Checks the input and brings the highlights in line, in at most one write sync (and one read before it when formats must be looked at). */
export async function checkAndHighlight(deps: PipelineDeps, input: CheckInput, write: PipelineWrite): Promise<WorkbookCheckResult> {
  const result = checkSheets(await loadCheckEngine(), input, deps.options);
  const wanted = highlightsFromResult(highlightPlan(result, { fullCheck: deps.fullCheck }));
  const states: SheetHighlightState[] = [...input.reads.values()].map((read) => ({
    sheetId: read.info.id,
    owned: read.owned,
    desired: wanted.get(read.info.name),
    move: input.moves.copied.has(read.info.id) ? 'copied' : input.moves.shifted.has(read.info.id) ? 'shifted' : 'none',
  }));
  const plan = deps.book.plan(states);
  const blocked = new Set<string>();
  const toVerify = writable(plan.verify, input.reads, blocked);
  const planned = writable(plan.changes, input.reads, blocked);
  // With a write coming anyway, the formats in doubt are rewritten in it rather than looked at
  // first; below ExcelApi 1.9 (no ConditionalFormat.getRanges) they are always rewritten.
  const rewriteDoubtful = planned.length > 0 || !deps.api.has('multiAreaRanges');
  const changes = rewriteDoubtful ? [...planned, ...toVerify] : await verified(deps, write, toVerify);
  deps.reportProtected(input.reads, blocked);
  if (changes.length === 0 && !write.beforeSync) return result;

  const sheetOf = write.sheetOf ?? ((id: string) => write.context.workbook.worksheets.getItem(id));
  const proxies = new Map(changes.map((change) => [change.sheetId, sheetOf(change.sheetId)]));
  write.events.suspend();
  const added = queueHighlightChanges(proxies, changes, deps.api);
  write.beforeSync?.();
  write.events.resume();
  await write.context.sync();
  for (const [change, count] of added) deps.book.record(change, count, write.idAfterSync?.(change.sheetId) ?? change.sheetId);
  return result;
}

/** Reports each protected sheet once, until it is unprotected. */
export class ProtectedSheets {
  private readonly reported = new Set<string>();
  constructor(private readonly report: (error: HostError) => void) {}

  readonly note = (reads: ReadonlyMap<string, SheetRead>, blocked: ReadonlySet<string>): void => {
    for (const read of reads.values()) if (!read.protected) this.reported.delete(read.info.id);
    for (const id of blocked) {
      if (this.reported.has(id)) continue;
      this.reported.add(id);
      this.report(new HostError(problem('protected_sheet', { sheet: reads.get(id)?.info.name ?? '' })));
    }
  };
}
