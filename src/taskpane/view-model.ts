/**
 * What the pane shows, computed from a check result as plain data: the forms with their
 * counts, the issues grouped by section with their messages. No React here, so it is tested
 * as functions.
 */
import { INDICATOR_FRAMEWORK, MAX_BUDGET_YEAR, MIN_BUDGET_YEAR, parseA1, resolveIndicator, TEMPLATES } from '../core';
import type { ExtractedForm, FormCheckResult, Issue, IssueCode, IssueFix, Lang, Severity, TemplateId, WorkbookCheckResult } from '../core';
import type { PaneStrings } from './strings';

export interface IssueView {
  /** Stable within one result: React key. */
  readonly key: string;
  readonly code: IssueCode;
  readonly severity: Severity;
  /** The sheet the cells are on. */
  readonly sheet: string;
  readonly cells: readonly string[];
  readonly message: string;
  readonly fix?: IssueFix;
  readonly fixLabel?: string;
}

export interface SectionView {
  readonly key: string;
  readonly title: string;
  readonly issues: readonly IssueView[];
}

export interface FormView {
  readonly key: string;
  readonly sheet: string;
  readonly template: TemplateId;
  readonly title: string;
  readonly year: number | null;
  readonly errors: number;
  readonly warnings: number;
  readonly sections: readonly SectionView[];
  /** The form as read, for choices that depend on what is written on it. */
  readonly extracted: ExtractedForm;
}

export interface PaneSummary {
  readonly forms: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface MessageSource {
  formatIssue(issue: Issue, lang: Lang): string;
  templateTitle(id: TemplateId, lang: Lang): string;
}

type SectionKind = 'field' | 'tasks' | 'indicators' | 'workbook' | 'other';

interface SectionPlace {
  readonly key: string;
  readonly kind: SectionKind;
  /** The template's section heading (kind `field`). */
  readonly heading?: string;
}

function rowOf(cell: string): number {
  return parseA1(cell)?.row ?? Number.MAX_SAFE_INTEGER;
}

/** Finds the section of the form that a cell belongs to: a field's, the task table, the indicator table. */
export function sectionOfCell(form: ExtractedForm, cell: string): SectionPlace {
  const template = TEMPLATES[form.template];
  for (const [fieldId, value] of Object.entries(form.fields)) {
    if (value?.cell !== cell) continue;
    const spec = template.fields.find((field) => field.id === fieldId);
    if (spec) return { key: `field:${spec.section}`, kind: 'field', heading: spec.section };
  }
  const row = rowOf(cell);
  const taskRows = new Set(form.tasks.map((task) => task.row));
  if (form.taskTotal) taskRows.add(rowOf(form.taskTotal.labelCell));
  if (taskRows.has(row)) return { key: 'tasks', kind: 'tasks' };
  const indicatorRows = new Set(form.indicators.map((indicator) => indicator.row));
  if (form.indicatorHeaderCell) indicatorRows.add(rowOf(form.indicatorHeaderCell));
  if (indicatorRows.has(row)) return { key: 'indicators', kind: 'indicators' };
  return { key: 'other', kind: 'other' };
}

function sectionTitle(place: SectionPlace, strings: PaneStrings): string {
  switch (place.kind) {
    case 'field':
      return strings.sectionNames[place.heading ?? ''] ?? place.heading ?? strings.sectionOther;
    case 'tasks':
      return strings.sectionTasks;
    case 'indicators':
      return strings.sectionIndicators;
    case 'workbook':
      return strings.sectionWorkbook;
    case 'other':
      return strings.sectionOther;
  }
}

/** A fix value as the user reads it: numbers without float noise. */
export function fixValueText(value: number | string): string {
  return typeof value === 'number' ? String(Number(value.toFixed(10))) : value;
}

function issueView(formResult: FormCheckResult, issue: Issue, index: number, lang: Lang, strings: PaneStrings, messages: MessageSource): IssueView {
  const sheet = issue.sheet ?? formResult.form.sheet;
  const firstCell = issue.cells[0] ?? formResult.form.titleCell;
  const view: IssueView = {
    key: `${sheet}|${issue.code}|${issue.cells.join(',')}|${index}`,
    code: issue.code,
    severity: issue.severity,
    sheet,
    cells: issue.cells.length > 0 ? issue.cells : [firstCell],
    message: messages.formatIssue(issue, lang),
  };
  if (!issue.fix) return view;
  return { ...view, fix: issue.fix, fixLabel: strings.fixButtonLabel(fixValueText(issue.fix.value), issue.fix.cell) };
}

/** The forms of a check result, each with its issues grouped by section in the order of the form. */
export function buildFormViews(result: WorkbookCheckResult, lang: Lang, strings: PaneStrings, messages: MessageSource): FormView[] {
  return result.forms.map((formResult) => {
    const { form } = formResult;
    const groups = new Map<string, { place: SectionPlace; firstRow: number; issues: IssueView[] }>();
    formResult.issues.forEach((issue, index) => {
      const view = issueView(formResult, issue, index, lang, strings, messages);
      const place: SectionPlace = view.sheet !== form.sheet ? { key: 'workbook', kind: 'workbook' } : sectionOfCell(form, view.cells[0]);
      const row = place.kind === 'workbook' ? Number.MAX_SAFE_INTEGER : rowOf(view.cells[0]);
      const group = groups.get(place.key);
      if (group) {
        group.issues.push(view);
        group.firstRow = Math.min(group.firstRow, row);
      } else {
        groups.set(place.key, { place, firstRow: row, issues: [view] });
      }
    });
    const sections = [...groups.values()]
      .sort((a, b) => a.firstRow - b.firstRow)
      .map((group) => ({ key: group.place.key, title: sectionTitle(group.place, strings), issues: group.issues }));
    const errors = formResult.issues.filter((issue) => issue.severity === 'error').length;
    return {
      key: `${form.sheet}|${form.titleCell}`,
      sheet: form.sheet,
      template: form.template,
      title: messages.templateTitle(form.template, lang),
      year: form.year,
      errors,
      warnings: formResult.issues.length - errors,
      sections,
      extracted: form,
    };
  });
}

export function summarize(forms: readonly FormView[]): PaneSummary {
  return {
    forms: forms.length,
    errors: forms.reduce((sum, form) => sum + form.errors, 0),
    warnings: forms.reduce((sum, form) => sum + form.warnings, 0),
  };
}

/** The year typed in the year box, or null when it is not a plausible budget year. */
export function parseBudgetYear(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return null;
  const year = Number(trimmed);
  return year >= MIN_BUDGET_YEAR && year <= MAX_BUDGET_YEAR ? year : null;
}

export interface ChoiceOption {
  /** The name as it will be looked up on the form. */
  readonly value: string;
  readonly label: string;
}

export interface IndicatorChoice {
  readonly level1: ChoiceOption;
  readonly level2Options: readonly ChoiceOption[];
}

function option(written: string | undefined, frameworkName: string): ChoiceOption {
  if (!written || written === frameworkName) return { value: frameworkName, label: frameworkName };
  return { value: written, label: `${written}（${frameworkName}）` };
}

/**
 * The 一级 and 二级 a new indicator row can go under, from the indicator framework. Where the
 * form already writes a group under another accepted name (完成指标 for 产出指标), the choice
 * carries that name, so the row joins the existing group instead of starting a new one.
 */
export function indicatorChoices(form?: ExtractedForm): IndicatorChoice[] {
  const resolved = form ? form.indicators.map(resolveIndicator) : [];
  const written = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value).trim() || undefined);
  return INDICATOR_FRAMEWORK.map((level1) => {
    const rows = resolved.filter((entry) => entry.level1?.id === level1.id);
    const level1Written = written(rows.find((entry) => written(entry.row.level1.value))?.row.level1.value);
    return {
      level1: option(level1Written, level1.name),
      level2Options: level1.children.map((child) => {
        const level2Written = written(rows.find((entry) => entry.level2?.id === child.id && written(entry.row.level2.value))?.row.level2.value);
        return option(level2Written, child.name);
      }),
    };
  });
}

export interface TargetForm {
  readonly sheet: string;
  readonly template: TemplateId;
  readonly label: string;
  readonly indicatorChoices: readonly IndicatorChoice[];
}

/** The forms an action can work on, labelled for a drop-down. */
export function targetForms(forms: readonly FormView[]): TargetForm[] {
  return forms.map((form) => ({
    sheet: form.sheet,
    template: form.template,
    // A sheet named after its form needs no second name.
    label: form.title.startsWith(form.sheet) ? form.sheet : `${form.sheet}（${form.title}）`,
    indicatorChoices: indicatorChoices(form.extracted),
  }));
}
