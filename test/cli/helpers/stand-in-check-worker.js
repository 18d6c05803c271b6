// A stand-in for the check's worker process, for the pool's tests: it speaks the same
// protocol (ready; chunks of requests in; the index of the file it is on written to the marker,
// fd 4; reports out, one per message here) and marks its reports, so the tests see which
// process checked a file. A file named "…crash…" kills it, "…hang…" makes it spin forever,
// "…retire…" makes it report the file as its last and exit.
'use strict';

const { writeSync } = require('fs');

const MARKER_FD = 4;
const marker = Buffer.alloc(4);
let retired = false;

process.on('message', (chunk) => {
  if (retired) return;
  for (const { index, task } of chunk.requests) {
    marker.writeInt32LE(index);
    writeSync(MARKER_FD, marker, 0, 4, 0);
    if (task.file.includes('crash')) process.exit(3);
    if (task.file.includes('hang')) for (;;);
    const report = { file: task.file, forms: [], otherSheets: [], checkedBy: process.pid };
    if (task.file.includes('retire')) {
      retired = true;
      process.send({ kind: 'reports', reports: [{ index, report }], last: true }, () => process.exit(70));
      return;
    }
    process.send({ kind: 'reports', reports: [{ index, report }] });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ kind: 'ready' });
