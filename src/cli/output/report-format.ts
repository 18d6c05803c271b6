/**
 * The three outputs of `check`: text for people, JSON for programs, CSV for Excel.
 * Text and CSV are written file by file as reports arrive (in input order); JSON at the end.
 * File names, sheet names and cell text come from outside: text output shows their control
 * characters as visible escapes (an escape sequence could rewrite the terminal, a newline
 * forge a line), CSV neutralises fields a spreadsheet would run as formulas, and JSON is
 * escaped by JSON.stringify (docs/security.md).
 */
import { countIssues, hasProblem, type FileReport } from '../check/file-report';
import type { CliStrings } from '../messages';

export type OutputFormat = 'text' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'csv'];

export interface Totals {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly unreadable: number;
}

export function totals(reports: readonly FileReport[]): Totals {
  return {
    files: reports.length,
    errors: reports.reduce((sum, report) => sum + countIssues(report, 'error'), 0),
    warnings: reports.reduce((sum, report) => sum + countIssues(report, 'warning'), 0),
    unreadable: reports.filter(hasProblem).length,
  };
}

/** 0 no errors, 1 errors, 2 an input could not be read (2 wins over 1). */
export function exitCodeOf(reports: readonly FileReport[]): 0 | 1 | 2 {
  const sum = totals(reports);
  if (sum.unreadable > 0) return 2;
  return sum.errors > 0 ? 1 : 0;
}

// ---- text

/**
 * C0 and C1 controls, DEL, the line and paragraph separators and the bidirectional overrides
 * (which reorder what a terminal shows).
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeInvisible(ch: string): string {
  const named = NAMED_ESCAPES[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character shown as an escape (`\x1b`, `\n`, `\u202e`). */
export function visible(text: string): string {
  return text.replace(INVISIBLE, escapeInvisible);
}

export function textForFile(report: FileReport, strings: CliStrings): string {
  const lines: string[] = [];
  const errors = countIssues(report, 'error');
  const warnings = countIssues(report, 'warning');
  if (report.problem && report.forms.length === 0) {
    lines.push(`${report.file}: ${report.problem.message}`);
  } else {
    lines.push(`${report.file}: ${strings.fileSummary(report.forms.length, errors, warnings)}`);
  }
  for (const form of report.forms) {
    lines.push(strings.formHeading(form.sheet, strings.template[form.layout], form.year));
    for (const issue of form.issues) {
      lines.push(`    ${issue.sheet}!${issue.cells.join(',')}  ${strings.severity[issue.severity]}  ${issue.code}  ${issue.message}`);
    }
  }
  if (report.forms.length > 0 && report.otherSheets.length > 0) lines.push(`  ${strings.otherSheets(report.otherSheets)}`);
  if (report.problem && report.forms.length > 0) lines.push(`  ${report.problem.message}`);
  if (report.annotatedCopy) lines.push(strings.annotatedCopy(report.annotatedCopy));
  // Our own words hold no control characters: escaping whole lines covers every name and value in them.
  return `${lines.map(visible).join('\n')}\n`;
}

export function textTotals(reports: readonly FileReport[], strings: CliStrings): string {
  const sum = totals(reports);
  return `\n${strings.totals(sum.files, sum.errors, sum.warnings, sum.unreadable)}\n`;
}

// ---- JSON

export interface JsonIssue {
  readonly code: string;
  readonly severity: string;
  readonly cells: readonly string[];
  readonly message: string;
}

export interface JsonForm {
  readonly sheet: string;
  /** department or project. */
  readonly template: string;
  /** The layout the form was read as: department, project, national-project, hunan-department, hunan-project. */
  readonly layout: string;
  readonly year: number | null;
  readonly issues: readonly JsonIssue[];
}

export interface JsonFile {
  readonly file: string;
  readonly forms: readonly JsonForm[];
  readonly error?: string;
}

export interface JsonReport {
  readonly files: readonly JsonFile[];
  readonly summary: Totals & {
    readonly exitCode: 0 | 1 | 2;
    /** Files that could not be checked, with the reason's code (`xls_file`, `no_form`, …). */
    readonly problems: readonly { readonly file: string; readonly code: string }[];
    /** Sheets that are not forms, per file. */
    readonly otherSheets: readonly { readonly file: string; readonly sheets: readonly string[] }[];
    /** Annotated copies written. */
    readonly annotated: readonly { readonly file: string; readonly copy: string }[];
  };
}

export function jsonReport(reports: readonly FileReport[]): JsonReport {
  return {
    files: reports.map((report) => ({
      file: report.file,
      forms: report.forms.map((form) => ({
        sheet: form.sheet,
        template: form.template,
        layout: form.layout,
        year: form.year,
        issues: form.issues.map((issue) => ({ code: issue.code, severity: issue.severity, cells: issue.cells, message: issue.message })),
      })),
      ...(report.problem ? { error: report.problem.message } : {}),
    })),
    summary: {
      ...totals(reports),
      exitCode: exitCodeOf(reports),
      problems: reports.flatMap((report) => (report.problem ? [{ file: report.file, code: report.problem.code }] : [])),
      otherSheets: reports.filter((report) => report.otherSheets.length > 0).map((report) => ({ file: report.file, sheets: report.otherSheets })),
      annotated: reports.flatMap((report) => (report.annotatedCopy ? [{ file: report.file, copy: report.annotatedCopy }] : [])),
    },
  };
}

// ---- CSV

/** Excel opens a UTF-8 CSV with Chinese text correctly only when it starts with a byte order mark. */
export const CSV_BOM = '\uFEFF';

/** What makes Excel, WPS and LibreOffice read a CSV field as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field: text that would start a formula gets a leading `'`, which spreadsheets show
 * as text; then quoted when it holds a quote, a comma or a line break.
 */
export function csvField(value: string | number | null): string {
  const raw = value === null ? '' : String(value);
  const text = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: readonly (string | number | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function csvHeader(strings: CliStrings): string {
  return CSV_BOM + csvLine(strings.csvHeader);
}

/** One row per issue, and one row for a file that could not be checked (its reason in the message). */
export function csvForFile(report: FileReport): string {
  let out = '';
  for (const form of report.forms) {
    for (const issue of form.issues) {
      out += csvLine([report.file, issue.sheet, form.template, form.year, issue.severity, issue.code, issue.cells.join(' '), issue.message, form.layout]);
    }
  }
  if (report.problem) out += csvLine([report.file, '', '', null, 'error', report.problem.code, '', report.problem.message, '']);
  return out;
}
