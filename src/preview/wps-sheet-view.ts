/**
 * The in-memory WPS as a `SheetSource` (build-sheet-view.ts), through its inspector: WPS keeps
 * colours as BGR numbers, alignments and borders as `Xl…` constants and column widths in
 * characters of the standard font; the view wants CSS and points.
 */
import type { CellInspection, FormatConditionInspection, MemoryWpsInspector } from '../wps-memory';
import { hexFromBgr } from '../wps/wps-api';
import { buildSheetView, type SheetSource, type SourceCell } from './build-sheet-view';
import type { CellFormatView, SheetView } from './sheet-view';

type BorderData = CellInspection['format']['borders']['top'];

/** `XlLineStyle` → CSS (xlLineStyleNone -4142 draws nothing). */
const LINE_STYLES: ReadonlyMap<number, string> = new Map([
  [1, 'solid'], // xlContinuous
  [-4115, 'dashed'], // xlDash
  [4, 'dashed'], // xlDashDot
  [5, 'dashed'], // xlDashDotDot
  [13, 'dashed'], // xlSlantDashDot
  [-4118, 'dotted'], // xlDot
  [-4119, 'double'], // xlDouble
]);

/** `XlBorderWeight`: xlHairline 1, xlThin 2, xlMedium -4138, xlThick 4 → CSS pixels. */
const LINE_WIDTHS: ReadonlyMap<number, number> = new Map([
  [1, 1],
  [2, 1],
  [-4138, 2],
  [4, 3],
]);

/** `XlHAlign`: xlLeft -4131, xlCenter -4108, xlCenterAcrossSelection 7, xlDistributed -4117, xlRight -4152. */
const HORIZONTAL: ReadonlyMap<number, CellFormatView['horizontal']> = new Map([
  [-4131, 'left'],
  [-4108, 'center'],
  [7, 'center'],
  [-4117, 'center'],
  [-4152, 'right'],
]);

/** `XlVAlign`: xlTop -4160, xlCenter -4108, xlJustify -4130, xlDistributed -4117, xlBottom -4107. */
const VERTICAL: ReadonlyMap<number, CellFormatView['vertical']> = new Map([
  [-4160, 'top'],
  [-4108, 'center'],
  [-4130, 'center'],
  [-4117, 'center'],
  [-4107, 'bottom'],
]);

/** The maximum digit width of the standard font (11 pt) in pixels: a column of n characters is n × 7 + 5 px. */
const DIGIT_PX = 7;

export function cssBorderOfWps(border: BorderData): string | null {
  const style = LINE_STYLES.get(border.lineStyle);
  if (!style) return null;
  const width = style === 'double' ? 3 : (LINE_WIDTHS.get(border.weight) ?? 1);
  return `${width}px ${style} ${hexFromBgr(border.color)}`;
}

function formatView(cell: CellInspection): Omit<CellFormatView, 'borders'> {
  const { format } = cell;
  return {
    fill: format.fill === null ? null : hexFromBgr(format.fill),
    fontColor: format.font.color === 0 ? null : hexFromBgr(format.font.color),
    bold: format.font.bold,
    italic: format.font.italic,
    fontSize: format.font.size || null,
    fontName: format.font.name || null,
    horizontal: HORIZONTAL.get(format.horizontalAlignment) ?? null,
    vertical: VERTICAL.get(format.verticalAlignment) ?? null,
    wrap: format.wrapText,
  };
}

function sourceCell(cell: CellInspection): SourceCell {
  const { top, bottom, left, right } = cell.format.borders;
  return {
    // What WPS shows (Range.Text): the value through its number format.
    text: cell.text,
    numeric: typeof cell.value === 'number',
    format: formatView(cell),
    borders: { top: cssBorderOfWps(top), bottom: cssBorderOfWps(bottom), left: cssBorderOfWps(left), right: cssBorderOfWps(right) },
  };
}

function conditionalFormat(format: FormatConditionInspection) {
  return {
    formula: format.formula1,
    ranges: format.appliesTo.split(','),
    fill: format.interiorColor === null ? null : hexFromBgr(format.interiorColor),
    fontColor: format.fontColor === null ? null : hexFromBgr(format.fontColor),
  };
}

export function wpsSheetSource(inspect: MemoryWpsInspector, sheet: string): SheetSource {
  return {
    name: sheet,
    usedRange: () => inspect.usedRange(sheet),
    merges: () => inspect.merges(sheet),
    cell: (address) => sourceCell(inspect.cell(sheet, address)),
    conditionalFormats: () => inspect.formatConditions(sheet).map(conditionalFormat),
    highlightedCells: () => new Map([...inspect.highlightedCells(sheet)].map(([address, fill]) => [address, fill === null ? null : hexFromBgr(fill)])),
    columnWidth: (column) => ((inspect.columnWidth(sheet, column) * DIGIT_PX + 5) * 72) / 96,
    rowHeight: (row) => inspect.rowHeight(sheet, row),
  };
}

export function buildWpsSheetView(inspect: MemoryWpsInspector, sheet: string): SheetView {
  return buildSheetView(wpsSheetSource(inspect, sheet));
}
