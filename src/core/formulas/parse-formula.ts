/**
 * The formulas a form's sums are written with, parsed: numbers, references to cells of the
 * same sheet, `+ - * /`, unary signs, parentheses and `SUM(…)` over cells, ranges and
 * expressions. Anything else (other functions, text, names, other sheets, comparisons) is
 * not parsed: the formula is then one this module cannot work out, and says so.
 */
import type { CellRange } from '../grid/grid';

export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'cell'; readonly row: number; readonly col: number }
  | { readonly kind: 'range'; readonly range: CellRange }
  | { readonly kind: 'negate'; readonly operand: FormulaNode }
  | { readonly kind: 'binary'; readonly operator: '+' | '-' | '*' | '/'; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly kind: 'sum'; readonly args: readonly FormulaNode[] };

/** Excel nests functions at most 64 deep; parentheses are held to the same. */
const MAX_DEPTH = 64;
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;
/** Tokens of one formula: a form's sums have a few dozen; the bound keeps the tree shallow enough to walk. */
const MAX_TOKENS = 2_000;

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)(?![A-Za-z0-9_(!.])|([A-Za-z][A-Za-z0-9.]*)\(|([-+*/(),]))/y;

type Token = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'reference'; readonly text: string } | { readonly kind: 'function'; readonly name: string } | { readonly kind: 'symbol'; readonly symbol: string };

function tokenize(formula: string): Token[] | null {
  const tokens: Token[] = [];
  for (let at = 0; ; at = TOKEN.lastIndex) {
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(formula);
    if (!match) return formula.slice(at).trim() === '' ? tokens : null;
    if (tokens.length >= MAX_TOKENS) return null;
    if (match[1] !== undefined) tokens.push({ kind: 'number', value: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ kind: 'reference', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'function', name: match[3].toUpperCase() });
    else tokens.push({ kind: 'symbol', symbol: match[4] });
  }
}

function position(text: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text);
  if (!match) return null;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(match[2]);
  if (col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return null;
  return { row: row - 1, col: col - 1 };
}

function referenceNode(text: string): FormulaNode | null {
  const [first, second] = text.split(':');
  const start = position(first);
  if (!start) return null;
  if (second === undefined) return { kind: 'cell', ...start };
  const end = position(second);
  if (!end) return null;
  return {
    kind: 'range',
    range: { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) },
  };
}

/** Thrown inside the parser for what it does not read; `parseFormula` returns null for it. */
class NotParsed extends Error {}

class Parser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FormulaNode {
    const node = this.expression(0);
    if (this.at !== this.tokens.length) throw new NotParsed();
    return node;
  }

  private peekSymbol(): string | undefined {
    const token = this.tokens[this.at];
    return token?.kind === 'symbol' ? token.symbol : undefined;
  }

  private expression(depth: number): FormulaNode {
    let node = this.term(depth);
    for (let symbol = this.peekSymbol(); symbol === '+' || symbol === '-'; symbol = this.peekSymbol()) {
      this.at++;
      node = { kind: 'binary', operator: symbol, left: node, right: this.term(depth) };
    }
    return node;
  }

  private term(depth: number): FormulaNode {
    let node = this.unary(depth);
    for (let symbol = this.peekSymbol(); symbol === '*' || symbol === '/'; symbol = this.peekSymbol()) {
      this.at++;
      node = { kind: 'binary', operator: symbol, left: node, right: this.unary(depth) };
    }
    return node;
  }

  private unary(depth: number): FormulaNode {
    let negative = false;
    for (let symbol = this.peekSymbol(); symbol === '+' || symbol === '-'; symbol = this.peekSymbol()) {
      if (symbol === '-') negative = !negative;
      this.at++;
    }
    const operand = this.primary(depth);
    return negative ? { kind: 'negate', operand } : operand;
  }

  private primary(depth: number): FormulaNode {
    if (depth >= MAX_DEPTH) throw new NotParsed();
    const token = this.tokens[this.at++];
    if (token === undefined) throw new NotParsed();
    if (token.kind === 'number') return { kind: 'number', value: token.value };
    if (token.kind === 'reference') {
      const node = referenceNode(token.text);
      // A range stands alone only inside SUM(…).
      if (!node || node.kind === 'range') throw new NotParsed();
      return node;
    }
    if (token.kind === 'function') {
      if (token.name !== 'SUM') throw new NotParsed();
      return { kind: 'sum', args: this.sumArguments(depth + 1) };
    }
    if (token.symbol !== '(') throw new NotParsed();
    const inner = this.expression(depth + 1);
    this.expect(')');
    return inner;
  }

  private sumArguments(depth: number): FormulaNode[] {
    const args: FormulaNode[] = [];
    if (this.peekSymbol() === ')') {
      this.at++;
      return args;
    }
    for (;;) {
      const token = this.tokens[this.at];
      const next = this.tokens[this.at + 1];
      const alone = next === undefined || (next.kind === 'symbol' && (next.symbol === ',' || next.symbol === ')'));
      if (token?.kind === 'reference' && alone) {
        const node = referenceNode(token.text);
        if (!node) throw new NotParsed();
        args.push(node);
        this.at++;
      } else args.push(this.expression(depth));
      const symbol = this.peekSymbol();
      this.at++;
      if (symbol === ')') return args;
      if (symbol !== ',') throw new NotParsed();
    }
  }

  private expect(symbol: string): void {
    if (this.peekSymbol() !== symbol) throw new NotParsed();
    this.at++;
  }
}

/** The formula (with or without its leading `=`) as a tree, or null when it is not one this module reads. */
export function parseFormula(formula: string): FormulaNode | null {
  const tokens = tokenize(formula.startsWith('=') ? formula.slice(1) : formula);
  if (tokens === null || tokens.length === 0) return null;
  try {
    return new Parser(tokens).parse();
  } catch (error) {
    if (error instanceof NotParsed) return null;
    throw error;
  }
}
