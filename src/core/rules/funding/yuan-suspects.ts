/**
 * Amounts whose size says 元 where 万元 is asked, found once: `amount_in_yuan` reports them,
 * and `sum_mismatch` stays silent on a sum they alone break (one cause, one issue).
 */
import { sumScaled, type ScaledAmount } from '../../amounts/decimal';
import { isReadableAmount } from '../../amounts/parse-amount';
import type { ExtractedForm, FieldValue } from '../../forms/form-data';
import type { SumSpec } from '../../templates/template';
import type { RuleContext } from '../types';

export interface FieldAmount {
  readonly label: string;
  readonly source: FieldValue;
  /** null when blank or unreadable. */
  readonly amount: ScaledAmount | null;
  readonly isNumber: boolean;
}

export interface FieldSum {
  readonly spec: SumSpec;
  readonly whole: FieldAmount;
  readonly parts: readonly FieldAmount[];
}

export interface YuanSuspect {
  readonly field: FieldAmount;
  readonly amount: ScaledAmount;
  /** The amount read in 万元, rounded half up to the 4 decimals amounts keep. */
  readonly inWan: ScaledAmount;
  /** What it was compared with: the whole's label, or the parts' labels joined. */
  readonly other: string;
  readonly otherValue: ScaledAmount;
}

function fieldAmount(form: ExtractedForm, context: RuleContext, fieldId: string): FieldAmount | undefined {
  const source = form.fields[fieldId];
  if (!source) return undefined;
  const reading = context.amountOf(source);
  const label = context.template.fields.find((field) => field.id === fieldId)?.label ?? fieldId;
  return { label, source, amount: isReadableAmount(reading) ? reading.scaled : null, isNumber: reading.kind === 'number' };
}

/** The sums between fields only (资金总额 = its parts), resolved on the form. */
export function fieldSums(form: ExtractedForm, context: RuleContext): FieldSum[] {
  const sums: FieldSum[] = [];
  for (const spec of context.template.sums) {
    if (spec.whole.kind !== 'field' || spec.parts.some((part) => part.kind !== 'field')) continue;
    const whole = fieldAmount(form, context, spec.whole.field);
    const parts = spec.parts.flatMap((part) => (part.kind === 'field' ? [fieldAmount(form, context, part.field)] : [])).filter((part): part is FieldAmount => part !== undefined);
    if (whole && parts.length > 0) sums.push({ spec, whole, parts });
  }
  return sums;
}

/** 1 万元 is 10,000 元; a factor over 1,000 cannot be a typing slip in 万元. */
const YUAN_PER_WAN = 10_000n;
const SUSPECT_FACTOR = 1_000n;
/** A figure in 元 below 10,000 元 (1 万元) is too small to tell from a slip in 万元: 10,000 at 4 decimals. */
const LEAST_YUAN: ScaledAmount = 10_000n * 10_000n;

/** `big` at least 10,000 and over a thousand times `small`, and no larger than `small` (within tolerance) once read in 万元. */
function looksLikeYuan(big: ScaledAmount, small: ScaledAmount, tolerance: ScaledAmount): boolean {
  return small > 0n && big >= LEAST_YUAN && big > small * SUSPECT_FACTOR && big / YUAN_PER_WAN <= small + tolerance;
}

const inWan = (amount: ScaledAmount): ScaledAmount => amount / YUAN_PER_WAN + (amount % YUAN_PER_WAN >= YUAN_PER_WAN / 2n ? 1n : 0n);

/** Each field that looks typed in 元, once even when several sums point at it. */
export function yuanSuspects(form: ExtractedForm, context: RuleContext): YuanSuspect[] {
  const suspects = new Map<string, YuanSuspect>();
  const add = (field: FieldAmount, amount: ScaledAmount, other: string, otherValue: ScaledAmount) => {
    if (!suspects.has(field.source.cell)) suspects.set(field.source.cell, { field, amount, inWan: inWan(amount), other, otherValue });
  };
  for (const { whole, parts } of fieldSums(form, context)) {
    if (whole.amount === null || suspects.has(whole.source.cell)) continue;
    const readable = parts.filter((part): part is FieldAmount & { amount: ScaledAmount } => part.amount !== null && part.amount > 0n);
    const partsSum = sumScaled(readable.map((part) => part.amount));
    if (readable.length > 0 && looksLikeYuan(whole.amount, partsSum, context.tolerance)) {
      add(whole, whole.amount, readable.map((part) => part.label).join(' + '), partsSum);
      continue;
    }
    for (const part of readable) if (looksLikeYuan(part.amount, whole.amount, context.tolerance)) add(part, part.amount, whole.label, whole.amount);
  }
  return [...suspects.values()];
}
