/**
 * The pool behind `check --jobs N`: every file reported once and in input order whoever
 * checked it, small batches kept in this process, and a worker that dies costing only the
 * file it was on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckTask, FileReport } from '../../../src/cli/check/file-report';
import { runChecks, type RunOptions } from '../../../src/cli/check/run-checks';
import { workbookToBuffer } from '../../../src/cli/xlsx/save-workbook';
import { templateWorkbook } from '../../../src/cli/xlsx/write-plan';
import { tempDir } from '../helpers/workbooks';

const STAND_IN_WORKER = join(__dirname, '../helpers/stand-in-check-worker.js');

/** Files of `bytes` bytes each that are not workbooks: this process reports them as such. */
function filesOf(folder: string, names: readonly string[], bytes: number): CheckTask[] {
  return names.map((name) => {
    const file = join(folder, name);
    writeFileSync(file, Buffer.alloc(bytes, 0x20));
    return { file, lang: 'zh-CN' as const };
  });
}

function checkedBy(report: FileReport): 'worker' | 'this process' {
  return 'checkedBy' in report ? 'worker' : 'this process';
}

async function run(tasks: readonly CheckTask[], jobs: number): Promise<{ reports: FileReport[]; inOrder: number[]; progress: number }> {
  const inOrder: number[] = [];
  let progress = 0;
  const options: RunOptions = { jobs, workerScript: STAND_IN_WORKER, onReport: (_report, index) => inOrder.push(index), onProgress: (done) => (progress = done) };
  const reports = await runChecks(tasks, options);
  return { reports, inOrder, progress };
}

describe('runChecks', () => {
  let folder: ReturnType<typeof tempDir>;
  beforeEach(() => {
    folder = tempDir('pool');
  });
  afterEach(() => folder.remove());

  it('shares a big batch between this process and the workers, and reports in input order', async () => {
    const tasks = filesOf(folder.path, Array.from({ length: 400 }, (_, i) => `form-${i}.xlsx`), 24 * 1024);
    const { reports, inOrder, progress } = await run(tasks, 3);
    expect(reports.map((report) => report.file)).toEqual(tasks.map((task) => task.file));
    expect(inOrder).toEqual(tasks.map((_, i) => i));
    expect(progress).toBe(400);
    const counts = { worker: 0, 'this process': 0 };
    for (const report of reports) counts[checkedBy(report)]++;
    expect(counts.worker).toBeGreaterThan(0);
    expect(counts['this process']).toBeGreaterThan(0);
    expect(new Set(reports.filter((report) => 'checkedBy' in report).map((report) => (report as { checkedBy: number }).checkedBy)).size).toBe(2);
  });

  it.each([
    ['a batch too small to be worth a process', 150, 3],
    ['one job', 400, 1],
  ])('keeps %s in this process', async (_what, count, jobs) => {
    const tasks = filesOf(folder.path, Array.from({ length: count }, (_, i) => `form-${i}.xlsx`), 8 * 1024);
    const { reports } = await run(tasks, jobs);
    expect(reports.map(checkedBy)).toEqual(tasks.map(() => 'this process'));
    expect(reports.map((report) => report.problem?.code)).toEqual(tasks.map(() => 'not_a_workbook'));
  });

  it('reports the file a worker died on as failed and checks every other file', async () => {
    const names = Array.from({ length: 300 }, (_, i) => (i === 0 || i === 5 || i === 200 ? `crash-${i}.xlsx` : `form-${i}.xlsx`));
    const tasks = filesOf(folder.path, names, 32 * 1024);
    const { reports, inOrder } = await run(tasks, 2);
    expect(inOrder).toEqual(tasks.map((_, i) => i));
    const failed = reports.flatMap((report, i) => (report.problem?.code === 'check_failed' ? [i] : []));
    // A crash file a worker reaches kills it; one this process reaches is simply not a workbook.
    // The first chunk goes to the worker before this process starts, so file 0 kills it.
    expect(failed).toContain(0);
    expect(failed.every((i) => names[i].startsWith('crash'))).toBe(true);
    for (const [i, report] of reports.entries()) {
      expect(report.file).toBe(tasks[i].file);
      if (!names[i].startsWith('crash')) expect(report.problem?.code ?? 'checked by a worker').not.toBe('check_failed');
    }
  });

  it('goes on in this process when a worker cannot start, at the cost of at most the file it was sent first', async () => {
    // Real forms, so that this process is still busy when the worker fails to start.
    const form = await workbookToBuffer(templateWorkbook('department', { year: 2022, withSample: true }));
    const tasks = Array.from({ length: 600 }, (_, i): CheckTask => {
      const file = join(folder.path, `form-${i}.xlsx`);
      writeFileSync(file, form);
      return { file, lang: 'zh-CN' };
    });
    // A worker whose script is missing: it fails to load it and exits, as `node no-such-worker.js`
    // would, but records the error here instead of printing its stack trace into the test output.
    const failure = join(folder.path, 'worker-failure.txt');
    const workerScript = join(folder.path, 'worker-that-cannot-start.js');
    writeFileSync(
      workerScript,
      `try { require(${JSON.stringify(join(folder.path, 'no-such-worker.js'))}); } catch (error) { require('fs').writeFileSync(${JSON.stringify(failure)}, error.code); process.exit(1); }`,
    );
    const reports = await runChecks(tasks, { jobs: 2, workerScript });
    expect(readFileSync(failure, 'utf8')).toBe('MODULE_NOT_FOUND');
    expect(reports.map((report) => report.file)).toEqual(tasks.map((task) => task.file));
    const problems = reports.map((report) => report.problem?.code ?? 'checked');
    expect(problems.filter((code) => code === 'check_failed').length).toBeLessThanOrEqual(1);
    expect(problems.filter((code) => code === 'checked').length).toBeGreaterThanOrEqual(599);
  }, 30_000); // 600 real forms: seconds on a busy machine, beyond jest's default 5 s.
});
