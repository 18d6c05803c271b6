/**
 * Builds the `SheetView` the grid draws from any in-memory spreadsheet, through a `SheetSource`
 * that speaks the view's terms (CSS colours and borders, points): the used area plus a margin,
 * merged spans, every cell's text and format, the conditional formats' fills, and which cells
 * the add-in's own highlights cover (told by the label in their formula). `memory-sheet-view.ts`
 * is the source over the in-memory Excel, `wps-sheet-view.ts` over the in-memory WPS.
 */
import { HIGHLIGHT_LABEL_PREFIX, parseA1, toA1 } from '../core';
import { pointsToPx, type CellFormatView, type CellView, type EdgeView, type HighlightKind, type RowView, type SheetView } from './sheet-view';

const MIN_ROWS = 40;
const MIN_COLUMNS = 8;
const MARGIN_ROWS = 10;
const MARGIN_COLUMNS = 2;

export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One cell as the view draws it, borders apart (a merged area's are its edge cells'). */
export interface SourceCell {
  readonly text: string;
  readonly numeric: boolean;
  readonly format: Omit<CellFormatView, 'borders'>;
  readonly borders: EdgeView;
}

export interface SourceConditionalFormat {
  readonly formula: string;
  /** A1 areas. */
  readonly ranges: readonly string[];
  /** CSS colours, or null for none. */
  readonly fill: string | null;
  readonly fontColor: string | null;
}

export interface SheetSource {
  readonly name: string;
  /** The used range in A1, or null for an empty sheet. */
  usedRange(): string | null;
  merges(): readonly string[];
  cell(address: string): SourceCell;
  conditionalFormats(): readonly SourceConditionalFormat[];
  /** A1 → the CSS fill of the conditional format that colours the cell. */
  highlightedCells(): ReadonlyMap<string, string | null>;
  /** Points, 0-based. */
  columnWidth(column: number): number;
  rowHeight(row: number): number;
}

export function parseArea(address: string): Area | null {
  const [start, end = start] = address.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const a = parseA1(start);
  const b = parseA1(end);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** Cells covered by the add-in's own conditional formats, by severity (an error wins). */
export function ownedHighlights(formats: readonly SourceConditionalFormat[]): Map<string, HighlightKind> {
  const covered = new Map<string, HighlightKind>();
  const owned = formats.flatMap((format) => {
    const match = new RegExp(`${HIGHLIGHT_LABEL_PREFIX}(error|warning)`).exec(format.formula);
    return match ? [{ severity: match[1] as HighlightKind, ranges: format.ranges }] : [];
  });
  for (const severity of ['error', 'warning'] as const) {
    for (const format of owned.filter((entry) => entry.severity === severity)) {
      for (const area of format.ranges.flatMap((address) => parseArea(address) ?? [])) {
        for (let row = area.top; row <= area.bottom; row++) {
          for (let col = area.left; col <= area.right; col++) {
            const key = toA1(row, col);
            if (!covered.has(key)) covered.set(key, severity);
          }
        }
      }
    }
  }
  return covered;
}

/** Merged areas by their top-left cell, and the cells they hide. */
function mergeLayout(source: SheetSource): { mergeAt: Map<string, Area>; covered: Set<string> } {
  const mergeAt = new Map<string, Area>();
  const covered = new Set<string>();
  for (const area of source.merges().flatMap((address) => parseArea(address) ?? [])) {
    mergeAt.set(toA1(area.top, area.left), area);
    for (let row = area.top; row <= area.bottom; row++) for (let col = area.left; col <= area.right; col++) if (row !== area.top || col !== area.left) covered.add(toA1(row, col));
  }
  return { mergeAt, covered };
}

export function buildSheetView(source: SheetSource): SheetView {
  const used = source.usedRange();
  const usedArea = used ? parseArea(used) : null;
  const rowCount = Math.max(MIN_ROWS, (usedArea?.bottom ?? -1) + 1 + MARGIN_ROWS);
  const columnCount = Math.max(MIN_COLUMNS, (usedArea?.right ?? -1) + 1 + MARGIN_COLUMNS);
  const { mergeAt, covered } = mergeLayout(source);
  const formats = source.conditionalFormats();
  const highlights = ownedHighlights(formats);
  const conditionalFills = source.highlightedCells();
  const fontColorOfFill = new Map<string, string | null>();
  for (const format of formats) if (format.fill && !fontColorOfFill.has(format.fill)) fontColorOfFill.set(format.fill, format.fontColor);

  const columnWidthsPx = Array.from({ length: columnCount }, (_, col) => pointsToPx(source.columnWidth(col)));
  const rows: RowView[] = [];
  for (let row = 0; row < rowCount; row++) {
    const cells: CellView[] = [];
    for (let col = 0; col < columnCount; col++) {
      const address = toA1(row, col);
      if (covered.has(address)) continue;
      const merge = mergeAt.get(address);
      const cell = source.cell(address);
      // A merged area's right and bottom edges are drawn by the cells on those edges.
      const borders: EdgeView = {
        top: cell.borders.top,
        left: cell.borders.left,
        right: (merge ? source.cell(toA1(merge.top, merge.right)) : cell).borders.right,
        bottom: (merge ? source.cell(toA1(merge.bottom, merge.left)) : cell).borders.bottom,
      };
      const conditionalFill = conditionalFills.get(address) ?? null;
      cells.push({
        address,
        row,
        col,
        text: cell.text,
        numeric: cell.numeric,
        rowSpan: merge ? merge.bottom - merge.top + 1 : 1,
        colSpan: merge ? merge.right - merge.left + 1 : 1,
        format: { ...cell.format, borders },
        highlight: highlights.get(address) ?? null,
        conditionalFill,
        conditionalFontColor: conditionalFill ? (fontColorOfFill.get(conditionalFill) ?? null) : null,
      });
    }
    const heightPx = pointsToPx(source.rowHeight(row));
    rows.push({ row, heightPx, cells, signature: `${heightPx}|${JSON.stringify(cells)}` });
  }
  return { name: source.name, columnWidthsPx, rows };
}
