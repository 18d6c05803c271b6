/**
 * A worker process of `check`: checks the files it is sent, one at a time. A process rather
 * than a thread: on 1,000 files and two cores, worker threads ran 1.2× faster than one core,
 * worker processes 1.3×, and a crash (ExcelJS out of memory on a huge file) ends only its
 * process.
 */
import { checkFileSafe } from './check-file';
import type { WorkerReply, WorkerRequest } from './run-checks';

const send = process.send?.bind(process);
if (!send) throw new Error('check-worker must run as a child process with an IPC channel');

process.on('message', (request: WorkerRequest) => {
  void checkFileSafe(request.task).then((report) => {
    const reply: WorkerReply = { index: request.index, report };
    send(reply);
  });
});
// The parent closes the channel when there is nothing left to check.
process.on('disconnect', () => process.exit(0));
