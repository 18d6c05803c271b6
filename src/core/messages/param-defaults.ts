/**
 * The shape of every code's parameters, as defaults. Issues can arrive from elsewhere (a saved
 * JSON report, another version, a test double) with parameters missing or of another type;
 * messages are made from parameters coerced to this shape, so formatting never fails.
 */
import type { IssueCode, IssueParams } from '../issues/issue';
import type { IssueParamsByCode, IssueParamsOf } from '../rules/issue-params';

export const PARAM_DEFAULTS: IssueParamsByCode = {
  sum_mismatch: { whole: '', wholeValue: '', parts: [], partsSum: '', difference: '', fixField: '', fixTask: '' },
  part_exceeds_whole: { task: '', fiscal: '', total: '' },
  cross_form_mismatch: { departmentValue: '', projectsSum: '', difference: '', projectCount: 0, projects: [] },
  amount_mismatch_in_text: { amount: '', text: '' },
  required_missing: { field: '', labelMissing: false },
  task_incomplete: { task: '', missing: '' },
  duplicate_task: { task: '', firstCell: '' },
  not_a_number: { field: '', text: '', suggestion: '' },
  unit_mismatch: { field: '', text: '', suggestion: '' },
  negative_amount: { field: '', value: '' },
  too_many_decimals: { field: '', value: '', decimals: 0, suggestion: '' },
  formula_error: { field: '', error: '' },
  indicator_missing: { level1: '', level2: '', rowExists: false },
  indicator_unknown: { level: 1, name: '', parent: '' },
  indicator_wrong_parent: { name: '', parent: '', expectedParent: '' },
  indicator_value_missing: { indicator: '' },
  indicator_name_missing: { value: '' },
  indicator_unquantified: { category: '', value: '' },
  percent_out_of_range: { percent: '', value: '' },
  phone_invalid: { field: '', value: '' },
  date_invalid: { field: '', value: '' },
  date_out_of_range: { field: '', date: '', from: '', to: '', reason: 'before' },
  markup_in_text: { field: '', tag: '' },
  text_too_long: { field: '', length: 0, max: 0 },
};

type ParamValue = IssueParams[string];

function coerce(value: ParamValue | undefined, fallback: ParamValue): ParamValue {
  if (Array.isArray(fallback)) {
    if (Array.isArray(value)) return value.map(String);
    return typeof value === 'string' || typeof value === 'number' ? [String(value)] : fallback;
  }
  if (typeof fallback === 'number') {
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    return Number.isFinite(number) ? number : fallback;
  }
  if (typeof fallback === 'boolean') return typeof value === 'boolean' ? value : fallback;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.join('、');
  return fallback;
}

/** The issue's parameters in the shape its code's messages expect. */
export function paramsFor<C extends IssueCode>(code: C, params: IssueParams | undefined): IssueParamsOf<C> {
  const defaults: IssueParamsOf<C> = PARAM_DEFAULTS[code];
  const out: Record<string, ParamValue> = {};
  for (const [key, fallback] of Object.entries(defaults) as [string, ParamValue][]) out[key] = coerce(params?.[key], fallback);
  // Keys and types follow PARAM_DEFAULTS[code], which is typed as IssueParamsOf<C>.
  return out as IssueParamsOf<C>;
}
