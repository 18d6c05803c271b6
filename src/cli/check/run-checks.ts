/**
 * Checks many files on all cores: a pool of worker processes, one file at a time per worker.
 * Reports come back in any order and are handed on in the order of the inputs.
 */
import { fork } from 'node:child_process';
import { cliStrings } from '../messages';
import { checkFileSafe } from './check-file';
import type { CheckTask, FileReport } from './file-report';

export interface WorkerRequest {
  readonly index: number;
  readonly task: CheckTask;
}

export interface WorkerReply {
  readonly index: number;
  readonly report: FileReport;
}

export interface RunOptions {
  readonly jobs: number;
  /** The compiled worker script; without it the files are checked in this thread. */
  readonly workerScript?: string;
  /** Called once per file, in input order, as soon as the file and all before it are done. */
  readonly onReport?: (report: FileReport, index: number) => void;
  /** Called after each file, in completion order. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Hands reports on in input order, holding back those that finish early. */
class InOrder {
  private readonly reports: (FileReport | undefined)[];
  private next = 0;
  done = 0;

  constructor(
    total: number,
    private readonly options: RunOptions,
  ) {
    this.reports = new Array<FileReport | undefined>(total);
  }

  add(index: number, report: FileReport): void {
    this.reports[index] = report;
    this.done++;
    this.options.onProgress?.(this.done, this.reports.length);
    while (this.next < this.reports.length) {
      const ready = this.reports[this.next];
      if (!ready) break;
      this.options.onReport?.(ready, this.next);
      this.next++;
    }
  }

  all(): FileReport[] {
    return this.reports.map((report, index) => {
      if (!report) throw new Error(`internal: no report for input ${index}`);
      return report;
    });
  }
}

async function runInThisThread(tasks: readonly CheckTask[], order: InOrder): Promise<void> {
  for (const [index, task] of tasks.entries()) order.add(index, await checkFileSafe(task));
}

function crashedReport(task: CheckTask, error: unknown): FileReport {
  const detail = error instanceof Error ? error.message : String(error);
  return { file: task.file, forms: [], otherSheets: [], problem: { code: 'check_failed', message: `${cliStrings(task.lang).fileProblem.check_failed}: ${detail}` } };
}

function runInWorkers(tasks: readonly CheckTask[], order: InOrder, jobs: number, workerScript: string): Promise<void> {
  return new Promise((resolveAll) => {
    let nextTask = 0;
    let running = 0;

    const startWorker = (): void => {
      const worker = fork(workerScript, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      let current: number | null = null;
      running++;

      const sendNext = (): void => {
        if (nextTask >= tasks.length) {
          current = null;
          worker.disconnect();
          return;
        }
        current = nextTask++;
        const request: WorkerRequest = { index: current, task: tasks[current] };
        worker.send(request);
      };

      worker.on('message', (reply: WorkerReply) => {
        order.add(reply.index, reply.report);
        sendNext();
      });
      // A worker that dies (out of memory on a huge file) costs that file only: report it, start another.
      worker.on('error', (error) => {
        if (current !== null) order.add(current, crashedReport(tasks[current], error));
        current = null;
      });
      worker.on('exit', () => {
        running--;
        if (current !== null) order.add(current, crashedReport(tasks[current], new Error('worker exited')));
        if (nextTask < tasks.length) startWorker();
        else if (running === 0) resolveAll();
      });
      sendNext();
    };

    const count = Math.min(jobs, tasks.length);
    for (let i = 0; i < count; i++) startWorker();
  });
}

export async function runChecks(tasks: readonly CheckTask[], options: RunOptions): Promise<FileReport[]> {
  const order = new InOrder(tasks.length, options);
  if (tasks.length === 0) return [];
  if (!options.workerScript || options.jobs <= 1 || tasks.length === 1) await runInThisThread(tasks, order);
  else await runInWorkers(tasks, order, options.jobs, options.workerScript);
  return order.all();
}
