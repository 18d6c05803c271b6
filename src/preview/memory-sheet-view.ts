/**
 * The in-memory Excel as a `SheetSource` (build-sheet-view.ts): its inspection API's cells,
 * formats and conditional formats in the view's terms.
 */
import type { CellInspection, MemoryInspector } from '../office-memory';
import { buildSheetView as buildView, type SheetSource, type SourceCell } from './build-sheet-view';
import type { CellFormatView, SheetView } from './sheet-view';

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

function formatView(cell: CellInspection): Omit<CellFormatView, 'borders'> {
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
  };
}

function sourceCell(cell: CellInspection): SourceCell {
  const { top, bottom, left, right } = cell.format.borders;
  return {
    text: cell.text,
    numeric: typeof cell.value === 'number',
    format: formatView(cell),
    borders: { top: cssBorder(top), bottom: cssBorder(bottom), left: cssBorder(left), right: cssBorder(right) },
  };
}

export function memorySheetSource(inspect: MemoryInspector, sheet: string): SheetSource {
  return {
    name: sheet,
    usedRange: () => inspect.usedRange(sheet),
    merges: () => inspect.merges(sheet),
    cell: (address) => sourceCell(inspect.cell(sheet, address)),
    conditionalFormats: () => inspect.conditionalFormats(sheet),
    highlightedCells: () => inspect.highlightedCells(sheet),
    columnWidth: (column) => inspect.columnWidth(sheet, column),
    rowHeight: (row) => inspect.rowHeight(sheet, row),
  };
}

export function buildSheetView(inspect: MemoryInspector, sheet: string): SheetView {
  return buildView(memorySheetSource(inspect, sheet));
}
