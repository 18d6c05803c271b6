/**
 * What deserves the user's attention now, in the add-in (the command line shows everything):
 *
 * - An issue about a cell not filled in yet (`required_missing`, `indicator_missing`) is "to
 *   fill", counted and listed quietly and not highlighted, while its section of the form holds
 *   nothing the user wrote. Once the user writes in that section, or asks for the full check
 *   before submitting, it is an error like any other. A new blank form thus opens calm.
 * - Every other issue (sums, amounts, formats, indicators written wrongly) shows at once.
 * - A sum colours only the cell to change (the fix's cell, or the total when no fix is clear);
 *   the other cells of the sum are named in the issue's explanation, not coloured.
 */
import type { IssueCode, Issue } from '../issues/issue';
import { sectionIndex, startedSections } from './sections';
import type { FormCheckResult, WorkbookCheckResult } from './types';

export interface AttentionOptions {
  /** The full check before submitting: nothing waits, every issue shows. */
  readonly fullCheck: boolean;
}

const TO_FILL_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(['required_missing', 'indicator_missing']);

/** The issues of one form, split into those to show now and those that wait as "to fill". */
export function triageIssues(result: FormCheckResult, options: AttentionOptions): { readonly shown: readonly Issue[]; readonly toFill: readonly Issue[] } {
  if (options.fullCheck) return { shown: result.issues, toFill: [] };
  const sectionOf = sectionIndex(result.form);
  const started = startedSections(result.form);
  const shown: Issue[] = [];
  const toFill: Issue[] = [];
  for (const issue of result.issues) {
    const labelMissing = issue.code === 'required_missing' && issue.params.labelMissing;
    const waits = TO_FILL_CODES.has(issue.code) && !labelMissing && !issue.sheet && !started.has(sectionOf(issue.cells[0] ?? '').key);
    (waits ? toFill : shown).push(issue);
  }
  return { shown, toFill };
}

/** The cells an issue colours (in the add-in and in annotated copies): a sum only its first cell (the cell to change), any other issue all its cells. */
export function colouredCells(issue: Pick<Issue, 'code' | 'cells'>): readonly string[] {
  return issue.code === 'sum_mismatch' ? issue.cells.slice(0, 1) : issue.cells;
}

/** The result as the highlights should show it: to-fill issues left out, sums reduced to the cell to change. */
export function highlightPlan(result: WorkbookCheckResult, options: AttentionOptions): WorkbookCheckResult {
  return {
    ...result,
    forms: result.forms.map((form) => ({
      form: form.form,
      issues: triageIssues(form, options).shown.map((issue) => ({ ...issue, cells: colouredCells(issue) })),
    })),
  };
}
