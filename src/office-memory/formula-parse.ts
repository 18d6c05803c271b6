/**
 * Reading formulas: the tokens (numbers, strings, references such as `A1`, `$A$1:B2`,
 * `'Sheet'!A1`, operators) and the tree the evaluator walks (formula.ts).
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex } from './address';

export type FormulaErrorCode = '#REF!' | '#NAME?' | '#VALUE!' | '#DIV/0!' | '#N/A' | '#NUM!' | '#NULL!';

/** An error value inside a cell (not an exception): `#REF!`, `#NAME?`, … */
export class FormulaError {
  constructor(readonly code: FormulaErrorCode) {}
  toString(): string {
    return this.code;
  }
}

export type Scalar = number | string | boolean | null | FormulaError;

export interface RefEnd {
  readonly row: number;
  readonly col: number;
  readonly rowAbsolute: boolean;
  readonly colAbsolute: boolean;
}

export interface RefToken {
  readonly kind: 'ref';
  readonly start: number;
  readonly end: number;
  /** The sheet as written (unquoted); null for the formula's own sheet. */
  readonly sheet: string | null;
  readonly first: RefEnd;
  readonly last: RefEnd | null;
  /** `A1`/`A1:B2` are cells; `3:5` whole rows; `A:C` whole columns. */
  readonly span: 'cells' | 'rows' | 'columns';
}

export type Token =
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'bool'; start: number; end: number; value: boolean }
  | { kind: 'error'; start: number; end: number; value: FormulaErrorCode; sheet: string | null }
  | RefToken
  | { kind: 'func'; start: number; end: number; name: string }
  | { kind: 'name'; start: number; end: number; name: string }
  | { kind: 'op'; start: number; end: number; op: string }
  | { kind: 'paren'; start: number; end: number; open: boolean }
  | { kind: 'comma'; start: number; end: number };

export const ERROR_CODES: readonly FormulaErrorCode[] = ['#REF!', '#NAME?', '#VALUE!', '#DIV/0!', '#N/A', '#NUM!', '#NULL!'];
const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const IDENTIFIER = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*/;

/** A formula that cannot be read; writing it into a cell fails as Excel refuses it. */
export class FormulaSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaSyntaxError';
  }
}

function readCellRef(text: string, at: number): { end: RefEnd; length: number } | null {
  const match = CELL_REF.exec(text.slice(at));
  if (!match) return null;
  const next = text.charAt(at + match[0].length);
  if (/[A-Za-z0-9_(.]/.test(next)) return null;
  const row = Number(match[4]) - 1;
  const col = columnIndex(match[2]);
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS) return null;
  return { end: { row, col, rowAbsolute: match[3] === '$', colAbsolute: match[1] === '$' }, length: match[0].length };
}

/** Reads a reference (or `#REF!`) after an optional sheet prefix that ends at `at`. */
const WHOLE_ROWS = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_(.])/;
const WHOLE_COLUMNS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(.])/;

function readReference(text: string, start: number, at: number, sheet: string | null): Token | null {
  const error = ERROR_CODES.find((code) => text.startsWith(code, at));
  if (error && sheet !== null) return { kind: 'error', start, end: at + error.length, value: error, sheet };
  const rows = WHOLE_ROWS.exec(text.slice(at));
  if (rows) {
    const top = Number(rows[2]) - 1;
    const bottom = Number(rows[4]) - 1;
    if (top < 0 || bottom < 0 || top >= MAX_ROWS || bottom >= MAX_ROWS) return null;
    return {
      kind: 'ref',
      start,
      end: at + rows[0].length,
      sheet,
      first: { row: top, col: 0, rowAbsolute: rows[1] === '$', colAbsolute: true },
      last: { row: bottom, col: MAX_COLUMNS - 1, rowAbsolute: rows[3] === '$', colAbsolute: true },
      span: 'rows',
    };
  }
  const columns = WHOLE_COLUMNS.exec(text.slice(at));
  if (columns) {
    const left = columnIndex(columns[2]);
    const right = columnIndex(columns[4]);
    if (left >= MAX_COLUMNS || right >= MAX_COLUMNS) return null;
    return {
      kind: 'ref',
      start,
      end: at + columns[0].length,
      sheet,
      first: { row: 0, col: left, rowAbsolute: true, colAbsolute: columns[1] === '$' },
      last: { row: MAX_ROWS - 1, col: right, rowAbsolute: true, colAbsolute: columns[3] === '$' },
      span: 'columns',
    };
  }
  const first = readCellRef(text, at);
  if (!first) return null;
  let end = at + first.length;
  let last: RefEnd | null = null;
  if (text.charAt(end) === ':') {
    const second = readCellRef(text, end + 1);
    if (second) {
      last = second.end;
      end = end + 1 + second.length;
    }
  }
  return { kind: 'ref', start, end, sheet, first: first.end, last, span: 'cells' };
}

/** A quoted run (`"text"` or `'sheet name'`), a doubled quote standing for one; `end` is past the closing quote. */
function readQuoted(text: string, start: number, quote: string, what: string): { value: string; end: number } {
  let j = start + 1;
  let value = '';
  for (;;) {
    if (j >= text.length) throw new FormulaSyntaxError(`Unterminated ${what}`);
    if (text.charAt(j) === quote) {
      if (text.charAt(j + 1) !== quote) return { value, end: j + 1 };
      value += quote;
      j += 2;
      continue;
    }
    value += text.charAt(j);
    j += 1;
  }
}

function requireReference(text: string, start: number, at: number, sheet: string | null, what: string): Token {
  const ref = readReference(text, start, at, sheet);
  if (!ref) throw new FormulaSyntaxError(what);
  return ref;
}

/** A word: `Sheet1!A1`, a reference, a function name, TRUE/FALSE, or a defined name. */
function readWord(text: string, i: number, word: string): Token {
  const after = i + word.length;
  if (text.charAt(after) === '!') return requireReference(text, i, after + 1, word, `Expected a reference after ${word}!`);
  const ref = readReference(text, i, i, null);
  if (ref) return ref;
  if (text.charAt(after) === '(') return { kind: 'func', start: i, end: after + 1, name: word.toUpperCase() };
  const upper = word.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'bool', start: i, end: after, value: upper === 'TRUE' };
  return { kind: 'name', start: i, end: after, name: word };
}

/** The punctuation token at `i`: an operator, a parenthesis or a comma; null for anything else. */
function readPunctuation(text: string, i: number): Token | null {
  const ch = text.charAt(i);
  const two = text.slice(i, i + 2);
  if (two === '<=' || two === '>=' || two === '<>') return { kind: 'op', start: i, end: i + 2, op: two };
  if ('+-*/^&=<>%'.includes(ch)) return { kind: 'op', start: i, end: i + 1, op: ch };
  if (ch === '(' || ch === ')') return { kind: 'paren', start: i, end: i + 1, open: ch === '(' };
  if (ch === ',') return { kind: 'comma', start: i, end: i + 1 };
  return null;
}

/** The token that starts at `i`. */
function readToken(text: string, i: number): Token {
  const ch = text.charAt(i);
  if (ch === '"') {
    const { value, end } = readQuoted(text, i, '"', 'string');
    return { kind: 'string', start: i, end, value };
  }
  if (ch === "'") {
    const { value, end } = readQuoted(text, i, "'", 'sheet name');
    if (text.charAt(end) !== '!') throw new FormulaSyntaxError('Expected ! after a sheet name');
    return requireReference(text, i, end + 1, value, 'Expected a reference after a sheet name');
  }
  if (ch === '#') {
    const code = ERROR_CODES.find((candidate) => text.startsWith(candidate, i));
    if (!code) throw new FormulaSyntaxError(`Unknown error value at ${i}`);
    return { kind: 'error', start: i, end: i + code.length, value: code, sheet: null };
  }
  if (ch === '$' || /^\d+:\$?\d/.test(text.slice(i))) return requireReference(text, i, i, null, `Bad reference at ${i}`);
  const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
  if (number) return { kind: 'number', start: i, end: i + number[0].length, value: Number(number[0]) };
  const identifier = IDENTIFIER.exec(text.slice(i));
  if (identifier) return readWord(text, i, identifier[0]);
  const punctuation = readPunctuation(text, i);
  if (punctuation) return punctuation;
  throw new FormulaSyntaxError(`Unexpected character ${ch} at ${i}`);
}

export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    if (/\s/.test(formula.charAt(i))) {
      i += 1;
      continue;
    }
    const token = readToken(formula, i);
    tokens.push(token);
    i = token.end;
  }
  return tokens;
}

// ---------------------------------------------------------------- parsing

export type FormulaNode =
  | { kind: 'literal'; value: Scalar }
  | { kind: 'ref'; ref: RefToken }
  | { kind: 'name'; name: string }
  | { kind: 'call'; name: string; args: FormulaNode[] }
  | { kind: 'unary'; op: '-' | '+'; operand: FormulaNode }
  | { kind: 'percent'; operand: FormulaNode }
  | { kind: 'binary'; op: string; left: FormulaNode; right: FormulaNode };

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

/** A precedence-climbing parser over the tokens of one formula. */
class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(what: string): Token {
    const token = this.tokens[this.position];
    if (!token) throw new FormulaSyntaxError(what);
    this.position += 1;
    return token;
  }

  formula(): FormulaNode {
    const tree = this.expression(0);
    if (this.position < this.tokens.length) throw new FormulaSyntaxError('Unexpected text after the formula');
    return tree;
  }

  private primary(): FormulaNode {
    const token = this.next('Unexpected end of formula');
    switch (token.kind) {
      case 'number':
      case 'string':
      case 'bool':
        return { kind: 'literal', value: token.value };
      case 'error':
        return { kind: 'literal', value: new FormulaError(token.value) };
      case 'ref':
        return { kind: 'ref', ref: token };
      case 'name':
        return { kind: 'name', name: token.name };
      case 'func':
        return { kind: 'call', name: token.name, args: this.arguments() };
      case 'paren': {
        if (!token.open) throw new FormulaSyntaxError('Unexpected )');
        const inner = this.expression(0);
        const close = this.next('Expected )');
        if (close.kind !== 'paren' || close.open) throw new FormulaSyntaxError('Expected )');
        return inner;
      }
      case 'op':
        // Unary minus binds tighter than ^ in Excel (=-2^2 is 4).
        if (token.op === '-' || token.op === '+') return { kind: 'unary', op: token.op, operand: this.postfix(this.primary()) };
        throw new FormulaSyntaxError(`Unexpected operator ${token.op}`);
      case 'comma':
        throw new FormulaSyntaxError('Unexpected ,');
    }
  }

  /** A call's arguments, after its `(`: an empty argument is a blank. */
  private arguments(): FormulaNode[] {
    const args: FormulaNode[] = [];
    const first = this.peek();
    if (first && first.kind === 'paren' && !first.open) {
      this.position += 1;
      return args;
    }
    for (;;) {
      const start = this.peek();
      const blank = start && (start.kind === 'comma' || (start.kind === 'paren' && !start.open));
      args.push(blank ? { kind: 'literal', value: null } : this.expression(0));
      const separator = this.next('Unclosed function call');
      if (separator.kind === 'paren' && !separator.open) return args;
      if (separator.kind !== 'comma') throw new FormulaSyntaxError('Expected , or )');
    }
  }

  private postfix(node: FormulaNode): FormulaNode {
    let result = node;
    for (let next = this.peek(); next && next.kind === 'op' && next.op === '%'; next = this.peek()) {
      this.position += 1;
      result = { kind: 'percent', operand: result };
    }
    return result;
  }

  private expression(minPrecedence: number): FormulaNode {
    let left = this.postfix(this.primary());
    for (;;) {
      const next = this.peek();
      if (!next || next.kind !== 'op') return left;
      const precedence = BINARY_PRECEDENCE[next.op];
      if (precedence === undefined || precedence < minPrecedence) return left;
      this.position += 1;
      // ^ is left-associative in Excel too.
      left = { kind: 'binary', op: next.op, left, right: this.expression(precedence + 1) };
    }
  }
}

/** Parses a formula (with or without its leading `=`). Throws `FormulaSyntaxError`. */
export function parseFormula(formula: string): FormulaNode {
  return new Parser(tokenize(formula.startsWith('=') ? formula.slice(1) : formula)).formula();
}
