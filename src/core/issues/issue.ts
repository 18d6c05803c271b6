/**
 * Issues are data. A rule returns them; messages (zh-CN, en-US) are made from them last.
 * Codes and their parameters are declared in issue-codes.ts; severities and what each code
 * means are the rules' (docs/domain.md, docs/rules.md).
 */
import type { IssueCode, IssueParamsOf, ParamValue } from './issue-codes';

export { ISSUE_CODES, type IssueCode, type IssueParamsByCode, type IssueParamsOf, type ParamValue } from './issue-codes';

export type Severity = 'error' | 'warning';

/** Errors first: the order the pane, the reports and the sort use. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning'];

/** Message parameters of an issue whose code is not known to be one of ours. */
export type IssueParams = Readonly<Record<string, ParamValue>>;

/** A quick fix: write this value into this cell (a number, or a formula starting with `=`). */
export interface IssueFix {
  readonly cell: string;
  readonly value: number | string;
}

/** An issue of one code, with that code's parameters. */
export interface IssueOf<C extends IssueCode> {
  readonly code: C;
  readonly severity: Severity;
  /** A1 addresses on the form's sheet; the first is the cell to fix, the rest explain it. */
  readonly cells: readonly string[];
  readonly params: IssueParamsOf<C>;
  readonly fix?: IssueFix;
  /** For workbook-wide issues: the sheet the first cell is on, when it is not the form's own. */
  readonly sheet?: string;
}

/** Any issue a rule reports: a union by code, so `issue.params` is typed once the code is known. */
export type Issue = { readonly [C in IssueCode]: IssueOf<C> }[IssueCode];

/**
 * An issue that arrived from elsewhere (a saved JSON report, another version, a test double):
 * any code, any parameters. Messages are made from it without failing.
 */
export interface ForeignIssue {
  readonly code: string;
  readonly severity: Severity;
  readonly cells: readonly string[];
  readonly params: IssueParams;
  readonly fix?: IssueFix;
  readonly sheet?: string;
}
