/** Runs the full check on hand-built forms, for the rule tests. */
import { checkForms } from '../../../src/core/check/check-forms';
import type { CheckOptions } from '../../../src/core/check/types';
import type { ExtractedForm } from '../../../src/core/forms/form-data';
import type { Issue, IssueCode } from '../../../src/core/issues/issue';

/** "Today" for the tests: a few days after the reference was filled in (2022年1月5日). */
export const TODAY = new Date(2022, 0, 10);

export function check(form: ExtractedForm, options: CheckOptions = {}): readonly Issue[] {
  return checkForms([form], { today: TODAY, ...options })[0].issues;
}

/** The issues of some codes only, so a test of one rule is not disturbed by others. */
export function checkCodes<C extends IssueCode>(form: ExtractedForm, codes: readonly C[], options: CheckOptions = {}): Extract<Issue, { code: C }>[] {
  const wanted: readonly IssueCode[] = codes;
  return check(form, options).filter((issue): issue is Extract<Issue, { code: C }> => wanted.includes(issue.code));
}
