/**
 * Saving a workbook written with ExcelJS. ExcelJS writes every defined name as a
 * workbook-global name; the form marker (`PerfTargetForm_department_v1`) must be
 * sheet-scoped (`localSheetId`) so that several form sheets can each carry one, as the
 * add-in writes them. So the saved package is post-processed: each marker name that refers
 * to cells on several sheets is split into one sheet-scoped name per sheet.
 */
import { writeFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { splitReferenceList } from '../../core';
import { WORKBOOK_PART } from './package-file';

export const MARKER_NAME_PREFIX = 'PerfTargetForm_';


function unescapeXml(text: string): string {
  return text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The sheet name of a reference such as `'部门表'!$A$1` or `Sheet1!$A$1`. */
function sheetOfReference(reference: string): string | null {
  const quoted = /^'((?:[^']|'')+)'!/.exec(reference);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!]+)!/.exec(reference);
  return plain ? plain[1] : null;
}

/** Rewrites `xl/workbook.xml`: marker names become sheet-scoped, one per sheet. */
export function scopeMarkerNamesInWorkbookXml(xml: string): string {
  const sheetNames = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((match) => unescapeXml(match[1]));
  const namePattern = new RegExp(`<definedName name="(${MARKER_NAME_PREFIX}[^"]*)"(?: localSheetId="\\d+")?>([^<]*)</definedName>`, 'g');
  return xml.replace(namePattern, (whole, name: string, body: string) => {
    const scoped: string[] = [];
    for (const reference of splitReferenceList(unescapeXml(body))) {
      const sheetIndex = sheetNames.indexOf(sheetOfReference(reference) ?? '');
      // A reference to no known sheet is left as it was: nothing to scope it to.
      if (sheetIndex < 0) return whole;
      scoped.push(`<definedName name="${name}" localSheetId="${sheetIndex}">${escapeXml(reference)}</definedName>`);
    }
    return scoped.join('');
  });
}

export async function scopeMarkerNames(packageBytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(packageBytes);
  const part = zip.file(WORKBOOK_PART);
  if (!part) return packageBytes;
  const xml = await part.async('string');
  const scoped = scopeMarkerNamesInWorkbookXml(xml);
  if (scoped === xml) return packageBytes;
  zip.file(WORKBOOK_PART, scoped);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function workbookToBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer();
  return scopeMarkerNames(Buffer.from(written as ArrayBuffer));
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  await writeFile(path, await workbookToBuffer(workbook));
}
