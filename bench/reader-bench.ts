/**
 * The reader of `check` on files made to hurt it (test/hardening/support/hostile-packages.ts)
 * and on a 64,000-row data sheet beside a form: each file read and checked in a fresh process
 * (`read-one.js`, bundled beside this script), for its time and its peak memory; a process
 * that dies or passes the time limit is reported as such. A filled form alone is the baseline.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formBytes, HOSTILE_FILES, type HostileFile } from '../test/hardening/support/hostile-packages';
import type { ReadOneResult } from './read-one';
import { median, round } from './stats';

export interface ReaderRow {
  readonly file: string;
  readonly fileKiB: number;
  readonly expected: string;
  /** The reading (`ok`, a reason), or how the process ended (`timeout`, `exit 134`, `signal SIGABRT`). */
  readonly reading: string;
  /** Median over the rounds, of the read and check alone (not the process start). */
  readonly seconds: number | null;
  /** Median CPU seconds of the same. */
  readonly cpuSeconds: number | null;
  /** Largest over the rounds. */
  readonly peakMiB: number | null;
}

export interface ReaderBench {
  readonly rounds: number;
  readonly timeLimitSeconds: number;
  readonly rows: readonly ReaderRow[];
}

export const READER_ROUNDS = 3;
const TIME_LIMIT_SECONDS = 120;

type ChildOutcome = { readonly ok: true; readonly result: ReadOneResult } | { readonly ok: false; readonly reading: string };

function runChild(script: string, file: string): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_LIMIT_SECONDS * 1000);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.resume();
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve({ ok: false, reading: `timeout ${TIME_LIMIT_SECONDS} s` });
      else if (code === 0 && out.trim() !== '') resolve({ ok: true, result: JSON.parse(out) as ReadOneResult });
      else resolve({ ok: false, reading: signal ? `signal ${signal}` : `exit ${code}` });
    });
  });
}

async function benchFile(script: string, folder: string, name: string, expected: string, bytes: Buffer, log: (line: string) => void): Promise<ReaderRow> {
  const path = join(folder, 'file.xlsx');
  writeFileSync(path, bytes);
  const outcomes: ChildOutcome[] = [];
  for (let round = 0; round < READER_ROUNDS; round++) {
    const outcome = await runChild(script, path);
    outcomes.push(outcome);
    // A process that dies or hangs is not run again.
    if (!outcome.ok) break;
  }
  const results = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result] : []));
  const failed = outcomes.find((outcome): outcome is Extract<ChildOutcome, { ok: false }> => !outcome.ok);
  const row: ReaderRow = {
    file: name,
    fileKiB: round(bytes.length / 1024, 0),
    expected,
    reading: failed ? failed.reading : results[0].reading,
    seconds: results.length > 0 ? round(median(results.map((result) => result.seconds)), 3) : null,
    cpuSeconds: results.length > 0 ? round(median(results.map((result) => result.cpuSeconds)), 3) : null,
    peakMiB: results.length > 0 ? round(Math.max(...results.map((result) => result.peakMiB)), 0) : null,
  };
  log(`reader: ${name}: ${row.reading}, ${row.seconds ?? '–'} s (CPU ${row.cpuSeconds ?? '–'} s), ${row.peakMiB ?? '–'} MiB`);
  return row;
}

export async function benchReader(options: { bundleDir: string; log?: (line: string) => void; only?: (file: HostileFile) => boolean }): Promise<ReaderBench> {
  const log = options.log ?? (() => undefined);
  const script = join(options.bundleDir, 'read-one.js');
  const folder = mkdtempSync(join(tmpdir(), 'perf-target-forms-reader-'));
  try {
    const rows: ReaderRow[] = [await benchFile(script, folder, 'a filled form (baseline)', 'ok', await formBytes(), log)];
    for (const file of HOSTILE_FILES.filter(options.only ?? (() => true))) rows.push(await benchFile(script, folder, file.name, file.expected, await file.build(), log));
    return { rounds: READER_ROUNDS, timeLimitSeconds: TIME_LIMIT_SECONDS, rows };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
