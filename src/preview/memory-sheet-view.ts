/**
 * Reads one sheet of the in-memory Excel into the plain `SheetView` the grid draws: the used
 * area plus a margin, merged spans, every cell's text and format, the conditional formats'
 * fills, and which cells the add-in's own highlights cover (told by the label in their formula).
 */
import { parseA1, toA1 } from '../core';
import { HIGHLIGHT_LABEL_PREFIX } from '../excel/highlight-labels';
import type { CellInspection, MemoryInspector } from '../office-memory';
import { pointsToPx, type CellFormatView, type CellView, type EdgeView, type HighlightKind, type RowView, type SheetView } from './sheet-view';

const MIN_ROWS = 40;
const MIN_COLUMNS = 8;
const MARGIN_ROWS = 10;
const MARGIN_COLUMNS = 2;

interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function parseArea(address: string): Area | null {
  const [start, end = start] = address.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const a = parseA1(start);
  const b = parseA1(end);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

type BorderData = CellInspection['format']['borders']['top'];

const BORDER_STYLES: Readonly<Record<string, string>> = {
  Continuous: 'solid',
  Dash: 'dashed',
  DashDot: 'dashed',
  DashDotDot: 'dashed',
  Dot: 'dotted',
  Double: 'double',
  SlantDashDot: 'dashed',
};

const BORDER_WIDTHS: Readonly<Record<string, number>> = { Hairline: 1, Thin: 1, Medium: 2, Thick: 3 };

export function cssBorder(border: BorderData | undefined): string | null {
  if (!border || !border.style || border.style === 'None') return null;
  const style = BORDER_STYLES[border.style] ?? 'solid';
  const width = style === 'double' ? 3 : (BORDER_WIDTHS[border.weight] ?? 1);
  return `${width}px ${style} ${border.color || '#000000'}`;
}

function horizontal(alignment: string): CellFormatView['horizontal'] {
  switch (alignment) {
    case 'Left':
      return 'left';
    case 'Center':
    case 'CenterAcrossSelection':
    case 'Distributed':
      return 'center';
    case 'Right':
      return 'right';
    default:
      return null;
  }
}

function vertical(alignment: string): CellFormatView['vertical'] {
  switch (alignment) {
    case 'Top':
      return 'top';
    case 'Center':
    case 'Justify':
    case 'Distributed':
      return 'center';
    case 'Bottom':
      return 'bottom';
    default:
      return null;
  }
}

function formatView(cell: CellInspection, edges: EdgeView): CellFormatView {
  const { format } = cell;
  return {
    fill: format.fill,
    fontColor: format.font.color && format.font.color !== '#000000' ? format.font.color : null,
    bold: format.font.bold,
    italic: format.font.italic,
    fontSize: format.font.size || null,
    fontName: format.font.name || null,
    horizontal: horizontal(format.horizontalAlignment),
    vertical: vertical(format.verticalAlignment),
    wrap: format.wrapText,
    borders: edges,
  };
}

/** Cells covered by the add-in's own conditional formats, by severity (an error wins). */
export function ownedHighlights(inspect: MemoryInspector, sheet: string): Map<string, HighlightKind> {
  const covered = new Map<string, HighlightKind>();
  const owned = inspect.conditionalFormats(sheet).flatMap((format) => {
    const match = new RegExp(`${HIGHLIGHT_LABEL_PREFIX}(error|warning)`).exec(format.formula);
    return match ? [{ severity: match[1] as HighlightKind, ranges: format.ranges }] : [];
  });
  for (const severity of ['error', 'warning'] as const) {
    for (const format of owned.filter((entry) => entry.severity === severity)) {
      for (const address of format.ranges) {
        const area = parseArea(address);
        if (!area) continue;
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

export function buildSheetView(inspect: MemoryInspector, sheet: string): SheetView {
  const used = inspect.usedRange(sheet);
  const usedArea = used ? parseArea(used) : null;
  const rowCount = Math.max(MIN_ROWS, (usedArea?.bottom ?? -1) + 1 + MARGIN_ROWS);
  const columnCount = Math.max(MIN_COLUMNS, (usedArea?.right ?? -1) + 1 + MARGIN_COLUMNS);

  const merges = inspect.merges(sheet).flatMap((address) => {
    const area = parseArea(address);
    return area ? [area] : [];
  });
  const mergeAt = new Map<string, Area>();
  const covered = new Set<string>();
  for (const area of merges) {
    mergeAt.set(toA1(area.top, area.left), area);
    for (let row = area.top; row <= area.bottom; row++) for (let col = area.left; col <= area.right; col++) if (row !== area.top || col !== area.left) covered.add(toA1(row, col));
  }

  const highlights = ownedHighlights(inspect, sheet);
  const conditionalFills = inspect.highlightedCells(sheet);
  const fontColorOfFill = new Map<string, string | null>();
  for (const format of inspect.conditionalFormats(sheet)) if (format.fill && !fontColorOfFill.has(format.fill)) fontColorOfFill.set(format.fill, format.fontColor);

  const columnWidthsPx = Array.from({ length: columnCount }, (_, col) => pointsToPx(inspect.columnWidth(sheet, col)));
  const rows: RowView[] = [];
  for (let row = 0; row < rowCount; row++) {
    const cells: CellView[] = [];
    for (let col = 0; col < columnCount; col++) {
      const address = toA1(row, col);
      if (covered.has(address)) continue;
      const merge = mergeAt.get(address);
      const cell = inspect.cell(sheet, address);
      // A merged area's right and bottom edges are drawn by the cells on those edges.
      const edges: EdgeView = {
        top: cssBorder(cell.format.borders.top),
        left: cssBorder(cell.format.borders.left),
        right: cssBorder((merge ? inspect.cell(sheet, toA1(merge.top, merge.right)) : cell).format.borders.right),
        bottom: cssBorder((merge ? inspect.cell(sheet, toA1(merge.bottom, merge.left)) : cell).format.borders.bottom),
      };
      const conditionalFill = conditionalFills.get(address) ?? null;
      cells.push({
        address,
        row,
        col,
        text: cell.text,
        numeric: typeof cell.value === 'number',
        rowSpan: merge ? merge.bottom - merge.top + 1 : 1,
        colSpan: merge ? merge.right - merge.left + 1 : 1,
        format: formatView(cell, edges),
        highlight: highlights.get(address) ?? null,
        conditionalFill,
        conditionalFontColor: conditionalFill ? (fontColorOfFill.get(conditionalFill) ?? null) : null,
      });
    }
    const heightPx = pointsToPx(inspect.rowHeight(sheet, row));
    rows.push({ row, heightPx, cells, signature: `${heightPx}|${JSON.stringify(cells)}` });
  }
  return { name: sheet, columnWidthsPx, rows };
}
