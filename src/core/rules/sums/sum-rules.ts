/**
 * Sums: a whole must equal the sum of its parts (the template's SumSpec list), compared
 * exactly after rounding to 4 decimals, within the template's tolerance; and a task's
 * 财政拨款 cannot exceed its 总额. Which figure a fix changes is decided in `sum-blame.ts`.
 */
import { isReadableAmount } from '../../amounts/parse-amount';
import { equalWithin, formatScaled, scaledToNumber } from '../../amounts/decimal';
import type { Issue, IssueFix } from '../../issues/issue';
import { cellText } from '../cell-values';
import { createIssue } from '../create-issue';
import type { FormRuleSpec, IssueDeclaration, RuleContext } from '../types';
import { yuanSuspects, type YuanSuspect } from '../funding/yuan-suspects';
import { buildSumModel, type SumChange, type SumOutcome } from './sum-blame';

const SUM_MISMATCH: IssueDeclaration<'sum_mismatch'> = {
  code: 'sum_mismatch',
  severity: 'error',
  description: {
    'zh-CN': '合计不等于各分项之和：资金总额 = 公共财政拨款 + 政府性基金拨款 + 纳入专户管理的非税收入拨款 + 其他资金（任一分项已填时）；资金总额 = 基本支出 + 项目支出；金额合计 = 各任务之和（总额、财政拨款两列，表上有其他资金列时也含该列）；表上有其他资金列时，每项任务的总额 = 财政拨款 + 其他资金（任一分项已填时）；金额合计（总额）= 项目支出（可在设置中关闭）；项目表：资金总额 = 财政拨款 + 其他资金。四舍五入到 4 位小数后精确比较，容差为模板设置（默认 0.005 万元）。',
    'en-US': 'A total differs from the sum of its parts: 资金总额 = the four income parts (when any is filled); 资金总额 = 基本支出 + 项目支出; 金额合计 = the sum of the task rows (总额 and 财政拨款, and 其他资金 where the table has that column); there, the 总额 of each task = 财政拨款 + 其他资金 (when either is filled); 金额合计 (总额) = 项目支出 (a setting); project form: 资金总额 = 财政拨款 + 其他资金. Compared exactly after rounding to 4 decimals, within the template tolerance (0.005 万元 by default).',
  },
  example: {
    'zh-CN': '资金总额 180.61 = 141.74 + 38.87，公共财政拨款 180.65 → 建议将公共财政拨款改为 180.61（只在证据明确时建议，见 README）。',
    'en-US': '资金总额 180.61 = 141.74 + 38.87, 公共财政拨款 180.65 → change 公共财政拨款 to 180.61 (suggested only on clear evidence, see README).',
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

/** Where a fix writes, named as the form prints it: the field's label, and the task for a task cell. */
function fixTarget(cell: string, context: RuleContext): { fixField: string; fixTask: string } {
  const amount = context.amountCells.find((candidate) => candidate.cell === cell);
  return { fixField: amount?.label ?? '', fixTask: amount?.task ?? '' };
}

function issueOf(outcome: SumOutcome, change: SumChange | undefined, context: RuleContext): Issue {
  const { whole, parts, wholeAmount, partsSum } = outcome;
  const difference = wholeAmount > partsSum ? wholeAmount - partsSum : partsSum - wholeAmount;
  const fix: IssueFix | undefined = change && ('formula' in change ? { cell: change.cell, value: change.formula } : { cell: change.cell, value: scaledToNumber(change.to) });
  const named = [...whole.shown, ...parts.flatMap((part) => part.shown)];
  // The cell to fix comes first (it may be a task cell that a 金额合计 formula adds), then the sum's own cells.
  const cells = fix ? [fix.cell, ...named.filter((cell) => cell !== fix.cell)] : named;
  return createIssue(
    SUM_MISMATCH,
    cells,
    {
      whole: whole.label,
      wholeValue: formatScaled(wholeAmount),
      parts: parts.map((part) => part.label),
      partsSum: formatScaled(partsSum),
      difference: formatScaled(difference),
      ...(fix ? fixTarget(fix.cell, context) : { fixField: '', fixTask: '' }),
    },
    fix,
  );
}

/** A sum that holds once one of its cells typed in 元 is read in 万元: that cell's amount_in_yuan says it all. */
function explainedByYuan(outcome: SumOutcome, suspects: readonly YuanSuspect[], context: RuleContext): boolean {
  const only = (cells: readonly string[], suspect: YuanSuspect) => cells.length === 1 && cells[0] === suspect.field.source.cell;
  return suspects.some((suspect) => {
    const shift = suspect.amount - suspect.inWan;
    if (only(outcome.whole.shown, suspect)) return equalWithin(outcome.wholeAmount - shift, outcome.partsSum, context.tolerance);
    if (outcome.parts.some((part) => only(part.shown, suspect))) return equalWithin(outcome.wholeAmount, outcome.partsSum - shift, context.tolerance);
    return false;
  });
}

export const sumMismatchRule: FormRuleSpec = {
  id: 'sum-mismatch',
  family: 'sums',
  issues: [SUM_MISMATCH],
  *check(form, context) {
    const model = buildSumModel(form, context, context.tolerance);
    const suspects = yuanSuspects(form, context);
    for (const outcome of model.failing) if (!explainedByYuan(outcome, suspects, context)) yield issueOf(outcome, model.fixFor(outcome.key), context);
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
