/**
 * Drawing a layout plan on a new WPS sheet, as the Excel adapter draws it
 * (src/excel/apply-layout.ts): the same values and formulas, merges, styles, widths, heights,
 * validations, native checks, marker name and page setup. Every write covers many cells: the
 * values go in one `Formula` write of the form's extent (before the merges, which keep their
 * top-left value), and each style, width, height, validation and check is written once per
 * group of areas that share it, joined into multi-area addresses of at most 255 characters.
 */
import { absoluteA1, rangeToA1, toA1, type CellRange, type CellStyle, type LayoutPlan, type PlanValidation } from '../core';
import { styledAreas, textForExcel, valueCells } from '../host/plan-areas';
import { columnsAddress, rangesOf, rowsAddress, sheetReference } from './wps-cells';
import { bgrFromHex, XL_ALIGN, XL_BORDER, XL_CONTINUOUS, XL_EXPRESSION, XL_OPERATOR, XL_ORIENTATION, XL_PAPER_A4, XL_THIN, XL_VALID_ALERT_STOP, XL_VALIDATE, type WpsRange, type WpsSheets, type WpsWorksheet } from './wps-api';

/** The plan's values and formulas as the rows of its extent (`''` where a cell stays empty). */
function valueGrid(plan: LayoutPlan): (string | number)[][] {
  const extent = plan.extent;
  const grid = Array.from({ length: extent.bottom - extent.top + 1 }, () => new Array<string | number>(extent.right - extent.left + 1).fill(''));
  for (const cell of valueCells(plan)) {
    const value = cell.formula ?? (typeof cell.value === 'string' ? textForExcel(cell.value, undefined) : cell.value);
    if (value !== undefined) grid[cell.row - extent.top][cell.col - extent.left] = value;
  }
  return grid;
}

/** Runs of one style in neighbouring rows with the same columns become one rectangle (merges stay as they are). */
function joinRows(areas: readonly { area: CellRange; style: CellStyle }[], merges: ReadonlySet<string>): { area: CellRange; style: CellStyle }[] {
  const joined: { area: CellRange; style: CellStyle }[] = [];
  const open = new Map<string, number>();
  for (const item of areas) {
    const key = `${item.area.left}:${item.area.right}`;
    const index = open.get(key);
    const previous = index === undefined ? undefined : joined[index];
    const isMerge = merges.has(rangeToA1(item.area));
    if (previous && !isMerge && previous.style === item.style && previous.area.bottom + 1 === item.area.top && !merges.has(rangeToA1(previous.area))) {
      joined[index as number] = { style: item.style, area: { ...previous.area, bottom: item.area.bottom } };
      continue;
    }
    open.set(key, joined.length);
    joined.push(item);
  }
  return joined;
}

function applyBorders(range: WpsRange, insideRows: boolean, insideColumns: boolean): void {
  const edges: number[] = [XL_BORDER.edgeTop, XL_BORDER.edgeBottom, XL_BORDER.edgeLeft, XL_BORDER.edgeRight];
  if (insideRows) edges.push(XL_BORDER.insideHorizontal);
  if (insideColumns) edges.push(XL_BORDER.insideVertical);
  const borders = range.Borders;
  for (const edge of edges) {
    const border = borders.Item(edge);
    border.LineStyle = XL_CONTINUOUS;
    border.Weight = XL_THIN;
    border.Color = bgrFromHex('#000000');
  }
}

function applyStyle(range: WpsRange, style: CellStyle, insideRows: boolean, insideColumns: boolean): void {
  if (style.font) {
    const font = range.Font;
    if (style.font.bold !== undefined) font.Bold = style.font.bold;
    if (style.font.size !== undefined) font.Size = style.font.size;
    if (style.font.name !== undefined) font.Name = style.font.name;
    if (style.font.color !== undefined) font.Color = bgrFromHex(style.font.color);
  }
  if (style.fill) range.Interior.Color = bgrFromHex(style.fill);
  if (style.horizontal) range.HorizontalAlignment = XL_ALIGN[style.horizontal];
  if (style.vertical) range.VerticalAlignment = XL_ALIGN[style.vertical];
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  if (style.border) applyBorders(range, insideRows, insideColumns);
  if (style.numberFormat !== undefined) range.NumberFormat = style.numberFormat;
}

/** Each style once per group of areas of the same shape (inside borders only where an area has inside lines). */
function writeStyles(sheet: WpsWorksheet, plan: LayoutPlan): void {
  const merges = new Set(plan.merges.map((merge) => rangeToA1(merge)));
  const groups = new Map<CellStyle, Map<string, CellRange[]>>();
  for (const { area, style } of joinRows(styledAreas(plan), merges)) {
    const shape = `${area.bottom > area.top}:${area.right > area.left}`;
    const byShape = groups.get(style) ?? new Map<string, CellRange[]>();
    byShape.set(shape, [...(byShape.get(shape) ?? []), area]);
    groups.set(style, byShape);
  }
  for (const [style, byShape] of groups) {
    for (const [shape, areas] of byShape) {
      const [insideRows, insideColumns] = shape.split(':').map((flag) => flag === 'true');
      for (const range of rangesOf(sheet, areas)) applyStyle(range, style, insideRows, insideColumns);
    }
  }
}

/** Groups keys to the areas that share them. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | number, area: (item: T) => CellRange): Map<string | number, { first: T; areas: CellRange[] }> {
  const groups = new Map<string | number, { first: T; areas: CellRange[] }>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.areas.push(area(item));
    else groups.set(key(item), { first: item, areas: [area(item)] });
  }
  return groups;
}

function writeSizes(sheet: WpsWorksheet, plan: LayoutPlan): void {
  const widths = groupBy(
    plan.columnWidths.map((width, col) => ({ width, col })),
    (item) => item.width,
    (item) => ({ top: 0, bottom: 0, left: item.col, right: item.col }),
  );
  for (const { first, areas } of widths.values()) for (const range of rangesOf(sheet, areas, columnsAddress)) range.ColumnWidth = first.width;
  const heights = groupBy(
    Object.entries(plan.rowHeights).map(([row, height]) => ({ row: Number(row), height })),
    (item) => item.height,
    (item) => ({ top: item.row, bottom: item.row, left: 0, right: 0 }),
  );
  for (const { first, areas } of heights.values()) for (const range of rangesOf(sheet, areas, rowsAddress)) range.RowHeight = first.height;
}

function addValidation(range: WpsRange, validation: PlanValidation): void {
  const rule = validation.rule;
  const target = range.Validation;
  if (rule.kind === 'decimal') target.Add(XL_VALIDATE.decimal, XL_VALID_ALERT_STOP, XL_OPERATOR.greaterEqual, String(rule.min));
  else if (rule.kind === 'textLength') target.Add(XL_VALIDATE.textLength, XL_VALID_ALERT_STOP, XL_OPERATOR.lessEqual, String(rule.max));
  else {
    target.Add(XL_VALIDATE.list, XL_VALID_ALERT_STOP, undefined, rule.items.join(','));
    target.InCellDropdown = true;
  }
  target.IgnoreBlank = true;
  if (validation.prompt) {
    target.ShowInput = true;
    target.InputTitle = validation.prompt.title;
    target.InputMessage = validation.prompt.message;
  }
  if (validation.error) {
    target.ShowError = true;
    target.ErrorTitle = validation.error.title;
    target.ErrorMessage = validation.error.message;
  }
}

function writeValidations(sheet: WpsWorksheet, plan: LayoutPlan): void {
  const groups = groupBy(
    plan.validations,
    (validation) => JSON.stringify([validation.rule, validation.prompt, validation.error]),
    (validation) => validation.range,
  );
  for (const { first, areas } of groups.values()) for (const range of rangesOf(sheet, areas)) addValidation(range, first);
}

/** The plan's native checks: their formulas carry no highlight label, so the add-in takes them for the user's and never touches them. */
function writeNativeChecks(sheet: WpsWorksheet, plan: LayoutPlan): void {
  for (const check of plan.conditionalFormats) {
    // The formulas use absolute references: one condition per chunk of ranges is the same check.
    for (const range of rangesOf(sheet, check.ranges)) {
      const condition = range.FormatConditions.Add(XL_EXPRESSION, undefined, check.formula);
      condition.Interior.Color = bgrFromHex(check.fill);
      if (check.fontColor) condition.Font.Color = bgrFromHex(check.fontColor);
    }
  }
}

/** Margins in points from the plan's inches. */
function writePageSetup(sheet: WpsWorksheet, plan: LayoutPlan): void {
  const setup = sheet.PageSetup;
  const print = plan.print;
  setup.Orientation = XL_ORIENTATION[print.orientation];
  setup.PaperSize = XL_PAPER_A4;
  setup.Zoom = false;
  setup.FitToPagesWide = print.fitToPagesWide;
  setup.FitToPagesTall = print.fitToPagesTall === 0 ? false : print.fitToPagesTall;
  setup.CenterHorizontally = print.centerHorizontally;
  setup.TopMargin = print.margins.top * 72;
  setup.BottomMargin = print.margins.bottom * 72;
  setup.LeftMargin = print.margins.left * 72;
  setup.RightMargin = print.margins.right * 72;
  setup.HeaderMargin = print.margins.header * 72;
  setup.FooterMargin = print.margins.footer * 72;
  setup.PrintArea = `${absoluteA1(print.area.top, print.area.left)}:${absoluteA1(print.area.bottom, print.area.right)}`;
  if (print.titleRows) setup.PrintTitleRows = `$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`;
}

/** Adds a sheet after the last one, named `name`, and draws the plan on it. */
export function insertLayout(sheets: WpsSheets, name: string, plan: LayoutPlan): WpsWorksheet {
  const sheet = sheets.Add(undefined, sheets.Item(sheets.Count));
  sheet.Name = name;
  sheet.Range(rangeToA1(plan.extent)).Formula = valueGrid(plan);
  for (const range of rangesOf(sheet, plan.merges)) range.Merge(false);
  writeStyles(sheet, plan);
  writeSizes(sheet, plan);
  writeValidations(sheet, plan);
  writeNativeChecks(sheet, plan);
  sheet.Names.Add(plan.marker.name, sheetReference(name, plan.marker.cell.row, plan.marker.cell.col));
  writePageSetup(sheet, plan);
  sheet.Activate();
  sheet.Range(toA1(plan.firstInputCell.row, plan.firstInputCell.col)).Select();
  return sheet;
}
