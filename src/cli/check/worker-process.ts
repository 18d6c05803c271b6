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
import { MarkerFile } from './worker-marker';

export interface WorkerRequest {
  readonly index: number;
  readonly task: CheckTask;
}

/** One message to a worker: files to check, in order. */
export interface WorkerChunk {
  readonly requests: readonly WorkerRequest[];
}

export interface FileReportMessage {
  readonly index: number;
  readonly report: FileReport;
}

/**
 * What a worker says: that it has loaded (before that, its death is no file's fault), and the
 * reports of the files it has checked, in order, a few at a time (`worker-marker.ts` tells the
 * parent which file it is on). `last` marks reports after which it exits on its own (an
 * exception outside any promise, caught by its last-resort handler).
 */
export type WorkerMessage = { readonly kind: 'ready' } | { readonly kind: 'reports'; readonly reports: readonly FileReportMessage[]; readonly last?: boolean };

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
/** A worker that has not loaded by then will not: a broken installation, a machine out of memory. */
const STARTUP_TIMEOUT_MS = 60_000;
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
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^Node\.js v/.test(line));
  // The error's own line where Node printed one ("Error: Cannot find module …"), else the last.
  const said = [...lines].reverse().find((line) => /^\w*Error\b/.test(line)) ?? lines.at(-1) ?? '';
  return { code: 'worker_crashed', detail: said === '' ? how : `${how}: ${said.slice(0, 200)}` };
}

export interface WorkerSettings {
  readonly script: string;
  readonly limits: CheckLimits;
  /**
   * When there are as many workers as cores, each collects its garbage on its own thread
   * instead of taking time from the others (6% faster on 5,000 files, two cores); a lone
   * worker leaves V8 its helper threads on the idle cores.
   */
  readonly singleThreadedGc: boolean;
}

export function startWorker(settings: WorkerSettings, source: WorkSource, watch: MemoryWatch, sink: WorkerSink): void {
  new WorkerRun(settings, source, watch, sink).start();
}

/** One worker's life, from its fork to its end, and what becomes of the files it was sent. */
class WorkerRun {
  private readonly marker = new MarkerFile();
  private readonly child: ChildProcess;
  /** Chunks sent and not yet fully reported, oldest first; the worker checks them in order. */
  private readonly inFlight: number[][] = [];
  private loaded = false;
  private hadWork = false;
  private retiring = false;
  private killedFor: WorkerFailureCode | null = null;
  private ended = false;
  private stderr = '';
  private spawnError = '';
  // Until the worker has loaded: its start, which is no file's time. Then rearmed by every
  // message (sent at least every MAX_PENDING_MS while it checks): the current file's time.
  private clock: NodeJS.Timeout;
  // Ended once it has exited and its channel has closed: by then every message it sent has been handled.
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private channelClosed = false;

  constructor(
    private readonly settings: WorkerSettings,
    private readonly source: WorkSource,
    private readonly watch: MemoryWatch,
    private readonly sink: WorkerSink,
  ) {
    this.child = fork(settings.script, [], {
      execArgv: [...process.execArgv, `--max-old-space-size=${heapLimitMb(settings.limits)}`, ...(settings.singleThreadedGc ? ['--single-threaded-gc'] : [])],
      serialization: 'advanced',
      // The marker is the fifth descriptor: the worker's MARKER_FD.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc', this.marker.fd],
    });
    this.clock = setTimeout(() => this.kill('timed_out'), STARTUP_TIMEOUT_MS);
  }

  start(): void {
    const { child } = this;
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-STDERR_TAIL);
      if (process.env.PERF_TARGET_FORMS_DEBUG) process.stderr.write(text);
    });
    child.on('message', (message: WorkerMessage) => this.received(message));
    child.on('error', (error) => {
      // A process that never started sends no 'exit'; a later error (a message to a worker
      // that just died) is followed by its 'exit', which tells why it died.
      if (child.pid !== undefined) return;
      this.spawnError = error.message;
      this.end(null, null);
    });
    child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.endWhenBoth();
    });
    child.on('disconnect', () => {
      this.channelClosed = true;
      this.endWhenBoth();
    });
    if (child.pid !== undefined) this.watch.add(child.pid, () => this.kill('out_of_memory'));
    this.sendChunk();
    this.sendChunk();
    this.disconnectIfIdle();
  }

  private kill(reason: WorkerFailureCode): void {
    if (this.killedFor !== null || this.ended) return;
    this.killedFor = reason;
    this.child.kill('SIGKILL');
  }

  private sendChunk(): void {
    if (this.retiring || !this.child.connected) return;
    const chunk = this.source.takeChunk();
    if (chunk.length === 0) return;
    this.hadWork = true;
    this.inFlight.push(chunk);
    const message: WorkerChunk = { requests: chunk.map((index) => ({ index, task: this.source.tasks[index] })) };
    this.child.send(message);
  }

  private disconnectIfIdle(): void {
    if (this.inFlight.length === 0 && this.child.connected) this.child.disconnect();
  }

  private received(message: WorkerMessage): void {
    this.clock.refresh();
    if (message.kind === 'ready') {
      this.loaded = true;
      clearTimeout(this.clock);
      this.clock = setTimeout(() => this.kill('timed_out'), this.settings.limits.timeoutMs);
      return;
    }
    if (message.last) this.retiring = true;
    for (const { index, report } of message.reports) {
      const oldest = this.inFlight[0];
      if (oldest && oldest[0] === index) oldest.shift();
      if (oldest && oldest.length === 0) {
        this.inFlight.shift();
        this.sendChunk();
      }
      this.sink.report(index, report);
    }
    this.disconnectIfIdle();
  }

  private endWhenBoth(): void {
    if (this.exit !== null && this.channelClosed) this.end(this.exit.code, this.exit.signal);
  }

  private end(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.clock);
    if (this.child.pid !== undefined) this.watch.remove(this.child.pid);
    const unreported = this.inFlight.splice(0).flat();
    const marked = this.marker.read();
    this.marker.close();
    const failure = this.spawnError !== '' ? { code: 'worker_unavailable' as const, detail: this.spawnError } : failureOf(this.killedFor, code, signal, this.stderr);
    // The file it was on; files before it whose reports were still held back are checked again.
    const current = this.loaded && !this.retiring && marked !== null && unreported.includes(marked) ? marked : null;
    if (current !== null) this.sink.failed(current, failure);
    this.source.giveBack(unreported.filter((index) => index !== current));
    // A worker that held files and died on none of them (nor retired) may never get through them: counted as a failed start.
    this.sink.exited(!this.hadWork || this.retiring || current !== null || unreported.length === 0, failure);
  }
}
