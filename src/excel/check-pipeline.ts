/**
 * The one pipeline behind every check, whether a live check, a recheck or the check of a form
 * just inserted: sheets read → check → the highlights to change → write them, all in the
 * caller's batch. Highlights are written only when something differs, so Excel's undo history
 * is disturbed as little as possible.
 */
import type { WorkbookCheckResult } from '../core';
import type { ApiLevel } from './api-sets';
import { queueHighlightChanges, queueOwnedRangesRead, type HighlightChange } from './apply-highlights';
import { checkAndPlan, type CheckDeps, type CheckInput } from '../host/check-plan';
import type { SheetRead } from './read-workbook';
import type { EventSwitch } from './run-excel';

export { checkSheets, NO_MOVES, type CheckInput, type PendingMoves } from '../host/check-plan';

export interface PipelineDeps extends CheckDeps {
  readonly api: ApiLevel;
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
export async function checkAndHighlight(deps: PipelineDeps, input: CheckInput<SheetRead>, write: PipelineWrite): Promise<WorkbookCheckResult> {
  const { result, planned, doubtful } = await checkAndPlan(deps, input);
  // With a write coming anyway, the formats in doubt are rewritten in it rather than looked at
  // first; below ExcelApi 1.9 (no ConditionalFormat.getRanges) they are always rewritten.
  const rewriteDoubtful = planned.length > 0 || !deps.api.has('multiAreaRanges');
  const changes = rewriteDoubtful ? [...planned, ...doubtful] : await verified(deps, write, doubtful);
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
