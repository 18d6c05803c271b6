/**
 * Finds a table by its header row: the columns by their headings (each with its synonyms), in
 * any order, with headings that may sit one or two rows lower under a group heading. A layout
 * printing two sets side by side (中期 and 年度, sharing the 一级 column) repeats the other
 * headings: every column keeps all its headings' places, left to right.
 */
import type { CellRange } from '../grid/grid';
import type { LabelHit, SheetIndex } from './sheet-index';
import type { TableColumnKeys } from './template-keys';
import { VALUE_HEADING } from './template-keys';

export interface TableHeader<K extends string> {
  /** The first column's heading (一级指标, 任务名称): where the table is said to be. */
  readonly anchor: LabelHit;
  /** Each column found, by key: its places left to right. */
  readonly columns: ReadonlyMap<K, readonly number[]>;
  readonly bodyStart: number;
}

/** Rows under the anchor where the other headings may stand. */
const HEADER_BAND_ROWS = 2;

/** The anchors of a table in the area, in reading order: one per header row. */
export function tableAnchors(index: SheetIndex, first: TableColumnKeys<string>, area: CellRange): LabelHit[] {
  const hits = first.headings.flatMap((heading) => index.hitsIn(heading, area)).filter((hit) => hit.inlineValue === undefined);
  hits.sort((a, b) => a.row - b.row || a.col - b.col);
  // Several anchors on one row are one table (a side-by-side repeat of the first column).
  return hits.filter((hit, i) => i === 0 || hits[i - 1].row !== hit.row);
}

export function readHeader<K extends string>(index: SheetIndex, columns: readonly TableColumnKeys<K>[], anchor: LabelHit, area: CellRange, bandBottom: number): TableHeader<K> {
  const band: CellRange = { top: anchor.row, left: area.left, bottom: Math.min(bandBottom, anchor.row + HEADER_BAND_ROWS), right: area.right };
  const found = new Map<K, number[]>();
  const taken = new Set<string>();
  let bodyStart = (index.mergeFrom(anchor.row, anchor.col)?.bottom ?? anchor.row) + 1;
  for (const column of columns) {
    const headings = column.key === 'value' ? [...column.headings, VALUE_HEADING] : column.headings;
    const hits = headings.flatMap((heading) => index.hitsIn(heading, band)).filter((hit) => hit.inlineValue === undefined && !taken.has(`${hit.row},${hit.col}`));
    if (hits.length === 0) continue;
    const cols = [...new Set(hits.map((hit) => hit.col))].sort((a, b) => a - b);
    for (const hit of hits) {
      taken.add(`${hit.row},${hit.col}`);
      bodyStart = Math.max(bodyStart, (index.mergeFrom(hit.row, hit.col)?.bottom ?? hit.row) + 1);
    }
    found.set(column.key, cols);
  }
  return { anchor, columns: found, bodyStart };
}

/** A column's place in one set (0: the first, 1: the repeat), or where the declaration puts it when its heading is missing. */
export function columnOf<K extends string>(header: TableHeader<K>, column: TableColumnKeys<K>, set: number): number {
  const places = header.columns.get(column.key);
  return places?.[Math.min(set, places.length - 1)] ?? header.anchor.col + column.offset;
}
