/**
 * One file through the reader of `check` and the core's check, in a process of its own, for
 * the reader benchmark (bench/reader-bench.ts): prints one JSON line with the reading, the
 * seconds taken and the process's peak resident memory, so that a file that exhausts memory
 * or time ends only this process.
 *
 *   node dist/bench/read-one.js FILE
 *   node dist/bench/read-one.js FILE FILE…   (several files in turn, warm: the figures summed)
 */
import { readFileSync } from 'node:fs';
import { checkWorkbook } from '../src/core/check/check-workbook';
import { readSnapshotBytes } from '../src/cli/xlsx/snapshot-reader/read-snapshot';

export interface ReadOneResult {
  readonly reading: string;
  readonly forms: number;
  readonly seconds: number;
  /** CPU seconds of the read and check (user and system, all threads): steadier than wall time on a busy machine. */
  readonly cpuSeconds: number;
  /** Peak resident set of the whole process (Node itself is about 40 MiB of it). */
  readonly peakMiB: number;
}

/**
 * The process's peak resident memory in MiB. Linux's VmHWM belongs to this program alone;
 * `resourceUsage().maxRSS` also counts the parent's before `exec`, which the bench process
 * (holding the files it made) would dominate.
 */
function peakMiB(): number {
  const hwm = process.platform === 'linux' ? /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8')) : null;
  return hwm ? Number(hwm[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

function readOne(path: string): ReadOneResult {
  const bytes = readFileSync(path);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const read = readSnapshotBytes(bytes);
  const forms = read.ok ? checkWorkbook(read.snapshot).forms.length : 0;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { reading: read.ok ? 'ok' : read.code, forms, seconds, cpuSeconds: (used.user + used.system) / 1e6, peakMiB: peakMiB() };
}

/** Several files one after the other in this process, warm: the read and check of each, summed. */
function readMany(paths: readonly string[]): ReadOneResult {
  const files = paths.map((path) => readFileSync(path));
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let forms = 0;
  let unread = '';
  for (const bytes of files) {
    const read = readSnapshotBytes(bytes);
    if (read.ok) forms += checkWorkbook(read.snapshot).forms.length;
    else unread ||= read.code;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { reading: unread || 'ok', forms, seconds, cpuSeconds: (used.user + used.system) / 1e6, peakMiB: peakMiB() };
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  process.stderr.write('usage: node read-one.js FILE [FILE…]\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(paths.length === 1 ? readOne(paths[0]) : readMany(paths))}\n`);
}
