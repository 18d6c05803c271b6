/**
 * What the preview draws of one sheet, as plain data: rows of cells with their text, merged
 * spans, formats and highlights. Built from the in-memory Excel's inspection API by
 * `memory-sheet-view.ts`; each row carries a signature so that only changed rows re-render.
 */

export type HighlightKind = 'error' | 'warning';

export interface EdgeView {
  readonly top: string | null;
  readonly bottom: string | null;
  readonly left: string | null;
  readonly right: string | null;
}

export interface CellFormatView {
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean;
  readonly italic: boolean;
  /** Points. */
  readonly fontSize: number | null;
  readonly fontName: string | null;
  readonly horizontal: 'left' | 'center' | 'right' | null;
  readonly vertical: 'top' | 'center' | 'bottom' | null;
  readonly wrap: boolean;
  /** CSS border per edge, or null for none. */
  readonly borders: EdgeView;
}

export interface CellView {
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly text: string;
  /** True for a number, drawn right-aligned when no alignment is set (as Excel does). */
  readonly numeric: boolean;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly format: CellFormatView;
  /** The add-in's own highlight (its owned conditional formats). */
  readonly highlight: HighlightKind | null;
  /** The fill a conditional format paints over the cell (the add-in's or the form's native checks). */
  readonly conditionalFill: string | null;
  readonly conditionalFontColor: string | null;
}

export interface RowView {
  readonly row: number;
  readonly heightPx: number;
  readonly cells: readonly CellView[];
  /** Equal signatures draw the same. */
  readonly signature: string;
}

export interface SheetView {
  readonly name: string;
  readonly columnWidthsPx: readonly number[];
  readonly rows: readonly RowView[];
}

export const DEFAULT_COLUMN_WIDTH_PX = 64;

/** Points to CSS pixels at 96 dpi. */
export function pointsToPx(points: number): number {
  return Math.round((points * 96) / 72);
}
