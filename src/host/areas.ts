/** Cells, rectangles and address strings as Office.js wants them. */
import { parseA1, parseRangeA1, rangeToA1, splitReferenceList, type CellPosition, type CellRange } from '../core';

/** Multi-area address strings are limited in length; keep each `getRanges` address under this. */
export const MAX_AREAS_ADDRESS_CHARS = 2000;

export interface SheetCellRef {
  /** The sheet named in the reference, or null when the reference has none. */
  readonly sheet: string | null;
  readonly position: CellPosition;
}

/** Parses `D7`, `$D$7`, `Sheet1!D7` or `'项目 (2)'!D7`. */
export function parseCellRef(reference: string): SheetCellRef | null {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) {
    const position = parseA1(reference);
    return position ? { sheet: null, position } : null;
  }
  let sheet = reference.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const position = parseA1(reference.slice(bang + 1));
  return position ? { sheet, position } : null;
}

/** Parses `A1`, `A1:B3`, `$A$1:$B$3` (without a sheet) into a rectangle. */
export function parseArea(address: string): CellRange | null {
  return parseRangeA1(address);
}

/**
 * Splits an Excel multi-area address (`Sheet1!A1:B2, Sheet1!D4` or `'a,b'!A1,'a,b'!C3`) into
 * rectangles, dropping sheet names; commas inside quoted sheet names are respected.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const areas: CellRange[] = [];
  for (const part of splitReferenceList(address)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const bang = trimmed.lastIndexOf('!');
    const area = parseArea(bang < 0 ? trimmed : trimmed.slice(bang + 1));
    if (area) areas.push(area);
  }
  return areas;
}

function positionKey(position: CellPosition): number {
  return position.col * 2_000_000 + position.row;
}

/**
 * Groups cells into few rectangles: runs down each column, then equal runs in neighbouring
 * columns side by side. Sorted by top row, then left column, so equal sets give equal lists.
 */
export function cellsToAreas(cells: Iterable<CellPosition>): CellRange[] {
  const unique = new Map<number, CellPosition>();
  for (const cell of cells) unique.set(positionKey(cell), cell);
  const sorted = [...unique.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: CellRange[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.left === cell.col && last.bottom + 1 === cell.row) runs[runs.length - 1] = { ...last, bottom: cell.row };
    else runs.push({ top: cell.row, bottom: cell.row, left: cell.col, right: cell.col });
  }
  // Join a run to the same rows in the column just left of it.
  const openIndex = new Map<string, number>();
  const areas: CellRange[] = [];
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const index = openIndex.get(key);
    if (index !== undefined && areas[index].right + 1 === run.left) {
      areas[index] = { ...areas[index], right: run.left };
    } else {
      openIndex.set(key, areas.length);
      areas.push(run);
    }
  }
  return areas.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** `D7, D9:D12` chunks, each under `maxChars`, for `worksheet.getRanges`. */
export function chunkAreaAddresses(areas: readonly CellRange[], maxChars = MAX_AREAS_ADDRESS_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const area of areas) {
    const address = rangeToA1(area);
    const next = current ? `${current}, ${address}` : address;
    if (current && next.length > maxChars) {
      chunks.push(current);
      current = address;
    } else current = next;
  }
  if (current) chunks.push(current);
  return chunks;
}

export function areaContains(area: CellRange, row: number, col: number): boolean {
  return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
}
