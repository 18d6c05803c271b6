// A stand-in for the check's worker process, for the pool's tests: it speaks the same
// protocol (chunks of requests in, one reply per file out) and marks its reports, so the
// tests see which process checked a file. A file named "…crash…" kills it.
'use strict';

process.on('message', (chunk) => {
  for (const { index, task } of chunk.requests) {
    if (task.file.includes('crash')) process.exit(3);
    process.send({ index, report: { file: task.file, forms: [], otherSheets: [], checkedBy: process.pid } });
  }
});
process.on('disconnect', () => process.exit(0));
