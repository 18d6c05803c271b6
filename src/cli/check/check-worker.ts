/**
 * A worker process of `check`: checks the files it is sent, one at a time and in the order
 * sent, replying after each. A process rather than a thread: a crash (out of memory on a
 * huge file) ends only its process, and the pool loses only that file.
 */
import { checkFileSafe } from './check-file';
import type { WorkerChunk, WorkerReply, WorkerRequest } from './run-checks';

const send = process.send?.bind(process);
if (!send) throw new Error('check-worker must run as a child process with an IPC channel');

const inbox: WorkerRequest[] = [];
let checking = false;

async function drain(): Promise<void> {
  checking = true;
  for (let request = inbox.shift(); request !== undefined; request = inbox.shift()) {
    const reply: WorkerReply = { index: request.index, report: await checkFileSafe(request.task) };
    send?.(reply);
  }
  checking = false;
}

process.on('message', (chunk: WorkerChunk) => {
  inbox.push(...chunk.requests);
  if (!checking) void drain();
});
// The parent closes the channel when there is nothing left to check.
process.on('disconnect', () => process.exit(0));
