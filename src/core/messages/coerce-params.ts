/**
 * Issues can arrive from elsewhere (a saved JSON report, another version, a test double) with
 * parameters missing or of another type; messages are made from parameters coerced to the
 * shape their code declares (issues/issue-codes.ts), so formatting never fails.
 */
import { ISSUE_PARAMS, type IssueCode, type IssueParamsOf, type ParamValue } from '../issues/issue-codes';
import type { IssueParams } from '../issues/issue';

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
  const defaults: Readonly<Record<string, ParamValue>> = ISSUE_PARAMS[code];
  const out: Record<string, ParamValue> = {};
  for (const [key, fallback] of Object.entries(defaults)) out[key] = coerce(params?.[key], fallback);
  // Keys and types follow ISSUE_PARAMS[code], whose type is IssueParamsOf<C>.
  return out as IssueParamsOf<C>;
}
