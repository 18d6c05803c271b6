/**
 * Checks many files on all cores: this process and `jobs - 1` worker processes take files
 * from one queue. Workers are sent files in chunks, so that a worker never waits for the
 * next file to arrive (a file takes about a millisecond to check, about as long as a message
 * takes to cross). Chunks shrink as the queue empties, so that all finish together.
 * Reports come back in any order and are handed on in the order of the inputs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { cliStrings } from '../messages';
import { checkFileSafe } from './check-file';
import type { CheckTask, FileReport } from './file-report';

export interface WorkerRequest {
  readonly index: number;
  readonly task: CheckTask;
}

/** One message to a worker: files to check, in order. */
export interface WorkerChunk {
  readonly requests: readonly WorkerRequest[];
}

export interface WorkerReply {
  readonly index: number;
  readonly report: FileReport;
}

export interface RunOptions {
  readonly jobs: number;
  /** The compiled worker script; without it the files are checked in this process only. */
  readonly workerScript?: string;
  /** Called once per file, in input order, as soon as the file and all before it are done. */
  readonly onReport?: (report: FileReport, index: number) => void;
  /** Called after each file, in completion order. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The largest chunk: bigger ones save nothing and let one worker hoard the queue's tail. */
const MAX_CHUNK = 32;
/** Chunks per process the remaining queue is cut into, so that the last ones are small. */
const CHUNKS_PER_PROCESS = 8;

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

  get finished(): boolean {
    return this.done === this.reports.length;
  }

  all(): FileReport[] {
    return this.reports.map((report, index) => {
      if (!report) throw new Error(`internal: no report for input ${index}`);
      return report;
    });
  }
}

/** The files not yet handed out; files of a crashed worker go back to its front. */
class TaskQueue {
  private next = 0;
  private readonly returned: number[] = [];

  constructor(
    readonly tasks: readonly CheckTask[],
    private readonly processes: number,
  ) {}

  get remaining(): number {
    return this.tasks.length - this.next + this.returned.length;
  }

  take(count: number): number[] {
    const taken = this.returned.splice(0, count);
    while (taken.length < count && this.next < this.tasks.length) taken.push(this.next++);
    return taken;
  }

  takeChunk(): number[] {
    return this.take(Math.max(1, Math.min(MAX_CHUNK, Math.floor(this.remaining / (this.processes * CHUNKS_PER_PROCESS)))));
  }

  giveBack(indices: readonly number[]): void {
    this.returned.unshift(...indices);
  }
}

function crashedReport(task: CheckTask, error: unknown): FileReport {
  const detail = error instanceof Error ? error.message : String(error);
  return { file: task.file, forms: [], otherSheets: [], problem: { code: 'check_failed', message: `${cliStrings(task.lang).fileProblem.check_failed}: ${detail}` } };
}

async function checkInThisProcess(queue: TaskQueue, order: InOrder, yieldBetweenFiles: boolean): Promise<void> {
  for (let [index] = queue.take(1); index !== undefined; [index] = queue.take(1)) {
    order.add(index, await checkFileSafe(queue.tasks[index]));
    // Let the workers' messages through: they are sent their next files from here.
    if (yieldBetweenFiles) await new Promise((resume) => setImmediate(resume));
  }
}

/**
 * A worker process, kept two chunks ahead: it checks one while the next waits in its inbox.
 * When it dies, the file it was on is reported as failed (a file that kills a worker, say
 * out of memory, costs that file only) and the files it had not reached go back to the queue.
 */
function startWorker(workerScript: string, queue: TaskQueue, order: InOrder, onExit: (replied: boolean) => void): void {
  const worker: ChildProcess = fork(workerScript, [], {
    // Every core is busy checking: a worker's garbage collector works on its own thread
    // instead of taking time from the others (6% faster on 5,000 files, two cores).
    execArgv: [...process.execArgv, '--single-threaded-gc'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  /** Chunks sent and not yet fully reported, oldest first; the worker checks them in order. */
  const inFlight: number[][] = [];
  let failure: unknown = null;
  let replied = false;
  let ended = false;

  const sendChunk = (): void => {
    const chunk = queue.takeChunk();
    if (chunk.length === 0) return;
    inFlight.push(chunk);
    const message: WorkerChunk = { requests: chunk.map((index) => ({ index, task: queue.tasks[index] })) };
    worker.send(message);
  };

  const end = (code: number | null, signal: NodeJS.Signals | null): void => {
    if (ended) return;
    ended = true;
    const [current, ...unchecked] = inFlight.splice(0).flat();
    if (current !== undefined) {
      order.add(current, crashedReport(queue.tasks[current], failure ?? new Error(`worker exited (${signal ?? `code ${code}`})`)));
      queue.giveBack(unchecked);
    }
    onExit(replied);
  };

  worker.on('message', (reply: WorkerReply) => {
    replied = true;
    const current = inFlight[0];
    if (current && current[0] === reply.index) current.shift();
    if (current && current.length === 0) {
      inFlight.shift();
      sendChunk();
    }
    order.add(reply.index, reply.report);
    if (inFlight.length === 0 && worker.connected) worker.disconnect();
  });
  worker.on('error', (error) => {
    failure = error;
    // A process that never started sends no 'exit'.
    if (worker.pid === undefined) end(null, null);
  });
  worker.on('exit', end);
  sendChunk();
  sendChunk();
  if (inFlight.length === 0) worker.disconnect();
}

function runOnProcesses(queue: TaskQueue, order: InOrder, workers: number, workerScript: string): Promise<void> {
  return new Promise((resolveAll, rejectAll) => {
    let running = 0;
    let thisProcessDone = false;
    const finishIfDone = (): void => {
      if (!thisProcessDone || running > 0) return;
      // Files given back by a worker that died after this process ran out of work.
      if (queue.remaining > 0) checkInThisProcess(queue, order, false).then(resolveAll, rejectAll);
      else resolveAll();
    };
    const launch = (): void => {
      running++;
      startWorker(workerScript, queue, order, (replied) => {
        running--;
        // A worker that died leaves its files to a new one, while there are enough of them;
        // one that died before its first reply may not start at all, and is not replaced.
        if (replied && !thisProcessDone && queue.remaining >= MAX_CHUNK) launch();
        finishIfDone();
      });
    };
    for (let i = 0; i < workers; i++) launch();
    checkInThisProcess(queue, order, true).then(() => {
      thisProcessDone = true;
      finishIfDone();
    }, rejectAll);
  });
}

/**
 * Workbook bytes per worker process. A worker costs a process start and a cold compiler, and
 * one process already keeps more than one core busy (V8 compiles and collects garbage on
 * threads of its own): on two cores, 500 forms (6 MB) gained nothing from a second process
 * and 5,000 forms gained 1.2× (`npm run bench`).
 */
const BYTES_PER_WORKER = 4 * 1024 * 1024;

function totalBytes(tasks: readonly CheckTask[]): number {
  let total = 0;
  for (const task of tasks) {
    try {
      total += statSync(task.file).size;
    } catch {
      // Unreadable files are reported when they are checked; they weigh nothing here.
    }
  }
  return total;
}

export async function runChecks(tasks: readonly CheckTask[], options: RunOptions): Promise<FileReport[]> {
  const order = new InOrder(tasks.length, options);
  if (tasks.length === 0) return [];
  const workers =
    options.workerScript && options.jobs > 1 && tasks.length > 1 ? Math.min(options.jobs - 1, tasks.length - 1, Math.floor(totalBytes(tasks) / BYTES_PER_WORKER)) : 0;
  const queue = new TaskQueue(tasks, workers + 1);
  if (workers <= 0 || !options.workerScript) await checkInThisProcess(queue, order, false);
  else await runOnProcesses(queue, order, workers, options.workerScript);
  return order.all();
}
