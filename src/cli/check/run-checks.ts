/**
 * Checks a batch of files in worker processes (`worker-process.ts`): every file, a single one
 * included, is checked in a worker with a memory and a time limit, so that no file from outside
 * can end or hang the batch. Workers are long-lived and check many files one at a time; they
 * are sent files in chunks, so that a worker never waits for the next file to arrive (a file
 * takes about a millisecond to check, about as long as a message takes to cross), and chunks
 * shrink as the queue empties, so that all finish together. A worker that dies is replaced and
 * the rest go on. Reports come back in any order and are handed on in the order of the inputs.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { cliStrings, type CliStrings } from '../messages';
import type { CheckTask, FileReport } from './file-report';
import { DEFAULT_LIMITS, type CheckLimits } from './limits';
import { MemoryWatch, startWorker, type WorkerFailure } from './worker-process';

export interface RunOptions {
  readonly jobs: number;
  /**
   * The compiled worker script. Without it the files are checked in this process, without
   * limits: for the tests and the benchmark of the check itself; the command line always has one.
   */
  readonly workerScript?: string;
  readonly limits?: CheckLimits;
  /** Called once per file, in input order, as soon as the file and all before it are done. */
  readonly onReport?: (report: FileReport, index: number) => void;
  /** Called after each file, in completion order. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The largest chunk: bigger ones save nothing and let one worker hoard the queue's tail. */
const MAX_CHUNK = 32;
/** Chunks per process the remaining queue is cut into, so that the last ones are small. */
const CHUNKS_PER_PROCESS = 8;
/** Workers that die before loading, one after the other, before the run gives up on them. */
const MAX_FAILED_STARTS = 3;

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
    if (this.reports[index]) return;
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

/** The files not yet handed out; files of a dead worker go back to its front. */
class TaskQueue {
  private next = 0;
  private readonly returned: number[] = [];

  constructor(
    readonly tasks: readonly CheckTask[],
    private readonly indices: readonly number[],
    private readonly processes: number,
  ) {}

  get remaining(): number {
    return this.indices.length - this.next + this.returned.length;
  }

  take(count: number): number[] {
    const taken = this.returned.splice(0, count);
    while (taken.length < count && this.next < this.indices.length) taken.push(this.indices[this.next++]);
    return taken;
  }

  takeChunk(): number[] {
    return this.take(Math.max(1, Math.min(MAX_CHUNK, Math.floor(this.remaining / (this.processes * CHUNKS_PER_PROCESS)))));
  }

  giveBack(indices: readonly number[]): void {
    this.returned.unshift(...indices);
  }
}

function problemReport(task: CheckTask, problem: FileReport['problem']): FileReport {
  return { file: task.file, forms: [], otherSheets: [], ...(problem ? { problem } : {}) };
}

/** The words for a worker's death: the reason, the bound it broke or what it said. */
function failureMessage(failure: WorkerFailure, strings: CliStrings, limits: CheckLimits): string {
  const words = strings.fileProblem[failure.code];
  switch (failure.code) {
    case 'out_of_memory':
      return `${words}${strings.memoryLimit(limits.memoryMb)}`;
    case 'timed_out':
      return `${words}${strings.timeLimit(limits.timeoutMs / 1000)}`;
    default:
      return `${words}: ${failure.detail}`;
  }
}

async function checkInThisProcess(queue: TaskQueue, order: InOrder): Promise<void> {
  const { checkFileSafe } = await import(/* webpackChunkName: "check-in-process" */ './check-file');
  for (let [index] = queue.take(1); index !== undefined; [index] = queue.take(1)) order.add(index, await checkFileSafe(queue.tasks[index]));
}

function runOnWorkers(queue: TaskQueue, order: InOrder, processes: number, workerScript: string, limits: CheckLimits): Promise<void> {
  return new Promise((resolveAll) => {
    const watch = new MemoryWatch(limits.memoryMb * 1024 * 1024);
    let running = 0;
    let failedStarts = 0;
    const failure = (index: number, why: WorkerFailure): void => {
      const task = queue.tasks[index];
      order.add(index, problemReport(task, { code: why.code, message: failureMessage(why, cliStrings(task.lang), limits) }));
    };
    const launch = (): void => {
      running++;
      startWorker({ script: workerScript, limits, singleThreadedGc: processes >= availableParallelism() }, queue, watch, {
        report: (index, report) => order.add(index, report),
        failed: failure,
        exited: (started, why) => {
          running--;
          failedStarts = started ? 0 : failedStarts + 1;
          if (failedStarts >= MAX_FAILED_STARTS) {
            // Workers cannot start here (a broken installation): every file left gets the reason.
            for (const index of queue.take(queue.remaining)) failure(index, { code: 'worker_unavailable', detail: why.detail });
          }
          if (queue.remaining > 0 && running < processes) launch();
          if (running === 0) resolveAll();
        },
      });
    };
    for (let i = 0; i < processes; i++) launch();
  });
}

/**
 * Workbook bytes per worker process. A worker costs a process start and a cold compiler, and
 * one process already keeps more than one core busy (V8 compiles and collects garbage on
 * threads of its own): on two cores, 500 forms (6 MB) gained nothing from a second process
 * and 5,000 forms gained 1.2× (`npm run bench`).
 */
const BYTES_PER_WORKER = 4 * 1024 * 1024;

function totalBytes(tasks: readonly CheckTask[], indices: readonly number[]): number {
  let total = 0;
  for (const index of indices) {
    try {
      total += statSync(tasks[index].file).size;
    } catch {
      // Unreadable files are reported when they are checked; they weigh nothing here.
    }
  }
  return total;
}

export async function runChecks(tasks: readonly CheckTask[], options: RunOptions): Promise<FileReport[]> {
  const order = new InOrder(tasks.length, options);
  const checkable: number[] = [];
  for (const [index, task] of tasks.entries()) {
    if (task.refused === undefined) checkable.push(index);
    else order.add(index, problemReport(task, { code: task.refused, message: cliStrings(task.lang).fileProblem[task.refused] }));
  }
  if (checkable.length > 0) {
    const processes = Math.max(1, Math.min(options.jobs, checkable.length, 1 + Math.floor(totalBytes(tasks, checkable) / BYTES_PER_WORKER)));
    const queue = new TaskQueue(tasks, checkable, processes);
    if (options.workerScript === undefined) await checkInThisProcess(queue, order);
    else await runOnWorkers(queue, order, processes, options.workerScript, options.limits ?? DEFAULT_LIMITS);
  }
  return order.all();
}
