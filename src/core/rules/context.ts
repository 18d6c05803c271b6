/**
 * Builds the context a form's rules share: settings, today, and what several rules derive from
 * the form — every amount parsed once, every text cell listed once, the sum tolerance, the
 * indicator rows placed in the framework and the profile they follow — computed here once per check of the form.
 */
import { scaledFromNumber, type ScaledAmount } from '../amounts/decimal';
import { parseAmount, type AmountReading } from '../amounts/parse-amount';
import type { ExtractedForm, FieldValue } from '../forms/form-data';
import { TASK_MONEY_COLUMNS, type TemplateSemantics, type TemplateSettings } from '../templates/template';
import { cellText } from './cell-values';
import { recogniseProfile } from '../indicators/profiles';
import { profileEvidence, resolveIndicator } from './indicators/resolve-indicators';
import { TABLE_LABELS, taskMoneyLabel } from './labels';
import type { AmountCell, RuleContext, TextCell } from './types';

const UNCALCULATED: AmountReading = { kind: 'uncalculated' };

export interface RuleContextOptions {
  readonly today?: Date;
  readonly settings?: Partial<TemplateSettings>;
}

function amountCellsOf(form: ExtractedForm, template: TemplateSemantics, amountOf: (field: FieldValue) => AmountReading): AmountCell[] {
  const cells: AmountCell[] = [];
  const add = (source: FieldValue | undefined, label: string, task: string): void => {
    if (source) cells.push({ cell: source.cell, label, task, source, reading: amountOf(source) });
  };
  for (const spec of template.fields) {
    if (spec.kind === 'amount') add(form.fields[spec.id], spec.label, '');
  }
  for (const task of form.tasks) {
    const name = cellText(task.name.value).trim();
    for (const column of TASK_MONEY_COLUMNS) add(task[column], taskMoneyLabel(column, 'cell'), name);
  }
  const total = form.taskTotal;
  if (total) for (const column of TASK_MONEY_COLUMNS) add(total[column], taskMoneyLabel(column, 'totalRow'), '');
  return cells;
}

/** Every non-amount cell the form reads, each once (一级/二级 names are carried down and repeat). */
function textCellsOf(form: ExtractedForm, template: TemplateSemantics): TextCell[] {
  const cells: TextCell[] = [];
  const seen = new Set<string>();
  const add = (field: string, source: FieldValue | undefined): void => {
    if (!source || seen.has(source.cell)) return;
    seen.add(source.cell);
    cells.push({ field, source });
  };
  for (const spec of template.fields) if (spec.kind !== 'amount') add(spec.label, form.fields[spec.id]);
  for (const task of form.tasks) {
    add(TABLE_LABELS.taskName, task.name);
    add(TABLE_LABELS.taskContent, task.content);
  }
  for (const row of form.indicators) {
    add(TABLE_LABELS.level1, row.level1);
    add(TABLE_LABELS.level2, row.level2);
    add(TABLE_LABELS.level3, row.level3);
    add(TABLE_LABELS.indicatorValue, row.value);
  }
  return cells;
}

/** The tolerance in 1/10000 万元; a negative or unreadable setting counts as 0. */
function toleranceOf(settings: TemplateSettings): ScaledAmount {
  const tolerance = scaledFromNumber(settings.sumTolerance);
  return tolerance === null || tolerance < 0n ? 0n : tolerance;
}

export function buildRuleContext(form: ExtractedForm, template: TemplateSemantics, options: RuleContextOptions = {}): RuleContext {
  const readings = new Map<string, AmountReading>();
  const amountOf = (field: FieldValue | undefined): AmountReading => {
    if (!field) return { kind: 'blank' };
    const known = readings.get(field.cell);
    if (known) return known;
    const reading: AmountReading = field.uncalculated ? UNCALCULATED : parseAmount(field.value);
    readings.set(field.cell, reading);
    return reading;
  };
  const settings = { ...template.settings, ...options.settings };
  const indicators = form.indicators.map(resolveIndicator);
  return {
    template,
    settings,
    today: options.today ?? new Date(),
    tolerance: toleranceOf(settings),
    amountCells: amountCellsOf(form, template, amountOf),
    textCells: textCellsOf(form, template),
    indicators,
    profile: recogniseProfile(profileEvidence(indicators)),
    amountOf,
  };
}
