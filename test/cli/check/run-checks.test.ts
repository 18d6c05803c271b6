/**
 * The pool behind `check --jobs N`, on a stand-in worker that speaks the real protocol: every
 * file reported once and in input order whoever checked it, small batches on one worker, and a
 * worker that dies, hangs or retires costing at most the file it was on, the rest going on.
 *
 * Each test runs a few worker processes; on a busy two-core machine starting them takes
 * seconds, hence a timeout above jest's default 5 s. The one test that waits for a time limit
 * uses the smallest (1 s).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckTask, FileReport } from '../../../src/cli/check/file-report';
import { DEFAULT_LIMITS } from '../../../src/cli/check/limits';
import { runChecks, type RunOptions } from '../../../src/cli/check/run-checks';
import { tempDir } from '../helpers/workbooks';

jest.setTimeout(30_000);

const STAND_IN_WORKER = join(__dirname, '../helpers/stand-in-check-worker.js');
/** The smallest time limit, for the test that waits for it; the others keep the default, as a busy machine may be slow. */
const SHORT_LIMITS = { timeoutMs: 1000, memoryMb: 1024 };

/** Files of `bytes` bytes each that are not workbooks; the stand-in does not read them. */
function filesOf(folder: string, names: readonly string[], bytes: number): CheckTask[] {
  return names.map((name) => {
    const file = join(folder, name);
    writeFileSync(file, Buffer.alloc(bytes, 0x20));
    return { file, lang: 'zh-CN' as const };
  });
}

function checkerOf(report: FileReport): number | undefined {
  return (report as FileReport & { checkedBy?: number }).checkedBy;
}

async function run(tasks: readonly CheckTask[], jobs: number, workerScript = STAND_IN_WORKER, limits = DEFAULT_LIMITS): Promise<{ reports: FileReport[]; inOrder: number[]; progress: number }> {
  const inOrder: number[] = [];
  let progress = 0;
  const options: RunOptions = { jobs, workerScript, limits, onReport: (_report, index) => inOrder.push(index), onProgress: (done) => (progress = done) };
  const reports = await runChecks(tasks, options);
  return { reports, inOrder, progress };
}

const codes = (reports: readonly FileReport[]): string[] => reports.map((report) => report.problem?.code ?? 'checked');

describe('runChecks', () => {
  let folder: ReturnType<typeof tempDir>;
  beforeEach(() => {
    folder = tempDir('pool');
  });
  afterEach(() => folder.remove());

  it('shares a big batch between the workers and reports in input order', async () => {
    const tasks = filesOf(folder.path, Array.from({ length: 400 }, (_, i) => `form-${i}.xlsx`), 24 * 1024);
    const { reports, inOrder, progress } = await run(tasks, 3);
    expect(reports.map((report) => report.file)).toEqual(tasks.map((task) => task.file));
    expect(inOrder).toEqual(tasks.map((_, i) => i));
    expect(progress).toBe(400);
    expect(reports.every((report) => checkerOf(report) !== undefined)).toBe(true);
    expect(new Set(reports.map(checkerOf)).size).toBe(3);
  });

  it.each([
    ['a batch too small to be worth a second process', 150, 3],
    ['one job', 400, 1],
    ['a single file', 1, 4],
  ])('checks %s on one worker, never in this process', async (_what, count, jobs) => {
    const tasks = filesOf(folder.path, Array.from({ length: count }, (_, i) => `form-${i}.xlsx`), 8 * 1024);
    const { reports } = await run(tasks, jobs);
    expect(codes(reports)).toEqual(tasks.map(() => 'checked'));
    expect(new Set(reports.map(checkerOf)).size).toBe(1);
    expect(checkerOf(reports[0])).not.toBe(process.pid);
  });

  it('reports the file a worker died on, replaces the worker and checks every other file', async () => {
    const names = Array.from({ length: 300 }, (_, i) => (i === 0 || i === 5 || i === 200 ? `crash-${i}.xlsx` : `form-${i}.xlsx`));
    const tasks = filesOf(folder.path, names, 1024);
    const { reports, inOrder } = await run(tasks, 2);
    expect(inOrder).toEqual(tasks.map((_, i) => i));
    expect(reports.map((report) => report.file)).toEqual(tasks.map((task) => task.file));
    expect(codes(reports)).toEqual(names.map((name) => (name.startsWith('crash') ? 'worker_crashed' : 'checked')));
    expect(reports[5].problem?.message).toBe('检查进程意外退出，已跳过该文件: exit code 3');
    expect(new Set(reports.map(checkerOf)).size).toBeGreaterThanOrEqual(4);
  });

  it('stops a worker that takes too long on a file and reports that file as timed out', async () => {
    const names = ['form-0.xlsx', 'hang-1.xlsx', 'form-2.xlsx', 'form-3.xlsx'];
    const { reports } = await run(filesOf(folder.path, names, 1024), 1, STAND_IN_WORKER, SHORT_LIMITS);
    expect(codes(reports)).toEqual(['checked', 'timed_out', 'checked', 'checked']);
    expect(reports[1].problem?.message).toBe('超时：检查该文件超过时间上限，已跳过（1 秒）');
  });

  it('takes a report marked last as the file it was on and charges the next file nothing', async () => {
    const names = ['form-0.xlsx', 'retire-1.xlsx', 'form-2.xlsx', 'form-3.xlsx'];
    const { reports } = await run(filesOf(folder.path, names, 1024), 1);
    expect(codes(reports)).toEqual(['checked', 'checked', 'checked', 'checked']);
    expect(checkerOf(reports[2])).not.toBe(checkerOf(reports[1]));
  });

  it('reports every file, and hangs not, when no worker can start', async () => {
    const tasks = filesOf(folder.path, Array.from({ length: 50 }, (_, i) => `form-${i}.xlsx`), 1024);
    const { reports } = await run(tasks, 2, join(folder.path, 'no-such-worker.js'));
    expect(reports.map((report) => report.file)).toEqual(tasks.map((task) => task.file));
    expect(codes(reports)).toEqual(tasks.map(() => 'worker_unavailable'));
    // Its error is the reason given, not printed into the output.
    expect(reports[0].problem?.message).toMatch(/^无法启动检查进程: exit code 1: Error: Cannot find module/);
  });

  it('reports refused inputs in their place without a worker', async () => {
    const tasks: CheckTask[] = [...filesOf(folder.path, ['a.xlsx'], 10), { file: join(folder.path, 'link.xlsx'), lang: 'en-US', refused: 'symlink' }];
    const { reports } = await run(tasks, 2);
    expect(codes(reports)).toEqual(['checked', 'symlink']);
    expect(reports[1].problem?.message).toBe('A symbolic link: not followed (give the file it points to directly)');
  });
});
