/**
 * The public surface of core, for the front ends (the add-in, the command line, the pane).
 * Everything here is pure TypeScript: no Office, no Node, no UI.
 */

// Data types
export type { CellScalar, GridCell, CellRange, SheetSnapshot, WorkbookSnapshot } from './grid/grid';
export { cellAt, rowCount, colCount, sheetFromValues } from './grid/grid';
export { columnLetters, columnIndex, toA1, absoluteA1, rangeToA1, parseA1, parseRangeA1, splitReferenceList, type CellPosition } from './grid/address';
export type { ExtractedForm, FieldValue, TaskRow, IndicatorRow } from './forms/form-data';
export { ISSUE_CODES, SEVERITIES, type Issue, type IssueOf, type ForeignIssue, type IssueCode, type IssueFix, type IssueParams, type IssueParamsByCode, type IssueParamsOf, type Severity } from './issues/issue';
export { INDICATOR_FRAMEWORK, type Level1Id, type Level2Id, type Level1Spec, type Level2Spec } from './indicators/framework';
export { resolveIndicator, type ResolvedIndicator } from './rules/indicators/resolve-indicators';
export { foldWidth, normalizeLabel, isBlankText } from './text/normalize';
export { HIGHLIGHT_LABEL_PREFIX, HIGHLIGHT_STYLE, highlightFormula, ownedSeverity } from './highlights/owned-highlights';

// Templates, layout, sample, extraction
export { TEMPLATE_IDS, type TemplateId, type FormKind, type FieldKind, type FieldSpec, type AmountRef, type SumSpec, type TemplateSettings, type TemplateSemantics } from './templates/template';
export { TEMPLATES, getTemplate, type FormTemplate } from './templates';
export { MIN_BUDGET_YEAR, MAX_BUDGET_YEAR, nextBudgetYear } from './templates/budget-year';
export type * from './layout/layout-plan';
export { buildLayoutPlan, markerName, LayoutDeclarationError, type BuildLayoutOptions } from './layout/build-layout-plan';
export { planToSnapshot, UnsupportedPlanFormulaError } from './layout/plan-to-snapshot';
export { SAMPLES, getSample, type SampleContent, type SampleIndicator, type SampleTask } from './sample';
export { SAMPLE_YEARS } from './sample/sample-years';
export { extractForms, extractSheet, showsFormTitle, type WorkbookExtraction } from './extract';

// Formulas saved without their results
export { calculateFormulas, fillFormulaResults, type FormulaCell, type FormulaResult } from './formulas/calculate-formulas';

// Amounts
export { parseAmount, isReadableAmount, type AmountReading, type ReadableAmount } from './amounts/parse-amount';
export { AMOUNT_DECIMALS, formatScaled, scaledFromNumber, scaledToNumber, type ScaledAmount } from './amounts/decimal';

// Rules and the check
export type { CheckOptions, FormCheckResult, WorkbookCheckResult } from './check/types';
export { checkWorkbook, checkForms, sortIssues } from './check/check-workbook';
export { colouredCells, highlightPlan, triageIssues, type AttentionOptions } from './check/attention';
export { rowOf, sectionIndex, startedSections, WORKBOOK_SECTION, type SectionKind, type SectionPlace } from './check/sections';
export { ISSUE_CATALOG } from './rules/catalog';
export { FORM_RULES, WORKBOOK_RULES, declaredIssues, type DeclaredIssue } from './rules/registry';
export { RULE_FAMILIES, type RuleFamily, type IssueDeclaration, type LocalizedText } from './rules/types';
export { renderRulesDoc } from './rules/rules-doc';

// Words
export { formatIssue, resolveLang, severityLabel, severityLabels, templateTitle, templateTitles, LANGS, type Lang } from './messages';
