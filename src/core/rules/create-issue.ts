/** Making an issue of a declared code: the severity comes from the declaration, the parameters' types from the code. */
import type { IssueCode, IssueFix, IssueOf, IssueParamsOf } from '../issues/issue';
import type { IssueDeclaration } from './types';

export function createIssue<C extends IssueCode>(declaration: IssueDeclaration<C>, cells: readonly string[], params: IssueParamsOf<C>, fix?: IssueFix): IssueOf<C> {
  return fix
    ? { code: declaration.code, severity: declaration.severity, cells, params, fix }
    : { code: declaration.code, severity: declaration.severity, cells, params };
}
