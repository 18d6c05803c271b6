/**
 * The sums of a form as one model: every sum the template declares and every task's
 * 财政拨款 ≤ 总额, over the form's amount cells. From it, which figure of a failed sum to change:
 * the change that makes the sum hold without breaking another, and that repairs more than any
 * other change does. When two changes are equally good the evidence is not clear, and no fix
 * is offered. Every offered change strictly shrinks the set of failed sums, so applying fixes
 * one after another ends.
 *
 * Written blanks are never filled in (a blank is a figure not yet written, not a wrong one),
 * formulas are never overwritten with numbers, and a sum with an amount typed as text gets no
 * fix (the amount rules offer to turn the text into a number first).
 */
import { isReadableAmount, type AmountReading } from '../../amounts/parse-amount';
import { equalWithin, sumScaled, type ScaledAmount } from '../../amounts/decimal';
import type { ExtractedForm, FieldValue, TaskRow } from '../../forms/form-data';
import { columnLetters, parseA1 } from '../../grid/address';
import type { SumRef, SumSpec, TaskCellRef, TaskMoneyColumn } from '../../templates/template';
import { cellText } from '../cell-values';
import { taskMoneyLabel } from '../labels';
import type { RuleContext } from '../types';

type CellKind = 'number' | 'blank' | 'text' | 'unreadable';

interface CellState {
  readonly kind: CellKind;
  /** 0 for a blank or unreadable cell. */
  readonly scaled: ScaledAmount;
  readonly formula: string | undefined;
}

export interface SumOperand {
  readonly ref: SumRef;
  readonly label: string;
  /** The cells an issue names: a single cell, or a column's filled cells. */
  readonly shown: readonly string[];
  /** The cells whose amounts are added (a column's every cell). */
  readonly terms: ReadonlySet<string>;
  /** A 金额合计 holding a SUM formula: the task cells the formula adds (Excel's SUM skips text). */
  readonly inputs?: ReadonlySet<string>;
  /** Rows of the task table (or of the formula's range) that no task fills: amounts not written yet. */
  readonly emptyRows?: TaskMoneyColumn;
}

interface ModelSum {
  /** The spec's id, and for a sum on each task row, the row's too (`taskRowFunds@14`). */
  readonly key: string;
  readonly spec: SumSpec;
  readonly whole: SumOperand;
  readonly parts: readonly SumOperand[];
}

interface ModelExceeds {
  readonly key: string;
  readonly total: string;
  readonly fiscal: string;
}

/** A change of one cell: a number, or the 金额合计's SUM formula over the whole task table. */
export type SumChange = { readonly cell: string; readonly to: ScaledAmount } | { readonly cell: string; readonly formula: string };

/** The outcome of one sum on the form as it is. */
export interface SumOutcome {
  readonly key: string;
  readonly spec: SumSpec;
  readonly whole: SumOperand;
  readonly parts: readonly SumOperand[];
  readonly wholeAmount: ScaledAmount;
  readonly partsSum: ScaledAmount;
}

export interface SumModel {
  readonly failing: readonly SumOutcome[];
  /** The change to offer for a failed sum (by its key), or undefined when the evidence is not clear. */
  fixFor(key: string): SumChange | undefined;
}

function stateOf(reading: AmountReading, formula: string | undefined): CellState {
  if (reading.kind === 'blank') return { kind: 'blank', scaled: 0n, formula };
  if (reading.kind === 'number') return { kind: 'number', scaled: reading.scaled, formula };
  if (isReadableAmount(reading)) return { kind: 'text', scaled: reading.scaled, formula };
  return { kind: 'unreadable', scaled: 0n, formula };
}

const SUM_OF_RANGE = /^=\s*SUM\(\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)\s*$/i;

/** The rows (0-based, inclusive) of a `=SUM(D21:D24)` over one column, or null for any other formula. */
function sumRange(formula: string | undefined, column: string): { first: number; last: number } | null {
  const match = formula ? SUM_OF_RANGE.exec(formula) : null;
  if (!match || match[1].toUpperCase() !== column || match[3].toUpperCase() !== column) return null;
  const a = Number(match[2]) - 1;
  const b = Number(match[4]) - 1;
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

function columnOf(cell: string): string {
  const position = parseA1(cell);
  return position ? columnLetters(position.col) : '';
}

function taskCells(form: ExtractedForm, column: TaskMoneyColumn): FieldValue[] {
  return form.tasks.flatMap((task) => task[column] ?? []);
}

/** Whether the form's task table has the column: 总额 and 财政拨款 always, 其他资金 where it was read. */
function hasTaskColumn(form: ExtractedForm, column: TaskMoneyColumn): boolean {
  return column !== 'other' || form.tasks.some((task) => task.other !== undefined) || form.taskTotal?.other !== undefined;
}

/** A sum over a task column the form does not have cannot be told: it is not checked. */
function namesAbsentColumn(form: ExtractedForm, spec: SumSpec): boolean {
  return [spec.whole, ...spec.parts].some((ref) => ref.kind !== 'field' && !hasTaskColumn(form, ref.column));
}

/**
 * The 金额合计 formula over the template's whole task table (blank rows included), in the
 * column of the 金额合计 cell; undefined when the table's extent is not known.
 */
export function wholeTableSumFormula(form: ExtractedForm, column: TaskMoneyColumn): string | undefined {
  const total = form.taskTotal;
  const cell = total?.[column];
  const totalRow = total ? parseA1(total.labelCell)?.row : undefined;
  if (!total || !cell || total.firstBodyRow === undefined || totalRow === undefined || totalRow <= total.firstBodyRow) return undefined;
  const letters = columnOf(cell.cell);
  return `=SUM(${letters}${total.firstBodyRow + 1}:${letters}${totalRow})`;
}

class FormSums {
  readonly cells = new Map<string, CellState>();
  readonly sums: ModelSum[] = [];
  readonly exceeds: ModelExceeds[] = [];
  private readonly base = new Map<SumOperand, { amount: ScaledAmount | null; filled: boolean }>();
  /** Excel's SUM over each task column: numbers only. */
  private readonly columnNumbers: Record<TaskMoneyColumn, ScaledAmount>;

  constructor(
    readonly form: ExtractedForm,
    private readonly context: RuleContext,
    readonly tolerance: ScaledAmount,
  ) {
    const remember = (field: FieldValue): void => {
      if (!this.cells.has(field.cell)) this.cells.set(field.cell, stateOf(context.amountOf(field), field.formula));
    };
    for (const amount of context.amountCells) remember(amount.source);
    this.columnNumbers = { total: this.numbersIn('total'), fiscal: this.numbersIn('fiscal'), other: this.numbersIn('other') };
    for (const spec of context.template.sums) {
      if ((spec.optional && !context.settings.checkOptionalSums) || namesAbsentColumn(form, spec)) continue;
      if ('each' in spec) {
        for (const task of form.tasks) this.addSum(`${spec.id}@${task.row}`, spec, task);
      } else this.addSum(spec.id, spec);
    }
    for (const task of form.tasks) this.exceeds.push({ key: `exceeds:${task.row}`, total: task.total.cell, fiscal: task.fiscal.cell });
  }

  /** A sum whose whole is on the form; parts not on it (a field without its label) drop out. */
  private addSum(key: string, spec: SumSpec, task?: TaskRow): void {
    const whole = this.operand(spec.whole, task, true);
    if (!whole) return;
    const parts = spec.parts.map((part: SumRef) => this.operand(part, task, false)).filter((part): part is SumOperand => part !== undefined);
    this.sums.push({ key, spec, whole, parts });
  }

  private numbersIn(column: TaskMoneyColumn): ScaledAmount {
    let sum = 0n;
    for (const cell of taskCells(this.form, column)) {
      const state = this.cells.get(cell.cell);
      if (state?.kind === 'number') sum += state.scaled;
    }
    return sum;
  }

  state(cell: string): CellState {
    return this.cells.get(cell) ?? { kind: 'blank', scaled: 0n, formula: undefined };
  }

  /** One task row's cell: the whole names its task (任务“宣传”的总额), the parts stand beside it. */
  private rowOperand(ref: TaskCellRef, task: TaskRow, isWhole: boolean): SumOperand | undefined {
    const source = task[ref.column];
    if (!source) return undefined;
    const name = cellText(task.name.value).trim();
    const label = isWhole && name ? `任务“${name}”的${taskMoneyLabel(ref.column, 'cell')}` : taskMoneyLabel(ref.column, 'cell');
    return { ref, label, shown: [source.cell], terms: new Set([source.cell]) };
  }

  private operand(ref: SumRef, task: TaskRow | undefined, isWhole: boolean): SumOperand | undefined {
    if (ref.kind === 'taskCell') return task && this.rowOperand(ref, task, isWhole);
    if (ref.kind === 'taskColumn') {
      const cells = taskCells(this.form, ref.column).map((cell) => cell.cell);
      const tableRows = this.tableRowCount();
      return {
        ref,
        label: taskMoneyLabel(ref.column, 'column'),
        shown: cells.filter((cell) => this.state(cell).kind !== 'blank'),
        terms: new Set(cells),
        ...(tableRows > cells.length ? { emptyRows: ref.column } : {}),
      };
    }
    const source = ref.kind === 'field' ? this.form.fields[ref.field] : this.form.taskTotal?.[ref.column];
    if (!source) return undefined;
    const label = ref.kind === 'field' ? (this.context.template.fields.find((field) => field.id === ref.field)?.label ?? ref.field) : taskMoneyLabel(ref.column, 'totalRow');
    const operand: SumOperand = { ref, label, shown: [source.cell], terms: new Set([source.cell]) };
    if (ref.kind !== 'taskTotal') return operand;
    const range = sumRange(source.formula, columnOf(source.cell));
    if (!range) return operand;
    const inputs = taskCells(this.form, ref.column)
      .filter((cell) => {
        const row = parseA1(cell.cell)?.row ?? -1;
        return row >= range.first && row <= range.last && columnOf(cell.cell) === columnOf(source.cell);
      })
      .map((cell) => cell.cell);
    return { ...operand, inputs: new Set(inputs), ...(range.last - range.first + 1 > inputs.length ? { emptyRows: ref.column } : {}) };
  }

  /** The task table's rows between its headings and 金额合计, filled or not (the filled ones when unknown). */
  private tableRowCount(): number {
    const total = this.form.taskTotal;
    const totalRow = total ? parseA1(total.labelCell)?.row : undefined;
    if (total?.firstBodyRow === undefined || totalRow === undefined) return this.form.tasks.length;
    return Math.max(this.form.tasks.length, totalRow - total.firstBodyRow);
  }

  /** The operand's amount (null when a cell cannot be read) and whether any of its cells is filled, after a change. */
  value(operand: SumOperand, change?: SumChange): { amount: ScaledAmount | null; filled: boolean } {
    let base = this.base.get(operand);
    if (!base) {
      const states = [...operand.terms].map((cell) => this.state(cell));
      base = {
        amount: states.some((state) => state.kind === 'unreadable') ? null : sumScaled(states.map((state) => state.scaled)),
        filled: states.some((state) => state.kind !== 'blank'),
      };
      this.base.set(operand, base);
    }
    if (!change || base.amount === null) return base;
    if ('formula' in change) {
      if (!operand.terms.has(change.cell) || operand.ref.kind !== 'taskTotal') return base;
      return { amount: this.columnNumbers[operand.ref.column], filled: true };
    }
    const old = this.state(change.cell);
    let amount = base.amount;
    if (operand.terms.has(change.cell)) amount += change.to - old.scaled;
    if (operand.inputs?.has(change.cell) && (old.kind === 'number' || old.kind === 'blank')) amount += change.to - old.scaled;
    return { amount, filled: base.filled };
  }

  /** The sum's amounts when it is compared, or null when it is not (an unreadable cell, nothing to compare). */
  compare(sum: ModelSum, change?: SumChange): { wholeAmount: ScaledAmount; partsSum: ScaledAmount } | null {
    const whole = this.value(sum.whole, change);
    if (whole.amount === null || sum.parts.length === 0) return null;
    const parts = sum.parts.map((part) => this.value(part, change));
    if (parts.some((part) => part.amount === null)) return null;
    const anyPartFilled = parts.some((part) => part.filled);
    // A single cell (a field, one task's 总额) blank is required_missing's or task_incomplete's business.
    const wholeIsField = sum.spec.whole.kind === 'field' || sum.spec.whole.kind === 'taskCell';
    // With every part blank there is nothing to compare a field against (金额合计 left blank is
    // reported as its own wrong total, not again as 项目支出 ≠ 金额合计).
    if (!anyPartFilled && (sum.spec.when === 'anyPartFilled' || wholeIsField)) return null;
    // A blank field is required_missing's business; a blank 金额合计 under filled tasks is a wrong total.
    if (!whole.filled && (wholeIsField || !anyPartFilled)) return null;
    return { wholeAmount: whole.amount, partsSum: sumScaled(parts.map((part) => part.amount ?? 0n)) };
  }

  private amountAfter(cell: string, change?: SumChange): CellState {
    const state = this.state(cell);
    return change && !('formula' in change) && change.cell === cell ? { ...state, kind: 'number', scaled: change.to } : state;
  }

  private exceedsFails(rule: ModelExceeds, change?: SumChange): boolean {
    const total = this.amountAfter(rule.total, change);
    const fiscal = this.amountAfter(rule.fiscal, change);
    const readable = (state: CellState) => state.kind === 'number' || state.kind === 'text';
    return readable(total) && readable(fiscal) && fiscal.scaled - total.scaled > this.tolerance;
  }

  private baseFailures: Set<string> | undefined;
  private exceedsByCell: Map<string, ModelExceeds> | undefined;

  /**
   * Every failed constraint after a change, with how far off it is: sums by key (whole −
   * parts), 财政拨款 > 总额 by task row (a fixed 0: only whether it fails matters).
   */
  failures(change?: SumChange): Map<string, ScaledAmount> {
    if (!this.baseFailures || !this.exceedsByCell) {
      this.baseFailures = new Set(this.exceeds.filter((rule) => this.exceedsFails(rule)).map((rule) => rule.key));
      this.exceedsByCell = new Map(this.exceeds.flatMap((rule) => [[rule.total, rule] as const, [rule.fiscal, rule] as const]));
    }
    // Only the sums and the changed cell's own task row can change.
    const failed = new Map<string, ScaledAmount>([...this.baseFailures].map((key) => [key, 0n]));
    const touched = change ? this.exceedsByCell.get(change.cell) : undefined;
    if (touched) {
      failed.delete(touched.key);
      if (this.exceedsFails(touched, change)) failed.set(touched.key, 0n);
    }
    for (const sum of this.sums) {
      const compared = this.compare(sum, change);
      if (compared && !equalWithin(compared.wholeAmount, compared.partsSum, this.tolerance)) failed.set(`sum:${sum.key}`, compared.wholeAmount - compared.partsSum);
    }
    return failed;
  }
}

/** Every cell a sum reads, through a 金额合计 formula to the task cells it adds. */
function cellsRead(sum: ModelSum): string[] {
  return [sum.whole, ...sum.parts].flatMap((operand) => [...operand.terms, ...(operand.inputs ?? [])]);
}

/**
 * How each cell of a failed sum moves it: +1 for a cell of the whole, −1 for a cell of the parts
 * (through a 金额合计 formula to the task cells it adds); 0 where both sides cancel. Blank cells
 * and a table's empty rows count too: they are where a figure not yet written may go.
 */
function weights(model: FormSums, sum: ModelSum): Map<string, number> {
  const weight = new Map<string, number>();
  const add = (key: string, sign: number) => weight.set(key, (weight.get(key) ?? 0) + sign);
  const side = (operand: SumOperand, sign: number): void => {
    const cells = operand.inputs ?? (operand.ref.kind === 'taskTotal' ? [] : operand.terms);
    for (const cell of cells) add(cell, sign);
    if (operand.emptyRows) add(`emptyRows:${operand.emptyRows}`, sign);
  };
  side(sum.whole, 1);
  for (const part of sum.parts) side(part, -1);
  return weight;
}

/** The single changes that could make a failed sum hold, before they are weighed. */
function candidates(model: FormSums, sum: ModelSum, compared: { wholeAmount: ScaledAmount; partsSum: ScaledAmount }): SumChange[] {
  // A sum with an amount typed as text gets no fix: the amount rules turn the text into a number first.
  if (cellsRead(sum).some((cell) => model.state(cell).kind !== 'number' && model.state(cell).kind !== 'blank')) return [];
  const changes: SumChange[] = [];
  for (const operand of [sum.whole, ...sum.parts]) {
    if (operand.ref.kind !== 'taskTotal') continue;
    const cell = [...operand.terms][0];
    const formula = wholeTableSumFormula(model.form, operand.ref.column);
    if (formula && normalizeFormula(model.state(cell).formula) !== normalizeFormula(formula)) changes.push({ cell, formula });
  }
  const difference = compared.partsSum - compared.wholeAmount;
  const weight = weights(model, sum);
  // A change of Δ = sign × difference on a cell makes the sum hold. Where a blank could take
  // that Δ (it cannot go below 0), the missing amount may simply not be written yet: no number.
  const blankCouldHoldIt = [...weight].some(([key, sign]) => (key.startsWith('emptyRows:') || model.state(key).kind === 'blank') && BigInt(sign) * difference > 0n);
  if (blankCouldHoldIt) return changes;
  for (const [cell, sign] of weight) {
    const state = model.state(cell);
    if (sign === 0 || cell.startsWith('emptyRows:') || state.kind !== 'number' || state.formula) continue;
    const to = state.scaled + BigInt(sign) * difference;
    if (to >= 0n) changes.push({ cell, to });
  }
  return changes;
}

function normalizeFormula(formula: string | undefined): string {
  return (formula ?? '').replace(/[\s$]/g, '').toUpperCase();
}

/**
 * The change that repairs the most without breaking anything, and whether another is as good.
 * Between two that repair as much, the one that leaves the other failed sums as they were wins
 * (moving another mismatch around is weaker evidence than leaving it alone).
 */
function pickBest(model: FormSums, sumKey: string, before: ReadonlyMap<string, ScaledAmount>, changes: readonly SumChange[]): { best?: SumChange; tied: boolean } {
  let best: SumChange | undefined;
  let bestScore: readonly [number, number] = [0, 0];
  let tied = false;
  for (const change of changes) {
    const after = model.failures(change);
    if (after.has(`sum:${sumKey}`) || after.size >= before.size || [...after.keys()].some((key) => !before.has(key))) continue;
    const disturbed = [...after].filter(([key, off]) => before.get(key) !== off).length;
    const score = [before.size - after.size, -disturbed] as const;
    const order = score[0] - bestScore[0] || score[1] - bestScore[1];
    if (best === undefined || order > 0) {
      best = change;
      bestScore = score;
      tied = false;
    } else if (order === 0) tied = true;
  }
  return best ? { best, tied } : { tied: false };
}

/** The model of a form's sums, and the fix each failed sum deserves. */
export function buildSumModel(form: ExtractedForm, context: RuleContext, tolerance: ScaledAmount): SumModel {
  const model = new FormSums(form, context, tolerance);
  const failing: SumOutcome[] = [];
  for (const sum of model.sums) {
    const compared = model.compare(sum);
    if (compared && !equalWithin(compared.wholeAmount, compared.partsSum, tolerance)) failing.push({ ...sum, ...compared });
  }
  let before: Map<string, ScaledAmount> | undefined;
  return {
    failing,
    fixFor(key) {
      const outcome = failing.find((candidate) => candidate.key === key);
      if (!outcome) return undefined;
      before ??= model.failures();
      const failedBefore = before;
      const all = candidates(model, outcome, outcome);
      // 金额合计 is the template's SUM: where it has been typed over, restoring it comes first.
      const restore = pickBest(model, key, failedBefore, all.filter((change) => 'formula' in change));
      if (restore.best) return restore.tied ? undefined : restore.best;
      const { best, tied } = pickBest(model, key, failedBefore, all.filter((change) => !('formula' in change)));
      return tied ? undefined : best;
    },
  };
}
