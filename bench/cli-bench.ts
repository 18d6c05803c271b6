/**
 * The command line's batch check: 200 filled forms written once with the CLI's own writer
 * (`writePlanToWorksheet` + `saveWorkbook`), half of them with a project form beside the
 * department form, three in four with mistakes. Then, in the same run:
 *   - in this process, in alternating rounds: ExcelJS alone loading the files (the floor:
 *     reading .xlsx is most of the work) against the CLI's check on one core (`runChecks` with
 *     jobs 1: read, snapshot, check, messages); medians, so one disturbed round moves neither;
 *   - the command line as a reviewer runs it, a fresh `node cli.js check DIR --format json`
 *     process, `--jobs 1` against `--jobs N` (N = cores) in alternating rounds, on the 200 files
 *     and on 5,000 (copies of the 200). Both sides pay for process start and module loading;
 *     only `--jobs N` starts worker processes, which is what the speed-up weighs.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { toFormReports } from '../src/cli/check/check-file';
import { runChecks } from '../src/cli/check/run-checks';
import type { CheckTask, FileReport } from '../src/cli/check/file-report';
import { saveWorkbook } from '../src/cli/xlsx/save-workbook';
import { readSnapshotBytes } from '../src/cli/xlsx/snapshot-reader/read-snapshot';
import { writePlanToWorksheet } from '../src/cli/xlsx/write-plan';
import { checkForms } from '../src/core/check/check-forms';
import type { WorkbookCheckResult } from '../src/core/check/types';
import { extractForms } from '../src/core/extract';
import type { ExtractedForm } from '../src/core/forms/form-data';
import type { WorkbookSnapshot } from '../src/core/grid/grid';
import { buildLayoutPlan } from '../src/core/layout/build-layout-plan';
import type { LayoutPlan, PlanCell } from '../src/core/layout/layout-plan';
import { requireCliReport, runCliCheck, type ColdRun } from './cold-cli';
import { benchIsolation, type IsolationBench } from './isolation-bench';
import { alternateRounds, median, round, spreadOf, type Spread } from './stats';

/** `cli.js check DIR --jobs 1` against `--jobs N`, each as a fresh process; medians in seconds. */
export interface ColdBatch {
  readonly files: number;
  readonly jobs1Seconds: number;
  readonly jobsNSeconds: number;
  /** jobs1Seconds / jobsNSeconds: above 1 when the worker processes pay for themselves. */
  readonly speedup: number;
  /**
   * N separate `--jobs 1` processes started together, each on its share of the files: what
   * this machine gives N processes at best, with no pool at all (median).
   */
  readonly sideBySideSeconds: number;
  /** jobs1Seconds / sideBySideSeconds: the speed-up the machine allows; `speedup` is measured against it. */
  readonly ceiling: number;
  readonly spread: { readonly jobs1Seconds: Spread; readonly jobsNSeconds: Spread; readonly sideBySideSeconds: Spread };
}

export interface CliBench {
  readonly files: number;
  /** `runChecks` with jobs 1 in this (warm) process: median of the alternating rounds. */
  readonly checkSeconds: number;
  /** ExcelJS alone loading the same files in this process: median of the alternating rounds. */
  readonly loadOnlySeconds: number;
  /** checkSeconds / loadOnlySeconds; the goal is ≤ 1.2. */
  readonly ratio: number;
  /** `cli.js check DIR --jobs N` as a fresh process on the `files` files: median. */
  readonly parallelSeconds: number;
  /** N: the cores Node sees (os.availableParallelism()). */
  readonly jobs: number;
  /** `cli.js check DIR --jobs 1` as a fresh process on the same files: median. */
  readonly coldJobs1Seconds: number;
  /** coldJobs1Seconds / parallelSeconds. */
  readonly speedup: number;
  /** The same pair of fresh-process runs on 5,000 files (copies of the `files`): where a second process pays. */
  readonly bigBatch: ColdBatch;
  /** What checking every file in a bounded worker costs and holds: one form alone, a batch with a bomb. */
  readonly isolation: IsolationBench;
  /** Rounds behind each median: in this process (each side), and of each fresh-process run. */
  readonly rounds: { readonly inProcess: number; readonly cold: number };
  /** Fastest and slowest round behind each median above. */
  readonly spread: {
    readonly checkSeconds: Spread;
    readonly loadOnlySeconds: Spread;
    readonly coldJobs1Seconds: Spread;
    readonly parallelSeconds: Spread;
  };
}

/** Where the check's time goes, per phase over all files (seconds, one core, files already in memory). */
export interface CheckPhases {
  /** The snapshot reader: unpacking the parts and reading their XML. */
  readonly readSeconds: number;
  readonly extractSeconds: number;
  readonly rulesSeconds: number;
  readonly messagesSeconds: number;
}

export interface CliBenchDetail {
  readonly writeSeconds: number;
  /**
   * Median CPU seconds of the rounds, less disturbed than wall time on a busy machine: of this
   * process (all threads) in process, of the command line and its workers for fresh processes
   * (null where Linux's /proc is missing).
   */
  readonly loadOnlyCpuSeconds: number;
  readonly checkCpuSeconds: number;
  readonly coldJobs1CpuSeconds: number | null;
  readonly parallelCpuSeconds: number | null;
  readonly bigBatchJobs1CpuSeconds: number | null;
  readonly bigBatchJobsNCpuSeconds: number | null;
  readonly phases: CheckPhases;
  readonly errors: number;
  readonly warnings: number;
  readonly filesWithErrors: number;
}

export const CLI_FILES = 200;
export const CLI_BIG_BATCH = 5000;
export const CLI_RATIO_GOAL = 1.2;
/** Rounds of each side in this process: a median of five outvotes two disturbed rounds. */
export const IN_PROCESS_ROUNDS = 5;
/** Rounds of each fresh-process run: three, as 5,000 files take several seconds a run. */
export const COLD_ROUNDS = 3;

/** The bench bundle lacks the command line or its worker: `--jobs N` would silently check in one process. */
export class MissingBundleError extends Error {
  constructor(file: string) {
    super(`cli bench: ${file} is missing (npm run bench builds it with bench/webpack.bench.config.js)`);
    this.name = 'MissingBundleError';
  }
}

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

/** `count` files in a new folder `folder`, copies of `sources` in turn. */
async function copyBatch(sources: readonly string[], folder: string, count: number): Promise<string[]> {
  mkdirSync(folder);
  const files = Array.from({ length: count }, (_, i) => join(folder, `form-${String(i + 1).padStart(4, '0')}.xlsx`));
  for (const [i, file] of files.entries()) await copyFile(sources[i % sources.length], file);
  return files;
}

interface ColdPair {
  readonly jobs1: ColdRun[];
  readonly jobsN: ColdRun[];
}

/**
 * `--jobs 1` against `--jobs N` on one folder, alternating. Every run's report is held to the
 * batch, and all runs must print the same report: both sides did the same work.
 */
async function coldPair(cliScript: string, folder: string, files: readonly string[], jobs: number, rounds: number, log?: (line: string) => void): Promise<ColdPair> {
  let reference: string | null = null;
  const run = async (n: number): Promise<ColdRun> => {
    const result = await runCliCheck(cliScript, folder, n, log);
    if (reference === null) {
      requireCliReport(result.stdout, files);
      reference = result.stdout;
    } else if (result.stdout !== reference) throw new UnexpectedReportError(`check --jobs ${n} on ${folder} reported differently from an earlier run`);
    return result;
  };
  const { a, b } = await alternateRounds(rounds, () => run(1), () => run(jobs));
  return { jobs1: a, jobsN: b };
}

/**
 * `jobs` separate `--jobs 1` processes at once, each on its own folder of `shares`; the time
 * until the last one ends. Each report is held to its share.
 */
async function sideBySide(cliScript: string, shares: readonly { folder: string; files: readonly string[] }[], rounds: number, log?: (line: string) => void): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const runs = await Promise.all(shares.map((share) => runCliCheck(cliScript, share.folder, 1, log)));
    times.push((performance.now() - started) / 1000);
    runs.forEach((run, i) => requireCliReport(run.stdout, shares[i].files));
  }
  return times;
}

function medianOf<T>(items: readonly T[], value: (item: T) => number): number {
  return median(items.map(value));
}

/** The median CPU seconds of fresh-process runs, or null when any run has none. */
function medianCpu(runs: readonly ColdRun[]): number | null {
  const cpu = runs.map((run) => run.cpuSeconds);
  return cpu.every((value): value is number => value !== null) ? round(median(cpu), 2) : null;
}

/** The spread of some rounds in seconds, rounded as the medians are. */
function spreadSeconds(values: readonly number[]): Spread {
  const { min, max } = spreadOf(values);
  return { min: round(min, 2), max: round(max, 2) };
}

function phaseSeconds(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

/** The check's phases on files already in memory: reading, extraction, rules, messages. */
async function checkPhases(files: readonly string[]): Promise<CheckPhases> {
  const contents = await Promise.all(files.map((file) => readFile(file)));
  const options = { today: new Date(2022, 0, 10) };
  let snapshots: WorkbookSnapshot[] = [];
  let extracted: ExtractedForm[][] = [];
  let results: WorkbookCheckResult[] = [];
  const snapshotOf = (bytes: Buffer): WorkbookSnapshot => {
    const read = readSnapshotBytes(bytes);
    if (!read.ok) throw new UnexpectedReportError(`a generated file could not be read: ${read.code}`);
    return read.snapshot;
  };
  // Once unmeasured, to warm up, then measured.
  const run = (): CheckPhases => ({
    readSeconds: round(phaseSeconds(() => (snapshots = contents.map(snapshotOf))), 3),
    extractSeconds: round(phaseSeconds(() => (extracted = snapshots.map((snapshot) => extractForms(snapshot).forms))), 3),
    rulesSeconds: round(phaseSeconds(() => (results = extracted.map((forms) => ({ forms: checkForms(forms, options), otherSheets: [] })))), 3),
    messagesSeconds: round(phaseSeconds(() => void results.map((result) => toFormReports(result, 'zh-CN'))), 3),
  });
  run();
  return run();
}

export async function benchCli(options: { bundleDir: string; files?: number; log?: (line: string) => void }): Promise<{ result: CliBench; detail: CliBenchDetail }> {
  const count = options.files ?? CLI_FILES;
  const log = options.log;
  // The command line finds its worker beside its own script, as dist/cli/ holds them.
  const cliScript = join(options.bundleDir, 'cli.js');
  for (const file of [cliScript, join(options.bundleDir, 'check-worker.js')]) if (!existsSync(file)) throw new MissingBundleError(file);
  const root = mkdtempSync(join(tmpdir(), 'perf-target-forms-bench-'));
  try {
    // One folder per batch: the command line is given a folder and checks all it holds.
    const folder = join(root, String(count));
    mkdirSync(folder);
    let files: string[] = [];
    const writeSeconds = await seconds(async () => void (files = await writeCliFiles(folder, count)));
    log?.(`  wrote ${count} files in ${writeSeconds.toFixed(1)} s`);

    // Warm-up: both paths once over a few files, so neither pays for the other's first run.
    const warm = files.slice(0, 10);
    await loadOnly(warm);
    requireChecked(await runChecks(tasksOf(warm), { jobs: 1 }), warm.length);

    log?.(`  in this process: load only against check --jobs 1, ${IN_PROCESS_ROUNDS} rounds each…`);
    let reports: FileReport[] = [];
    const inProcess = await alternateRounds(
      IN_PROCESS_ROUNDS,
      () => timed(() => loadOnly(files)),
      async () => {
        const timing = await timed(async () => {
          reports = await runChecks(tasksOf(files), { jobs: 1 });
        });
        requireChecked(reports, count);
        return timing;
      },
    );
    const loadTimes = inProcess.a;
    const checkTimes = inProcess.b;

    const jobs = availableParallelism();
    const bigFolder = join(root, String(CLI_BIG_BATCH));
    const bigFiles = await copyBatch(files, bigFolder, CLI_BIG_BATCH);
    // One untimed run of each on a few files: the first process start reads node and ExcelJS from disk.
    const warmFolder = join(root, 'warm-up');
    const warmFiles = await copyBatch(files, warmFolder, Math.min(10, count));
    await coldPair(cliScript, warmFolder, warmFiles, jobs, 1, log);
    log?.(`  fresh processes: check --jobs 1 against --jobs ${jobs}, ${COLD_ROUNDS} rounds each, on ${count} files…`);
    const cold = await coldPair(cliScript, folder, files, jobs, COLD_ROUNDS, log);
    log?.(`  … and on ${CLI_BIG_BATCH} files…`);
    const big = await coldPair(cliScript, bigFolder, bigFiles, jobs, COLD_ROUNDS, log);
    log?.(`  … and ${jobs} separate --jobs 1 processes side by side, ${CLI_BIG_BATCH / jobs} files each…`);
    const shares = [];
    for (let i = 0; i < jobs; i++) {
      const share = join(root, `share-${i + 1}`);
      shares.push({ folder: share, files: await copyBatch(files, share, Math.floor(CLI_BIG_BATCH / jobs)) });
    }
    const sideBySideTimes = await sideBySide(cliScript, shares, COLD_ROUNDS, log);
    const isolation = await benchIsolation(cliScript, root, files, log);

    const phases = await checkPhases(files);

    const issues = reports.flatMap((report) => report.forms.flatMap((form) => form.issues));
    const wall = (timing: Timing): number => timing.wall;
    const cpu = (timing: Timing): number => timing.cpu;
    const runSeconds = (run: ColdRun): number => run.seconds;
    const loadOnlySeconds = medianOf(loadTimes, wall);
    const checkSeconds = medianOf(checkTimes, wall);
    const coldJobs1Seconds = medianOf(cold.jobs1, runSeconds);
    const parallelSeconds = medianOf(cold.jobsN, runSeconds);
    const bigJobs1Seconds = medianOf(big.jobs1, runSeconds);
    const bigJobsNSeconds = medianOf(big.jobsN, runSeconds);
    const sideBySideSeconds = median(sideBySideTimes);
    return {
      result: {
        files: count,
        checkSeconds: round(checkSeconds, 2),
        loadOnlySeconds: round(loadOnlySeconds, 2),
        ratio: round(checkSeconds / loadOnlySeconds, 2),
        parallelSeconds: round(parallelSeconds, 2),
        jobs,
        coldJobs1Seconds: round(coldJobs1Seconds, 2),
        speedup: round(coldJobs1Seconds / parallelSeconds, 2),
        bigBatch: {
          files: CLI_BIG_BATCH,
          jobs1Seconds: round(bigJobs1Seconds, 2),
          jobsNSeconds: round(bigJobsNSeconds, 2),
          speedup: round(bigJobs1Seconds / bigJobsNSeconds, 2),
          sideBySideSeconds: round(sideBySideSeconds, 2),
          ceiling: round(bigJobs1Seconds / sideBySideSeconds, 2),
          spread: {
            jobs1Seconds: spreadSeconds(big.jobs1.map(runSeconds)),
            jobsNSeconds: spreadSeconds(big.jobsN.map(runSeconds)),
            sideBySideSeconds: spreadSeconds(sideBySideTimes),
          },
        },
        isolation,
        rounds: { inProcess: IN_PROCESS_ROUNDS, cold: COLD_ROUNDS },
        spread: {
          checkSeconds: spreadSeconds(checkTimes.map(wall)),
          loadOnlySeconds: spreadSeconds(loadTimes.map(wall)),
          coldJobs1Seconds: spreadSeconds(cold.jobs1.map(runSeconds)),
          parallelSeconds: spreadSeconds(cold.jobsN.map(runSeconds)),
        },
      },
      detail: {
        writeSeconds: round(writeSeconds, 1),
        loadOnlyCpuSeconds: round(medianOf(loadTimes, cpu), 2),
        checkCpuSeconds: round(medianOf(checkTimes, cpu), 2),
        coldJobs1CpuSeconds: medianCpu(cold.jobs1),
        parallelCpuSeconds: medianCpu(cold.jobsN),
        bigBatchJobs1CpuSeconds: medianCpu(big.jobs1),
        bigBatchJobsNCpuSeconds: medianCpu(big.jobsN),
        phases,
        errors: issues.filter((issue) => issue.severity === 'error').length,
        warnings: issues.filter((issue) => issue.severity === 'warning').length,
        filesWithErrors: reports.filter((report) => report.forms.some((form) => form.issues.some((issue) => issue.severity === 'error'))).length,
      },
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
