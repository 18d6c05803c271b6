/**
 * What the worker isolation of `check` costs and what it holds (docs/security.md), as a
 * reviewer runs it (a fresh `node cli.js check … --format json` process, default jobs):
 *   - one form alone: the fixed cost of starting a worker, which every run now pays;
 *   - 300 filled forms, and the same 300 with a sheet bomb among them (a part inflating to
 *     3 GiB): every one of the 301 reported, the bomb with its reason, the time it adds, and
 *     the peak memory of the command line's own process and of its largest worker.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MEMORY_MB } from '../src/cli/check/limits';
import type { JsonReport } from '../src/cli/output/report-format';
import { runCliProcess, UnexpectedCliOutputError, type CliProcessRun } from './cold-cli';
import { sheetBomb, withPart } from './hostile-files';
import { alternateRounds, median, round } from './stats';

export interface IsolationBench {
  /** `check FORM` on one form: median seconds of fresh processes. */
  readonly singleFileSeconds: number;
  readonly goodFiles: number;
  /** `check DIR` on the good forms alone: median seconds. */
  readonly goodOnlySeconds: number;
  /** `check DIR` on the good forms and the bomb: median seconds. */
  readonly withBombSeconds: number;
  /** Files the run with the bomb reported (all of them: goodFiles + 1). */
  readonly reported: number;
  /** The bomb's reason code (out_of_memory while the reader inflates without a budget). */
  readonly bombReason: string;
  /** Peak resident set (MiB, Linux) of the command line's own process and of its largest worker, in the run with the bomb. */
  readonly parentPeakMb: number | null;
  readonly workerPeakMb: number | null;
  readonly memoryLimitMb: number;
  readonly rounds: number;
}

export const ISOLATION_GOOD_FILES = 300;
/** The bomb's inflated size: three times the default memory limit of a worker. */
const BOMB_GIB = 3;
const ROUNDS = 3;

function parseReport(run: CliProcessRun, what: string): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch (error) {
    throw new UnexpectedCliOutputError(`${what}: the output is not JSON (${(error as Error).message}); stderr: ${run.stderr}`);
  }
}

/** Holds a run to its batch: every file reported, only the bomb not checked. */
function requireBatch(run: CliProcessRun, files: number, bomb: boolean): string {
  const what = bomb ? 'the batch with the bomb' : 'the good batch';
  const report = parseReport(run, what);
  const expectedStatus = bomb ? 2 : 1;
  if (run.status !== expectedStatus) throw new UnexpectedCliOutputError(`${what} exited with ${run.status ?? run.signal}, ${expectedStatus} expected`);
  if (report.files.length !== files) throw new UnexpectedCliOutputError(`${what}: ${report.files.length} files reported for ${files}`);
  const problems = report.summary.problems;
  if (problems.length !== (bomb ? 1 : 0) || (bomb && !problems[0].file.includes('bomb'))) throw new UnexpectedCliOutputError(`${what}: problems ${JSON.stringify(problems)}`);
  return problems[0]?.code ?? '';
}

function megabytes(bytes: number | null): number | null {
  return bytes === null ? null : round(bytes / 1024 / 1024, 0);
}

export async function benchIsolation(cliScript: string, root: string, forms: readonly string[], log?: (line: string) => void): Promise<IsolationBench> {
  const good = join(root, 'isolation-good');
  const withBomb = join(root, 'isolation-bomb');
  mkdirSync(good);
  mkdirSync(withBomb);
  for (let i = 0; i < ISOLATION_GOOD_FILES; i++) {
    const name = `form-${String(i + 1).padStart(3, '0')}.xlsx`;
    copyFileSync(forms[i % forms.length], join(good, name));
    copyFileSync(forms[i % forms.length], join(withBomb, name));
  }
  writeFileSync(join(withBomb, 'form-150-bomb.xlsx'), withPart(await readFile(forms[0]), sheetBomb(BOMB_GIB)));

  log?.(`  isolation: one form alone, ${ROUNDS + 2} rounds…`);
  const single: number[] = [];
  for (let i = 0; i < ROUNDS + 2; i++) single.push((await runCliProcess(cliScript, ['check', forms[1], '--format', 'json'])).seconds);

  log?.(`  isolation: ${ISOLATION_GOOD_FILES} forms against the same with a ${BOMB_GIB} GiB sheet bomb, ${ROUNDS} rounds each…`);
  const runs = await alternateRounds(
    ROUNDS,
    () => runCliProcess(cliScript, ['check', good, '--format', 'json']),
    () => runCliProcess(cliScript, ['check', withBomb, '--format', 'json']),
  );
  runs.a.forEach((run) => requireBatch(run, ISOLATION_GOOD_FILES, false));
  const reasons = runs.b.map((run) => requireBatch(run, ISOLATION_GOOD_FILES + 1, true));
  const peak = (pick: (run: CliProcessRun) => number | null): number | null => megabytes(runs.b.reduce<number | null>((max, run) => (pick(run) === null ? max : Math.max(max ?? 0, pick(run) ?? 0)), null));
  return {
    singleFileSeconds: round(median(single), 2),
    goodFiles: ISOLATION_GOOD_FILES,
    goodOnlySeconds: round(median(runs.a.map((run) => run.seconds)), 2),
    withBombSeconds: round(median(runs.b.map((run) => run.seconds)), 2),
    reported: ISOLATION_GOOD_FILES + 1,
    bombReason: reasons[0],
    parentPeakMb: peak((run) => run.parentPeakBytes),
    workerPeakMb: peak((run) => run.workerPeakBytes),
    memoryLimitMb: DEFAULT_MEMORY_MB,
    rounds: ROUNDS,
  };
}
