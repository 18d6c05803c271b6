/**
 * One worksheet part as a grid snapshot: the values and formulas of `<sheetData>` and the
 * areas of `<mergeCells>`. Cell types as SpreadsheetML defines them: shared (`s`) and inline
 * strings, formula string results (`str`), booleans, errors (as their text, `#REF!`), ISO
 * dates (`d`) and numbers. Rows and cells without a reference follow the one before.
 *
 * Within Excel's limits (`limits.ts`): text beyond 32,767 characters is cut there; a
 * reference outside the grid, a row of more than 16,384 cells or a formula longer than Excel
 * takes is refused. Formulas saved without their result are worked out where they are the
 * sums a form uses, and marked not calculated otherwise (`core/formulas`).
 */
import { fillFormulaResults, type CellScalar, type FormulaCell, type GridCell, type CellRange, type SheetSnapshot } from '../../../core';
import { cellReferencePosition, parseRangeReference, rowNumber } from './cell-references';
import { READER_LIMITS, ReaderLimitError, type ReadTally } from './limits';
import { withoutMergedOverlaps } from './merged-cells';
import { decodeExcelEscapes } from './shared-strings';
import { slideFormula } from './shared-formulas';
import { CLOSE, END, OPEN, TEXT, XmlFormatError, XmlScanner } from './xml-scanner';

export interface SheetReadContext {
  readonly sharedStrings: readonly string[];
  /**
   * Set for workbooks dated from 1904: for each style index, whether it shows a date. Such
   * dates are read as the 1900-based serial numbers that the rules expect.
   */
  readonly dateStyles1904: readonly boolean[] | null;
  /** What the file's sheets hold so far, against the limits. */
  readonly tally: ReadTally;
}

/** Days between 1900-01-00 and 1904-01-01 in Excel's reckoning. */
const DAYS_1900_TO_1904 = 1462;
const MS_PER_DAY = 86_400_000;
/** Excel's serial number of 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;

const MAX_COLUMNS = READER_LIMITS.columns;
/**
 * A number as SpreadsheetML writes one (xsd:double without INF and NaN): no spaces, no hex,
 * `/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/`.
 */
const INDEX = /^\d{1,10}$/;

function isoDateToSerial(text: string): CellScalar {
  // No zone means local time in SpreadsheetML; the serial number has no zone either.
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}${text.includes('T') ? '' : 'T00:00:00'}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? text : time / MS_PER_DAY + EXCEL_EPOCH_OFFSET_DAYS;
}

/** The number a `<v>` holds, or null: `0x3A`, `1e` or ` 12` are no numbers to Excel. */
export function numberOf(text: string): number | null {
  if (!isDecimal(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** `DECIMAL.test(text)`, by hand: every number cell is tested. */
function isDecimal(text: string): boolean {
  let i = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0; /* + - */
  let digits = 0;
  for (; i < text.length && isDigit(text.charCodeAt(i)); i++) digits++;
  if (text.charCodeAt(i) === 46 /* . */) for (i++; i < text.length && isDigit(text.charCodeAt(i)); i++) digits++;
  if (digits === 0) return false;
  if (i === text.length) return true;
  if ((text.charCodeAt(i) | 32) !== 101 /* e */) return false;
  i++;
  if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45) i++;
  const exponentStart = i;
  for (; i < text.length && isDigit(text.charCodeAt(i)); i++);
  return i === text.length && i > exponentStart;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function booleanOf(text: string): boolean | null {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  return null;
}

interface SharedFormula {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

/** Text gathered from one or more runs, cut at a limit (Excel's, per cell). */
class CappedText {
  /** The text so far: one run is the common case, and allocates nothing more. */
  private text = '';
  private runs = 0;
  /** More text came than the limit: what is kept is cut. */
  overflowed = false;

  constructor(private readonly limit: number) {}

  add(scanner: XmlScanner): void {
    const room = this.limit - this.text.length;
    if (room <= 0) {
      this.overflowed ||= scanner.rawTextLength > 0;
      return;
    }
    const text = scanner.text(room + 1);
    if (text.length > room) this.overflowed = true;
    this.text += text.length > room ? text.slice(0, room) : text;
    this.runs++;
  }

  get empty(): boolean {
    return this.runs === 0;
  }

  value(): string {
    return this.text;
  }

  reset(): void {
    this.text = '';
    this.runs = 0;
    this.overflowed = false;
  }
}

/** What one `<c>` element held, gathered while it is scanned. */
class CellBuilder {
  row = 0;
  col = 0;
  type = '';
  style = 0;
  hasValue = false;
  readonly value = new CappedText(READER_LIMITS.cellText);
  readonly inline = new CappedText(READER_LIMITS.cellText);
  hasFormula = false;
  readonly formula = new CappedText(READER_LIMITS.formulaText);
  sharedIndex: string | undefined = undefined;
  sharedRef: string | undefined = undefined;
  sharedType: string | undefined = undefined;

  reset(row: number, col: number, type: string, style: number): void {
    this.row = row;
    this.col = col;
    this.type = type;
    this.style = style;
    this.hasValue = false;
    this.value.reset();
    this.inline.reset();
    this.hasFormula = false;
    this.formula.reset();
    this.sharedIndex = undefined;
    this.sharedRef = undefined;
    this.sharedType = undefined;
  }

  /** A formula saved without its result: no `<v>`, or an empty one where a number was due. */
  get resultMissing(): boolean {
    return !this.hasValue || (this.value.empty && (this.type === '' || this.type === 'n'));
  }
}

function cellValue(cell: CellBuilder, context: SheetReadContext): CellScalar {
  const type = cell.type;
  if (type === 'inlineStr' || (type === '' && !cell.inline.empty)) {
    const text = decodeExcelEscapes(cell.inline.value());
    return text === '' ? null : text;
  }
  if (!cell.hasValue) return null;
  const value = cell.value.value();
  switch (type) {
    case 's': {
      const text = INDEX.test(value) ? context.sharedStrings[Number(value)] : undefined;
      return text === undefined || text === '' ? null : text;
    }
    case 'str':
    case 'e':
      return value === '' ? null : value;
    case 'b':
      return booleanOf(value);
    case 'd':
      return isoDateToSerial(value.trim());
    default: {
      const number = numberOf(value);
      if (number !== null && context.dateStyles1904?.[cell.style]) return number + DAYS_1900_TO_1904;
      return number;
    }
  }
}

/** The row and column where the next cells go, from the references or following the one before. */
class Position {
  row = -1;
  col = -1;

  startRow(reference: string | undefined): void {
    if (reference === undefined) this.row++;
    else {
      const row = rowNumber(reference);
      if (row < 0) throw new XmlFormatError(`invalid row number "${reference.slice(0, 20)}"`);
      this.row = row - 1;
    }
    if (this.row >= READER_LIMITS.rows) throw new XmlFormatError(`more than ${READER_LIMITS.rows} rows`);
    this.col = -1;
  }

  startCell(reference: string | undefined): void {
    if (reference === undefined) {
      if (++this.col >= MAX_COLUMNS) throw new XmlFormatError(`more than ${MAX_COLUMNS} cells in row ${this.row + 1}`);
      return;
    }
    const position = cellReferencePosition(reference);
    if (position < 0) throw new XmlFormatError(`invalid cell reference "${reference.slice(0, 20)}"`);
    this.row = Math.floor(position / MAX_COLUMNS);
    this.col = position % MAX_COLUMNS;
  }
}

class SheetBuilder {
  readonly rows: (GridCell | null)[][] = [];
  /** How many cells each row holds, so that a row reaching out to XFD is not walked cell by cell. */
  private readonly counts: number[] = [];
  readonly merges: CellRange[] = [];
  /** Formula cells saved without their results, to work out once the sheet is read. */
  readonly uncalculated: FormulaCell[] = [];
  private readonly sharedFormulas = new Map<string, SharedFormula>();

  constructor(private readonly context: SheetReadContext) {}

  private formulaOf(cell: CellBuilder): string | undefined {
    const own = cell.formula.value();
    if (cell.sharedType === 'shared' && cell.sharedIndex !== undefined) {
      if (own !== '') {
        if (cell.sharedRef !== undefined) this.sharedFormulas.set(cell.sharedIndex, { text: own, row: cell.row, col: cell.col });
        return `=${own}`;
      }
      const master = this.sharedFormulas.get(cell.sharedIndex);
      if (master) this.context.tally.addSharedFormula(master.text.length);
      return master ? `=${slideFormula(master.text, cell.row - master.row, cell.col - master.col)}` : undefined;
    }
    return own !== '' ? `=${own}` : undefined;
  }

  finishCell(cell: CellBuilder): void {
    const formula = cell.hasFormula ? this.formulaOf(cell) : undefined;
    const missing = formula !== undefined && cell.resultMissing;
    const value = missing ? null : cellValue(cell, this.context);
    if (formula === undefined && value === null) return;
    this.context.tally.addCell();
    const gridCell: GridCell = formula === undefined ? { value } : { value, formula };
    if (missing) this.uncalculated.push({ row: cell.row, col: cell.col, formula });
    const row = this.rows[cell.row] ?? (this.rows[cell.row] = []);
    if (row[cell.col] === undefined) this.counts[cell.row] = (this.counts[cell.row] ?? 0) + 1;
    row[cell.col] = gridCell;
  }

  addMerge(reference: string | undefined): void {
    const range = parseRangeReference(reference ?? '');
    if (!range) return;
    this.context.tally.addMerge();
    this.merges.push(range);
  }

  snapshot(name: string): SheetSnapshot {
    const rows = withoutMergedOverlaps(this.rows, this.merges, this.counts);
    // What every later pass over the grid visits: each row from column A to its last cell.
    for (const row of rows) if (row) this.context.tally.addRowSpan(row.length);
    // Formulas saved without their results, less those a merge hides.
    fillFormulaResults(rows, this.uncalculated.filter((cell) => rows[cell.row]?.[cell.col] !== undefined));
    return { name, rows, merges: this.merges };
  }
}

/**
 * At a `<c>`: where the cell is, and, unless it is empty (formatting only, the most common kind,
 * which holds no value), a fresh start for what it holds. True when it holds something.
 */
function openCell(scanner: XmlScanner, at: Position, cell: CellBuilder, context: SheetReadContext): boolean {
  at.startCell(scanner.attribute('r'));
  if (scanner.selfClosing) return false;
  const style = context.dateStyles1904 ? Number(scanner.attribute('s') ?? 0) : 0;
  cell.reset(Math.max(at.row, 0), at.col, scanner.attribute('t') ?? '', style);
  return true;
}

/** At an `<f>` inside a cell: the cell has a formula, its own or one it shares (`t="shared"`, `si`, `ref`). */
function openFormula(scanner: XmlScanner, cell: CellBuilder): void {
  cell.hasFormula = true;
  cell.sharedType = scanner.attribute('t');
  cell.sharedIndex = scanner.attribute('si');
  cell.sharedRef = scanner.attribute('ref');
}

export function parseSheetXml(name: string, xml: string, context: SheetReadContext): SheetSnapshot {
  const sheet = new SheetBuilder(context);
  const scanner = new XmlScanner(xml);
  const cell = new CellBuilder();
  const at = new Position();
  let inCell = false;
  let inInline = false;
  let phoneticDepth = 0;
  /** Which text is being gathered: the value, the formula or an inline string run. */
  let capture: CappedText | null = null;

  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === TEXT) {
      capture?.add(scanner);
      if (cell.formula.overflowed) throw new ReaderLimitError(`a formula longer than ${READER_LIMITS.formulaText} characters in ${name}`);
      continue;
    }
    const tag = scanner.name;
    if (token === OPEN) {
      switch (tag) {
        case 'row':
          at.startRow(scanner.attribute('r'));
          break;
        case 'c':
          if (openCell(scanner, at, cell, context)) inCell = true;
          break;
        case 'v':
          if (inCell) {
            cell.hasValue = true;
            if (!scanner.selfClosing) capture = cell.value;
          }
          break;
        case 'f':
          if (!inCell) break;
          openFormula(scanner, cell);
          if (!scanner.selfClosing) capture = cell.formula;
          break;
        case 'is':
          if (inCell && !scanner.selfClosing) inInline = true;
          break;
        case 'rPh':
          if (!scanner.selfClosing) phoneticDepth++;
          break;
        case 't':
          if (inInline && phoneticDepth === 0 && !scanner.selfClosing) capture = cell.inline;
          break;
        case 'mergeCell':
          sheet.addMerge(scanner.attribute('ref'));
          break;
        default:
          break;
      }
    } else if (token === CLOSE) {
      switch (tag) {
        case 'v':
        case 't':
        case 'f':
          capture = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phoneticDepth = Math.max(0, phoneticDepth - 1);
          break;
        case 'c':
          if (inCell) sheet.finishCell(cell);
          inCell = false;
          capture = null;
          inInline = false;
          break;
        default:
          break;
      }
    }
  }
  return sheet.snapshot(name);
}
