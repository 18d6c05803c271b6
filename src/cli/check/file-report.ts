/**
 * What checking one file gives: plain data, so it crosses from a worker process as it is and
 * every output format (text, JSON, CSV) is made from it.
 */
import type { FormKind, IssueCode, Lang, Severity, TemplateId } from '../../core';
import type { FileProblemCode, RefusalCode } from '../messages';

export interface IssueReport {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly cells: readonly string[];
  readonly message: string;
  /** The sheet the cells are on (a workbook-wide issue may point to another form's sheet). */
  readonly sheet: string;
}

export interface FormReport {
  readonly sheet: string;
  /** The kind of form (department, project), whatever its layout. */
  readonly template: FormKind;
  /** The layout the form was read as (its template's id). */
  readonly layout: TemplateId;
  readonly year: number | null;
  readonly issues: readonly IssueReport[];
}

export interface FileProblem {
  readonly code: FileProblemCode;
  readonly message: string;
}

export interface FileReport {
  /** The path as the user gave it or as found in a folder they gave. */
  readonly file: string;
  readonly forms: readonly FormReport[];
  /** Sheets that hold no recognisable form. */
  readonly otherSheets: readonly string[];
  /** Why the file could not be checked; such a file counts as unreadable (exit code 2). */
  readonly problem?: FileProblem;
  /** Where the annotated copy was written. */
  readonly annotatedCopy?: string;
}

/** One unit of work: a file to check, in a worker or in this thread. */
export interface CheckTask {
  readonly file: string;
  /** Absolute path to write the annotated copy to, when asked and the file has issues. */
  readonly annotateTo?: string;
  /** The `--annotate` folder, absolute: the copy is written only inside it, through no link. */
  readonly annotateFolder?: string;
  /** Why the file is reported without being read (found as a link, a folder that cannot be listed). */
  readonly refused?: RefusalCode;
  readonly lang: Lang;
  /** ISO date for "today" (date_out_of_range); the current date when absent. */
  readonly today?: string;
}

export function countIssues(report: FileReport, severity: Severity): number {
  return report.forms.reduce((sum, form) => sum + form.issues.filter((issue) => issue.severity === severity).length, 0);
}

/** A file that could not be checked (unreadable, no form, an `.xls`) or whose annotated copy failed: exit code 2. */
export function hasProblem(report: FileReport): boolean {
  return report.problem !== undefined;
}
