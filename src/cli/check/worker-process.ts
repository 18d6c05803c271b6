/**
 * One worker process of `check`, seen from the parent: it is sent files in chunks and replies
 * once per file, in order, so the file it is on is always the first one not yet reported. A
 * worker has a memory limit (V8's heap limit, and on Linux its resident set, watched from here)
 * and a time limit per file (from its previous reply); one that breaks either is killed, and
 * the file it was on is reported with the reason. A worker that dies by itself costs that file
 * only. The files it had not reached go back to the queue.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { WorkerFailureCode } from '../messages';
import type { CheckTask, FileReport } from './file-report';
import { heapLimitMb, MEMORY_POLL_MS, type CheckLimits } from './limits';

export interface WorkerRequest {
  readonly index: number;
  readonly task: CheckTask;
}

/** One message to a worker: files to check, in order. */
export interface WorkerChunk {
  readonly requests: readonly WorkerRequest[];
}

/**
 * What a worker says: that it has loaded (before that, its death is no file's fault), and one
 * report per file. `last` marks the report of a file after which it exits on its own (an
 * exception outside any promise, caught by its last-resort handler).
 */
export type WorkerMessage = { readonly kind: 'ready' } | { readonly kind: 'report'; readonly index: number; readonly report: FileReport; readonly last?: boolean };

/** Where a worker gets its files and gives back the ones it did not reach. */
export interface WorkSource {
  readonly tasks: readonly CheckTask[];
  takeChunk(): number[];
  giveBack(indices: readonly number[]): void;
}

export interface WorkerFailure {
  readonly code: WorkerFailureCode;
  readonly detail: string;
}

export interface WorkerSink {
  report(index: number, report: FileReport): void;
  /** The file the worker was on when it died, and why. */
  failed(index: number, failure: WorkerFailure): void;
  /** The worker is gone; `started` is false when it died before it could check what it was sent. */
  exited(started: boolean, failure: WorkerFailure): void;
}

/** What V8 prints when the heap limit is reached, and Node when an allocation fails. */
const OUT_OF_MEMORY_OUTPUT = /heap out of memory|Reached heap limit|Allocation failed|out of memory/i;
/** The end of a worker's stderr is kept to tell why it died; the rest is not shown. */
const STDERR_TAIL = 4096;

/**
 * A memory figure of a process in bytes, where Linux shows it (VmRSS: its resident set now,
 * VmHWM: its peak); null elsewhere or once the process is gone.
 */
export function processMemoryBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function residentBytes(pid: number): number | null {
  return processMemoryBytes(pid, 'VmRSS');
}

/** Polls the workers' memory; a worker above the limit is told so. One timer for all of them. */
export class MemoryWatch {
  private readonly watched = new Map<number, () => void>();
  private timer: NodeJS.Timeout | null = null;
  private readonly available = residentBytes(process.pid) !== null;

  constructor(private readonly limitBytes: number) {}

  add(pid: number, onOver: () => void): void {
    if (!this.available) return;
    this.watched.set(pid, onOver);
    this.timer ??= setInterval(() => this.poll(), MEMORY_POLL_MS);
  }

  remove(pid: number): void {
    this.watched.delete(pid);
    if (this.watched.size === 0 && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private poll(): void {
    for (const [pid, onOver] of this.watched) {
      const bytes = residentBytes(pid);
      if (bytes !== null && bytes > this.limitBytes) onOver();
    }
  }
}

function failureOf(killedFor: WorkerFailureCode | null, code: number | null, signal: NodeJS.Signals | null, stderr: string): WorkerFailure {
  const how = signal !== null ? signal : `exit code ${code}`;
  if (killedFor !== null) return { code: killedFor, detail: how };
  if (OUT_OF_MEMORY_OUTPUT.test(stderr)) return { code: 'out_of_memory', detail: how };
  const lastLine = stderr.trim().split('\n').at(-1)?.trim() ?? '';
  return { code: 'worker_crashed', detail: lastLine === '' ? how : `${how}: ${lastLine.slice(0, 200)}` };
}

export function startWorker(script: string, limits: CheckLimits, source: WorkSource, watch: MemoryWatch, sink: WorkerSink): void {
  const child: ChildProcess = fork(script, [], {
    execArgv: [
      ...process.execArgv,
      `--max-old-space-size=${heapLimitMb(limits)}`,
      // Every core is busy checking: a worker's garbage collector works on its own thread
      // instead of taking time from the others (6% faster on 5,000 files, two cores).
      '--single-threaded-gc',
    ],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  /** Chunks sent and not yet fully reported, oldest first; the worker checks them in order. */
  const inFlight: number[][] = [];
  let loaded = false;
  let hadWork = false;
  let retiring = false;
  let killedFor: WorkerFailureCode | null = null;
  let ended = false;
  let stderr = '';
  let spawnError = '';

  const kill = (reason: WorkerFailureCode): void => {
    if (killedFor !== null || ended) return;
    killedFor = reason;
    child.kill('SIGKILL');
  };
  // Armed until the worker has loaded, then rearmed by every reply: the current file's time.
  const clock = setTimeout(() => kill('timed_out'), limits.timeoutMs);

  const sendChunk = (): void => {
    if (retiring || !child.connected) return;
    const chunk = source.takeChunk();
    if (chunk.length === 0) return;
    hadWork = true;
    inFlight.push(chunk);
    const message: WorkerChunk = { requests: chunk.map((index) => ({ index, task: source.tasks[index] })) };
    child.send(message);
  };
  const disconnectIfIdle = (): void => {
    if (inFlight.length === 0 && child.connected) child.disconnect();
  };

  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-STDERR_TAIL);
    if (process.env.PERF_TARGET_FORMS_DEBUG) process.stderr.write(text);
  });
  child.on('message', (message: WorkerMessage) => {
    clock.refresh();
    if (message.kind === 'ready') {
      loaded = true;
      return;
    }
    const current = inFlight[0];
    if (current && current[0] === message.index) current.shift();
    if (current && current.length === 0) inFlight.shift();
    if (message.last) retiring = true;
    else if (current && current.length === 0) sendChunk();
    sink.report(message.index, message.report);
    disconnectIfIdle();
  });

  const end = (code: number | null, signal: NodeJS.Signals | null): void => {
    if (ended) return;
    ended = true;
    clearTimeout(clock);
    if (child.pid !== undefined) watch.remove(child.pid);
    const [current, ...unchecked] = inFlight.splice(0).flat();
    const failure = spawnError !== '' ? { code: 'worker_unavailable' as const, detail: spawnError } : failureOf(killedFor, code, signal, stderr);
    if (!loaded || retiring) {
      // Not the fault of the file it was on: every file it held goes back.
      source.giveBack(current === undefined ? [] : [current, ...unchecked]);
    } else if (current !== undefined) {
      sink.failed(current, failure);
      source.giveBack(unchecked);
    }
    sink.exited(loaded || !hadWork, failure);
  };
  child.on('error', (error) => {
    // A process that never started sends no 'exit'; a later error (a message to a worker
    // that just died) is followed by its 'exit', which tells why it died.
    if (child.pid !== undefined) return;
    spawnError = error.message;
    end(null, null);
  });
  // Ended once it has exited and its channel has closed: by then every message it sent has been handled.
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  let channelClosed = false;
  const endWhenBoth = (): void => {
    if (exit !== null && channelClosed) end(exit.code, exit.signal);
  };
  child.on('exit', (code, signal) => {
    exit = { code, signal };
    endWhenBoth();
  });
  child.on('disconnect', () => {
    channelClosed = true;
    endWhenBoth();
  });
  if (child.pid !== undefined) watch.add(child.pid, () => kill('out_of_memory'));
  sendChunk();
  sendChunk();
  disconnectIfIdle();
}
