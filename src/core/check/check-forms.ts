/**
 * Checking forms already extracted: every form's rules, then the workbook rules, issues
 * sorted errors first and then by position. Pure and linear in the size of the forms.
 */
import type { ExtractedForm } from '../forms/form-data';
import { parseA1 } from '../grid/address';
import type { Issue } from '../issues/issue';
import { ISSUE_CODES } from '../issues/issue';
import { buildRuleContext } from '../rules/context';
import { ALL_FORM_RULES, ALL_WORKBOOK_RULES } from '../rules/registry';
import type { CheckedForm } from '../rules/types';
import { getTemplate } from '../templates';
import type { CheckOptions, FormCheckResult } from './types';

const CODE_ORDER = new Map(ISSUE_CODES.map((code, index) => [code, index]));

function position(issue: Issue): { row: number; col: number } {
  const first = issue.cells[0];
  const parsed = first === undefined ? null : parseA1(first);
  return parsed ?? { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
}

/** Errors first, then top to bottom, left to right; ties keep the rules' order. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, index) => ({ issue, index, at: position(issue) }))
    .sort(
      (a, b) =>
        (a.issue.severity === b.issue.severity ? 0 : a.issue.severity === 'error' ? -1 : 1) ||
        a.at.row - b.at.row ||
        a.at.col - b.at.col ||
        (CODE_ORDER.get(a.issue.code) ?? 0) - (CODE_ORDER.get(b.issue.code) ?? 0) ||
        a.index - b.index,
    )
    .map((entry) => entry.issue);
}

/** Checks forms a caller extracted itself. Results are in the order of the forms. */
export function checkForms(forms: readonly ExtractedForm[], options: CheckOptions = {}): FormCheckResult[] {
  const today = options.today ?? new Date();
  const checked: CheckedForm[] = forms.map((form) => ({
    form,
    context: buildRuleContext(form, getTemplate(form.template), { today, settings: options.settings }),
  }));
  const issuesByForm: Issue[][] = checked.map(({ form, context }) => ALL_FORM_RULES.flatMap((rule) => [...rule.check(form, context)]));
  for (const rule of ALL_WORKBOOK_RULES) {
    for (const { formIndex, issue } of rule.check(checked)) issuesByForm[formIndex]?.push(issue);
  }
  return checked.map(({ form }, index) => ({ form, issues: sortIssues(issuesByForm[index]) }));
}
