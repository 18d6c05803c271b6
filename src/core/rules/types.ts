/**
 * The shape of a rule. A rule is a pure function over one extracted form (or, for workbook
 * rules, all of them) that returns issues; it declares the issue codes it reports, with
 * their severity, a description and an example in both languages. docs/rules.md and the
 * catalog tests are made from these declarations, so shared code never needs to know a
 * rule by name.
 */
import type { ScaledAmount } from '../amounts/decimal';
import type { AmountReading } from '../amounts/parse-amount';
import type { ExtractedForm, FieldValue } from '../forms/form-data';
import type { Issue, IssueCode, Severity } from '../issues/issue';
import type { TemplateSemantics, TemplateSettings } from '../templates/template';
import type { FrameworkProfile } from '../indicators/profiles';
import type { ResolvedIndicator } from './indicators/resolve-indicators';

export const FORM_RULE_FAMILIES = ['sums', 'amounts', 'funding', 'required', 'indicators', 'formats'] as const;
export const WORKBOOK_RULE_FAMILIES = ['crossForm'] as const;

export type FormRuleFamily = (typeof FORM_RULE_FAMILIES)[number];
export type WorkbookRuleFamily = (typeof WORKBOOK_RULE_FAMILIES)[number];
export type RuleFamily = FormRuleFamily | WorkbookRuleFamily;

export const RULE_FAMILIES: readonly RuleFamily[] = [...FORM_RULE_FAMILIES, ...WORKBOOK_RULE_FAMILIES];

export interface LocalizedText {
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}

/** One issue a rule can report: the code, its severity and what it means, for the docs. */
export interface IssueDeclaration<C extends IssueCode = IssueCode> {
  readonly code: C;
  readonly severity: Severity;
  readonly description: LocalizedText;
  readonly example: LocalizedText;
}

/** An amount cell of a form, read once per check and shared by every rule. */
export interface AmountCell {
  readonly cell: string;
  /** The label of the field or column as printed on the form: 资金总额, 总额, 金额合计（总额）. */
  readonly label: string;
  /** For a task row's cell, the task's name (may be empty); empty for other cells. */
  readonly task: string;
  readonly source: FieldValue;
  readonly reading: AmountReading;
}

/** A cell of a form that is not an amount (text, phone, date, table text), with the label it is read under. */
export interface TextCell {
  readonly field: string;
  readonly source: FieldValue;
}

export interface RuleContext {
  readonly template: TemplateSemantics;
  /** The template's settings with the caller's overrides applied. */
  readonly settings: TemplateSettings;
  /** "Today", for dates in the future. */
  readonly today: Date;
  /** The largest difference that still counts as equal, in 1/10000 万元 (from the settings). */
  readonly tolerance: ScaledAmount;
  /** Every amount cell of the form (fields, task rows, 金额合计), in form order. */
  readonly amountCells: readonly AmountCell[];
  /** Every other cell the form reads, each once, in form order. */
  readonly textCells: readonly TextCell[];
  /** The indicator rows placed in the framework, in form order. */
  readonly indicators: readonly ResolvedIndicator[];
  /** The profile of the framework the indicator rows follow (2013, 2015, 2021). */
  readonly profile: FrameworkProfile;
  /** The reading of an amount cell, parsed once; blank for a missing field. */
  amountOf(field: FieldValue | undefined): AmountReading;
}

export interface FormRuleSpec {
  /** Stable id, kebab-case: `sum-mismatch`. */
  readonly id: string;
  readonly family: FormRuleFamily;
  readonly issues: readonly IssueDeclaration[];
  /** The issues of one form, in the order found (a generator, or an array). */
  check(form: ExtractedForm, context: RuleContext): Iterable<Issue>;
}

export interface CheckedForm {
  readonly form: ExtractedForm;
  readonly context: RuleContext;
}

/** An issue found by a workbook rule, attached to one of the forms. */
export interface FormIssue {
  /** Index into the forms the rule was given. */
  readonly formIndex: number;
  readonly issue: Issue;
}

export interface WorkbookRuleSpec {
  readonly id: string;
  readonly family: WorkbookRuleFamily;
  readonly issues: readonly IssueDeclaration[];
  check(forms: readonly CheckedForm[]): FormIssue[];
}
