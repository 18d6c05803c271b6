/**
 * Every rule, by family. Typed so that a family without an entry fails to compile; the
 * issue catalog (catalog.ts) and docs/rules.md are derived from the rules' declarations.
 */
import { AMOUNT_RULES } from './amounts/amount-rules';
import { CROSS_FORM_RULES } from './cross-form/cross-form-rules';
import { FUNDING_RULES } from './funding/funding-rules';
import { FORMAT_RULES } from './formats/format-rules';
import { INDICATOR_RULES } from './indicators/indicator-rules';
import { REQUIRED_RULES } from './required/required-rules';
import { SUM_RULES } from './sums/sum-rules';
import type { FormRuleFamily, FormRuleSpec, IssueDeclaration, RuleFamily, WorkbookRuleFamily, WorkbookRuleSpec } from './types';

export const FORM_RULES = {
  sums: SUM_RULES,
  amounts: AMOUNT_RULES,
  funding: FUNDING_RULES,
  required: REQUIRED_RULES,
  indicators: INDICATOR_RULES,
  formats: FORMAT_RULES,
} as const satisfies Record<FormRuleFamily, readonly FormRuleSpec[]>;

export const WORKBOOK_RULES = {
  crossForm: CROSS_FORM_RULES,
} as const satisfies Record<WorkbookRuleFamily, readonly WorkbookRuleSpec[]>;

export const ALL_FORM_RULES: readonly FormRuleSpec[] = Object.values(FORM_RULES).flat();
export const ALL_WORKBOOK_RULES: readonly WorkbookRuleSpec[] = Object.values(WORKBOOK_RULES).flat();

export interface DeclaredIssue extends IssueDeclaration {
  readonly family: RuleFamily;
  readonly ruleId: string;
}

/** Every (code, severity) any rule declares, in rule order: the source of docs/rules.md. */
export function declaredIssues(): DeclaredIssue[] {
  return [...ALL_FORM_RULES, ...ALL_WORKBOOK_RULES].flatMap((rule) => rule.issues.map((declaration) => ({ ...declaration, family: rule.family, ruleId: rule.id })));
}
