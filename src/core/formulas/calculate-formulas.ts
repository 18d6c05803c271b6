/**
 * Works out formulas that a file holds without their results. Excel and WPS save each
 * formula's last result; programs that write files without calculating (openpyxl, many Java
 * and Python tools, some budget systems' exports) save the formula alone. Read as blank, such
 * a 金额合计 would be 0 and every sum beside it wrong, so the sums a form is written with are
 * worked out here as Excel would (`parse-formula.ts` says which); any other formula stays
 * "not calculated", which the rules report as such instead of reading a value.
 *
 * Formulas may refer to each other: they are worked out in dependency order with an explicit
 * stack (no recursion, whatever the length of a chain), a cycle leaves its cells not
 * calculated, and the work is bounded (`MAX_WORK` cells visited per sheet).
 */
import type { CellScalar, GridCell } from '../grid/grid';
import { isExcelError } from '../rules/cell-values';
import { parseFormula, type FormulaNode } from './parse-formula';

/** A number, an Excel error (`#DIV/0!`), or null for a formula this module does not work out. */
export type FormulaResult = number | string | null;

export interface FormulaCell {
  readonly row: number;
  readonly col: number;
  /** With its leading `=`. */
  readonly formula: string;
}

type SheetRows = ReadonlyArray<ReadonlyArray<GridCell | null | undefined> | null | undefined>;

/** Cells visited (references, cells of ranges) for all the formulas of one sheet. */
export const MAX_WORK = 2_000_000;
const COLUMNS = 16_384;

/** A value this module cannot know: a formula not worked out, or work beyond the bound. */
const UNKNOWN = Symbol('unknown');
interface ExcelError {
  readonly error: string;
}
type Value = number | ExcelError | typeof UNKNOWN;

/** The evaluation needs the result of another formula cell first (its index). */
class Needs {
  constructor(readonly index: number) {}
}
class OutOfWork extends Error {}

const UNVISITED = 0;
const IN_PROGRESS = 1;
const DONE = 2;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

class Calculation {
  private readonly indexOf = new Map<number, number>();
  private readonly state: Uint8Array;
  private readonly results: FormulaResult[];
  private readonly parsed: (FormulaNode | null | undefined)[];
  private work = 0;

  constructor(
    private readonly rows: SheetRows,
    private readonly cells: readonly FormulaCell[],
    private readonly maxWork: number,
  ) {
    cells.forEach((cell, index) => this.indexOf.set(cell.row * COLUMNS + cell.col, index));
    this.state = new Uint8Array(cells.length);
    this.results = new Array<FormulaResult>(cells.length).fill(null);
    this.parsed = new Array<FormulaNode | null | undefined>(cells.length);
  }

  run(): FormulaResult[] {
    try {
      for (let i = 0; i < this.cells.length; i++) if (this.state[i] === UNVISITED) this.resolve(i);
    } catch (error) {
      // Beyond the bound, whatever is not worked out yet stays not calculated.
      if (!(error instanceof OutOfWork)) throw error;
    }
    return this.results;
  }

  private resolve(start: number): void {
    const stack = [start];
    this.state[start] = IN_PROGRESS;
    while (stack.length > 0) {
      const index = stack[stack.length - 1];
      const node = this.parsed[index] === undefined ? (this.parsed[index] = parseFormula(this.cells[index].formula)) : this.parsed[index];
      let value: Value;
      try {
        value = node === null ? UNKNOWN : this.evaluate(node);
      } catch (error) {
        if (!(error instanceof Needs)) throw error;
        this.state[error.index] = IN_PROGRESS;
        stack.push(error.index);
        continue;
      }
      this.results[index] = value === UNKNOWN ? null : typeof value === 'number' ? (Number.isFinite(value) ? value : '#NUM!') : value.error;
      this.state[index] = DONE;
      stack.pop();
    }
  }

  /** What a cell holds for a formula: its value, or a formula cell's result. */
  private lookup(row: number, col: number): CellScalar | typeof UNKNOWN {
    if (++this.work > this.maxWork) throw new OutOfWork();
    const index = this.indexOf.get(row * COLUMNS + col);
    if (index === undefined) return this.rows[row]?.[col]?.value ?? null;
    if (this.state[index] === UNVISITED) throw new Needs(index);
    // In progress: the formula depends on itself, as Excel's circular references do.
    if (this.state[index] === IN_PROGRESS) return UNKNOWN;
    return this.results[index] ?? UNKNOWN;
  }

  private evaluate(node: FormulaNode): Value {
    switch (node.kind) {
      case 'number':
        return node.value;
      case 'cell':
        return arithmeticValue(this.lookup(node.row, node.col));
      case 'range':
        return { error: '#VALUE!' };
      case 'negate': {
        const value = this.evaluate(node.operand);
        return typeof value === 'number' ? -value : value;
      }
      case 'binary':
        return this.binary(node.operator, this.evaluate(node.left), this.evaluate(node.right));
      case 'sum':
        return this.sum(node.args);
    }
  }

  private binary(operator: '+' | '-' | '*' | '/', left: Value, right: Value): Value {
    if (typeof left !== 'number') return left;
    if (typeof right !== 'number') return right;
    switch (operator) {
      case '+':
        return left + right;
      case '-':
        return left - right;
      case '*':
        return left * right;
      case '/':
        return right === 0 ? { error: '#DIV/0!' } : left / right;
    }
  }

  /** SUM as Excel adds: numbers of references and ranges (their text and booleans skipped), values of expressions. */
  private sum(args: readonly FormulaNode[]): Value {
    let total = 0;
    for (const arg of args) {
      const value = arg.kind === 'cell' ? referencedNumber(this.lookup(arg.row, arg.col)) : arg.kind === 'range' ? this.rangeSum(arg.range) : this.evaluate(arg);
      if (typeof value !== 'number') return value;
      total += value;
    }
    return total;
  }

  private rangeSum(range: { top: number; left: number; bottom: number; right: number }): Value {
    let total = 0;
    const lastRow = Math.min(range.bottom, this.rows.length - 1);
    for (let r = range.top; r <= lastRow; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const lastCol = Math.min(range.right, row.length - 1);
      for (let c = range.left; c <= lastCol; c++) {
        if (row[c] === undefined || row[c] === null) {
          if (++this.work > this.maxWork) throw new OutOfWork();
          continue;
        }
        const value = referencedNumber(this.lookup(r, c));
        if (typeof value !== 'number') return value;
        total += value;
      }
    }
    return total;
  }
}

/** A referenced value in `+ - * /`: blank is 0, TRUE is 1, text must read as a number. */
function arithmeticValue(value: CellScalar | typeof UNKNOWN): Value {
  if (value === UNKNOWN) return UNKNOWN;
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = value.trim();
  if (isExcelError(text)) return { error: text };
  if (text === '') return 0;
  return PLAIN_NUMBER.test(text) ? Number(text) : { error: '#VALUE!' };
}

/** A referenced value in SUM: only numbers count; an error is passed on. */
function referencedNumber(value: CellScalar | typeof UNKNOWN): Value {
  if (value === UNKNOWN) return UNKNOWN;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && isExcelError(value)) return { error: value.trim() };
  return 0;
}

/** The results of `cells`' formulas over the sheet's `rows`, in the order of `cells`. */
export function calculateFormulas(rows: SheetRows, cells: readonly FormulaCell[], maxWork = MAX_WORK): FormulaResult[] {
  return cells.length === 0 ? [] : new Calculation(rows, cells, maxWork).run();
}

/**
 * Writes into `rows` the results of `cells`' formulas, which the file holds without them: the
 * number or error worked out, or the cell marked not calculated. Both readers of the command
 * line use it, so they read such files alike.
 */
export function fillFormulaResults(rows: (GridCell | null)[][], cells: readonly FormulaCell[]): void {
  const results = calculateFormulas(rows, cells);
  cells.forEach((cell, index) => {
    const result = results[index];
    rows[cell.row][cell.col] = result === null ? { value: null, formula: cell.formula, uncalculated: true } : { value: result, formula: cell.formula };
  });
}
