/**
 * The command line's batch check: 200 filled forms written once with the CLI's own writer
 * (`writePlanToWorksheet` + `saveWorkbook`), half of them with a project form beside the
 * department form, three in four with mistakes. Then, in the same run:
 *   - loading the files with ExcelJS alone (the floor: reading .xlsx is most of the work),
 *   - the CLI's check on one core (`runChecks` with jobs 1: read, snapshot, check, messages),
 *   - the CLI's check on every core (worker processes, `--jobs` = cores).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { toFormReports } from '../src/cli/check/check-file';
import { runChecks } from '../src/cli/check/run-checks';
import { workbookToSnapshot } from '../src/cli/xlsx/read-workbook';
import type { CheckTask, FileReport } from '../src/cli/check/file-report';
import { saveWorkbook } from '../src/cli/xlsx/save-workbook';
import { writePlanToWorksheet } from '../src/cli/xlsx/write-plan';
import { checkForms } from '../src/core/check/check-forms';
import type { WorkbookCheckResult } from '../src/core/check/types';
import { extractForms } from '../src/core/extract';
import type { ExtractedForm } from '../src/core/forms/form-data';
import type { WorkbookSnapshot } from '../src/core/grid/grid';
import { buildLayoutPlan } from '../src/core/layout/build-layout-plan';
import type { LayoutPlan, PlanCell } from '../src/core/layout/layout-plan';
import { round } from './stats';

export interface CliBench {
  readonly files: number;
  readonly checkSeconds: number;
  readonly loadOnlySeconds: number;
  /** check / load-only; the goal is ≤ 1.2. */
  readonly ratio: number;
  readonly parallelSeconds: number;
  readonly jobs: number;
}

/** Where the check's time goes beyond loading, per phase over all files (seconds, one core). */
export interface CheckPhases {
  readonly snapshotSeconds: number;
  readonly extractSeconds: number;
  readonly rulesSeconds: number;
  readonly messagesSeconds: number;
}

export interface CliBenchDetail {
  readonly writeSeconds: number;
  /** CPU seconds of the process (all threads), less disturbed than wall time on a busy machine. */
  readonly loadOnlyCpuSeconds: number;
  readonly checkCpuSeconds: number;
  readonly parallelCpuSeconds: number;
  readonly phases: CheckPhases;
  readonly errors: number;
  readonly warnings: number;
  readonly filesWithErrors: number;
}

export const CLI_FILES = 200;
export const CLI_RATIO_GOAL = 1.2;

/** A report the bench did not expect: the batch it timed was not the batch it meant to time. */
export class UnexpectedReportError extends Error {
  constructor(detail: string) {
    super(`cli bench: ${detail}`);
    this.name = 'UnexpectedReportError';
  }
}

/** The plan with the input cells of some fields given other values. */
function withFieldValues(plan: LayoutPlan, values: Readonly<Record<string, string | number | null>>): LayoutPlan {
  const cells = plan.cells.map((cell): PlanCell => {
    if (cell.field === undefined || !(cell.field in values)) return cell;
    const value = values[cell.field];
    const { value: _old, ...rest } = cell;
    return value === null ? rest : { ...rest, value };
  });
  return { ...plan, cells };
}

/** The mistakes of file `index`: none for every fourth file, else one of three kinds. */
function departmentVariant(index: number): Record<string, string | number | null> {
  const name = `衡阳市第${index + 1}局`;
  switch (index % 4) {
    case 0:
      return { departmentName: name };
    case 1:
      return { departmentName: name, totalFunds: 190.61 };
    case 2:
      return { departmentName: name, publicFinance: '180.61万元', phone: '12345' };
    default:
      return { departmentName: name, unit: null, fillDate: '2021年13月5日' };
  }
}

export async function writeCliFiles(folder: string, count: number): Promise<string[]> {
  const department = buildLayoutPlan('department', { year: 2022, withSample: true });
  const project = buildLayoutPlan('project', { year: 2022, withSample: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const workbook = new ExcelJS.Workbook();
    const plans = i % 2 === 0 ? [withFieldValues(department, departmentVariant(i))] : [withFieldValues(department, departmentVariant(i)), project];
    for (const plan of plans) writePlanToWorksheet(workbook, workbook.addWorksheet(plan.sheetName), plan);
    const file = join(folder, `form-${String(i + 1).padStart(3, '0')}.xlsx`);
    await saveWorkbook(workbook, file);
    files.push(file);
  }
  return files;
}

async function loadOnly(files: readonly string[]): Promise<void> {
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  }
}

function tasksOf(files: readonly string[]): CheckTask[] {
  return files.map((file) => ({ file, lang: 'zh-CN', today: '2022-01-10' }));
}

function requireChecked(reports: readonly FileReport[], count: number): void {
  if (reports.length !== count) throw new UnexpectedReportError(`${reports.length} reports for ${count} files`);
  const failed = reports.find((report) => report.problem !== undefined);
  if (failed) throw new UnexpectedReportError(`${failed.file}: ${failed.problem?.message ?? ''}`);
}

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await work();
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  return (await timed(work)).wall;
}

function phaseSeconds(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

/** The check's own work on workbooks already loaded: snapshot, extraction, rules, messages. */
async function checkPhases(files: readonly string[]): Promise<CheckPhases> {
  const workbooks: ExcelJS.Workbook[] = [];
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
    workbooks.push(workbook);
  }
  const options = { today: new Date(2022, 0, 10) };
  let snapshots: WorkbookSnapshot[] = [];
  let extracted: ExtractedForm[][] = [];
  let results: WorkbookCheckResult[] = [];
  // Once unmeasured, to warm up, then measured.
  const run = (): CheckPhases => ({
    snapshotSeconds: round(phaseSeconds(() => (snapshots = workbooks.map(workbookToSnapshot))), 3),
    extractSeconds: round(phaseSeconds(() => (extracted = snapshots.map((snapshot) => extractForms(snapshot).forms))), 3),
    rulesSeconds: round(phaseSeconds(() => (results = extracted.map((forms) => ({ forms: checkForms(forms, options), otherSheets: [] })))), 3),
    messagesSeconds: round(phaseSeconds(() => void results.map((result) => toFormReports(result, 'zh-CN'))), 3),
  });
  run();
  return run();
}

export async function benchCli(options: { workerScript: string; files?: number; log?: (line: string) => void }): Promise<{ result: CliBench; detail: CliBenchDetail }> {
  const count = options.files ?? CLI_FILES;
  const folder = mkdtempSync(join(tmpdir(), 'perf-target-forms-bench-'));
  try {
    const writeSeconds = await seconds(async () => void (await writeCliFiles(folder, count)));
    const files = Array.from({ length: count }, (_, i) => join(folder, `form-${String(i + 1).padStart(3, '0')}.xlsx`));
    options.log?.(`  wrote ${count} files in ${writeSeconds.toFixed(1)} s`);

    // Warm-up: both paths once over a few files, so neither pays for the other's first run.
    const warm = files.slice(0, 10);
    await loadOnly(warm);
    requireChecked(await runChecks(tasksOf(warm), { jobs: 1 }), warm.length);

    // Three rounds, the fastest of each side kept: a background hiccup hurts neither side alone.
    const loadTimes: Timing[] = [];
    const checkTimes: Timing[] = [];
    let reports: FileReport[] = [];
    const timeLoad = async (): Promise<void> => void loadTimes.push(await timed(() => loadOnly(files)));
    const timeCheck = async (): Promise<void> =>
      void checkTimes.push(
        await timed(async () => {
          reports = await runChecks(tasksOf(files), { jobs: 1 });
        }),
      );
    // The order alternates, so that neither side always runs first (or always right after the other).
    for (const order of [[timeLoad, timeCheck], [timeCheck, timeLoad], [timeLoad, timeCheck]]) for (const run of order) await run();
    requireChecked(reports, count);
    const jobs = availableParallelism();
    let parallelReports: FileReport[] = [];
    const parallel = await timed(async () => {
      parallelReports = await runChecks(tasksOf(files), { jobs, workerScript: options.workerScript });
    });
    requireChecked(parallelReports, count);
    if (JSON.stringify(parallelReports) !== JSON.stringify(reports)) throw new UnexpectedReportError('the parallel batch reported differently from the single-core one');

    const phases = await checkPhases(files);

    const issues = reports.flatMap((report) => report.forms.flatMap((form) => form.issues));
    const fastest = (timings: readonly Timing[]): Timing => timings.reduce((best, t) => (t.wall < best.wall ? t : best));
    const loadOnlySeconds = fastest(loadTimes).wall;
    const checkSeconds = fastest(checkTimes).wall;
    return {
      result: {
        files: count,
        checkSeconds: round(checkSeconds, 2),
        loadOnlySeconds: round(loadOnlySeconds, 2),
        ratio: round(checkSeconds / loadOnlySeconds, 2),
        parallelSeconds: round(parallel.wall, 2),
        jobs,
      },
      detail: {
        writeSeconds: round(writeSeconds, 1),
        loadOnlyCpuSeconds: round(fastest(loadTimes).cpu, 2),
        checkCpuSeconds: round(fastest(checkTimes).cpu, 2),
        parallelCpuSeconds: round(parallel.cpu, 2),
        phases,
        errors: issues.filter((issue) => issue.severity === 'error').length,
        warnings: issues.filter((issue) => issue.severity === 'warning').length,
        filesWithErrors: reports.filter((report) => report.forms.some((form) => form.issues.some((issue) => issue.severity === 'error'))).length,
      },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
