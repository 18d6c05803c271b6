/**
 * A small formula language, enough for forms: + - * / ^ & % and comparisons over numbers,
 * strings and references, and the functions the forms use (SUM, ROUND, ABS, N, AND, COUNTA).
 * Unknown functions give `#NAME?`, broken references `#REF!`, as in Excel. Also the rewriting
 * of references when rows move, sheets are renamed or deleted, or a formula is copied.
 */
import { MAX_COLUMNS, MAX_ROWS, columnLetters, quoteSheetName, type Rect } from './address';
import { FormulaError, FormulaSyntaxError, tokenize, type FormulaNode, type RefEnd, type RefToken, type Scalar, type Token } from './formula-parse';

export * from './formula-parse';

// ---------------------------------------------------------------- evaluation

/** What a formula can see of the workbook. */
export interface FormulaScope {
  /** The value of a cell (computing it if it holds a formula); null for an empty cell. Undefined when the sheet does not exist. */
  cellValue(sheet: string | null, row: number, col: number): Scalar | undefined;
  /** Whether the sheet exists (null: the formula's own sheet). */
  sheetExists(sheet: string | null): boolean;
  /** The last used row and column of a sheet (whole rows and columns are read up to there); null when empty. */
  usedExtent(sheet: string | null): { row: number; col: number } | null;
}

type Evaluated = Scalar | { kind: 'range'; values: Scalar[][] };

function isError(value: unknown): value is FormulaError {
  return value instanceof FormulaError;
}

function refRect(ref: RefToken, rowOffset: number, colOffset: number): Rect | null {
  const move = (end: RefEnd): { row: number; col: number } => ({
    row: end.row + (end.rowAbsolute ? 0 : rowOffset),
    col: end.col + (end.colAbsolute ? 0 : colOffset),
  });
  const a = move(ref.first);
  const b = ref.last ? move(ref.last) : a;
  const rect = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS) return null;
  return rect;
}

function toNumber(value: Scalar): number | FormulaError {
  if (isError(value)) return value;
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const trimmed = value.trim();
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return new FormulaError('#VALUE!');
}

function toText(value: Scalar): string | FormulaError {
  if (isError(value)) return value;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return formatGeneralNumber(value);
  return value;
}

function toBoolean(value: Scalar): boolean | FormulaError {
  if (isError(value)) return value;
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const upper = value.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return new FormulaError('#VALUE!');
}

/** Numbers as Excel's General format shows them: up to 15 significant digits, no trailing zeros. */
export function formatGeneralNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const precise = Number(value.toPrecision(15));
  if (Math.abs(precise) >= 1e11 || (Math.abs(precise) < 1e-9 && precise !== 0)) {
    const [mantissa, exponent] = precise.toExponential(5).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${trimmed}E${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(precise);
}

/** Excel's ROUND: halves away from zero, after trimming binary noise to 15 digits. */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const factor = Math.pow(10, Math.trunc(digits));
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

function compare(left: Scalar, right: Scalar): number {
  const rank = (value: Scalar): number => (typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2);
  let a = left;
  let b = right;
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function binary(op: string, left: Scalar, right: Scalar): Scalar {
  if (isError(left)) return left;
  if (isError(right)) return right;
  if (op === '&') {
    const a = toText(left);
    const b = toText(right);
    if (isError(a)) return a;
    if (isError(b)) return b;
    return a + b;
  }
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const order = compare(left, right);
    switch (op) {
      case '=':
        return order === 0;
      case '<>':
        return order !== 0;
      case '<':
        return order < 0;
      case '>':
        return order > 0;
      case '<=':
        return order <= 0;
      default:
        return order >= 0;
    }
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (isError(a)) return a;
  if (isError(b)) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new FormulaError('#DIV/0!') : a / b;
    case '^': {
      const result = Math.pow(a, b);
      return Number.isFinite(result) ? result : new FormulaError('#NUM!');
    }
    default:
      return new FormulaError('#VALUE!');
  }
}

function scalarOf(value: Evaluated): Scalar {
  if (value !== null && typeof value === 'object' && !isError(value)) {
    // A range used where one value is expected: Excel's implicit intersection is not modelled; a single cell is.
    if (value.values.length === 1 && value.values[0].length === 1) return value.values[0][0];
    return new FormulaError('#VALUE!');
  }
  return value;
}

function flatten(values: readonly Evaluated[]): { scalar: Scalar; fromRange: boolean }[] {
  const out: { scalar: Scalar; fromRange: boolean }[] = [];
  for (const value of values) {
    if (value !== null && typeof value === 'object' && !isError(value)) {
      for (const row of value.values) for (const cell of row) out.push({ scalar: cell, fromRange: true });
    } else {
      out.push({ scalar: value, fromRange: false });
    }
  }
  return out;
}

type FunctionImpl = (args: Evaluated[]) => Scalar;

const FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  SUM: (args) => {
    let total = 0;
    for (const { scalar, fromRange } of flatten(args)) {
      if (isError(scalar)) return scalar;
      if (fromRange) {
        if (typeof scalar === 'number') total += scalar;
        continue;
      }
      const n = toNumber(scalar);
      if (isError(n)) return n;
      total += n;
    }
    return total;
  },
  ROUND: (args) => {
    if (args.length < 1 || args.length > 2) return new FormulaError('#VALUE!');
    const value = toNumber(scalarOf(args[0]));
    const digits = args.length === 2 ? toNumber(scalarOf(args[1])) : 0;
    if (isError(value)) return value;
    if (isError(digits)) return digits;
    return roundHalfAwayFromZero(value, digits);
  },
  ABS: (args) => {
    if (args.length !== 1) return new FormulaError('#VALUE!');
    const value = toNumber(scalarOf(args[0]));
    return isError(value) ? value : Math.abs(value);
  },
  N: (args) => {
    if (args.length !== 1) return new FormulaError('#VALUE!');
    const value = scalarOf(args[0]);
    if (isError(value)) return value;
    if (typeof value === 'number') return value;
    if (typeof value === 'boolean') return value ? 1 : 0;
    return 0;
  },
  // The native checks of the layout plan count the filled parts (src/core/layout).
  COUNTA: (args) => flatten(args).filter(({ scalar }) => scalar !== null && scalar !== '').length,
  AND: (args) => logical(args, (all) => all),
};

function logical(args: Evaluated[], combine: (allTrue: boolean) => boolean): Scalar {
  if (args.length === 0) return new FormulaError('#VALUE!');
  let allTrue = true;
  let seen = 0;
  for (const { scalar, fromRange } of flatten(args)) {
    if (isError(scalar)) return scalar;
    if (fromRange && (scalar === null || typeof scalar === 'string')) continue;
    const value = toBoolean(scalar);
    if (isError(value)) return value;
    seen += 1;
    allTrue = allTrue && value;
  }
  if (seen === 0) return new FormulaError('#VALUE!');
  return combine(allTrue);
}


/**
 * Evaluates a parsed formula. Relative references move by the offsets (conditional formats
 * evaluate their formula relative to the top-left cell of their range).
 */
export function evaluateFormula(tree: FormulaNode, scope: FormulaScope, rowOffset = 0, colOffset = 0): Scalar {
  const evaluate = (node: FormulaNode): Evaluated => {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'name':
        return new FormulaError('#NAME?');
      case 'ref': {
        if (!scope.sheetExists(node.ref.sheet)) return new FormulaError('#REF!');
        const moved = refRect(node.ref, rowOffset, colOffset);
        if (!moved) return new FormulaError('#REF!');
        // Whole rows and columns: cells past the used area are empty and add nothing.
        const extent = node.ref.span === 'cells' ? null : scope.usedExtent(node.ref.sheet);
        const rect = node.ref.span === 'cells' ? moved : { ...moved, bottom: Math.min(moved.bottom, extent?.row ?? 0), right: Math.min(moved.right, extent?.col ?? 0) };
        if (rect.bottom < rect.top || rect.right < rect.left) return { kind: 'range', values: [[null]] };
        if (!node.ref.last) {
          const value = scope.cellValue(node.ref.sheet, rect.top, rect.left);
          return value === undefined ? new FormulaError('#REF!') : value;
        }
        const values: Scalar[][] = [];
        for (let row = rect.top; row <= rect.bottom; row += 1) {
          const line: Scalar[] = [];
          for (let col = rect.left; col <= rect.right; col += 1) line.push(scope.cellValue(node.ref.sheet, row, col) ?? null);
          values.push(line);
        }
        return { kind: 'range', values };
      }
      case 'call': {
        const impl = FUNCTIONS[node.name];
        if (!impl) return new FormulaError('#NAME?');
        return impl(node.args.map(evaluate));
      }
      case 'unary': {
        const value = toNumber(scalarOf(evaluate(node.operand)));
        if (isError(value)) return value;
        return node.op === '-' ? -value : value;
      }
      case 'percent': {
        const value = toNumber(scalarOf(evaluate(node.operand)));
        return isError(value) ? value : value / 100;
      }
      case 'binary':
        return binary(node.op, scalarOf(evaluate(node.left)), scalarOf(evaluate(node.right)));
    }
  };
  const result = scalarOf(evaluate(tree));
  // A formula that yields an empty cell shows 0, as in Excel.
  return result === null ? 0 : result;
}

// ---------------------------------------------------------------- rewriting references

/** Rows or columns inserted (count > 0) or deleted (count < 0) at `at`, on one sheet. */
export interface ShiftOperation {
  readonly sheet: string;
  readonly axis: 'rows' | 'columns';
  readonly at: number;
  readonly count: number;
  /** For cells inserted or deleted (not whole rows/columns): the band of columns (rows) that moves. */
  readonly band?: { readonly from: number; readonly to: number };
}

/**
 * Moves a span [start, end] as Excel moves a reference: inserting at or before its start moves
 * it; inserting inside it (after its first line) grows it; deleting shrinks it; deleting all of
 * it gives null (#REF!).
 */
export function shiftSpan(start: number, end: number, at: number, count: number): { start: number; end: number } | null {
  if (count > 0) {
    if (start >= at) return { start: start + count, end: end + count };
    if (end >= at) return { start, end: end + count };
    return { start, end };
  }
  const removed = -count;
  const lastRemoved = at + removed - 1;
  const newStart = start < at ? start : start > lastRemoved ? start - removed : at;
  const newEnd = end < at ? end : end > lastRemoved ? end - removed : at - 1;
  return newEnd < newStart ? null : { start: newStart, end: newEnd };
}

/** Moves a rectangle; null when it was deleted entirely. Rectangles outside the band stay. */
export function shiftRect(rect: Rect, operation: Omit<ShiftOperation, 'sheet'>): Rect | null {
  const rows = operation.axis === 'rows';
  const limit = rows ? MAX_ROWS - 1 : MAX_COLUMNS - 1;
  const [start, end] = rows ? [rect.top, rect.bottom] : [rect.left, rect.right];
  const [crossStart, crossEnd] = rows ? [rect.left, rect.right] : [rect.top, rect.bottom];
  if (operation.band && (crossStart < operation.band.from || crossEnd > operation.band.to)) return rect;
  // Whole columns (for a row shift) reach the sheet's end: Excel keeps them as they are.
  if (start === 0 && end === limit) return rect;
  const moved = shiftSpan(start, end, operation.at, operation.count);
  if (!moved) return null;
  const clipped = { start: Math.min(moved.start, limit), end: Math.min(moved.end, limit) };
  return rows ? { ...rect, top: clipped.start, bottom: clipped.end } : { ...rect, left: clipped.start, right: clipped.end };
}

function renderEnd(end: RefEnd): string {
  return `${end.colAbsolute ? '$' : ''}${columnLetters(end.col)}${end.rowAbsolute ? '$' : ''}${end.row + 1}`;
}

/** A reference as text, after its rectangle moved. */
function renderRef(ref: RefToken, rect: Rect): string {
  const last = ref.last ?? ref.first;
  const prefix = renderSheetPrefix(ref.sheet);
  if (ref.span === 'rows') return `${prefix}${ref.first.rowAbsolute ? '$' : ''}${rect.top + 1}:${last.rowAbsolute ? '$' : ''}${rect.bottom + 1}`;
  if (ref.span === 'columns') return `${prefix}${ref.first.colAbsolute ? '$' : ''}${columnLetters(rect.left)}:${last.colAbsolute ? '$' : ''}${columnLetters(rect.right)}`;
  const first = renderEnd({ ...ref.first, row: rect.top, col: rect.left });
  if (!ref.last) return prefix + first;
  return `${prefix}${first}:${renderEnd({ ...ref.last, row: rect.bottom, col: rect.right })}`;
}

function rectOfRef(ref: RefToken): Rect {
  const last = ref.last ?? ref.first;
  return { top: Math.min(ref.first.row, last.row), left: Math.min(ref.first.col, last.col), bottom: Math.max(ref.first.row, last.row), right: Math.max(ref.first.col, last.col) };
}

function renderSheetPrefix(sheet: string | null): string {
  return sheet === null ? '' : `${quoteSheetName(sheet)}!`;
}

function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function rewriteReferences(formula: string, rewrite: (ref: RefToken) => string | null): string {
  const hasEquals = formula.startsWith('=');
  const body = hasEquals ? formula.slice(1) : formula;
  let tokens: Token[];
  try {
    tokens = tokenize(body);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return formula;
    throw error;
  }
  let out = '';
  let cursor = 0;
  for (const token of tokens) {
    if (token.kind !== 'ref') continue;
    const replacement = rewrite(token);
    if (replacement === null) continue;
    out += body.slice(cursor, token.start) + replacement;
    cursor = token.end;
  }
  out += body.slice(cursor);
  return (hasEquals ? '=' : '') + out;
}

/** Rewrites the references of a formula written on `formulaSheet` after rows or columns moved. */
export function shiftFormula(formula: string, formulaSheet: string, operation: ShiftOperation): string {
  return rewriteReferences(formula, (ref) => {
    const target = ref.sheet ?? formulaSheet;
    if (!sameSheetName(target, operation.sheet)) return null;
    const moved = shiftRect(rectOfRef(ref), operation);
    if (!moved) return `${renderSheetPrefix(ref.sheet)}#REF!`;
    return renderRef(ref, moved);
  });
}

/**
 * The formula as Excel writes it when it is copied `rows` down and `columns` right: relative
 * references move, absolute ones stay; one moved off the sheet becomes #REF!.
 */
export function translateFormula(formula: string, rows: number, columns: number): string {
  return rewriteReferences(formula, (ref) => {
    if (ref.span !== 'cells') return null;
    const move = (end: RefEnd): RefEnd => ({ ...end, row: end.rowAbsolute ? end.row : end.row + rows, col: end.colAbsolute ? end.col : end.col + columns });
    const first = move(ref.first);
    const last = ref.last ? move(ref.last) : null;
    const offSheet = [first, last ?? first].some((end) => end.row < 0 || end.col < 0 || end.row >= MAX_ROWS || end.col >= MAX_COLUMNS);
    if (offSheet) return `${renderSheetPrefix(ref.sheet)}#REF!`;
    const prefix = renderSheetPrefix(ref.sheet);
    return last ? `${prefix}${renderEnd(first)}:${renderEnd(last)}` : prefix + renderEnd(first);
  });
}

/** Rewrites `Old!A1` to `New!A1` after a sheet was renamed. */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  return rewriteReferences(formula, (ref) => {
    if (ref.sheet === null || !sameSheetName(ref.sheet, oldName)) return null;
    return renderRef({ ...ref, sheet: newName }, rectOfRef(ref));
  });
}

/** Rewrites references to a deleted sheet as `#REF!`. */
export function deleteSheetInFormula(formula: string, deletedName: string): string {
  return rewriteReferences(formula, (ref) => (ref.sheet !== null && sameSheetName(ref.sheet, deletedName) ? '#REF!' : null));
}
