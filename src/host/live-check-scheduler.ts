/**
 * When to check: edits are collected (which sheets changed, whether rows moved) and a check
 * runs once they pause for `debounceMs`. Each edit bumps a sequence number; a check remembers
 * the number it started with and is stale as soon as a newer edit arrives, so its result is
 * dropped and the newer edit's check (already scheduled) wins. A paste of thousands of cells
 * is one event, hence one check.
 */
import type { Schedule } from './schedule';

/**
 * What an edit may have done to the conditional formats on its sheet: nothing (a typed value),
 * copied them (a paste, a format change), or shifted them with the cells (rows or columns
 * inserted or deleted).
 */
export type FormatMove = 'none' | 'copied' | 'shifted';

export interface PendingChanges {
  /** Sheets whose cells changed (by worksheet id). */
  readonly sheets: ReadonlySet<string>;
  /** Sheets where cells were pasted or formatted: highlights may have been copied. */
  readonly copied: ReadonlySet<string>;
  /** Sheets where rows or columns moved: highlights moved with the cells. */
  readonly shifted: ReadonlySet<string>;
}

export interface CheckRun {
  readonly changes: PendingChanges;
  /** True once a newer edit has arrived. */
  isStale(): boolean;
}

export class LiveCheckScheduler {
  private editSequence = 0;
  private cancelTimer: (() => void) | null = null;
  private changedSheets = new Set<string>();
  private copiedSheets = new Set<string>();
  private shiftedSheets = new Set<string>();
  enabled = true;

  constructor(
    private readonly schedule: Schedule,
    private readonly debounceMs: number,
    /** Starts a check (the host serialises it with its other work). */
    private readonly startCheck: () => void,
  ) {}

  /** An edit happened. `sheetId` null: something changed on an unknown sheet (added, deleted). */
  noteEdit(sheetId: string | null, move: FormatMove = 'none'): void {
    if (!this.enabled) return;
    this.editSequence++;
    this.note(sheetId, move);
    this.cancelTimer?.();
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      this.startCheck();
    }, this.debounceMs);
  }

  /**
   * Notes the add-in's own change on a sheet (its events are not listened to) and starts a
   * check right after the current task, whether or not live checking is on.
   */
  noteOwnChange(sheetId: string | null, move: FormatMove = 'none'): void {
    this.note(sheetId, move);
    this.cancelTimer?.();
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      this.startCheck();
    }, 0);
  }

  private note(sheetId: string | null, move: FormatMove): void {
    if (sheetId === null) return;
    this.changedSheets.add(sheetId);
    if (move === 'copied') this.copiedSheets.add(sheetId);
    if (move === 'shifted') this.shiftedSheets.add(sheetId);
  }

  get pending(): boolean {
    return this.cancelTimer !== null;
  }

  /** Takes the changes collected so far for a check starting now. */
  begin(): CheckRun {
    const sequence = this.editSequence;
    const changes = { sheets: this.changedSheets, copied: this.copiedSheets, shifted: this.shiftedSheets };
    this.changedSheets = new Set();
    this.copiedSheets = new Set();
    this.shiftedSheets = new Set();
    return { changes, isStale: () => this.editSequence !== sequence };
  }

  /** A check did not finish (stale or failed): its changes are still to be checked. */
  giveBack(changes: PendingChanges): void {
    for (const id of changes.sheets) this.changedSheets.add(id);
    for (const id of changes.copied) this.copiedSheets.add(id);
    for (const id of changes.shifted) this.shiftedSheets.add(id);
  }

  dispose(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}
