/**
 * Writes a layout plan into an ExcelJS worksheet: the same plan the add-in applies to a live
 * workbook, so a form exported here looks and checks like one inserted by the add-in.
 */
import ExcelJS from 'exceljs';
import { absoluteA1, rangeToA1, toA1, type CellRange, type CellStyle, type LayoutPlan, type PlanConditionalFormat, type PlanValidation, type PrintSetup, buildLayoutPlan, planToSnapshot, type TemplateId } from '../../core';
import { saveWorkbook } from './save-workbook';

/** `#RRGGBB` → ExcelJS's `FFRRGGBB`. */
export function toArgb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const PAPER_SIZE_A4 = 9;

export function toExcelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const excel: Partial<ExcelJS.Style> = {};
  if (style.font) {
    const font: Partial<ExcelJS.Font> = {};
    if (style.font.bold !== undefined) font.bold = style.font.bold;
    if (style.font.size !== undefined) font.size = style.font.size;
    if (style.font.name !== undefined) font.name = style.font.name;
    if (style.font.color !== undefined) font.color = { argb: toArgb(style.font.color) };
    excel.font = font;
  }
  if (style.fill) excel.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(style.fill) } };
  if (style.horizontal || style.vertical || style.wrap) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (style.horizontal) alignment.horizontal = style.horizontal;
    if (style.vertical) alignment.vertical = style.vertical === 'center' ? 'middle' : style.vertical;
    if (style.wrap) alignment.wrapText = true;
    excel.alignment = alignment;
  }
  if (style.border) excel.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.numberFormat) excel.numFmt = style.numberFormat;
  return excel;
}

/** ExcelJS's space-separated multi-area reference (`A1:B2 D4`). */
export function rangesToRef(ranges: readonly CellRange[]): string {
  return ranges.map(rangeToA1).join(' ');
}

function toDataValidation(validation: PlanValidation): ExcelJS.DataValidation {
  const messages: Partial<ExcelJS.DataValidation> = {};
  if (validation.prompt) {
    messages.showInputMessage = true;
    messages.promptTitle = validation.prompt.title;
    messages.prompt = validation.prompt.message;
  }
  if (validation.error) {
    messages.showErrorMessage = true;
    messages.errorTitle = validation.error.title;
    messages.error = validation.error.message;
  }
  const { rule } = validation;
  switch (rule.kind) {
    case 'decimal':
      return { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [rule.min], ...messages };
    case 'list':
      return { type: 'list', allowBlank: true, formulae: [`"${rule.items.join(',')}"`], ...messages };
    case 'textLength':
      return { type: 'textLength', operator: 'lessThanOrEqual', allowBlank: true, formulae: [rule.max], ...messages };
  }
}

/**
 * A conditional format with a formula and a fill. The fill is set as both pattern colours:
 * Excel paints a dxf solid fill with `bgColor`, LibreOffice with `fgColor`.
 */
export function addExpressionFormat(worksheet: ExcelJS.Worksheet, format: PlanConditionalFormat, priority: number): void {
  const argb = toArgb(format.fill);
  const style: Partial<ExcelJS.Style> = {
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } },
  };
  if (format.fontColor) style.font = { color: { argb: toArgb(format.fontColor) } };
  worksheet.addConditionalFormatting({
    ref: rangesToRef(format.ranges),
    rules: [{ type: 'expression', priority, formulae: [format.formula.replace(/^=/, '')], style }],
  });
}

function rowSpan(first: number, last: number): string {
  return `${first + 1}:${last + 1}`;
}

export function toPageSetup(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_SIZE_A4 as ExcelJS.PaperSize,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: print.fitToPagesTall,
    horizontalCentered: print.centerHorizontally,
    margins: { ...print.margins },
    printArea: rangeToA1(print.area),
  };
  if (print.titleRows) setup.printTitlesRow = rowSpan(print.titleRows.first, print.titleRows.last);
  return setup;
}

/**
 * Draws the plan on the worksheet. Merges go first so that the styles written afterwards
 * land on the merged cells as they do in Excel. The marker name is added to the workbook
 * here and made sheet-scoped when the workbook is saved (ExcelJS writes only global names;
 * see `save-workbook.ts`).
 */
export function writePlanToWorksheet(workbook: ExcelJS.Workbook, worksheet: ExcelJS.Worksheet, plan: LayoutPlan): void {
  plan.columnWidths.forEach((width, index) => {
    worksheet.getColumn(index + 1).width = width;
  });
  for (const [row, height] of Object.entries(plan.rowHeights)) {
    worksheet.getRow(Number(row) + 1).height = height;
  }
  for (const merge of plan.merges) worksheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);

  // The formulas' results as the core computes them: a viewer that does not recalculate
  // (and this command's own checker) then reads the sums, not blanks.
  const computed = planToSnapshot(plan);
  for (const planCell of plan.cells) {
    const cell = worksheet.getCell(planCell.row + 1, planCell.col + 1);
    if (planCell.formula !== undefined) {
      const formula = planCell.formula.replace(/^=/, '');
      const result = planCell.value ?? computed.rows[planCell.row]?.[planCell.col]?.value ?? undefined;
      cell.value = result === undefined || result === null || typeof result === 'boolean' ? { formula, date1904: false } : { formula, result, date1904: false };
    } else if (planCell.value !== undefined) {
      cell.value = planCell.value;
    }
    const style = plan.styles[planCell.style];
    if (style) cell.style = toExcelStyle(style);
  }

  // Set cell by cell (the typed API); ExcelJS joins equal neighbours back into ranges when it writes.
  for (const validation of plan.validations) {
    const rule = toDataValidation(validation);
    const { top, left, bottom, right } = validation.range;
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) worksheet.getCell(row + 1, col + 1).dataValidation = rule;
    }
  }
  plan.conditionalFormats.forEach((format, index) => addExpressionFormat(worksheet, format, index + 1));

  worksheet.pageSetup = { ...worksheet.pageSetup, ...toPageSetup(plan.print) };

  workbook.definedNames.add(`${quoteSheetName(worksheet.name)}!${absoluteA1(plan.marker.cell.row, plan.marker.cell.col)}`, plan.marker.name);
  worksheet.views = [{ state: 'normal', activeCell: toA1(plan.firstInputCell.row, plan.firstInputCell.col), showGridLines: false }];
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface TemplateFileOptions {
  readonly year: number;
  readonly withSample: boolean;
}

/** A new workbook holding the template's form on one sheet. */
export function templateWorkbook(templateId: TemplateId, options: TemplateFileOptions): ExcelJS.Workbook {
  const plan = buildLayoutPlan(templateId, { year: options.year, withSample: options.withSample });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'perf-target-forms';
  // Excel and WPS recalculate the sums on opening; the cached results serve viewers that do not.
  workbook.calcProperties.fullCalcOnLoad = true;
  const worksheet = workbook.addWorksheet(plan.sheetName);
  writePlanToWorksheet(workbook, worksheet, plan);
  return workbook;
}

/** Writes the template's form to an `.xlsx` file. */
export async function writeTemplateFile(templateId: TemplateId, options: TemplateFileOptions, path: string): Promise<void> {
  await saveWorkbook(templateWorkbook(templateId, options), path);
}
