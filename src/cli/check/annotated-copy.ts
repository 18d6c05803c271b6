/**
 * Writes the annotated copy of a checked file: loads the whole workbook with ExcelJS (the
 * check itself reads only values), highlights the issues' cells, adds the 检查结果 sheet and
 * saves it under the target path. Loaded on first use, so that a plain `check` never pays
 * for loading ExcelJS.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CliStrings } from '../messages';
import { readWorkbookBytes } from '../xlsx/read-workbook';
import { saveWorkbook } from '../xlsx/save-workbook';
import { annotateWorkbook } from './annotate';
import type { FormReport } from './file-report';

export type AnnotatedCopyResult = { readonly ok: true } | { readonly ok: false; readonly detail: string };

/** `source` names the file checked, on the copy's 检查结果 sheet. */
export async function writeAnnotatedCopy(bytes: Buffer, forms: readonly FormReport[], strings: CliStrings, target: string, source: string): Promise<AnnotatedCopyResult> {
  const read = await readWorkbookBytes(bytes);
  // The snapshot reader opened these bytes; ExcelJS may still find a part it cannot load.
  if (!read.ok) return { ok: false, detail: `${read.code}: ${read.detail}` };
  annotateWorkbook(read.workbook, forms, strings, source);
  try {
    await mkdir(dirname(target), { recursive: true });
    await saveWorkbook(read.workbook, target);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true };
}
