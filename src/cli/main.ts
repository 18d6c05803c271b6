/**
 * `perf-target-forms`: exports the templates as `.xlsx` and checks filled workbooks in batches.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { nextBudgetYear } from '../core';
import { parseArgs, UsageError, type Command } from './args';
import { collectInputs, planAnnotateTargets } from './check/collect-inputs';
import type { CheckTask, FileReport } from './check/file-report';
import { runChecks } from './check/run-checks';
import { cliStrings } from './messages';
import { csvForFile, csvHeader, exitCodeOf, jsonReport, textForFile, textTotals } from './output/report-format';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal: the progress line is shown only then. */
  readonly stderrIsTty: boolean;
  readonly cores: number;
  /**
   * The compiled worker script. The command line always has one; without it (tests of the
   * command line in their own process) files are checked in this thread, without limits.
   */
  readonly workerScript?: string;
}

/** A progress line only for batches long enough to wait for. */
const PROGRESS_MIN_FILES = 20;

async function runTemplate(command: Extract<Command, { kind: 'template' }>, io: CliIo): Promise<number> {
  // Loaded here, not at start: checking files needs no ExcelJS, and loading it takes a third of a second.
  const { writeTemplateFile } = await import(/* webpackChunkName: "template-writer" */ './xlsx/write-plan');
  await writeTemplateFile(command.template, { year: command.year, withSample: command.sample }, command.output);
  io.stderr(`${cliStrings(command.lang).templateWritten(command.output)}\n`);
  return 0;
}

async function runCheck(command: Extract<Command, { kind: 'check' }>, io: CliIo): Promise<number> {
  const strings = cliStrings(command.lang);
  const inputs = await collectInputs(command.paths);
  let targets: readonly (string | undefined)[] = inputs.map(() => undefined);
  if (command.annotate !== undefined) {
    const plan = planAnnotateTargets(inputs, command.annotate);
    if (!plan.ok) {
      throw new UsageError(plan.reason === 'collision' ? strings.annotateCollision(plan.input, plan.target) : strings.annotateDuplicate(plan.target));
    }
    targets = plan.targets;
  }
  const annotateFolder = command.annotate === undefined ? undefined : resolve(command.annotate);
  const tasks: CheckTask[] = inputs.map((input, index) => {
    const annotateTo = targets[index];
    return {
      file: input.file,
      lang: command.lang,
      ...(input.refused !== undefined ? { refused: input.refused } : {}),
      ...(annotateTo !== undefined && annotateFolder !== undefined ? { annotateTo, annotateFolder } : {}),
    };
  });

  const showProgress = io.stderrIsTty && tasks.length >= PROGRESS_MIN_FILES;
  if (command.format === 'csv') io.stdout(csvHeader(strings));
  const onReport = (report: FileReport): void => {
    if (command.format === 'text') io.stdout(textForFile(report, strings));
    else if (command.format === 'csv') io.stdout(csvForFile(report));
  };
  const reports = await runChecks(tasks, {
    jobs: command.jobs,
    limits: command.limits,
    ...(io.workerScript !== undefined ? { workerScript: io.workerScript } : {}),
    onReport: (report) => {
      // Clear the progress line before output lands under it.
      if (showProgress) io.stderr('\r\x1b[K');
      onReport(report);
    },
    ...(showProgress ? { onProgress: (done: number, total: number) => io.stderr(`\r\x1b[K${strings.progress(done, total)}`) } : {}),
  });
  if (showProgress) io.stderr('\r\x1b[K');
  if (command.format === 'text') io.stdout(textTotals(reports, strings));
  else if (command.format === 'json') io.stdout(`${JSON.stringify(jsonReport(reports), null, 2)}\n`);
  return exitCodeOf(reports);
}

/** Runs the command line; returns the exit code. Usage errors print one line, never a stack. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArgs(argv, { jobs: io.cores, year: nextBudgetYear(new Date()) });
    switch (command.kind) {
      case 'help':
        io.stdout(`${cliStrings(command.lang).help}\n`);
        return 0;
      case 'template':
        return await runTemplate(command, io);
      case 'check':
        return await runCheck(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`perf-target-forms: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * The process entry: real stdout/stderr, the worker script beside this bundle (when it is
 * missing, every file is reported as not checked: nothing is ever checked without limits).
 */
export function startCli(): void {
  const io: CliIo = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTty: Boolean(process.stderr.isTTY),
    cores: availableParallelism(),
    workerScript: join(__dirname, 'check-worker.js'),
  };
  // Output piped into `head` and closed early is not an error of ours: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const argv = process.argv.slice(2);
  runCli(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Not a usage error: a file system refusal (writing -o) or a defect. One line, then exit 2.
      const detail = error instanceof Error ? error.message : String(error);
      process.stderr.write(`perf-target-forms: ${detail}\n`);
      if (process.env.PERF_TARGET_FORMS_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 2;
    },
  );
}
