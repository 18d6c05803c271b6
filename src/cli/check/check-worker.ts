/** A worker thread of `check`: checks the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { checkFileSafe } from './check-file';
import type { WorkerReply, WorkerRequest } from './run-checks';

const port = parentPort;
if (!port) throw new Error('check-worker must run in a worker thread');

port.on('message', (request: WorkerRequest) => {
  void checkFileSafe(request.task).then((report) => {
    const reply: WorkerReply = { index: request.index, report };
    port.postMessage(reply);
  });
});
