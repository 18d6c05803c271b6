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
import type { CheckTask } from './file-report';
import { testFault } from './test-fault';
import type { WorkerChunk, WorkerMessage, WorkerRequest } from './worker-process';

const channel = process.send?.bind(process);
if (!channel) throw new Error('check-worker must run as a child process with an IPC channel');
const send = (message: WorkerMessage, then?: () => void): void => void channel(message, undefined, undefined, then);

const inbox: WorkerRequest[] = [];
let current: WorkerRequest | undefined;

async function drain(): Promise<void> {
  for (current = inbox.shift(); current !== undefined; current = inbox.shift()) {
    await testFault(current.task.file);
    send({ kind: 'report', index: current.index, report: await checkFileSafe(current.task) });
  }
}

function failedReport(task: CheckTask, error: unknown): WorkerMessage & { kind: 'report' } {
  const detail = error instanceof Error ? error.message : String(error);
  const message = `${cliStrings(task.lang).fileProblem.check_failed}: ${detail.slice(0, 500)}`;
  return { kind: 'report', index: 0, report: { file: task.file, forms: [], otherSheets: [], problem: { code: 'check_failed', message } }, last: true };
}

process.on('uncaughtException', (error) => {
  const request = current;
  if (request === undefined) process.exit(70);
  send({ ...failedReport(request.task, error), index: request.index }, () => process.exit(70));
});

process.on('message', (chunk: WorkerChunk) => {
  const idle = current === undefined;
  inbox.push(...chunk.requests);
  if (idle) void drain();
});
// The parent closes the channel when there is nothing left to check.
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready' });
