/**
 * Drawing a layout plan on a new worksheet: merges first (merging after formatting loses
 * fills and borders in Excel on the web), then formats, values and formulas, number formats,
 * widths and heights, validations (ExcelApi 1.8), the native checks (the plan's red conditional
 * formats, as the exported template carries them, so a workbook saved from Excel still warns in
 * WPS or Excel without the add-in), the marker name and the page layout (ExcelApi 1.9). Everything is queued; the caller syncs. Writes are counted roughly and
 * synced early when a request would pass ~4 MB (Excel on the web refuses requests over 5 MB).
 */
import { rangeToA1, toA1, type CellRange, type CellStyle, type LayoutPlan, type PlanCell, type PlanValidation } from '../core';
import type { ApiLevel } from './api-sets';
import { styledAreas, textForExcel, valueCells } from '../host/plan-areas';

export { textForExcel, uniqueSheetName } from '../host/plan-areas';

export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Counts what a batch sends, roughly, and syncs before it grows past the limit. */
export class PayloadBudget {
  private used = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number = MAX_REQUEST_BYTES,
  ) {}

  /** Adds a command's rough size: a fixed overhead plus its text. */
  async spend(...parts: readonly (string | number | boolean | undefined)[]): Promise<void> {
    let bytes = 120;
    for (const part of parts) bytes += part === undefined ? 0 : String(part).length * 3;
    this.used += bytes;
    if (this.used > this.limit) {
      await this.context.sync();
      this.syncs++;
      this.used = 0;
    }
  }
}

/** Excel's character-unit column width (Calibri 11: 7-pixel digits, 5 pixels of padding) in points, as Office.js sets it. */
export function columnWidthPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7);
  return (pixels * 72) / 96;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** Thin black borders as on the printed form. */
export const BORDER = { style: 'Continuous', weight: 'Thin', color: '#000000' } as const;

async function applyStyle(range: Excel.Range, area: CellRange, style: CellStyle, budget: PayloadBudget): Promise<void> {
  const format = range.format;
  const address = rangeToA1(area);
  if (style.font) {
    if (style.font.bold !== undefined) format.font.bold = style.font.bold;
    if (style.font.size !== undefined) format.font.size = style.font.size;
    if (style.font.name !== undefined) format.font.name = style.font.name;
    if (style.font.color !== undefined) format.font.color = style.font.color;
    await budget.spend(address, style.font.name, style.font.color, 4);
  }
  if (style.fill) {
    format.fill.color = style.fill;
    await budget.spend(address, style.fill);
  }
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  await budget.spend(address, style.horizontal, style.vertical);
  if (style.border) {
    const edges: string[] = [...EDGES];
    if (area.bottom > area.top) edges.push('InsideHorizontal');
    if (area.right > area.left) edges.push('InsideVertical');
    for (const edge of edges) {
      const border = format.borders.getItem(edge as Excel.BorderIndex);
      border.style = BORDER.style;
      border.weight = BORDER.weight;
      border.color = BORDER.color;
      await budget.spend(address, edge, BORDER.color);
    }
  }
  if (style.numberFormat !== undefined) {
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    const numberFormat = style.numberFormat;
    range.numberFormat = Array.from({ length: rows }, () => new Array<string>(cols).fill(numberFormat));
    await budget.spend(address, numberFormat.repeat(rows * cols));
  }
}

function dataValidationRule(validation: PlanValidation): Excel.DataValidationRule {
  const rule = validation.rule;
  switch (rule.kind) {
    case 'decimal':
      return { decimal: { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } };
    case 'list':
      return { list: { inCellDropDown: true, source: rule.items.join(',') } };
    case 'textLength':
      return { textLength: { formula1: rule.max, operator: 'LessThanOrEqualTo' } };
  }
}

/** Where a value goes: a formula, or a constant. */
function writeValue(range: Excel.Range, cell: PlanCell, numberFormat: string | undefined): string | number | undefined {
  if (cell.formula !== undefined) {
    range.formulas = [[cell.formula]];
    return cell.formula;
  }
  if (cell.value !== undefined) {
    const value = typeof cell.value === 'string' ? textForExcel(cell.value, numberFormat) : cell.value;
    range.values = [[value]];
    return value;
  }
  return undefined;
}

/** Points from inches (the plan keeps margins as Excel's dialogs show them; Office.js wants points). */
export function inchesToPoints(inches: number): number {
  return inches * 72;
}

/** Queues the whole plan on `sheet` (a sheet just added, empty). */
export async function queueLayout(sheet: Excel.Worksheet, plan: LayoutPlan, api: ApiLevel, budget: PayloadBudget): Promise<void> {
  for (const merge of plan.merges) {
    sheet.getRange(rangeToA1(merge)).merge(false);
    await budget.spend(rangeToA1(merge));
  }

  for (const { area, style } of styledAreas(plan)) await applyStyle(sheet.getRange(rangeToA1(area)), area, style, budget);

  for (const cell of valueCells(plan)) {
    const written = writeValue(sheet.getCell(cell.row, cell.col), cell, plan.styles[cell.style]?.numberFormat);
    if (written !== undefined) await budget.spend(toA1(cell.row, cell.col), written);
  }

  plan.columnWidths.forEach((width, col) => {
    const letter = toA1(0, col).replace(/\d+$/, '');
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(width);
  });
  for (const [row, height] of Object.entries(plan.rowHeights)) {
    const excelRow = Number(row) + 1;
    sheet.getRange(`${excelRow}:${excelRow}`).format.rowHeight = height;
  }
  await budget.spend(plan.columnWidths.length * 40 + Object.keys(plan.rowHeights).length * 40);

  if (api.has('dataValidation')) {
    for (const validation of plan.validations) {
      const dataValidation = sheet.getRange(rangeToA1(validation.range)).dataValidation;
      dataValidation.rule = dataValidationRule(validation);
      if (validation.prompt) dataValidation.prompt = { showPrompt: true, title: validation.prompt.title, message: validation.prompt.message };
      if (validation.error) dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: validation.error.title, message: validation.error.message };
      await budget.spend(rangeToA1(validation.range), validation.prompt?.message, validation.error?.message, JSON.stringify(validation.rule));
    }
  }

  await queueNativeChecks(sheet, plan, api, budget);

  sheet.names.add(plan.marker.name, sheet.getCell(plan.marker.cell.row, plan.marker.cell.col));

  if (api.has('pageLayout')) {
    const layout = sheet.pageLayout;
    const print = plan.print;
    layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: print.fitToPagesTall };
    layout.centerHorizontally = print.centerHorizontally;
    layout.topMargin = inchesToPoints(print.margins.top);
    layout.bottomMargin = inchesToPoints(print.margins.bottom);
    layout.leftMargin = inchesToPoints(print.margins.left);
    layout.rightMargin = inchesToPoints(print.margins.right);
    layout.headerMargin = inchesToPoints(print.margins.header);
    layout.footerMargin = inchesToPoints(print.margins.footer);
    layout.setPrintArea(rangeToA1(print.area));
    if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
    await budget.spend(1000);
  }
}

/**
 * The plan's native checks. Their formulas carry no highlight label, so the add-in's
 * bookkeeping takes them for formats of the user's and never touches them.
 */
async function queueNativeChecks(sheet: Excel.Worksheet, plan: LayoutPlan, api: ApiLevel, budget: PayloadBudget): Promise<void> {
  for (const check of plan.conditionalFormats) {
    // The formulas use absolute references: one format per range below ExcelApi 1.9 is the same check.
    const targets = api.has('multiAreaRanges') ? [sheet.getRanges(check.ranges.map((range) => rangeToA1(range)).join(', '))] : check.ranges.map((range) => sheet.getRange(rangeToA1(range)));
    for (const target of targets) {
      const format = target.conditionalFormats.add('Custom');
      format.custom.rule.formula = check.formula;
      format.custom.format.fill.color = check.fill;
      if (check.fontColor) format.custom.format.font.color = check.fontColor;
      await budget.spend(check.formula, check.fill, check.fontColor, check.ranges.length * 12);
    }
  }
}
