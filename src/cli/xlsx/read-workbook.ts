/**
 * Reads an `.xlsx` workbook with ExcelJS into the core's `WorkbookSnapshot`. Files saved by
 * Excel, WPS and LibreOffice read the same way: formula cells give their formula and cached
 * result, rich text and hyperlinks give their plain text, dates give Excel serial numbers
 * (the rules read serials), error values give their text (`#REF!`).
 *
 * `check` reads its snapshots with the faster `snapshot-reader`; this reader is for writing
 * annotated copies, which need the whole ExcelJS workbook. A file that cannot be read is a
 * result (`ReadFailure`), never an exception.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnIndex, fillFormulaResults, type CellRange, type CellScalar, type FormulaCell, type GridCell, type SheetSnapshot, type WorkbookSnapshot } from '../../core';
import { withoutHugeValidations } from './huge-validations';
import { errorText, notAZipPackage, readFailure, WORKBOOK_PART, type ReadFailure } from './package-file';
import { unsafePackage } from './snapshot-reader/read-snapshot';

export interface ReadSuccess {
  readonly ok: true;
  readonly snapshot: WorkbookSnapshot;
  /** The loaded workbook, for callers that write an annotated copy of it. */
  readonly workbook: ExcelJS.Workbook;
}

export type ReadResult = ReadSuccess | ReadFailure;

/** Days between Excel's epoch (1899-12-30, with its 1900 leap-year quirk) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

/** Excel's serial number of a date that ExcelJS read (ExcelJS makes dates in UTC). */
function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET_DAYS;
}

function isRichText(value: unknown): value is ExcelJS.CellRichTextValue {
  return typeof value === 'object' && value !== null && Array.isArray((value as ExcelJS.CellRichTextValue).richText);
}

function isErrorValue(value: unknown): value is ExcelJS.CellErrorValue {
  return typeof value === 'object' && value !== null && typeof (value as ExcelJS.CellErrorValue).error === 'string';
}

function richTextToPlain(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text).join('');
}

/** A plain value (a cell's own value or a formula's cached result) as a grid scalar. */
function toScalar(value: unknown): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if (isRichText(value)) return richTextToPlain(value);
  if (isErrorValue(value)) return value.error;
  return null;
}

/** The grid cell of an ExcelJS cell, or null for a blank one. */
function toGridCell(cell: ExcelJS.Cell): GridCell | null {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      // The value of a merged area lives in its top-left cell only (ExcelJS repeats it in every cell).
      return null;
    case ExcelJS.ValueType.Formula: {
      const formula = cell.formula;
      const value = toScalar(cell.result);
      return formula ? { value, formula: `=${formula}` } : { value };
    }
    case ExcelJS.ValueType.Hyperlink: {
      const { text } = cell.value as ExcelJS.CellHyperlinkValue;
      const plain = isRichText(text) ? richTextToPlain(text) : text;
      return plain === undefined || plain === '' ? null : { value: plain };
    }
    default: {
      const value = toScalar(cell.value);
      return value === null || value === '' ? null : { value };
    }
  }
}

function parseRangeA1(range: string): CellRange | null {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range.toUpperCase());
  if (!match) return null;
  const top = Number(match[2]) - 1;
  const left = columnIndex(match[1]);
  return match[3] ? { top, left, bottom: Number(match[4]) - 1, right: columnIndex(match[3]) } : { top, left, bottom: top, right: left };
}

/** A worksheet as a grid snapshot: values, formulas and merged areas. */
function worksheetToSnapshot(worksheet: ExcelJS.Worksheet): SheetSnapshot {
  const rows: (GridCell | null)[][] = [];
  const pending: FormulaCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (GridCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const gridCell = toGridCell(cell);
      if (!gridCell) return;
      cells[colNumber - 1] = gridCell;
      if (gridCell.formula !== undefined && cell.type === ExcelJS.ValueType.Formula && cell.result === undefined) pending.push({ row: rowNumber - 1, col: colNumber - 1, formula: gridCell.formula });
    });
    if (cells.length > 0) rows[rowNumber - 1] = cells;
  });
  // Formulas saved without their results (ExcelJS then has none).
  fillFormulaResults(rows, pending);
  const merges: CellRange[] = [];
  for (const range of worksheet.model.merges ?? []) {
    const parsed = parseRangeA1(range);
    if (parsed) merges.push(parsed);
  }
  return { name: worksheet.name, rows, merges };
}

function workbookToSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: workbook.worksheets.map(worksheetToSnapshot) };
}

/** Reads a workbook from its bytes. */
export async function readWorkbookBytes(bytes: Buffer): Promise<ReadResult> {
  const notZip = notAZipPackage(bytes);
  if (notZip) return notZip;
  // JSZip and ExcelJS unpack every part without limits: the package is held to the reader's first.
  const unsafe = unsafePackage(bytes);
  if (unsafe) return unsafe;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (zipError) {
    return readFailure('corrupt_file', errorText(zipError));
  }
  if (!zip.file(WORKBOOK_PART)) return readFailure('not_a_workbook', `no ${WORKBOOK_PART} in the package`);
  const workbook = new ExcelJS.Workbook();
  try {
    const readable = await withoutHugeValidations(zip, bytes);
    await workbook.xlsx.load(readable as unknown as ExcelJS.Buffer);
  } catch (loadError) {
    // The package opened but a part of it did not: damaged inside.
    return readFailure('corrupt_file', errorText(loadError));
  }
  if (workbook.worksheets.length === 0) return readFailure('not_a_workbook', 'no worksheets');
  return { ok: true, snapshot: workbookToSnapshot(workbook), workbook };
}
