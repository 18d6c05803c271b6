/**
 * The annotated copy of a checked workbook: the issues' cells highlighted by the same owned
 * conditional formats as the add-in (one per severity and sheet, recognisable by the label
 * in their formula), and a sheet `检查结果` listing the issues with links to their cells.
 * The user's own formats are not touched: a highlight is a conditional format over them.
 */
import type ExcelJS from 'exceljs';
import { colouredCells, HIGHLIGHT_LABEL_PREFIX, HIGHLIGHT_STYLE, highlightFormula, parseA1, rangeToA1, type Severity } from '../../core';
import type { CliStrings } from '../messages';
import { addExpressionFormat, quoteSheetName } from '../xlsx/write-plan';
import type { FormReport } from './file-report';

export interface HighlightStyle {
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
}

/** The add-in's owned highlight formats (docs/architecture.md): the label inside the formula marks them as ours. */
export const HIGHLIGHTS: Readonly<Record<Severity, HighlightStyle>> = {
  error: { formula: highlightFormula('error'), fill: HIGHLIGHT_STYLE.error.fill, fontColor: HIGHLIGHT_STYLE.error.font },
  warning: { formula: highlightFormula('warning'), fill: HIGHLIGHT_STYLE.warning.fill, fontColor: HIGHLIGHT_STYLE.warning.font },
};

export const OWNED_FORMAT_LABEL = HIGHLIGHT_LABEL_PREFIX;

/** Cells to highlight per sheet and severity, as the add-in colours them (a sum: only its cell to change); a cell with an error is not also a warning (error wins). */
export function highlightCells(forms: readonly FormReport[]): Map<string, Record<Severity, Set<string>>> {
  const bySheet = new Map<string, Record<Severity, Set<string>>>();
  for (const form of forms) {
    for (const issue of form.issues) {
      let sheet = bySheet.get(issue.sheet);
      if (!sheet) {
        sheet = { error: new Set(), warning: new Set() };
        bySheet.set(issue.sheet, sheet);
      }
      for (const cell of colouredCells(issue)) sheet[issue.severity].add(cell);
    }
  }
  for (const sheet of bySheet.values()) for (const cell of sheet.error) sheet.warning.delete(cell);
  return bySheet;
}

function uniqueSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name));
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

function escapeFormulaText(text: string): string {
  return text.replace(/"/g, '""');
}

function isOwnedFormat(format: ExcelJS.ConditionalFormattingOptions): boolean {
  return format.rules.some((rule) => rule.type === 'expression' && (rule.formulae ?? []).some((formula: unknown) => String(formula).includes(OWNED_FORMAT_LABEL)));
}

/** Adds the highlights and the results sheet to the loaded workbook (the copy to be saved). */
export function annotateWorkbook(workbook: ExcelJS.Workbook, forms: readonly FormReport[], strings: CliStrings, source: string): void {
  // Highlights left in the file by the add-in or an earlier annotation would mix with the new ones.
  for (const worksheet of workbook.worksheets) {
    worksheet.removeConditionalFormatting((format: ExcelJS.ConditionalFormattingOptions) => !isOwnedFormat(format));
  }
  for (const [sheetName, cells] of highlightCells(forms)) {
    const worksheet = workbook.getWorksheet(sheetName);
    if (!worksheet) continue;
    (['error', 'warning'] as const).forEach((severity, index) => {
      const ranges = [...cells[severity]].map(parseA1).filter((position) => position !== null);
      if (ranges.length === 0) return;
      const style = HIGHLIGHTS[severity];
      addExpressionFormat(
        worksheet,
        {
          ranges: ranges.map((position) => ({ top: position.row, left: position.col, bottom: position.row, right: position.col })),
          formula: style.formula,
          fill: style.fill,
          fontColor: style.fontColor,
        },
        // Errors first: on a cell in both, Excel applies the format of higher priority.
        index + 1,
      );
    });
  }

  addResultsSheet(workbook, forms, strings, source);
}

/** Rows above the results table: the file checked, its totals, a blank line. */
const RESULTS_HEADER_ROW = 4;

/**
 * The 检查结果 sheet: which file, its totals, then one row per issue with every cell it names
 * (the first linked). Printed on A4 one page wide, the table's heading on every page.
 */
function addResultsSheet(workbook: ExcelJS.Workbook, forms: readonly FormReport[], strings: CliStrings, source: string): void {
  const results = workbook.addWorksheet(uniqueSheetName(workbook, strings.resultsSheet));
  results.columns = [{ width: 16 }, { width: 18 }, { width: 7 }, { width: 20 }, { width: 46 }];
  const issues = forms.flatMap((form) => form.issues);
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  results.addRow([strings.resultsFile(source)]).font = { bold: true };
  results.addRow([strings.fileSummary(forms.length, errors, issues.length - errors)]);
  results.addRow([]);
  const header = results.addRow([...strings.resultsHeader]);
  header.font = { bold: true };
  for (const issue of issues) {
    const cells = issue.cells.join(', ');
    const row = results.addRow([issue.sheet, cells, strings.severity[issue.severity], issue.code, issue.message]);
    const target = parseA1(issue.cells[0] ?? '');
    if (target) {
      const link = `#${quoteSheetName(issue.sheet)}!${rangeToA1({ top: target.row, left: target.col, bottom: target.row, right: target.col })}`;
      // A HYPERLINK formula: internal links read the same in Excel, WPS and LibreOffice.
      row.getCell(2).value = { formula: `HYPERLINK("${escapeFormulaText(link)}","${escapeFormulaText(cells)}")`, result: cells, date1904: false };
      row.getCell(2).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    for (const column of [1, 2, 4, 5]) row.getCell(column).alignment = { wrapText: true, vertical: 'top' };
  }
  results.views = [{ state: 'frozen', ySplit: RESULTS_HEADER_ROW }];
  results.pageSetup = {
    ...results.pageSetup,
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${RESULTS_HEADER_ROW}:${RESULTS_HEADER_ROW}`,
  };
}
