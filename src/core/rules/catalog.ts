/**
 * Every issue code with its family and the severities it is reported with (DOMAIN.md's rule
 * table). Typed so that a code added to ISSUE_CODES without an entry here fails to compile;
 * a test checks that the rules declare exactly these.
 */
import type { IssueCode, Severity } from '../issues/issue';
import type { RuleFamily } from './types';

export interface IssueCodeInfo {
  /** The family that reports the code (formula_error also comes from formats, for non-amount cells). */
  readonly families: readonly RuleFamily[];
  readonly severities: readonly Severity[];
}

export const ISSUE_CATALOG = {
  sum_mismatch: { families: ['sums'], severities: ['error'] },
  part_exceeds_whole: { families: ['sums'], severities: ['error'] },
  cross_form_mismatch: { families: ['crossForm'], severities: ['warning'] },
  amount_mismatch_in_text: { families: ['indicators'], severities: ['warning'] },
  required_missing: { families: ['required'], severities: ['error'] },
  task_incomplete: { families: ['required'], severities: ['error', 'warning'] },
  duplicate_task: { families: ['required'], severities: ['warning'] },
  not_a_number: { families: ['amounts'], severities: ['error'] },
  unit_mismatch: { families: ['amounts'], severities: ['error'] },
  negative_amount: { families: ['amounts'], severities: ['error'] },
  too_many_decimals: { families: ['amounts'], severities: ['warning'] },
  formula_error: { families: ['amounts', 'formats'], severities: ['error'] },
  formula_not_calculated: { families: ['amounts'], severities: ['warning'] },
  indicator_missing: { families: ['indicators'], severities: ['error', 'warning'] },
  indicator_unknown: { families: ['indicators'], severities: ['error'] },
  indicator_wrong_parent: { families: ['indicators'], severities: ['error'] },
  indicator_value_missing: { families: ['indicators'], severities: ['error'] },
  indicator_name_missing: { families: ['indicators'], severities: ['error'] },
  indicator_unquantified: { families: ['indicators'], severities: ['warning'] },
  percent_out_of_range: { families: ['indicators'], severities: ['error'] },
  phone_invalid: { families: ['formats'], severities: ['warning'] },
  date_invalid: { families: ['formats'], severities: ['error'] },
  date_out_of_range: { families: ['formats'], severities: ['warning'] },
  markup_in_text: { families: ['formats'], severities: ['warning'] },
  text_too_long: { families: ['formats'], severities: ['warning'] },
} as const satisfies Record<IssueCode, IssueCodeInfo>;
