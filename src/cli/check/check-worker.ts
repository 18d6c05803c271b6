/**
 * A worker process of `check`: checks the files it is sent, one at a time and in the order
 * sent, replying after each. A process rather than a thread: a crash (out of memory on a
 * huge file, a fatal error in V8) ends only its process, and the pool loses only that file.
 *
 * An exception thrown outside any promise (ExcelJS parsing a part in an event handler) leaves
 * the file's promise pending forever: the file is reported with the exception's message and
 * the worker exits, to be replaced by a fresh one.
 */
import { cliStrings } from '../messages';
import { checkFileSafe } from './check-file';
import type { FileReport } from './file-report';
import { testFault } from './test-fault';
import { MAX_PENDING_MS, MAX_PENDING_REPORTS, startMarker } from './worker-marker';
import type { FileReportMessage, WorkerChunk, WorkerMessage, WorkerRequest } from './worker-process';

const channel = process.send?.bind(process);
if (!channel) throw new Error('check-worker must run as a child process with an IPC channel');
const send = (message: WorkerMessage, then?: () => void): void => void channel(message, undefined, undefined, then);

const inbox: WorkerRequest[] = [];
let current: WorkerRequest | undefined;
const marker = startMarker();
/** Reports not yet sent: one message per file costs more than checking a small file. */
let pending: FileReportMessage[] = [];
let lastFlush = performance.now();

function flush(): void {
  if (pending.length === 0) return;
  send({ kind: 'reports', reports: pending });
  pending = [];
  lastFlush = performance.now();
}

/** Without a marker the parent learns the current file from the reports: one per file then. */
function shouldFlush(): boolean {
  return !marker.works || inbox.length === 0 || pending.length >= MAX_PENDING_REPORTS || performance.now() - lastFlush >= MAX_PENDING_MS;
}

async function drain(): Promise<void> {
  for (current = inbox.shift(); current !== undefined; current = inbox.shift()) {
    marker.mark(current.index);
    await testFault(current.task.file);
    pending.push({ index: current.index, report: await checkFileSafe(current.task) });
    if (shouldFlush()) flush();
  }
}

/** The report of the file an exception outside any promise interrupted: its last before the worker exits. */
function lastReport(request: WorkerRequest, error: unknown): WorkerMessage {
  const detail = error instanceof Error ? error.message : String(error);
  const message = `${cliStrings(request.task.lang).fileProblem.check_failed}: ${detail.slice(0, 500)}`;
  const report: FileReport = { file: request.task.file, forms: [], otherSheets: [], problem: { code: 'check_failed', message } };
  return { kind: 'reports', reports: [...pending, { index: request.index, report }], last: true };
}

/** Exit code of a worker that stops itself after such an exception (EX_SOFTWARE). */
const EXIT_AFTER_EXCEPTION = 70;

process.on('uncaughtException', (error) => {
  if (current === undefined) process.exit(EXIT_AFTER_EXCEPTION);
  send(lastReport(current, error), () => process.exit(EXIT_AFTER_EXCEPTION));
});

process.on('message', (chunk: WorkerChunk) => {
  const idle = current === undefined;
  inbox.push(...chunk.requests);
  if (idle) void drain();
});
// The parent closes the channel when there is nothing left to check.
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready' });
