/**
 * Funding as a reviewer reads it, beside the sums: a total whose breakdown is left blank
 * cannot be checked, and a part thousands of times its whole (or a whole thousands of times
 * its parts) was typed in 元 where 万元 is asked. Both follow the template's field sums.
 */
import { formatScaled, scaledToNumber, sumScaled, type ScaledAmount } from '../../amounts/decimal';
import { isReadableAmount } from '../../amounts/parse-amount';
import type { ExtractedForm, FieldValue } from '../../forms/form-data';
import type { SumSpec } from '../../templates/template';
import { createIssue } from '../create-issue';
import type { FormRuleSpec, IssueDeclaration, RuleContext } from '../types';

const BREAKDOWN_BLANK: IssueDeclaration<'breakdown_blank'> = {
  code: 'breakdown_blank',
  severity: 'warning',
  description: {
    'zh-CN': '填了合计（如资金总额），它的分项却全部空着（如财政拨款、其他资金；部门表的收入性质分项），合计无从核对。表上没有这些分项的版式不提示。',
    'en-US': 'A total is filled (资金总额) but every part of its breakdown is blank (财政拨款 and 其他资金; the department form’s income split), so the total cannot be checked. Layouts without those parts are not asked for them.',
  },
  example: { 'zh-CN': '资金总额 38.87，财政拨款、其他资金均为空。', 'en-US': '资金总额 38.87 with 财政拨款 and 其他资金 both blank.' },
};

const AMOUNT_IN_YUAN: IssueDeclaration<'amount_in_yuan'> = {
  code: 'amount_in_yuan',
  severity: 'warning',
  description: {
    'zh-CN': '一个分项是其合计的一千倍以上（或合计是各分项之和的一千倍以上），而除以一万后与之相称：多半是按“元”填写，而本表以“万元”为单位。快速修复把它换算为万元。',
    'en-US': 'A part is over a thousand times its total (or a total over a thousand times its parts) and fits once divided by 10,000: most likely typed in 元 where 万元 is asked. The quick fix converts it.',
  },
  example: { 'zh-CN': '资金总额 180.61，公共财政拨款 1806100 → 应为 180.61。', 'en-US': '资金总额 180.61 with 公共财政拨款 1806100 → 180.61.' },
};

interface FieldAmount {
  readonly label: string;
  readonly source: FieldValue;
  /** null when blank or unreadable. */
  readonly amount: ScaledAmount | null;
  readonly isNumber: boolean;
}

function fieldAmount(form: ExtractedForm, context: RuleContext, fieldId: string): FieldAmount | undefined {
  const source = form.fields[fieldId];
  if (!source) return undefined;
  const reading = context.amountOf(source);
  const label = context.template.fields.find((field) => field.id === fieldId)?.label ?? fieldId;
  return { label, source, amount: isReadableAmount(reading) ? reading.scaled : null, isNumber: reading.kind === 'number' };
}

/** The sums between fields only (资金总额 = its parts), resolved on the form. */
function fieldSums(form: ExtractedForm, context: RuleContext): { spec: SumSpec; whole: FieldAmount; parts: FieldAmount[] }[] {
  const sums: { spec: SumSpec; whole: FieldAmount; parts: FieldAmount[] }[] = [];
  for (const spec of context.template.sums) {
    if (spec.whole.kind !== 'field' || spec.parts.some((part) => part.kind !== 'field')) continue;
    const whole = fieldAmount(form, context, spec.whole.field);
    const parts = spec.parts.flatMap((part) => (part.kind === 'field' ? [fieldAmount(form, context, part.field)] : [])).filter((part): part is FieldAmount => part !== undefined);
    if (whole && parts.length > 0) sums.push({ spec, whole, parts });
  }
  return sums;
}

const isBlank = (field: FieldAmount): boolean => field.source.value === null || (typeof field.source.value === 'string' && field.source.value.trim() === '');

export const breakdownBlankRule: FormRuleSpec = {
  id: 'breakdown-blank',
  family: 'funding',
  issues: [BREAKDOWN_BLANK],
  *check(form, context) {
    for (const { whole, parts } of fieldSums(form, context)) {
      if (whole.amount === null || whole.amount <= 0n || !parts.every(isBlank)) continue;
      yield createIssue(BREAKDOWN_BLANK, [parts[0].source.cell, whole.source.cell, ...parts.slice(1).map((part) => part.source.cell)], {
        whole: whole.label,
        wholeValue: formatScaled(whole.amount),
        parts: parts.map((part) => part.label),
      });
    }
  },
};

/** 1 万元 is 10,000 元; a factor over 1,000 cannot be a typing slip in 万元. */
const YUAN_PER_WAN = 10_000n;
const SUSPECT_FACTOR = 1_000n;

/** `big` over a thousand times `small`, and no larger than `small` (within tolerance) once read in 万元. */
function looksLikeYuan(big: ScaledAmount, small: ScaledAmount, tolerance: ScaledAmount): boolean {
  return small > 0n && big > small * SUSPECT_FACTOR && big / YUAN_PER_WAN <= small + tolerance;
}

export const amountInYuanRule: FormRuleSpec = {
  id: 'amount-in-yuan',
  family: 'funding',
  issues: [AMOUNT_IN_YUAN],
  *check(form, context) {
    const reported = new Set<string>();
    const report = (suspect: FieldAmount, amount: ScaledAmount, other: string, otherValue: ScaledAmount) => {
      reported.add(suspect.source.cell);
      const inWan = amount / YUAN_PER_WAN + (amount % YUAN_PER_WAN >= YUAN_PER_WAN / 2n ? 1n : 0n);
      const fix = suspect.isNumber && !suspect.source.formula ? { cell: suspect.source.cell, value: scaledToNumber(inWan) } : undefined;
      return createIssue(AMOUNT_IN_YUAN, [suspect.source.cell], { field: suspect.label, value: formatScaled(amount), other, otherValue: formatScaled(otherValue), suggestion: formatScaled(inWan) }, fix);
    };
    for (const { whole, parts } of fieldSums(form, context)) {
      if (whole.amount === null || reported.has(whole.source.cell)) continue;
      const readable = parts.filter((part): part is FieldAmount & { amount: ScaledAmount } => part.amount !== null && part.amount > 0n);
      const partsSum = sumScaled(readable.map((part) => part.amount));
      if (readable.length > 0 && looksLikeYuan(whole.amount, partsSum, context.tolerance)) {
        yield report(whole, whole.amount, readable.map((part) => part.label).join(' + '), partsSum);
        continue;
      }
      for (const part of readable) {
        if (!reported.has(part.source.cell) && looksLikeYuan(part.amount, whole.amount, context.tolerance)) yield report(part, part.amount, whole.label, whole.amount);
      }
    }
  },
};

export const FUNDING_RULES: readonly FormRuleSpec[] = [breakdownBlankRule, amountInYuanRule];
