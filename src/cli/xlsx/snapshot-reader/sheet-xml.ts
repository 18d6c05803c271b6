/**
 * One worksheet part as a grid snapshot: the values and formulas of `<sheetData>` and the
 * areas of `<mergeCells>`. Cell types as SpreadsheetML defines them: shared (`s`) and inline
 * strings, formula string results (`str`), booleans, errors (as their text, `#REF!`), ISO
 * dates (`d`) and numbers. Rows and cells without a reference follow the one before.
 */
import type { CellRange, CellScalar, GridCell, SheetSnapshot } from '../../../core';
import { decodeExcelEscapes } from './shared-strings';
import { slideFormula } from './shared-formulas';
import { CLOSE, END, OPEN, TEXT, XmlScanner } from './xml-scanner';

export interface SheetReadContext {
  readonly sharedStrings: readonly string[];
  /**
   * Set for workbooks dated from 1904: for each style index, whether it shows a date. Such
   * dates are read as the 1900-based serial numbers that the rules expect.
   */
  readonly dateStyles1904: readonly boolean[] | null;
}

/** Days between 1900-01-00 and 1904-01-01 in Excel's reckoning. */
const DAYS_1900_TO_1904 = 1462;
const MS_PER_DAY = 86_400_000;
/** Excel's serial number of 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;

const MAX_COLUMNS = 16_384;

/**
 * A cell reference (`AB12`, `$AB$12`) as `row * 16384 + column`, 0-based, or -1. By hand,
 * not by regular expression: every cell and merge has one.
 */
function cellReferencePosition(reference: string): number {
  let i = reference.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let column = 0;
  let letters = 0;
  for (; i < reference.length; i++, letters++) {
    const code = reference.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (letters === 0 || letters > 3 || column > MAX_COLUMNS) return -1;
  if (reference.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsStart = i;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    row = row * 10 + (code - 48);
  }
  if (i === digitsStart || row < 1 || row > 1_048_576) return -1;
  return (row - 1) * MAX_COLUMNS + (column - 1);
}

/** A range such as `C3:D4` (or one cell) as a 0-based range. */
function parseRangeReference(reference: string): CellRange | null {
  const colon = reference.indexOf(':');
  const start = cellReferencePosition(colon < 0 ? reference : reference.slice(0, colon));
  const end = colon < 0 ? start : cellReferencePosition(reference.slice(colon + 1));
  if (start < 0 || end < 0) return null;
  const [top, left] = [Math.floor(start / MAX_COLUMNS), start % MAX_COLUMNS];
  const [bottom, right] = [Math.floor(end / MAX_COLUMNS), end % MAX_COLUMNS];
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

function isoDateToSerial(text: string): CellScalar {
  // No zone means local time in SpreadsheetML; the serial number has no zone either.
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}${text.includes('T') ? '' : 'T00:00:00'}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? text : time / MS_PER_DAY + EXCEL_EPOCH_OFFSET_DAYS;
}

function numberOf(text: string): CellScalar {
  const value = Number(text);
  return text.trim() === '' || Number.isNaN(value) ? null : value;
}

interface SharedFormula {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

/** What one `<c>` element held, gathered while it is scanned. */
class CellBuilder {
  row = 0;
  col = 0;
  type = '';
  style = 0;
  value: string | null = null;
  inline: string[] = [];
  hasFormula = false;
  formula: string | null = null;
  sharedIndex: string | undefined = undefined;
  sharedRef: string | undefined = undefined;
  sharedType: string | undefined = undefined;

  reset(row: number, col: number, type: string, style: number): void {
    this.row = row;
    this.col = col;
    this.type = type;
    this.style = style;
    this.value = null;
    this.inline = [];
    this.hasFormula = false;
    this.formula = null;
    this.sharedIndex = undefined;
    this.sharedRef = undefined;
    this.sharedType = undefined;
  }
}

export function parseSheetXml(name: string, xml: string, context: SheetReadContext): SheetSnapshot {
  const rows: (GridCell | null)[][] = [];
  const merges: CellRange[] = [];
  const sharedFormulas = new Map<string, SharedFormula>();
  const scanner = new XmlScanner(xml);
  const cell = new CellBuilder();

  let rowIndex = -1;
  let colIndex = -1;
  let inCell = false;
  let inInline = false;
  let phoneticDepth = 0;
  /** Which text is being gathered: the value, the formula or an inline string run. */
  let capture: 'v' | 'f' | 't' | null = null;
  let formulaText: string[] = [];

  const cellValue = (): CellScalar => {
    const { type, value } = cell;
    if (type === 'inlineStr' || (type === '' && cell.inline.length > 0)) {
      const text = decodeExcelEscapes(cell.inline.join(''));
      return text === '' ? null : text;
    }
    if (value === null) return null;
    switch (type) {
      case 's': {
        const text = context.sharedStrings[Number(value)];
        return text === undefined || text === '' ? null : text;
      }
      case 'str':
      case 'e':
        return value === '' ? null : value;
      case 'b':
        return value.trim() === '' ? null : Number(value) !== 0;
      case 'd':
        return isoDateToSerial(value.trim());
      default: {
        const number = numberOf(value);
        if (typeof number === 'number' && context.dateStyles1904?.[cell.style]) return number + DAYS_1900_TO_1904;
        return number;
      }
    }
  };

  const formulaOf = (): string | undefined => {
    const own = cell.formula;
    if (cell.sharedType === 'shared' && cell.sharedIndex !== undefined) {
      if (own !== null && own !== '') {
        if (cell.sharedRef !== undefined) sharedFormulas.set(cell.sharedIndex, { text: own, row: cell.row, col: cell.col });
        return `=${own}`;
      }
      const master = sharedFormulas.get(cell.sharedIndex);
      return master ? `=${slideFormula(master.text, cell.row - master.row, cell.col - master.col)}` : undefined;
    }
    return own !== null && own !== '' ? `=${own}` : undefined;
  };

  const finishCell = (): void => {
    inCell = false;
    const value = cellValue();
    const formula = cell.hasFormula ? formulaOf() : undefined;
    if (formula === undefined && value === null) return;
    const gridCell: GridCell = formula === undefined ? { value } : { value, formula };
    const row = rows[cell.row] ?? (rows[cell.row] = []);
    row[cell.col] = gridCell;
  };

  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === TEXT) {
      if (capture === 'v') cell.value = (cell.value ?? '') + scanner.text();
      else if (capture === 'f') formulaText.push(scanner.text());
      else if (capture === 't') cell.inline.push(scanner.text());
      continue;
    }
    const tag = scanner.name;
    if (token === OPEN) {
      switch (tag) {
        case 'row': {
          const r = scanner.attribute('r');
          rowIndex = r === undefined ? rowIndex + 1 : Number(r) - 1;
          colIndex = -1;
          break;
        }
        case 'c': {
          const reference = scanner.attribute('r');
          const position = reference === undefined ? -1 : cellReferencePosition(reference);
          if (position >= 0) {
            rowIndex = Math.floor(position / MAX_COLUMNS);
            colIndex = position % MAX_COLUMNS;
          } else colIndex++;
          // A cell with nothing inside (formatting only, the most common kind) holds no value.
          if (scanner.selfClosing) break;
          const style = context.dateStyles1904 ? Number(scanner.attribute('s') ?? 0) : 0;
          cell.reset(Math.max(rowIndex, 0), colIndex, scanner.attribute('t') ?? '', style);
          inCell = true;
          break;
        }
        case 'v':
          if (inCell && !scanner.selfClosing) {
            capture = 'v';
            cell.value = '';
          }
          break;
        case 'f':
          if (!inCell) break;
          cell.hasFormula = true;
          cell.sharedType = scanner.attribute('t');
          cell.sharedIndex = scanner.attribute('si');
          cell.sharedRef = scanner.attribute('ref');
          formulaText = [];
          cell.formula = '';
          if (!scanner.selfClosing) capture = 'f';
          break;
        case 'is':
          if (inCell && !scanner.selfClosing) inInline = true;
          break;
        case 'rPh':
          if (!scanner.selfClosing) phoneticDepth++;
          break;
        case 't':
          if (inInline && phoneticDepth === 0 && !scanner.selfClosing) capture = 't';
          break;
        case 'mergeCell': {
          const range = parseRangeReference(scanner.attribute('ref') ?? '');
          if (range) merges.push(range);
          break;
        }
        default:
          break;
      }
    } else if (token === CLOSE) {
      switch (tag) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'f':
          capture = null;
          cell.formula = formulaText.join('');
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phoneticDepth = Math.max(0, phoneticDepth - 1);
          break;
        case 'c':
          if (inCell) finishCell();
          capture = null;
          inInline = false;
          break;
        default:
          break;
      }
    }
  }
  return { name, rows: withoutMergedOverlaps(rows, merges), merges };
}

/** Only the top-left cell of a merged area keeps its value, as in Excel. */
function withoutMergedOverlaps(rows: (GridCell | null)[][], merges: readonly CellRange[]): (GridCell | null)[][] {
  if (merges.length === 0) return rows;
  for (const merge of merges) {
    for (let r = merge.top; r <= merge.bottom && r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = merge.left; c <= merge.right && c < row.length; c++) {
        if ((r !== merge.top || c !== merge.left) && row[c] !== undefined) delete row[c];
      }
    }
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let length = row.length;
    while (length > 0 && row[length - 1] === undefined) length--;
    if (length === 0) delete rows[r];
    else row.length = length;
  }
  let length = rows.length;
  while (length > 0 && rows[length - 1] === undefined) length--;
  rows.length = length;
  return rows;
}
