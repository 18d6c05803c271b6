/**
 * Reads what the check needs from an `.xlsx` file — each worksheet's values, formulas and
 * merged areas — straight from the package's XML. Loading the whole workbook with ExcelJS
 * (styles, validations, conditional formats, cell objects) costs several times more and is
 * needed only for an annotated copy; files saved by Excel, WPS and LibreOffice read the same
 * either way (a test compares the two readers).
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../../core';
import { notAZipPackage, readFailure, readFileBytes, WORKBOOK_PART, type ReadFailure } from '../package-file';
import { ReadTally, ReaderLimitError } from './limits';
import { decodePart } from './part-text';
import { parseSharedStrings } from './shared-strings';
import { parseSheetXml } from './sheet-xml';
import { parseDateStyles, parseWorkbookParts } from './workbook-parts';
import { XmlFormatError } from './xml-scanner';
import { ZipFormatError, ZipReader } from './zip-reader';

export interface SnapshotRead {
  readonly ok: true;
  readonly snapshot: WorkbookSnapshot;
  /** The file's bytes, for a caller that goes on to load the workbook for an annotated copy. */
  readonly bytes: Buffer;
}

export type SnapshotReadResult = SnapshotRead | ReadFailure;

function partText(zip: ZipReader, path: string): string | null {
  const data = zip.data(path);
  return data === null ? null : decodePart(data, path);
}

function requiredPart(zip: ZipReader, path: string): string {
  const text = partText(zip, path);
  if (text === null) throw new ZipFormatError(`no ${path} in the package`);
  return text;
}

function snapshotOfPackage(zip: ZipReader): WorkbookSnapshot {
  const parts = parseWorkbookParts(requiredPart(zip, WORKBOOK_PART), partText(zip, 'xl/_rels/workbook.xml.rels'));
  const sharedStringsXml = parts.sharedStringsPath === null ? null : partText(zip, parts.sharedStringsPath);
  const sharedStrings = sharedStringsXml === null ? [] : parseSharedStrings(sharedStringsXml);
  const stylesXml = parts.date1904 && parts.stylesPath !== null ? partText(zip, parts.stylesPath) : null;
  const dateStyles1904 = parts.date1904 ? (stylesXml === null ? [] : parseDateStyles(stylesXml)) : null;
  const context = { sharedStrings, dateStyles1904, tally: new ReadTally() };
  // A part named by several sheets is read once (and counted once against the limits).
  const read = new Map<string, SheetSnapshot>();
  const sheets: SheetSnapshot[] = parts.sheets.map((sheet) => {
    const known = read.get(sheet.path.toLowerCase());
    if (known) return { ...known, name: sheet.name };
    const snapshot = parseSheetXml(sheet.name, requiredPart(zip, sheet.path), context);
    read.set(sheet.path.toLowerCase(), snapshot);
    return snapshot;
  });
  return { sheets };
}

/**
 * The package's damage or excess as a reason; anything else is a defect of the reader, which
 * the batch reports as such.
 */
function packageFailure(error: unknown): ReadFailure {
  if (error instanceof ReaderLimitError) return readFailure('beyond_limits', error.message);
  if (error instanceof ZipFormatError || error instanceof XmlFormatError) return readFailure('corrupt_file', error.message);
  throw error;
}

export function readSnapshotBytes(bytes: Buffer): SnapshotReadResult {
  const notZip = notAZipPackage(bytes);
  if (notZip) return notZip;
  let snapshot: WorkbookSnapshot;
  try {
    const zip = new ZipReader(bytes);
    if (!zip.has(WORKBOOK_PART)) return readFailure('not_a_workbook', `no ${WORKBOOK_PART} in the package`);
    snapshot = snapshotOfPackage(zip);
  } catch (error) {
    return packageFailure(error);
  }
  if (snapshot.sheets.length === 0) return readFailure('not_a_workbook', 'no worksheets');
  return { ok: true, snapshot, bytes };
}

/**
 * Why a package is not safe to hand to a reader without limits (every part unpacked within
 * the budgets, CRC-checked, none shared or overlapping), or null when it is.
 */
export function unsafePackage(bytes: Buffer): ReadFailure | null {
  try {
    new ZipReader(bytes).verifyAll();
    return null;
  } catch (error) {
    return packageFailure(error);
  }
}

export function readSnapshotFile(path: string): SnapshotReadResult {
  const bytes = readFileBytes(path);
  return Buffer.isBuffer(bytes) ? readSnapshotBytes(bytes) : bytes;
}
