/**
 * The parameters each issue code carries: what its messages need. Amounts are formatted
 * strings (exact, no float noise); labels are the form's own Chinese labels.
 */
import type { IssueCode, IssueFix, Issue } from '../issues/issue';
import type { IssueDeclaration } from './types';

type AmountText = string;

export type IssueParamsByCode = {
  readonly sum_mismatch: {
    readonly whole: string;
    readonly wholeValue: AmountText;
    readonly parts: readonly string[];
    readonly partsSum: AmountText;
    readonly difference: AmountText;
    /** Where the fix writes (empty without a fix): the field's label, and the task's name for a task cell. */
    readonly fixField: string;
    readonly fixTask: string;
  };
  readonly part_exceeds_whole: { readonly task: string; readonly fiscal: AmountText; readonly total: AmountText };
  readonly cross_form_mismatch: {
    readonly departmentValue: AmountText;
    readonly projectsSum: AmountText;
    readonly difference: AmountText;
    readonly projectCount: number;
    /** The project forms compared, as `sheet!cell` of each 资金总额. */
    readonly projects: readonly string[];
  };
  readonly amount_mismatch_in_text: { readonly amount: AmountText; readonly text: string };
  readonly required_missing: { readonly field: string; readonly labelMissing: boolean };
  readonly task_incomplete: { readonly task: string; readonly missing: string };
  readonly duplicate_task: { readonly task: string; readonly firstCell: string };
  readonly not_a_number: { readonly field: string; readonly text: string; readonly suggestion: AmountText };
  readonly unit_mismatch: { readonly field: string; readonly text: string; readonly suggestion: AmountText };
  readonly negative_amount: { readonly field: string; readonly value: AmountText };
  readonly too_many_decimals: { readonly field: string; readonly value: string; readonly decimals: number; readonly suggestion: AmountText };
  readonly formula_error: { readonly field: string; readonly error: string };
  /** `level2` is empty when a whole 一级 lacks filled rows (the error); `rowExists` when an empty row of that 二级 is on the form. */
  readonly indicator_missing: { readonly level1: string; readonly level2: string; readonly rowExists: boolean };
  /** `level` 1 or 2; `name` empty when the cell is blank. */
  readonly indicator_unknown: { readonly level: number; readonly name: string; readonly parent: string };
  readonly indicator_wrong_parent: { readonly name: string; readonly parent: string; readonly expectedParent: string };
  readonly indicator_value_missing: { readonly indicator: string };
  readonly indicator_name_missing: { readonly value: string };
  readonly indicator_unquantified: { readonly category: string; readonly value: string };
  readonly percent_out_of_range: { readonly percent: string; readonly value: string };
  readonly phone_invalid: { readonly field: string; readonly value: string };
  readonly date_invalid: { readonly field: string; readonly value: string };
  /** `reason`: `before` the window, `after` it, or in the `future`. Dates as YYYY-MM-DD. */
  readonly date_out_of_range: { readonly field: string; readonly date: string; readonly from: string; readonly to: string; readonly reason: 'before' | 'after' | 'future' };
  readonly markup_in_text: { readonly field: string; readonly tag: string };
  readonly text_too_long: { readonly field: string; readonly length: number; readonly max: number };
};

export type IssueParamsOf<C extends IssueCode> = IssueParamsByCode[C];

/** Makes an issue of a declared code; the severity comes from the declaration. */
export function createIssue<C extends IssueCode>(
  declaration: IssueDeclaration<C>,
  cells: readonly string[],
  params: IssueParamsOf<C>,
  fix?: IssueFix,
): Issue {
  return fix
    ? { code: declaration.code, severity: declaration.severity, cells, params, fix }
    : { code: declaration.code, severity: declaration.severity, cells, params };
}
