import type { IssueCode, IssueOf, IssueParamsOf } from '../issues/issue';

/** One message per issue code: a missing code fails to compile. */
export type MessageTable = { readonly [C in IssueCode]: (params: IssueParamsOf<C>, issue: IssueOf<C>) => string };
