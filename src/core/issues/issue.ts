/**
 * Issues are data. A rule returns them; messages (zh-CN, en-US) are made from them last.
 * Codes and severities are those of DOMAIN.md.
 */

export const ISSUE_CODES = [
  'sum_mismatch',
  'part_exceeds_whole',
  'cross_form_mismatch',
  'amount_mismatch_in_text',
  'required_missing',
  'task_incomplete',
  'duplicate_task',
  'not_a_number',
  'unit_mismatch',
  'negative_amount',
  'too_many_decimals',
  'formula_error',
  'formula_not_calculated',
  'indicator_missing',
  'indicator_unknown',
  'indicator_wrong_parent',
  'indicator_value_missing',
  'indicator_name_missing',
  'indicator_unquantified',
  'percent_out_of_range',
  'phone_invalid',
  'date_invalid',
  'date_out_of_range',
  'markup_in_text',
  'text_too_long',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export type Severity = 'error' | 'warning';

/** Message parameters: plain values only, so an issue serialises to JSON as it is. */
export type IssueParams = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/** A quick fix: write this value into this cell (a number, or a formula starting with `=`). */
export interface IssueFix {
  readonly cell: string;
  readonly value: number | string;
}

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** A1 addresses on the form's sheet; the first is the cell to fix, the rest explain it. */
  readonly cells: readonly string[];
  readonly params: IssueParams;
  readonly fix?: IssueFix;
  /** For workbook-wide issues: the sheet the first cell is on, when it is not the form's own. */
  readonly sheet?: string;
}
