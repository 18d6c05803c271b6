/**
 * The formulas the project writes, evaluated: numbers, strings, references and ranges on the
 * formula's own sheet, + - * / ^ & and comparisons, and SUM, ROUND, ABS, N, AND, OR, NOT, IF,
 * COUNTA ("Excel functions (alphabetical)"). An unknown function gives #NAME?, a deleted
 * reference #REF!, text in arithmetic #VALUE!, as WPS shows them.
 *
 * This is a second, smaller evaluator beside the in-memory Excel's: the layers keep the two fakes
 * apart (neither may import the other, nor any of core but its address module), and each fake
 * evaluates only what its host is asked to hold.
 */
import { MAX_COLUMNS, MAX_ROWS, quoteSheetName, type Rect } from './address';
import { columnIndex, columnLetters } from '../core/grid/address';
import type { WpsErrorText as CellErrorText } from '../wps/wps-api';

/** A value as formulas see it: an error is its text (`#DIV/0!`), an empty cell null. */
export type FormulaValue = number | string | boolean | null | { readonly error: CellErrorText };

export class FormulaSyntaxError extends Error {
  constructor(formula: string, detail: string) {
    super(`The formula ${formula} is not valid: ${detail}.`);
    this.name = 'FormulaSyntaxError';
  }
}

interface RefEnd {
  readonly row: number;
  readonly col: number;
  readonly rowAbsolute: boolean;
  readonly colAbsolute: boolean;
}

type Node =
  | { kind: 'value'; value: FormulaValue }
  | { kind: 'ref'; sheet: string | null; first: RefEnd; last: RefEnd | null }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: '-' | '+' | '%'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

// ---------------------------------------------------------------- references in formula text

/**
 * A cell reference (`D7`, `$D$7`) or range (`D7:D9`), perhaps qualified by a sheet (`申报表!$A$1`,
 * `'My sheet'!A1`), not part of a name or a function call.
 */
const REFERENCE = /(?<![A-Za-z0-9_.!$'])((?:'(?:[^']|'')+'|[^\s!'",():=<>+\-*/&^%{}]+)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![A-Za-z0-9_(!])/g;

/** A sheet qualifier before a reference (`申报表!`, `'My sheet'!`). */
const QUALIFIER = /(?<![A-Za-z0-9_.!$'])('(?:[^']|'')+'!|[^\s!'",():=<>+\-*/&^%{}]+!)(?=\$?[A-Za-z]{1,3}\$?\d)/g;

function refEnd(colAbs: string, letters: string, rowAbs: string, digits: string): RefEnd {
  return { row: Number(digits) - 1, col: columnIndex(letters), rowAbsolute: rowAbs === '$', colAbsolute: colAbs === '$' };
}

function endText(end: RefEnd): string {
  return `${end.colAbsolute ? '$' : ''}${columnLetters(end.col)}${end.rowAbsolute ? '$' : ''}${end.row + 1}`;
}

type Rewrite = (first: RefEnd, last: RefEnd | null, sheet: string | null) => { first: RefEnd; last: RefEnd | null } | null;

/** The sheet a qualifier names (`'My sheet'!` → `My sheet`), null without one. */
function qualifierSheet(qualifier: string | undefined): string | null {
  if (!qualifier) return null;
  const name = qualifier.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Applies `rewrite` to every reference outside string literals; a null result becomes #REF!. */
export function rewriteReferences(formula: string, rewrite: Rewrite): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(REFERENCE, (...m: string[]) => {
            const first = refEnd(m[2], m[3], m[4], m[5]);
            const last = m[7] === undefined ? null : refEnd(m[6], m[7], m[8], m[9]);
            const moved = rewrite(first, last, qualifierSheet(m[1]));
            const prefix = m[1] ?? '';
            if (!moved) return `${prefix}#REF!`;
            return prefix + (moved.last ? `${endText(moved.first)}:${endText(moved.last)}` : endText(moved.first));
          }),
    )
    .join('');
}

/**
 * A formula copied `rows` down and `columns` right: its relative references move by as much, its
 * absolute ones stay; one moved off the sheet becomes #REF! ("Move or copy a formula").
 */
export function translateFormula(formula: string, rows: number, columns: number): string {
  const move = (end: RefEnd): RefEnd | null => {
    const row = end.row + (end.rowAbsolute ? 0 : rows);
    const col = end.col + (end.colAbsolute ? 0 : columns);
    return row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS ? null : { ...end, row, col };
  };
  return rewriteReferences(formula, (first, last) => {
    const a = move(first);
    const b = last ? move(last) : null;
    if (!a || (last && !b)) return null;
    return { first: a, last: b };
  });
}

/**
 * References to a renamed sheet name the new name ("Rename a worksheet": formulas follow), quoted
 * when the name needs it.
 */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  const key = oldName.toLowerCase();
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(QUALIFIER, (whole: string, qualifier: string) => (qualifierSheet(qualifier)?.toLowerCase() === key ? `${quoteSheetName(newName)}!` : whole)),
    )
    .join('');
}

/**
 * References after `count` rows are inserted (count > 0) or deleted (count < 0) at row `at` of
 * the sheet `onSheet` tells (from a reference's qualifier, null for an unqualified one): what
 * lies below moves, absolute or not; a reference to deleted cells becomes #REF!, a range loses
 * its deleted rows ("Insert or delete rows and columns": formulas adjust).
 */
export function shiftRowsInFormula(formula: string, at: number, count: number, onSheet: (qualifier: string | null) => boolean = (q) => q === null): string {
  const moveRow = (row: number): number | null => {
    if (row < at) return row;
    if (count > 0) return row + count < MAX_ROWS ? row + count : null;
    return row < at - count ? null : row + count;
  };
  return rewriteReferences(formula, (first, last, sheet) => {
    if (!onSheet(sheet)) return { first, last };
    if (!last) {
      const row = moveRow(first.row);
      return row === null ? null : { first: { ...first, row }, last: null };
    }
    const [top, bottom] = first.row <= last.row ? [first, last] : [last, first];
    let newTop = moveRow(top.row);
    let newBottom = moveRow(bottom.row);
    if (count < 0) {
      newTop ??= at;
      newBottom ??= at - 1;
      if (newBottom < newTop) return null;
    }
    if (newTop === null || newBottom === null) return null;
    return { first: { ...top, row: newTop }, last: { ...bottom, row: newBottom } };
  });
}

// ---------------------------------------------------------------- parsing

type Token = { kind: 'number'; value: number } | { kind: 'string'; value: string } | { kind: 'ref'; node: Node } | { kind: 'name'; value: string } | { kind: 'op'; value: string } | { kind: 'error'; value: CellErrorText };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[^\s!'",():=<>+\-*/&^%{}]+)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)(?![A-Za-z0-9_(])|(#REF!|#DIV\/0!|#VALUE!|#NAME\?|#N\/A|#NUM!|#NULL!)|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[-+*/^&=<>%(),]))/y;

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const body = formula.slice(1);
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    if (/^\s*$/.test(body.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(body);
    if (!m) throw new FormulaSyntaxError(formula, `unexpected text at ${start + 1}`);
    if (m[1] !== undefined) tokens.push({ kind: 'number', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'string', value: m[2].slice(1, -1).replace(/""/g, '"') });
    else if (m[4] !== undefined) {
      const [a, b] = m[4].split(':').map((text) => {
        const parts = /^(\$?)([A-Za-z]+)(\$?)(\d+)$/.exec(text) as RegExpExecArray;
        return refEnd(parts[1], parts[2], parts[3], parts[4]);
      });
      tokens.push({ kind: 'ref', node: { kind: 'ref', sheet: qualifierSheet(m[3]), first: a, last: b ?? null } });
    } else if (m[5] !== undefined) tokens.push({ kind: 'error', value: m[5] as CellErrorText });
    else if (m[6] !== undefined) tokens.push({ kind: 'name', value: m[6].toUpperCase() });
    else tokens.push({ kind: 'op', value: m[7] });
  }
  return tokens;
}

const BINARY_LEVELS: readonly (readonly string[])[] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

/** Parses a formula (`=SUM(D7:D9)`); throws FormulaSyntaxError for anything else. */
export function parseFormula(formula: string): Node {
  if (!formula.startsWith('=')) throw new FormulaSyntaxError(formula, 'it does not start with =');
  const tokens = tokenize(formula);
  let at = 0;
  const peekOp = (): string | null => (tokens[at]?.kind === 'op' ? (tokens[at] as { value: string }).value : null);
  const expectOp = (op: string): void => {
    if (peekOp() !== op) throw new FormulaSyntaxError(formula, `${op} expected`);
    at += 1;
  };
  const binary = (level: number): Node => {
    if (level === BINARY_LEVELS.length) return unary();
    let left = binary(level + 1);
    for (let op = peekOp(); op !== null && BINARY_LEVELS[level].includes(op); op = peekOp()) {
      at += 1;
      left = { kind: 'binary', op, left, right: binary(level + 1) };
    }
    return left;
  };
  const unary = (): Node => {
    const op = peekOp();
    if (op === '-' || op === '+') {
      at += 1;
      return { kind: 'unary', op, operand: unary() };
    }
    let node = primary();
    while (peekOp() === '%') {
      at += 1;
      node = { kind: 'unary', op: '%', operand: node };
    }
    return node;
  };
  const primary = (): Node => {
    const token = tokens[at];
    at += 1;
    if (!token) throw new FormulaSyntaxError(formula, 'it ends too early');
    if (token.kind === 'number' || token.kind === 'string') return { kind: 'value', value: token.value };
    if (token.kind === 'error') return { kind: 'value', value: { error: token.value } };
    if (token.kind === 'ref') return token.node;
    if (token.kind === 'name') return call(token.value);
    if (token.value === '(') {
      const inner = binary(0);
      expectOp(')');
      return inner;
    }
    throw new FormulaSyntaxError(formula, `unexpected ${token.value}`);
  };
  const call = (name: string): Node => {
    if (name === 'TRUE' || name === 'FALSE') return { kind: 'value', value: name === 'TRUE' };
    expectOp('(');
    const args: Node[] = [];
    if (peekOp() !== ')') {
      args.push(binary(0));
      while (peekOp() === ',') {
        at += 1;
        args.push(binary(0));
      }
    }
    expectOp(')');
    return { kind: 'call', name, args };
  };
  const tree = binary(0);
  if (at !== tokens.length) throw new FormulaSyntaxError(formula, 'text after the end');
  return tree;
}

// ---------------------------------------------------------------- evaluation

/** The cell values a formula sees, computing formulas as needed: of its own sheet (`sheet` null) or of the sheet a reference names. */
export type CellReader = (row: number, col: number, sheet: string | null) => FormulaValue;

type Evaluated = FormulaValue | { readonly range: FormulaValue[] };

const isError = (value: unknown): value is { readonly error: CellErrorText } => typeof value === 'object' && value !== null && 'error' in value;
const fail = (error: CellErrorText): { error: CellErrorText } => ({ error });

function toNumber(value: FormulaValue): number | { error: CellErrorText } {
  if (isError(value)) return value;
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const trimmed = value.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : fail('#VALUE!');
}

function toBoolean(value: FormulaValue): boolean | { error: CellErrorText } {
  if (isError(value)) return value;
  if (typeof value === 'string') return value.toUpperCase() === 'TRUE' ? true : value.toUpperCase() === 'FALSE' ? false : fail('#VALUE!');
  return value === null ? false : typeof value === 'boolean' ? value : value !== 0;
}

function toText(value: FormulaValue): string | { error: CellErrorText } {
  if (isError(value)) return value;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return typeof value === 'number' ? String(Number(value.toPrecision(15))) : value;
}

function compare(op: string, a: FormulaValue, b: FormulaValue): FormulaValue {
  const rank = (v: FormulaValue): number => (typeof v === 'boolean' ? 2 : typeof v === 'string' ? 1 : 0);
  const left = a ?? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0);
  const right = b ?? (typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0);
  let order = rank(left) - rank(right);
  if (order === 0 && typeof left === 'string' && typeof right === 'string') order = left.toLowerCase().localeCompare(right.toLowerCase());
  else if (order === 0) order = Number(left) - Number(right);
  const results: Record<string, boolean> = { '=': order === 0, '<>': order !== 0, '<': order < 0, '>': order > 0, '<=': order <= 0, '>=': order >= 0 };
  return results[op];
}

function binary(op: string, a: FormulaValue, b: FormulaValue): FormulaValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === '&') {
    const [x, y] = [toText(a), toText(b)];
    return isError(x) ? x : isError(y) ? y : x + y;
  }
  if (BINARY_LEVELS[0].includes(op)) return compare(op, a, b);
  const [x, y] = [toNumber(a), toNumber(b)];
  if (isError(x)) return x;
  if (isError(y)) return y;
  if (op === '/' && y === 0) return fail('#DIV/0!');
  const result = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x ** y;
  return Number.isFinite(result) ? result : fail('#NUM!');
}

const flat = (args: Evaluated[]): FormulaValue[] => args.flatMap((arg) => (typeof arg === 'object' && arg !== null && 'range' in arg ? arg.range : [arg]));
const scalar = (arg: Evaluated | undefined): FormulaValue => (arg === undefined ? null : typeof arg === 'object' && arg !== null && 'range' in arg ? (arg.range[0] ?? null) : arg);

/** Excel rounds half away from zero. */
function round(value: number, digits: number): number {
  const factor = 10 ** Math.trunc(digits);
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
}

const FUNCTIONS: Record<string, (args: Evaluated[]) => FormulaValue> = {
  SUM: (args) => {
    let total = 0;
    for (const arg of args) {
      const inRange = typeof arg === 'object' && arg !== null && 'range' in arg;
      for (const value of flat([arg])) {
        if (isError(value)) return value;
        // In a range only numbers count; a direct argument is converted.
        const number = inRange ? (typeof value === 'number' ? value : 0) : toNumber(value);
        if (isError(number)) return number;
        total += number;
      }
    }
    return total;
  },
  ROUND: (args) => {
    const [value, digits] = [toNumber(scalar(args[0])), toNumber(scalar(args[1]))];
    return isError(value) ? value : isError(digits) ? digits : round(value, digits);
  },
  ABS: (args) => {
    const value = toNumber(scalar(args[0]));
    return isError(value) ? value : Math.abs(value);
  },
  N: (args) => {
    const value = scalar(args[0]);
    return isError(value) ? value : typeof value === 'number' ? value : value === true ? 1 : 0;
  },
  AND: (args) => logical(flat(args), (values) => values.every(Boolean)),
  OR: (args) => logical(flat(args), (values) => values.some(Boolean)),
  NOT: (args) => {
    const value = toBoolean(scalar(args[0]));
    return isError(value) ? value : !value;
  },
  IF: (args) => {
    const condition = toBoolean(scalar(args[0]));
    if (isError(condition)) return condition;
    return condition ? scalar(args[1] ?? true) : args.length > 2 ? scalar(args[2]) : false;
  },
  COUNTA: (args) => flat(args).filter((value) => value !== null).length,
};

function logical(values: FormulaValue[], combine: (values: boolean[]) => boolean): FormulaValue {
  const booleans: boolean[] = [];
  for (const value of values) {
    if (value === null || typeof value === 'string') continue;
    const b = toBoolean(value);
    if (isError(b)) return b;
    booleans.push(b);
  }
  return booleans.length === 0 ? fail('#VALUE!') : combine(booleans);
}

function refRect(node: Extract<Node, { kind: 'ref' }>, rowOffset: number, colOffset: number): Rect | null {
  const move = (end: RefEnd): { row: number; col: number } => ({ row: end.row + (end.rowAbsolute ? 0 : rowOffset), col: end.col + (end.colAbsolute ? 0 : colOffset) });
  const a = move(node.first);
  const b = node.last ? move(node.last) : a;
  const rect = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  return rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS ? null : rect;
}

/**
 * The value of a formula; relative references move by the offsets (a rule formula is written for
 * the top-left cell of the range it applies to and holds, shifted, for every other cell).
 */
export function evaluateFormula(formula: string, read: CellReader, rowOffset = 0, colOffset = 0): FormulaValue {
  const evaluate = (node: Node): Evaluated => {
    switch (node.kind) {
      case 'value':
        return node.value;
      case 'ref': {
        const rect = refRect(node, rowOffset, colOffset);
        if (!rect) return fail('#REF!');
        if (!node.last) return read(rect.top, rect.left, node.sheet);
        const range: FormulaValue[] = [];
        for (let row = rect.top; row <= rect.bottom; row += 1) for (let col = rect.left; col <= rect.right; col += 1) range.push(read(row, col, node.sheet));
        return { range };
      }
      case 'call': {
        const impl = FUNCTIONS[node.name];
        return impl ? impl(node.args.map(evaluate)) : fail('#NAME?');
      }
      case 'unary': {
        const value = toNumber(scalar(evaluate(node.operand)));
        if (isError(value)) return value;
        return node.op === '-' ? -value : node.op === '%' ? value / 100 : value;
      }
      case 'binary':
        return binary(node.op, scalar(evaluate(node.left)), scalar(evaluate(node.right)));
    }
  };
  return scalar(evaluate(parseFormula(formula)));
}
