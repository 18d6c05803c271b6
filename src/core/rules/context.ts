/** Builds the context a form's rules share: settings, today, and every amount parsed once. */
import { parseAmount, type AmountReading } from '../amounts/parse-amount';
import type { ExtractedForm, FieldValue } from '../forms/form-data';
import type { TemplateSemantics, TemplateSettings } from '../templates/template';
import { cellText } from './cell-values';
import { TABLE_LABELS } from './labels';
import type { AmountCell, RuleContext } from './types';

const UNCALCULATED: AmountReading = { kind: 'uncalculated' };

export interface RuleContextOptions {
  readonly today?: Date;
  readonly settings?: Partial<TemplateSettings>;
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

  const amountCells: AmountCell[] = [];
  const add = (source: FieldValue | undefined, label: string, task: string): void => {
    if (source) amountCells.push({ cell: source.cell, label, task, source, reading: amountOf(source) });
  };
  for (const spec of template.fields) {
    if (spec.kind === 'amount') add(form.fields[spec.id], spec.label, '');
  }
  for (const task of form.tasks) {
    const name = cellText(task.name.value).trim();
    add(task.total, TABLE_LABELS.taskTotal, name);
    add(task.fiscal, TABLE_LABELS.taskFiscal, name);
  }
  if (form.taskTotal) {
    add(form.taskTotal.total, TABLE_LABELS.taskTotalRowTotal, '');
    add(form.taskTotal.fiscal, TABLE_LABELS.taskTotalRowFiscal, '');
  }

  return {
    template,
    settings: { ...template.settings, ...options.settings },
    today: options.today ?? new Date(),
    amountCells,
    amountOf,
  };
}
