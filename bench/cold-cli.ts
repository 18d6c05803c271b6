/**
 * The command line as a reviewer runs it: `node cli.js check DIR --jobs N --format json` as a
 * fresh process, timed from spawn to exit, its JSON read back to make sure every file was
 * checked. Process start, module loading and the worker pool's start-up are all in the figure.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { processMemoryBytes } from '../src/cli/check/worker-process';
import type { JsonReport } from '../src/cli/output/report-format';

/** The command line exited in a way the bench cannot time: exit code 2, a signal, no process. */
export class CliRunError extends Error {
  constructor(detail: string) {
    super(`cli bench: ${detail}`);
    this.name = 'CliRunError';
  }
}

/** The command line's output is not the report of the batch the bench meant to time. */
export class UnexpectedCliOutputError extends Error {
  constructor(detail: string) {
    super(`cli bench: ${detail}`);
    this.name = 'UnexpectedCliOutputError';
  }
}

export interface ColdRun {
  readonly seconds: number;
  /** CPU seconds of the process and its worker processes; null where Linux's /proc is missing. */
  readonly cpuSeconds: number | null;
  readonly stdout: string;
}

/** Linux's clock ticks per second for /proc times (USER_HZ: 100 on every architecture Node runs on). */
const USER_HZ = 100;

/**
 * CPU seconds of this process's finished children, grandchildren included: Linux adds a child's
 * own times and those of the children it waited for to `cutime`/`cstime` in /proc/self/stat when
 * the child is reaped. process.cpuUsage() counts this process only.
 */
export function childrenCpuSeconds(stat: string | null = readProcStat()): number | null {
  if (stat === null) return null;
  // The fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Field 3 (state) is fields[0]; cutime and cstime are fields 16 and 17.
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  if (!Number.isFinite(cutime) || !Number.isFinite(cstime)) throw new UnexpectedCliOutputError(`unreadable /proc/self/stat: ${stat}`);
  return (cutime + cstime) / USER_HZ;
}

function readProcStat(): string | null {
  try {
    return readFileSync('/proc/self/stat', 'utf8');
  } catch (error) {
    // Not Linux: no CPU figure for the fresh processes, the wall-clock times stand alone.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A run that hangs fails the bench instead of stalling it. */
const RUN_TIMEOUT_MS = 10 * 60 * 1000;
/** How often a run's memory is sampled (Linux /proc): its peak (VmHWM) only grows, so late samples lose little. */
const PEAK_POLL_MS = 10;

/** A process's peak resident set so far, in bytes; null where /proc is missing or the process is gone. */
function peakBytes(pid: number): number | null {
  return processMemoryBytes(pid, 'VmHWM');
}

/** The children of a process (its workers), where Linux lists them. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function higher(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

export interface CliProcessRun {
  readonly seconds: number;
  /** CPU seconds of the process and its worker processes; null where Linux's /proc is missing. */
  readonly cpuSeconds: number | null;
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident set of the command line's own process, and of its largest worker (bytes; null without /proc). */
  readonly parentPeakBytes: number | null;
  readonly workerPeakBytes: number | null;
}

/** Runs `node cliScript …args` without a shell, timed from spawn to exit, its memory sampled meanwhile. */
export function runCliProcess(cliScript: string, args: readonly string[]): Promise<CliProcessRun> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuSeconds();
    const started = performance.now();
    const child = spawn(process.execPath, [cliScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_TIMEOUT_MS });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let parentPeak: number | null = null;
    let workerPeak: number | null = null;
    const sample = setInterval(() => {
      if (child.pid === undefined) return;
      parentPeak = higher(parentPeak, peakBytes(child.pid));
      for (const worker of childrenOf(child.pid)) workerPeak = higher(workerPeak, peakBytes(worker));
    }, PEAK_POLL_MS);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearInterval(sample);
      reject(new CliRunError(`could not run ${cliScript}: ${error.message}`));
    });
    // 'close', not 'exit': the output is complete only once both pipes have closed.
    child.on('close', (status, signal) => {
      clearInterval(sample);
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = childrenCpuSeconds();
      resolve({
        seconds,
        cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        status,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8').trim(),
        parentPeakBytes: parentPeak,
        workerPeakBytes: workerPeak,
      });
    });
  });
}

/**
 * Runs `node cliScript check folder --jobs N --format json` and collects its output. Exit code
 * 1 is the expected one (the batch has forms with errors); 2 means a file could not be checked
 * or the command line failed, which makes the figure meaningless.
 */
export async function runCliCheck(cliScript: string, folder: string, jobs: number, log?: (line: string) => void): Promise<ColdRun> {
  const run = await runCliProcess(cliScript, ['check', folder, '--jobs', String(jobs), '--format', 'json']);
  const command = `check --jobs ${jobs} on ${folder}`;
  if (run.status !== 1) {
    const why = run.signal !== null ? `was stopped by ${run.signal}` : run.status === 2 ? 'exited with 2 (a file could not be checked, or the command failed)' : `exited with ${run.status} (1 expected: the batch has errors)`;
    throw new CliRunError(`${command} ${why}${run.stderr ? `: ${run.stderr}` : ''}`);
  }
  if (run.stderr) log?.(`  ${command} wrote to stderr: ${run.stderr}`);
  return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, stdout: run.stdout };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON report of a run, held to the batch: every one of `files` listed once, no file that
 * could not be checked, and errors found (the batch was written with them).
 */
export function requireCliReport(stdout: string, files: readonly string[]): JsonReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch (error) {
    throw new UnexpectedCliOutputError(`the output is not JSON (${(error as Error).message}): ${stdout.slice(0, 200)}`);
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.files) || !isRecord(parsed.summary)) throw new UnexpectedCliOutputError(`the output is not a check report: ${stdout.slice(0, 200)}`);
  const report = parsed as unknown as JsonReport;
  if (report.files.length !== files.length) throw new UnexpectedCliOutputError(`${report.files.length} files reported for ${files.length}`);
  const expected = new Set(files);
  for (const file of report.files) {
    if (!expected.delete(file.file)) throw new UnexpectedCliOutputError(`${file.file} reported but not expected, or reported twice`);
    if (file.error !== undefined) throw new UnexpectedCliOutputError(`${file.file}: ${file.error}`);
  }
  const firstProblem = report.summary.problems[0];
  if (firstProblem) throw new UnexpectedCliOutputError(`${firstProblem.file}: ${firstProblem.code}`);
  if (report.summary.exitCode !== 1 || report.summary.errors === 0) throw new UnexpectedCliOutputError(`exit code ${report.summary.exitCode} with ${report.summary.errors} errors in the summary; the batch has errors`);
  return report;
}
