/**
 * Helpers for the command line's tests: workbooks written and read with ExcelJS, temp
 * folders, and the real command line run as a child process.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { parseA1, toA1 } from '../../../src/core/grid/address';

export const ROOT = resolve(__dirname, '../../..');
export const CLI_BUNDLE = join(ROOT, 'dist/cli/cli.js');

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `perf-target-forms-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** ExcelJS keeps a sheet's conditional formats in a member its typings do not declare. */
export function conditionalFormatsOf(worksheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (worksheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

/** The cells of a space-separated multi-area reference (`D5:F5 E18`), as A1 addresses. */
export function cellsOfRef(ref: string): string[] {
  const cells: string[] = [];
  for (const part of ref.split(/\s+/).filter(Boolean)) {
    const [from, to = from] = part.split(':');
    const start = parseA1(from);
    const end = parseA1(to);
    if (!start || !end) throw new Error(`bad reference ${part}`);
    for (let row = start.row; row <= end.row; row++) {
      for (let col = start.col; col <= end.col; col++) cells.push(toA1(row, col));
    }
  }
  return cells;
}

/**
 * Builds the command line bundle when it is missing or stale (the bin script's own check),
 * once per test file; the tests then run the bundle directly.
 */
export function ensureCliBundle(): string {
  execFileSync(process.execPath, [join(ROOT, 'bin/perf-target-forms.js'), '--help'], { cwd: ROOT, stdio: 'ignore' });
  return CLI_BUNDLE;
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliProcessOptions {
  readonly cwd?: string;
  /** Added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Run as this user (when the tests run as root, so that file permissions apply). */
  readonly uid?: number;
  readonly gid?: number;
}

export function runCliProcess(args: readonly string[], options: CliProcessOptions = {}): Promise<CliRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
      cwd: options.cwd ?? ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
  });
}
