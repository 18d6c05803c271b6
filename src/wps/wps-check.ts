/**
 * One check in WPS: the read (wps-read.ts) → core's check and the highlights to change
 * (src/host/check-plan.ts) → the change written as the add-in's own write. Highlights in doubt
 * are judged by the cells their conditions covered when read (no second read); nothing is
 * written when nothing differs, and nothing at all once a newer edit made the check stale.
 */
import type { WorkbookCheckResult } from '../core';
import { checkAndPlan, type CheckDeps, type CheckInput } from '../host/check-plan';
import type { OwnWrites } from './wps-events';
import { coveredNow, writeHighlightChanges } from './wps-highlights';
import type { WpsSheetRead } from './wps-read';
import type { WpsWorksheet } from './wps-api';

export interface CheckWrite {
  readonly own: OwnWrites;
  readonly sheetOf: (id: string) => WpsWorksheet;
  /** True once a newer edit arrived: the check writes nothing. */
  readonly isStale: () => boolean;
}

/** The check's result, or null when it went stale before writing. */
export async function checkAndHighlight(deps: CheckDeps, input: CheckInput<WpsSheetRead>, write: CheckWrite): Promise<WorkbookCheckResult | null> {
  const { result, planned, doubtful } = await checkAndPlan(deps, input);
  if (write.isStale()) return null;
  const changes = [...planned, ...deps.book.settle(doubtful, doubtful.map(coveredNow))];
  if (changes.length === 0) return result;
  const added = write.own.run(() => writeHighlightChanges(write.sheetOf, changes));
  for (const [change, count] of added) deps.book.record(change, count);
  return result;
}
