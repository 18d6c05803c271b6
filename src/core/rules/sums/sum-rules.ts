/**
 * Sums: a whole must equal the sum of its parts (the template's SumSpec list), compared
 * exactly after rounding to 4 decimals, within the template's tolerance; and a task's
 * 财政拨款 cannot exceed its 总额.
 */
import { isReadableAmount } from '../../amounts/parse-amount';
import { equalWithin, formatScaled, scaledToNumber, sumScaled, type ScaledAmount } from '../../amounts/decimal';
import type { ExtractedForm } from '../../forms/form-data';
import { parseA1, columnLetters } from '../../grid/address';
import type { Issue, IssueFix } from '../../issues/issue';
import type { AmountRef, SumSpec } from '../../templates/template';
import { cellText } from '../cell-values';
import { createIssue } from '../create-issue';
import { TABLE_LABELS } from '../labels';
import type { FormRuleSpec, IssueDeclaration, RuleContext } from '../types';

const SUM_MISMATCH: IssueDeclaration<'sum_mismatch'> = {
  code: 'sum_mismatch',
  severity: 'error',
  description: {
    'zh-CN': '合计不等于各分项之和：资金总额 = 公共财政拨款 + 政府性基金拨款 + 纳入专户管理的非税收入拨款 + 其他资金（任一分项已填时）；资金总额 = 基本支出 + 项目支出；金额合计 = 各任务之和（总额、财政拨款两列）；金额合计（总额）= 项目支出（可在设置中关闭）；项目表：资金总额 = 财政拨款 + 其他资金。四舍五入到 4 位小数后精确比较，容差为模板设置（默认 0.005 万元）。',
    'en-US': 'A total differs from the sum of its parts: 资金总额 = the four income parts (when any is filled); 资金总额 = 基本支出 + 项目支出; 金额合计 = the sum of the task rows (总额 and 财政拨款); 金额合计 (总额) = 项目支出 (a setting); project form: 资金总额 = 财政拨款 + 其他资金. Compared exactly after rounding to 4 decimals, within the template tolerance (0.005 万元 by default).',
  },
  example: {
    'zh-CN': '资金总额 180.61，公共财政拨款 180.57 → 相差 0.04 万元；快速修复把资金总额改为 180.57（金额合计的公式被覆盖时，恢复 =SUM(…) 公式）。',
    'en-US': '资金总额 180.61 with 公共财政拨款 180.57 → off by 0.04 万元; the quick fix writes 180.57 (for an overwritten 金额合计, the =SUM(…) formula).',
  },
};

const PART_EXCEEDS_WHOLE: IssueDeclaration<'part_exceeds_whole'> = {
  code: 'part_exceeds_whole',
  severity: 'error',
  description: {
    'zh-CN': '某项任务的财政拨款大于该任务的总额。',
    'en-US': "A task's 财政拨款 is larger than the task's 总额.",
  },
  example: { 'zh-CN': '任务“海外联谊”：总额 17.68，财政拨款 18.00。', 'en-US': 'Task 海外联谊: 总额 17.68, 财政拨款 18.00.' },
};

/** An operand of a sum, resolved on one form. */
interface Operand {
  readonly label: string;
  readonly cells: readonly string[];
  /** null when an operand cell cannot be read (other rules report it). */
  readonly amount: ScaledAmount | null;
  readonly filled: boolean;
  /** Every filled cell holds a real number (not text that reads as one). */
  readonly allNumbers: boolean;
  /** The formula of a single cell's operand, where it has one. */
  readonly formula?: string;
}

function resolve(ref: AmountRef, form: ExtractedForm, context: RuleContext): Operand | undefined {
  if (ref.kind === 'taskColumn') {
    const cells = form.tasks.map((task) => (ref.column === 'total' ? task.total : task.fiscal));
    const readings = cells.map((cell) => context.amountOf(cell));
    const filled = readings.filter((reading) => reading.kind !== 'blank');
    const amounts = filled.flatMap((reading) => (isReadableAmount(reading) ? [reading.scaled] : []));
    return {
      label: ref.column === 'total' ? TABLE_LABELS.taskColumnTotal : TABLE_LABELS.taskColumnFiscal,
      cells: cells.filter((_, index) => readings[index].kind !== 'blank').map((cell) => cell.cell),
      amount: amounts.length === filled.length ? sumScaled(amounts) : null,
      filled: filled.length > 0,
      allNumbers: filled.every((reading) => reading.kind === 'number'),
    };
  }
  const source = ref.kind === 'field' ? form.fields[ref.field] : form.taskTotal?.[ref.column];
  if (!source) return undefined;
  const label =
    ref.kind === 'field'
      ? (context.template.fields.find((field) => field.id === ref.field)?.label ?? ref.field)
      : ref.column === 'total'
        ? TABLE_LABELS.taskTotalRowTotal
        : TABLE_LABELS.taskTotalRowFiscal;
  const reading = context.amountOf(source);
  return {
    label,
    cells: [source.cell],
    amount: reading.kind === 'blank' ? 0n : isReadableAmount(reading) ? reading.scaled : null,
    filled: reading.kind !== 'blank',
    allNumbers: reading.kind === 'number' || reading.kind === 'blank',
    ...(source.formula === undefined ? {} : { formula: source.formula }),
  };
}

/** Formulas compared as Excel reads them: case, spaces and `$` aside. */
function sameFormula(a: string, b: string | undefined): boolean {
  const plain = (formula: string): string => formula.replace(/[\s$]/g, '').toUpperCase();
  return b !== undefined && plain(a) === plain(b);
}

/** `=SUM(D12:D15)` over the task rows of one money column (or a list when they are not in one column). */
export function taskSumFormula(form: ExtractedForm, column: 'total' | 'fiscal'): string | undefined {
  const positions = form.tasks.map((task) => parseA1((column === 'total' ? task.total : task.fiscal).cell));
  if (positions.length === 0 || positions.some((position) => position === null)) return undefined;
  const valid = positions.filter((position): position is NonNullable<typeof position> => position !== null);
  const col = valid[0].col;
  if (valid.every((position) => position.col === col)) {
    // A loop, not Math.min(...rows): a spread of many thousand rows overflows the stack.
    let first = Infinity;
    let last = -Infinity;
    for (const position of valid) {
      first = Math.min(first, position.row + 1);
      last = Math.max(last, position.row + 1);
    }
    const letters = columnLetters(col);
    return first === last ? `=SUM(${letters}${first})` : `=SUM(${letters}${first}:${letters}${last})`;
  }
  return `=SUM(${valid.map((position) => `${columnLetters(position.col)}${position.row + 1}`).join(',')})`;
}

function checkSum(spec: SumSpec, form: ExtractedForm, context: RuleContext): Issue | undefined {
  const whole = resolve(spec.whole, form, context);
  if (!whole || whole.amount === null) return undefined;
  const parts = spec.parts.map((part) => resolve(part, form, context)).filter((part): part is Operand => part !== undefined);
  if (parts.length === 0 || parts.some((part) => part.amount === null)) return undefined;
  const anyPartFilled = parts.some((part) => part.filled);
  // With every part blank there is nothing to compare a field against (金额合计 left blank is
  // reported as its own wrong total, not again as 项目支出 ≠ 金额合计).
  if (!anyPartFilled && (spec.when === 'anyPartFilled' || spec.whole.kind === 'field')) return undefined;
  // A blank field is required_missing's business (or simply not given); a blank 金额合计 under filled tasks is a wrong total.
  if (!whole.filled && (spec.whole.kind === 'field' || !anyPartFilled)) return undefined;
  const partsSum = sumScaled(parts.map((part) => part.amount ?? 0n));
  const wholeAmount = whole.amount;
  if (equalWithin(wholeAmount, partsSum, context.tolerance)) return undefined;

  const difference = wholeAmount > partsSum ? wholeAmount - partsSum : partsSum - wholeAmount;
  let fix: IssueFix | undefined;
  if (spec.whole.kind === 'taskTotal') {
    const formula = taskSumFormula(form, spec.whole.column);
    // The formula already there is no fix: the sum differs because its parts do.
    if (formula && !sameFormula(formula, whole.formula)) fix = { cell: whole.cells[0], value: formula };
  } else if (parts.every((part) => part.allNumbers)) {
    fix = { cell: whole.cells[0], value: scaledToNumber(partsSum) };
  }
  return createIssue(
    SUM_MISMATCH,
    [...whole.cells, ...parts.flatMap((part) => part.cells)],
    {
      whole: whole.label,
      wholeValue: formatScaled(wholeAmount),
      parts: parts.map((part) => part.label),
      partsSum: formatScaled(partsSum),
      difference: formatScaled(difference),
    },
    fix,
  );
}

export const sumMismatchRule: FormRuleSpec = {
  id: 'sum-mismatch',
  family: 'sums',
  issues: [SUM_MISMATCH],
  *check(form, context) {
    for (const spec of context.template.sums) {
      if (spec.optional && !context.settings.checkOptionalSums) continue;
      const issue = checkSum(spec, form, context);
      if (issue) yield issue;
    }
  },
};

export const partExceedsWholeRule: FormRuleSpec = {
  id: 'part-exceeds-whole',
  family: 'sums',
  issues: [PART_EXCEEDS_WHOLE],
  *check(form, context) {
    for (const task of form.tasks) {
      const total = context.amountOf(task.total);
      const fiscal = context.amountOf(task.fiscal);
      if (!isReadableAmount(total) || !isReadableAmount(fiscal)) continue;
      if (fiscal.scaled - total.scaled <= context.tolerance) continue;
      const name = cellText(task.name.value).trim();
      yield createIssue(PART_EXCEEDS_WHOLE, [task.fiscal.cell, task.total.cell], { task: name, fiscal: formatScaled(fiscal.scaled), total: formatScaled(total.scaled) });
    }
  },
};

export const SUM_RULES: readonly FormRuleSpec[] = [sumMismatchRule, partExceedsWholeRule];
