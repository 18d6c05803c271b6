/**
 * Highlights as every host sees them: the cells each sheet should show in each severity's
 * colour (from a check's result), and the change to bring a sheet's owned conditional formats
 * in line. How a host finds, deletes and adds its formats is its own business
 * (src/excel/apply-highlights.ts, src/wps/wps-highlights.ts).
 */
import { rangeToA1, type CellPosition, type CellRange, type WorkbookCheckResult, type Severity } from '../core';
import { cellsToAreas, parseCellRef } from './areas';

export type SeverityAreas = Readonly<Record<Severity, readonly CellRange[]>>;

/** A highlight conditional format the add-in owns, as found on a sheet by the read that precedes a change (a host adds what it needs to reach it). */
export interface OwnedHighlight {
  /** Its place in the sheet's collection when read (0: top priority): the next add or delete renumbers it. */
  readonly index: number;
  readonly severity: Severity;
}

/**
 * The cells each sheet should show, by sheet name: every cell of every issue, in its
 * severity's colour; a cell with both an error and a warning shows the error.
 */
export function highlightsFromResult(result: WorkbookCheckResult): Map<string, SeverityAreas> {
  const cells = new Map<string, Record<Severity, Map<string, CellPosition>>>();
  const add = (sheet: string, severity: Severity, position: CellPosition) => {
    let bySeverity = cells.get(sheet);
    if (!bySeverity) {
      bySeverity = { error: new Map(), warning: new Map() };
      cells.set(sheet, bySeverity);
    }
    bySeverity[severity].set(`${position.row}:${position.col}`, position);
  };
  for (const form of result.forms) {
    for (const issue of form.issues) {
      issue.cells.forEach((reference, index) => {
        const parsed = parseCellRef(reference);
        if (!parsed) return;
        // The first cell of a workbook-wide issue may sit on another form's sheet (issue.sheet).
        const sheet = parsed.sheet ?? (index === 0 && issue.sheet ? issue.sheet : form.form.sheet);
        add(sheet, issue.severity, parsed.position);
      });
    }
  }
  const areas = new Map<string, SeverityAreas>();
  for (const [sheet, bySeverity] of cells) {
    const warnings = [...bySeverity.warning].filter(([key]) => !bySeverity.error.has(key)).map(([, position]) => position);
    areas.set(sheet, { error: cellsToAreas(bySeverity.error.values()), warning: cellsToAreas(warnings) });
  }
  return areas;
}

/** A comparable key of a set of areas. */
export function areasKey(areas: readonly CellRange[]): string {
  return areas.map((area) => rangeToA1(area)).join(',');
}

/** Cells past this many are not compared one by one: such a highlight is rewritten. */
const MAX_COMPARED_CELLS = 100_000;

/** The same cells, however the areas are cut (Excel may join or split them). */
export function sameCells(a: readonly CellRange[], b: readonly CellRange[]): boolean {
  const keys = (areas: readonly CellRange[]): Set<string> | null => {
    const set = new Set<string>();
    for (const area of areas) {
      if ((area.bottom - area.top + 1) * (area.right - area.left + 1) + set.size > MAX_COMPARED_CELLS) return null;
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) set.add(`${r}:${c}`);
    }
    return set;
  };
  const left = keys(a);
  const right = keys(b);
  if (!left || !right || left.size !== right.size) return false;
  for (const key of left) if (!right.has(key)) return false;
  return true;
}

export interface HighlightChange<O extends OwnedHighlight = OwnedHighlight> {
  readonly sheetId: string;
  readonly severity: Severity;
  /** The owned formats of this severity found in this request, to delete. */
  readonly remove: readonly O[];
  readonly areas: readonly CellRange[];
}
