/**
 * The host-independent half of every check (a live check, a recheck, the check of a form just
 * inserted): the sheets read → the check → which owned highlights to rewrite now, and which are
 * in doubt (rows moved, cells pasted, a workbook reopened) and are rewritten only if they do not
 * stand where they should. Each host reads and writes in its own way around it
 * (src/excel/check-pipeline.ts, src/wps/wps-check.ts).
 */
import { highlightPlan, type CheckOptions, type SheetSnapshot, type WorkbookCheckResult } from '../core';
import { loadCheckEngine, type CheckEngine } from './check-engine';
import type { HighlightBook, SheetHighlightState } from './highlight-book';
import { highlightsFromResult, type HighlightChange, type OwnedHighlight } from './highlights';
import type { PendingChanges } from './live-check-scheduler';
import type { SheetFailure, SheetInfo, SheetRead } from './sheet-reads';

export type PendingMoves = Pick<PendingChanges, 'copied' | 'shifted'>;

export const NO_MOVES: PendingMoves = { copied: new Set(), shifted: new Set() };

export interface CheckInput<R extends SheetRead = SheetRead> {
  /** Every sheet, in tab order. */
  readonly order: readonly SheetInfo[];
  /** The sheets read (and not failed), by id; a sheet added in this batch may stand under a placeholder id. */
  readonly reads: ReadonlyMap<string, R>;
  /** What edits since the last check may have done to each sheet's formats (see `FormatMove`). */
  readonly moves: PendingMoves;
}

export interface CheckDeps {
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

export interface CheckPlan<O extends OwnedHighlight> {
  readonly result: WorkbookCheckResult;
  /** Highlights to rewrite now. */
  readonly planned: HighlightChange<O>[];
  /** Highlights to rewrite only if their formats do not cover exactly their cells. */
  readonly doubtful: HighlightChange<O>[];
}

function writable<O extends OwnedHighlight>(changes: readonly HighlightChange<O>[], reads: ReadonlyMap<string, SheetRead<O>>, blocked: Set<string>): HighlightChange<O>[] {
  return changes.filter((change) => {
    if (!reads.get(change.sheetId)?.protected) return true;
    blocked.add(change.sheetId);
    return false;
  });
}

/** Checks the input and decides what highlights to change; a protected sheet's changes are left out and reported. */
export async function checkAndPlan<O extends OwnedHighlight>(deps: CheckDeps, input: CheckInput<SheetRead<O>>): Promise<CheckPlan<O>> {
  const result = checkSheets(await loadCheckEngine(), input, deps.options);
  const wanted = highlightsFromResult(highlightPlan(result, { fullCheck: deps.fullCheck }));
  const states: SheetHighlightState<O>[] = [...input.reads.values()].map((read) => ({
    sheetId: read.info.id,
    owned: read.owned,
    desired: wanted.get(read.info.name),
    move: input.moves.copied.has(read.info.id) ? 'copied' : input.moves.shifted.has(read.info.id) ? 'shifted' : 'none',
  }));
  const plan = deps.book.plan(states);
  const blocked = new Set<string>();
  const doubtful = writable(plan.verify, input.reads, blocked);
  const planned = writable(plan.changes, input.reads, blocked);
  deps.reportProtected(input.reads, blocked);
  return { result, planned, doubtful };
}
