/**
 * The sections of a form, as the pane groups issues and as the calm new form counts what the
 * user has reached: a field's section heading (from the template), the task table, the
 * indicator table, or the rest.
 */
import type { ExtractedForm } from '../forms/form-data';
import { parseA1 } from '../grid/address';
import { isBlankValue } from '../rules/cell-values';
import { TEMPLATES } from '../templates';

export type SectionKind = 'field' | 'tasks' | 'indicators' | 'workbook' | 'other';

export interface SectionPlace {
  readonly key: string;
  readonly kind: SectionKind;
  /** The template's section heading (kind `field`). */
  readonly heading?: string;
}

export const TASKS_SECTION: SectionPlace = { key: 'tasks', kind: 'tasks' };
export const INDICATORS_SECTION: SectionPlace = { key: 'indicators', kind: 'indicators' };
export const OTHER_SECTION: SectionPlace = { key: 'other', kind: 'other' };
export const WORKBOOK_SECTION: SectionPlace = { key: 'workbook', kind: 'workbook' };

export function rowOf(cell: string): number {
  return parseA1(cell)?.row ?? Number.MAX_SAFE_INTEGER;
}

/** Finds the sections of a form's cells: built once per form, then each lookup is constant time. */
export function sectionIndex(form: ExtractedForm): (cell: string) => SectionPlace {
  const template = TEMPLATES[form.template];
  const fieldPlaces = new Map<string, SectionPlace>();
  for (const [fieldId, value] of Object.entries(form.fields)) {
    const spec = value ? template.fields.find((field) => field.id === fieldId) : undefined;
    if (value && spec && !fieldPlaces.has(value.cell)) fieldPlaces.set(value.cell, { key: `field:${spec.section}`, kind: 'field', heading: spec.section });
  }
  const taskRows = new Set(form.tasks.map((task) => task.row));
  if (form.taskTotal) taskRows.add(rowOf(form.taskTotal.labelCell));
  const indicatorRows = new Set(form.indicators.map((indicator) => indicator.row));
  if (form.indicatorHeaderCell) indicatorRows.add(rowOf(form.indicatorHeaderCell));
  return (cell) => {
    const field = fieldPlaces.get(cell);
    if (field) return field;
    const row = rowOf(cell);
    if (taskRows.has(row)) return TASKS_SECTION;
    if (indicatorRows.has(row)) return INDICATORS_SECTION;
    return OTHER_SECTION;
  };
}

/**
 * The sections the user has written something in: a field section when one of its fields holds
 * a value, the task table when a task row does, the indicator table when a 三级 indicator or a
 * value does (a new form's 一级 and 二级 names come with the template).
 */
export function startedSections(form: ExtractedForm): Set<string> {
  const template = TEMPLATES[form.template];
  const started = new Set<string>();
  for (const spec of template.fields) {
    const value = form.fields[spec.id];
    if (value && !isBlankValue(value.value)) started.add(`field:${spec.section}`);
  }
  if (form.tasks.length > 0) started.add(TASKS_SECTION.key);
  if (form.indicators.some((row) => !isBlankValue(row.level3.value) || !isBlankValue(row.value.value))) started.add(INDICATORS_SECTION.key);
  return started;
}
