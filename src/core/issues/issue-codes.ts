/**
 * Every issue code, declared once with its parameters: what its messages need, by type. The
 * value of each parameter here is its default, used when an issue from elsewhere (a saved JSON
 * report, another version) lacks it. The list of codes, their parameter types and the messages'
 * types are all derived from this table; severities, families and descriptions are declared by
 * the rules that report the codes (src/core/rules). Amounts are formatted strings (exact, no
 * float noise); labels are the form's own Chinese labels.
 */

/** A plain value, so that an issue serialises to JSON as it is. */
export type ParamValue = string | number | boolean | readonly string[];

const TEXT: string = '';
/** An exact amount in 万元, formatted (`180.61`). */
const AMOUNT: string = '';
const NUMBER: number = 0;
const FLAG = false as boolean;
const LIST: readonly string[] = [];

export const ISSUE_PARAMS = {
  sum_mismatch: { whole: TEXT, wholeValue: AMOUNT, parts: LIST, partsSum: AMOUNT, difference: AMOUNT },
  part_exceeds_whole: { task: TEXT, fiscal: AMOUNT, total: AMOUNT },
  cross_form_mismatch: {
    departmentValue: AMOUNT,
    projectsSum: AMOUNT,
    difference: AMOUNT,
    projectCount: NUMBER,
    /** The project forms compared, as `sheet!cell` of each 资金总额. */
    projects: LIST,
  },
  amount_mismatch_in_text: { amount: AMOUNT, text: TEXT },
  required_missing: { field: TEXT, labelMissing: FLAG },
  task_incomplete: { task: TEXT, missing: TEXT },
  duplicate_task: { task: TEXT, firstCell: TEXT },
  not_a_number: { field: TEXT, text: TEXT, suggestion: AMOUNT },
  unit_mismatch: { field: TEXT, text: TEXT, suggestion: AMOUNT },
  negative_amount: { field: TEXT, value: AMOUNT },
  too_many_decimals: { field: TEXT, value: TEXT, decimals: NUMBER, suggestion: AMOUNT },
  formula_error: { field: TEXT, error: TEXT },
  /** `formula` as written in the cell, with its `=`. */
  formula_not_calculated: { field: TEXT, formula: TEXT },
  /** `level2` is empty when a whole 一级 lacks filled rows (the error). */
  indicator_missing: { level1: TEXT, level2: TEXT },
  /** `level` 1 or 2; `name` empty when the cell is blank. */
  indicator_unknown: { level: 1 as number, name: TEXT, parent: TEXT },
  indicator_wrong_parent: { name: TEXT, parent: TEXT, expectedParent: TEXT },
  indicator_value_missing: { indicator: TEXT },
  indicator_name_missing: { value: TEXT },
  indicator_unquantified: { category: TEXT, value: TEXT },
  percent_out_of_range: { percent: TEXT, value: TEXT },
  /** `rows`: the sheet's row numbers, as ranges (`41–44、47`); `inferred`: the 一级 the 二级 imply. */
  indicator_level1_missing: { rows: TEXT, count: NUMBER, inferred: TEXT },
  /** The profile followed (`2013`), its source, and the one that replaced it. */
  indicator_profile_old: { profile: TEXT, source: TEXT, current: TEXT, currentSource: TEXT },
  indicator_row_empty: { level1: TEXT, level2: TEXT, count: NUMBER },
  /** `value` is the first of `count` values under one 二级. */
  indicator_unit_missing: { category: TEXT, value: TEXT, count: NUMBER },
  indicator_rate_not_percent: { indicator: TEXT, value: TEXT, count: NUMBER },
  indicator_category_as_name: { name: TEXT },
  indicator_unit_conflict: { value: TEXT, valueUnit: TEXT, unit: TEXT },
  indicator_qualitative_with_unit: { value: TEXT, unit: TEXT },
  indicator_cost_floor: { value: TEXT, count: NUMBER },
  breakdown_blank: { whole: TEXT, wholeValue: AMOUNT, parts: LIST },
  /** `field` looks typed in 元: `value` against `other` (`otherValue`); `suggestion` is `value` in 万元. */
  amount_in_yuan: { field: TEXT, value: AMOUNT, other: TEXT, otherValue: AMOUNT, suggestion: AMOUNT },
  phone_invalid: { field: TEXT, value: TEXT },
  date_invalid: { field: TEXT, value: TEXT },
  /** `reason`: `before` the window, `after` it, or in the `future`. Dates as YYYY-MM-DD. */
  date_out_of_range: { field: TEXT, date: TEXT, from: TEXT, to: TEXT, reason: 'before' as 'before' | 'after' | 'future' },
  markup_in_text: { field: TEXT, tag: TEXT },
  text_too_long: { field: TEXT, length: NUMBER, max: NUMBER },
} satisfies Record<string, Record<string, ParamValue>>;

export type IssueCode = keyof typeof ISSUE_PARAMS;

/** The codes in the order of the table: the order of docs/rules.md and of ties between issues. */
export const ISSUE_CODES = Object.keys(ISSUE_PARAMS) as readonly IssueCode[];

export type IssueParamsByCode = { readonly [C in IssueCode]: Readonly<(typeof ISSUE_PARAMS)[C]> };

export type IssueParamsOf<C extends IssueCode> = IssueParamsByCode[C];
