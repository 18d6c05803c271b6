/**
 * Every issue code with the families that report it and the severities it is reported with,
 * derived from the rules' own declarations (registry.ts), so it cannot disagree with them.
 */
import { ISSUE_CODES, type IssueCode, type Severity } from '../issues/issue';
import { declaredIssues } from './registry';
import type { RuleFamily } from './types';

export interface IssueCodeInfo {
  /** The families that report the code (formula_error comes from amounts and from formats). */
  readonly families: readonly RuleFamily[];
  readonly severities: readonly Severity[];
}

function catalog(): Readonly<Record<IssueCode, IssueCodeInfo>> {
  const declared = declaredIssues();
  const infoOf = (code: IssueCode): IssueCodeInfo => {
    const forCode = declared.filter((declaration) => declaration.code === code);
    return { families: [...new Set(forCode.map((d) => d.family))], severities: [...new Set(forCode.map((d) => d.severity))] };
  };
  // Filled for every code just below.
  const entries = {} as Record<IssueCode, IssueCodeInfo>;
  for (const code of ISSUE_CODES) entries[code] = infoOf(code);
  return entries;
}

export const ISSUE_CATALOG: Readonly<Record<IssueCode, IssueCodeInfo>> = catalog();
