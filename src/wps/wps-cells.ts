/**
 * Cells as WPS gives them, as the checker wants them: `Value2` and `Formula` of a range read
 * once each (a scalar for one cell, rows for several), error cells' CVErr codes as their
 * texts (`#DIV/0!`, as Excel shows them), addresses between A1 text and rectangles.
 */
import { absoluteA1, columnLetters, rangeToA1, type CellRange } from '../core';
import { parseAreasAddress } from '../host/areas';
import { CV_ERRORS, type WpsCellValue, type WpsFormula, type WpsRange, type WpsValue2, type WpsWorksheet } from './wps-api';

export type CellText = string | number | boolean | null;

/** One cell's value for the checker: an error code becomes its text, an empty cell null. */
export function cellValue(value: WpsCellValue): CellText {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return CV_ERRORS.get(value) ?? value;
  return value;
}

/** `Value2` as rows, whatever its shape (one cell reads as a scalar). */
export function valueRows(value: WpsValue2): CellText[][] {
  if (Array.isArray(value)) return value.map((row) => row.map(cellValue));
  return [[cellValue(value)]];
}

/** `Formula` as rows. */
export function formulaRows(formula: WpsFormula): string[][] {
  return Array.isArray(formula) ? formula : [[formula]];
}

/** A range's extent from its address (`$B$3:$H$40`, or `$B$3` for one cell); null for anything else. */
export function extentOf(range: WpsRange): CellRange | null {
  return parseAreasAddress(range.Address(false, false))[0] ?? null;
}

/** Whole rows (`5:7`) in an address, as 0-based rows. */
export function wholeRows(address: string): { readonly top: number; readonly bottom: number } | null {
  const match = /^\$?(\d+):\$?(\d+)$/.exec(address.trim());
  return match ? { top: Number(match[1]) - 1, bottom: Number(match[2]) - 1 } : null;
}

/** Whole columns (`A:C`) in an address. */
export function isWholeColumns(address: string): boolean {
  return /^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/i.test(address.trim());
}

/** Longest address `Worksheet.Range` takes (VBA, "Worksheet.Range property": 255 characters). */
export const MAX_RANGE_ADDRESS_CHARS = 255;

/** Areas joined by commas in chunks `Worksheet.Range` takes. */
export function addressChunks(areas: readonly CellRange[], format: (area: CellRange) => string = rangeToA1): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const area of areas) {
    const address = format(area);
    const next = current ? `${current},${address}` : address;
    if (current && next.length > MAX_RANGE_ADDRESS_CHARS) {
      chunks.push(current);
      current = address;
    } else current = next;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** The ranges of several areas, as few `Range` calls as the address limit allows. */
export function rangesOf(sheet: WpsWorksheet, areas: readonly CellRange[], format?: (area: CellRange) => string): WpsRange[] {
  return addressChunks(areas, format).map((address) => sheet.Range(address));
}

/** `A:A` for columns, `3:3` for rows (0-based in). */
export function columnsAddress(area: { readonly left: number; readonly right: number }): string {
  return `${columnLetters(area.left)}:${columnLetters(area.right)}`;
}

export function rowsAddress(area: { readonly top: number; readonly bottom: number }): string {
  return `${area.top + 1}:${area.bottom + 1}`;
}

/** `'项目 (2)'!$A$1`: a reference to a cell of a sheet, for a name's RefersTo. */
export function sheetReference(sheetName: string, row: number, col: number): string {
  return `='${sheetName.replace(/'/g, "''")}'!${absoluteA1(row, col)}`;
}
