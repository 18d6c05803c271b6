/**
 * What the add-in has applied, kept between checks as cells, never as conditional-format ids
 * (an id is a position that the next add or delete renumbers): for each sheet and severity,
 * the areas it last wrote and how many formats carry them. With what a check wants and what a
 * read found (by label), it decides per sheet and severity: leave it, rewrite it, or first look
 * where the owned formats now stand (rows moved, cells pasted, a workbook reopened) and
 * rewrite only if they are not where they should be.
 */
import { SEVERITIES, type CellRange, type Severity } from '../core';
import { areasKey, sameCells, type HighlightChange, type OwnedHighlight, type SeverityAreas } from './highlights';
import type { FormatMove } from './live-check-scheduler';

export interface SheetHighlightState<O extends OwnedHighlight = OwnedHighlight> {
  readonly sheetId: string;
  /** The owned highlights found on the sheet in this request; empty for a sheet just added. */
  readonly owned: readonly O[];
  readonly desired: SeverityAreas | undefined;
  /** What edits since the last check may have done to the owned formats. */
  readonly move: FormatMove;
}

export interface HighlightPlan<O extends OwnedHighlight = OwnedHighlight> {
  /** To write now. */
  readonly changes: HighlightChange<O>[];
  /** To write only if the owned formats (`remove`) do not cover exactly `areas`. */
  readonly verify: HighlightChange<O>[];
}

interface Applied {
  readonly key: string;
  readonly count: number;
}

const NO_AREAS: SeverityAreas = { error: [], warning: [] };

export class HighlightBook {
  private readonly applied = new Map<string, Map<Severity, Applied>>();

  plan<O extends OwnedHighlight>(sheets: readonly SheetHighlightState<O>[]): HighlightPlan<O> {
    const changes: HighlightChange<O>[] = [];
    const verify: HighlightChange<O>[] = [];
    for (const sheet of sheets) {
      const desired = sheet.desired ?? NO_AREAS;
      for (const severity of SEVERITIES) {
        const present = sheet.owned.filter((owned) => owned.severity === severity);
        const wanted = desired[severity];
        const change: HighlightChange<O> = { sheetId: sheet.sheetId, severity, remove: present, areas: wanted };
        const decision = this.decide(sheet, severity, present.length, areasKey(wanted));
        if (decision === 'rewrite') changes.push(change);
        else if (decision === 'verify') verify.push(change);
      }
    }
    return { changes, verify };
  }

  private decide(sheet: SheetHighlightState<OwnedHighlight>, severity: Severity, present: number, wantedKey: string): 'keep' | 'rewrite' | 'verify' {
    if (present === 0 && wantedKey === '') {
      this.applied.get(sheet.sheetId)?.delete(severity);
      return 'keep';
    }
    const before = this.applied.get(sheet.sheetId)?.get(severity);
    const vouched = before !== undefined && before.count === present && sheet.move === 'none';
    if (vouched) return before.key === wantedKey ? 'keep' : 'rewrite';
    if (present === 0) return 'rewrite';
    // Rows moved: the formats moved with the cells, as the issues did; most likely they stand right.
    if (sheet.move === 'shifted' && before !== undefined && before.count === present) return 'verify';
    // What is on the sheet is not known (reopened, copied): look before writing, unless the wanted cells changed anyway.
    return before === undefined || before.key === wantedKey ? 'verify' : 'rewrite';
  }

  /** The verified changes whose formats already cover their cells are recorded; the others are returned, to write. */
  settle<O extends OwnedHighlight>(verified: readonly HighlightChange<O>[], found: readonly (readonly CellRange[])[]): HighlightChange<O>[] {
    const rewrite: HighlightChange<O>[] = [];
    verified.forEach((change, index) => {
      if (sameCells(found[index] ?? [], change.areas)) this.set(change.sheetId, change.severity, { key: areasKey(change.areas), count: change.remove.length });
      else rewrite.push(change);
    });
    return rewrite;
  }

  /** After the write: each change now shows its areas in `added` formats. */
  record(change: HighlightChange<OwnedHighlight>, added: number, sheetId: string = change.sheetId): void {
    if (added === 0) this.applied.get(sheetId)?.delete(change.severity);
    else this.set(sheetId, change.severity, { key: areasKey(change.areas), count: added });
  }

  private set(sheetId: string, severity: Severity, applied: Applied): void {
    let bySeverity = this.applied.get(sheetId);
    if (!bySeverity) {
      bySeverity = new Map();
      this.applied.set(sheetId, bySeverity);
    }
    bySeverity.set(severity, applied);
  }

  /** Forgets the sheets that are gone. */
  keepOnly(sheetIds: ReadonlySet<string>): void {
    for (const id of [...this.applied.keys()]) if (!sheetIds.has(id)) this.applied.delete(id);
  }

  clear(): void {
    this.applied.clear();
  }
}
