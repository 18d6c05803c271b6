/**
 * Checks one workbook file: read its values, check with the core, turn issues into words,
 * and write the annotated copy when asked. Runs in a worker process or in this one; never throws for
 * a bad file (the problem is in the report).
 */
import { realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkWorkbook, type CheckOptions, type Lang, type WorkbookCheckResult, formatIssue, TEMPLATES } from '../../core';
import { cliStrings } from '../messages';
import { readSnapshotBytes } from '../xlsx/snapshot-reader/read-snapshot';
import type { CheckTask, FileReport, FormReport } from './file-report';
import { readInputFile } from './input-file';

export function toFormReports(result: WorkbookCheckResult, lang: Lang): FormReport[] {
  return result.forms.map(({ form, issues }) => ({
    sheet: form.sheet,
    template: TEMPLATES[form.template].kind,
    layout: form.template,
    year: form.year,
    issues: issues.map((issue) => ({
      code: issue.code,
      severity: issue.severity,
      cells: [...issue.cells],
      message: formatIssue(issue, lang),
      sheet: issue.sheet ?? form.sheet,
    })),
  }));
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const real = async (path: string): Promise<string> => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

export async function checkFile(task: CheckTask): Promise<FileReport> {
  const strings = cliStrings(task.lang);
  const input = readInputFile(task.file);
  if (!input.ok) return { file: task.file, forms: [], otherSheets: [], problem: { code: input.code, message: strings.fileProblem[input.code] } };
  const read = readSnapshotBytes(input.bytes);
  if (!read.ok) {
    return { file: task.file, forms: [], otherSheets: [], problem: { code: read.code, message: strings.fileProblem[read.code] } };
  }
  const options: CheckOptions = task.today ? { today: new Date(task.today) } : {};
  const result = checkWorkbook(read.snapshot, options);
  const forms = toFormReports(result, task.lang);
  const otherSheets = [...result.otherSheets];
  if (forms.length === 0) {
    return { file: task.file, forms, otherSheets, problem: { code: 'no_form', message: strings.fileProblem.no_form } };
  }
  const hasIssues = forms.some((form) => form.issues.length > 0);
  if (!task.annotateTo || !hasIssues) return { file: task.file, forms, otherSheets };

  // The callers refuse such a target before starting; this guards the input all the same.
  if (await samePath(task.file, task.annotateTo)) {
    return { file: task.file, forms, otherSheets, problem: { code: 'annotate_failed', message: strings.annotateCollision(task.file, task.annotateTo) } };
  }
  const { writeAnnotatedCopy } = await import(/* webpackChunkName: "annotated-copy" */ './annotated-copy');
  const written = await writeAnnotatedCopy(read.bytes, forms, strings, { target: task.annotateTo, folder: task.annotateFolder ?? dirname(task.annotateTo) });
  if (!written.ok) {
    return { file: task.file, forms, otherSheets, problem: { code: 'annotate_failed', message: `${strings.fileProblem.annotate_failed}: ${written.detail}` } };
  }
  return { file: task.file, forms, otherSheets, annotatedCopy: task.annotateTo };
}

/**
 * `checkFile`, with an unexpected failure (a defect met on some file) reported for that file
 * instead of ending the batch: the batch goes on and the run exits with 2.
 */
export async function checkFileSafe(task: CheckTask): Promise<FileReport> {
  try {
    return await checkFile(task);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { file: task.file, forms: [], otherSheets: [], problem: { code: 'check_failed', message: `${cliStrings(task.lang).fileProblem.check_failed}: ${detail}` } };
  }
}
