import type { Issue, IssueCode } from '../issues/issue';
import type { IssueParamsOf } from '../rules/issue-params';

/** One message per issue code: a missing code fails to compile. */
export type MessageTable = { readonly [C in IssueCode]: (params: IssueParamsOf<C>, issue: Issue) => string };
