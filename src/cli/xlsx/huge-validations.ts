/**
 * ExcelJS expands every data validation into one entry per cell when it reads a file: a
 * validation over a whole column (D:D, common in real workbooks) costs seconds and hundreds
 * of megabytes, one over whole rows of columns exhausts memory. Checking needs no
 * validations, so those that cover more than `MAX_VALIDATION_CELLS` cells are dropped from
 * the package before ExcelJS reads it (an annotated copy is then written without them).
 */
import JSZip from 'jszip';
import { columnIndex } from '../../core';

export const MAX_VALIDATION_CELLS = 100_000;

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const VALIDATION = /<(?:x14:)?dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:x14:)?dataValidation>)/g;

/** Cells covered by a space-separated `sqref` (`D5:D10 F7`); whole columns and rows count fully. */
export function sqrefCellCount(sqref: string): number {
  let total = 0;
  for (const area of sqref.trim().split(/\s+/)) {
    const [from, to = from] = area.replace(/\$/g, '').toUpperCase().split(':');
    const a = /^([A-Z]*)(\d*)$/.exec(from);
    const b = /^([A-Z]*)(\d*)$/.exec(to);
    if (!a || !b) continue;
    const cols = a[1] && b[1] ? Math.abs(columnIndex(b[1]) - columnIndex(a[1])) + 1 : 16_384;
    const rows = a[2] && b[2] ? Math.abs(Number(b[2]) - Number(a[2])) + 1 : 1_048_576;
    total += cols * rows;
  }
  return total;
}

function sqrefOf(element: string): string {
  return /\bsqref="([^"]*)"/.exec(element)?.[1] ?? /<xm:sqref>([^<]*)<\/xm:sqref>/.exec(element)?.[1] ?? '';
}

/** The sheet XML without its huge validations, or null when it has none. */
export function dropHugeValidations(xml: string): string | null {
  if (!xml.includes('dataValidation')) return null;
  let dropped = false;
  const kept = xml.replace(VALIDATION, (element) => {
    if (sqrefCellCount(sqrefOf(element)) <= MAX_VALIDATION_CELLS) return element;
    dropped = true;
    return '';
  });
  return dropped ? kept : null;
}

/** The package with huge validations dropped; the same bytes when there are none. */
export async function withoutHugeValidations(zip: JSZip, bytes: Buffer): Promise<Buffer> {
  let changed = false;
  for (const name of Object.keys(zip.files).filter((path) => SHEET_PART.test(path))) {
    const part = zip.file(name);
    if (!part) continue;
    const replaced = dropHugeValidations(await part.async('string'));
    if (replaced !== null) {
      zip.file(name, replaced);
      changed = true;
    }
  }
  // STORE: the package is read back at once; compressing it again would only cost time.
  return changed ? zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }) : bytes;
}
