/**
 * `npm run bench`: the engine's scale, the add-in's round trips, the pane's bundle size, the
 * command line's batch speed and its reader on hostile files, and the in-memory Excel's own
 * speed. Prints a table; with `--json`, prints one JSON object on stdout and everything else
 * on stderr.
 *
 *   node dist/bench/bench.js [--json] --pane-dir DIR [--only engine,layouts,syncs,wps,bundle,cli,memory,reader] [--sizes 10,100]
 *
 * `--pane-dir` is a production build of the pane, with the WPS add-in's pane in its wps/ (`scripts/bench.js` makes both).
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { JS_GOAL_BYTES, measureBundle, type BundleFile, type BundleSize } from './bundle-bench';
import { benchCli, CLI_RATIO_GOAL, type CliBench, type CliBenchDetail } from './cli-bench';
import { benchEngineSize, ENGINE_SIZES, engineGrowth, type EngineRow } from './engine-bench';
import { benchLayouts, type LayoutRow } from './layout-bench';
import { benchMemoryExcel, type MemoryExcelBench } from './memory-excel-bench';
import type { Spread } from './stats';
import { benchReader, type ReaderBench } from './reader-bench';
import { benchReadBytes, benchSyncs, DATA_COLUMNS, DATA_ROWS, SYNC_GOALS, type ReadBytes, type SyncCounts, type SyncExtras } from './sync-bench';
import { benchWps, WPS_ACTIONS, WPS_SIZES, type WpsRow } from './wps-bench';

const SECTIONS = ['engine', 'layouts', 'syncs', 'wps', 'bundle', 'cli', 'memory', 'reader'] as const;
type Section = (typeof SECTIONS)[number];

/** The command line of the bench is wrong. */
export class BenchUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchUsageError';
  }
}

interface BenchArgs {
  readonly json: boolean;
  readonly paneDir: string | null;
  readonly sections: ReadonlySet<Section>;
  /** Indicator rows of the engine's forms (`--sizes 1000,10000`); the default is 10 to 10,000 (10 to 1,000 for wps). */
  readonly sizes: readonly number[];
  readonly sizesGiven: boolean;
}

function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let json = false;
  let paneDir: string | null = null;
  let sections = new Set<Section>(SECTIONS);
  let sizes: readonly number[] = ENGINE_SIZES;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--pane-dir') paneDir = argv[++i] ?? null;
    else if (arg === '--only') {
      const wanted = (argv[++i] ?? '').split(',').filter(Boolean);
      const unknown = wanted.filter((name) => !(SECTIONS as readonly string[]).includes(name));
      if (wanted.length === 0 || unknown.length > 0) throw new BenchUsageError(`--only takes some of ${SECTIONS.join(',')}; got "${wanted.join(',')}"`);
      sections = new Set(wanted as Section[]);
    } else if (arg === '--sizes') {
      sizes = (argv[++i] ?? '').split(',').map(Number);
      if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new BenchUsageError('--sizes takes row counts such as 10,100,1000');
    } else throw new BenchUsageError(`unknown argument ${arg}`);
  }
  if (sections.has('bundle') && paneDir === null) throw new BenchUsageError('--pane-dir DIR is needed for the bundle figures (npm run bench builds it)');
  return { json, paneDir, sections, sizes, sizesGiven: sizes !== ENGINE_SIZES };
}

export interface BenchReport {
  engine?: EngineRow[];
  layouts?: LayoutRow[];
  syncs?: SyncCounts;
  /** Calls into the WPS object model per action, for forms of growing size. */
  wps?: WpsRow[];
  /** Bytes read by the adapter, with a large data sheet in the workbook and without. */
  reads?: { withData: ReadBytes; formOnly: ReadBytes };
  bundle?: BundleSize;
  /** The WPS add-in's pane page (wps/taskpane.html), held to the Excel pane's budget. */
  wpsBundle?: BundleSize;
  cli?: CliBench;
  memory?: MemoryExcelBench;
  reader?: ReaderBench;
  machine: { cpus: number; cpuModel: string; node: string };
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(1))
    .join(' ');
}

function machine(): BenchReport['machine'] {
  const list = cpus();
  return { cpus: list.length, cpuModel: list[0]?.model.trim() ?? 'unknown', node: process.version };
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

interface Details {
  syncExtras?: SyncExtras;
  bundleFiles?: BundleFile[];
  wpsBundleFiles?: BundleFile[];
  cliDetail?: CliBenchDetail;
}

/** One page's first-render files and totals against the 150 KB goal. */
function bundleSection(title: string, size: BundleSize, files: readonly BundleFile[]): string[] {
  const js = size.initialJsGzipBytes;
  return [
    `${title}, loaded before first render (gzip -9; office.js not counted)`,
    table(['file', 'loaded', 'bytes', 'gzip'], files.map((f) => [f.file, f.origin === 'tag' ? 'by taskpane.html' : 'by the entry, before mounting', kb(f.bytes), kb(f.gzipBytes)])),
    `JS ${kb(js)} (goal ≤ ${kb(JS_GOAL_BYTES)}: ${js <= JS_GOAL_BYTES ? 'met' : 'MISSED'}), CSS ${kb(size.initialCssGzipBytes)}`,
    '',
  ];
}

function render(report: BenchReport, details: Details): string {
  const out: string[] = [];
  const m = report.machine;
  out.push(`perf-target-forms benchmarks — ${m.cpus} × ${m.cpuModel}, Node ${m.node}, ${new Date().toISOString().slice(0, 10)}, load average ${loadAverage()}`, '');
  if (report.engine) {
    out.push('Engine (department form, N indicator rows and N task rows; medians)');
    out.push(table(['rows', 'extract ms', 'check ms', 'pane view ms', 'issues'], report.engine.map((r) => [r.indicatorRows, r.extractMs.toFixed(2), r.checkMs.toFixed(2), r.viewMs.toFixed(2), r.issues])));
    const growth = engineGrowth(report.engine);
    out.push('', 'Growth per 10× rows (linear ≈ 10×; less while fixed costs dominate)');
    out.push(table(['rows', 'extract', 'check', 'pane view'], growth.map((g) => [`${g.from} → ${g.to}`, `${g.extract}×`, `${g.check}×`, `${g.view}×`])), '');
  }
  if (report.layouts) {
    out.push('Layouts (each layout’s sample, its 年度 indicator table grown to N rows; medians)');
    out.push(table(['layout', 'rows', 'extract ms', 'check ms', 'extract + check ms'], report.layouts.map((r) => [r.layout, r.indicatorRows, r.extractMs.toFixed(2), r.checkMs.toFixed(2), (r.extractMs + r.checkMs).toFixed(2)])), '');
  }
  if (report.syncs) {
    out.push('Round trips (context.sync) through the adapter on the in-memory Excel');
    const rows: (string | number)[][] = (Object.keys(SYNC_GOALS) as (keyof SyncCounts)[]).map((key) => {
      const count = report.syncs?.[key] ?? 0;
      return [key, count, `≤ ${SYNC_GOALS[key]}`, count <= SYNC_GOALS[key] ? 'met' : 'MISSED'];
    });
    if (details.syncExtras) rows.push(['addTaskRow (pane)', details.syncExtras.addTaskRow, '', '']);
    out.push(table(['action', 'syncs', 'goal', ''], rows), '');
  }
  if (report.wps) {
    out.push('Calls into the WPS object model (each crosses into WPS) through the adapter on the in-memory WPS: all calls / range reads (Value2, Formula) / range writes / conditional formats added or deleted');
    const sizes = report.wps;
    out.push(
      table(
        ['action', ...sizes.map((row) => `${row.indicatorRows} indicator rows`)],
        WPS_ACTIONS.map((action) => [action, ...sizes.map((row) => {
          const calls = row.actions[action];
          return `${calls.calls} / ${calls.rangeReads} / ${calls.rangeWrites} / ${calls.conditions}`;
        })]),
      ),
    );
    out.push('(start searches every form sheet for merged areas; the edits keep them)', '');
  }
  if (report.reads) {
    const { withData, formOnly } = report.reads;
    out.push(`Bytes read (Excel's responses; the limit is 5 MB), with a ${DATA_ROWS.toLocaleString('en-US')} × ${DATA_COLUMNS} data sheet in the workbook and without`);
    const row = (label: string, key: keyof ReadBytes): (string | number)[] => [label, kb(withData[key]), key === 'dataEdit' ? '' : kb(formOnly[key])];
    out.push(table(['action', 'with data sheet', 'form only'], [row('start', 'start'), row('insert the department form', 'insert'), row('an edit on the form', 'formEdit'), row('an edit on the data sheet', 'dataEdit')]), '');
  }
  if (report.bundle) out.push(...bundleSection('Task pane', report.bundle, details.bundleFiles ?? []));
  if (report.wpsBundle) out.push(...bundleSection('WPS task pane (the Excel pane’s budget)', report.wpsBundle, details.wpsBundleFiles ?? []));
  if (report.cli) {
    const c = report.cli;
    const d = details.cliDetail;
    const range = (spread: Spread): string => `${spread.min.toFixed(2)}–${spread.max.toFixed(2)}`;
    const cpu = (seconds: number | null | undefined): string => (seconds === null || seconds === undefined ? '' : seconds.toFixed(2));
    out.push(`Command line, ${c.files} filled forms, in this process (medians of ${c.rounds.inProcess} alternating rounds each)`);
    out.push(
      table(
        ['run', 'seconds', 'min–max', 'files/s', 'CPU s'],
        [
          ['ExcelJS load only, 1 core', c.loadOnlySeconds.toFixed(2), range(c.spread.loadOnlySeconds), (c.files / c.loadOnlySeconds).toFixed(0), cpu(d?.loadOnlyCpuSeconds)],
          ['check, 1 core (runChecks, jobs 1)', c.checkSeconds.toFixed(2), range(c.spread.checkSeconds), (c.files / c.checkSeconds).toFixed(0), cpu(d?.checkCpuSeconds)],
        ],
      ),
    );
    out.push(`check / load-only = ${c.ratio} (goal ≤ ${CLI_RATIO_GOAL}: ${c.ratio <= CLI_RATIO_GOAL ? 'met' : 'MISSED'})`);
    if (d) {
      const p = d.phases;
      out.push(`The check's phases on the files in memory: reading ${p.readSeconds} s, extraction ${p.extractSeconds} s, rules ${p.rulesSeconds} s, messages ${p.messagesSeconds} s`);
      out.push(`(files written in ${d.writeSeconds} s; ${d.filesWithErrors} files with errors; ${d.errors} errors, ${d.warnings} warnings in all)`);
    }
    const b = c.bigBatch;
    out.push('', `Command line as a fresh process: node cli.js check DIR --jobs J --format json (medians of ${c.rounds.cold} alternating rounds each; CPU s includes the worker processes)`);
    out.push(
      table(
        ['files', 'jobs', 'seconds', 'min–max', 'files/s', 'CPU s', 'speed-up'],
        [
          [c.files, 1, c.coldJobs1Seconds.toFixed(2), range(c.spread.coldJobs1Seconds), (c.files / c.coldJobs1Seconds).toFixed(0), cpu(d?.coldJobs1CpuSeconds), ''],
          [c.files, c.jobs, c.parallelSeconds.toFixed(2), range(c.spread.parallelSeconds), (c.files / c.parallelSeconds).toFixed(0), cpu(d?.parallelCpuSeconds), `${c.speedup.toFixed(2)}×`],
          [b.files, 1, b.jobs1Seconds.toFixed(2), range(b.spread.jobs1Seconds), (b.files / b.jobs1Seconds).toFixed(0), cpu(d?.bigBatchJobs1CpuSeconds), ''],
          [b.files, c.jobs, b.jobsNSeconds.toFixed(2), range(b.spread.jobsNSeconds), (b.files / b.jobsNSeconds).toFixed(0), cpu(d?.bigBatchJobsNCpuSeconds), `${b.speedup.toFixed(2)}×`],
          [b.files, `${c.jobs} × 1 side by side`, b.sideBySideSeconds.toFixed(2), range(b.spread.sideBySideSeconds), (b.files / b.sideBySideSeconds).toFixed(0), '', `${b.ceiling.toFixed(2)}×`],
        ],
      ),
    );
    out.push(`speed-up = jobs 1 seconds / jobs ${c.jobs} seconds; "side by side" is ${c.jobs} separate --jobs 1 processes on ${Math.floor(b.files / c.jobs)} files each, the most ${c.jobs} processes get from this machine`);
    const iso = c.isolation;
    const mb = (value: number | null): string => (value === null ? 'n/a' : `${value} MiB`);
    out.push('', `Isolation: every file in a worker process (limit ${iso.memoryLimitMb} MiB, fresh processes, default jobs; medians of ${iso.rounds}+ rounds)`);
    out.push(
      table(
        ['run', 'seconds', 'reported', 'parent peak', 'worker peak'],
        [
          ['one form alone (the fixed cost of a worker)', iso.singleFileSeconds.toFixed(2), 1, '', ''],
          [`${iso.goodFiles} forms`, iso.goodOnlySeconds.toFixed(2), iso.goodFiles, '', ''],
          [`${iso.goodFiles} forms + 1 sheet bomb (3 GiB inflated)`, iso.withBombSeconds.toFixed(2), `${iso.reported} (bomb: ${iso.bombReason})`, mb(iso.parentPeakMb), mb(iso.workerPeakMb)],
        ],
      ),
    );
    out.push('');
  }
  if (report.memory) {
    const m = report.memory;
    out.push(`The in-memory Excel: a 60 × 6 sheet laid out, then ${m.edits} typed values each read back by a change handler (medians)`);
    out.push(table(['step', 'ms', 'syncs'], [['layout', m.layoutMs.toFixed(2), 1], [`${m.edits} edits`, m.editsMs.toFixed(2), m.syncs]]), '');
  }
  if (report.reader) {
    const r = report.reader;
    out.push(`Reader of check on hostile files, each read and checked in a fresh process (median seconds and largest peak memory of ${r.rounds} rounds; time limit ${r.timeLimitSeconds} s)`);
    const number = (value: number | null, digits: number): string => (value === null ? '–' : value.toFixed(digits));
    out.push(
      table(
        ['file', 'KiB', 'reading', 'expected', 'seconds', 'CPU s', 'peak MiB'],
        r.rows.map((row) => [row.file, row.fileKiB, row.reading, row.reading === row.expected ? '' : `MISSED (${row.expected})`, number(row.seconds, 3), number(row.cpuSeconds, 3), number(row.peakMiB, 0)]),
      ),
    );
    out.push('');
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const report: BenchReport = { machine: machine() };
  const details: Details = {};
  if (args.sections.has('engine')) {
    report.engine = [];
    for (const size of args.sizes) {
      log(`engine: ${size} rows…`);
      report.engine.push(benchEngineSize(size));
    }
  }
  if (args.sections.has('layouts')) {
    log('layouts…');
    report.layouts = benchLayouts();
  }
  if (args.sections.has('syncs')) {
    log('syncs…');
    const { counts, extras } = await benchSyncs();
    report.syncs = counts;
    details.syncExtras = extras;
    log('bytes read…');
    report.reads = await benchReadBytes();
  }
  if (args.sections.has('wps')) {
    log('wps…');
    report.wps = await benchWps(args.sizesGiven ? args.sizes : WPS_SIZES);
  }
  if (args.sections.has('bundle') && args.paneDir !== null) {
    log('bundle…');
    const { size, files } = measureBundle(args.paneDir);
    report.bundle = size;
    details.bundleFiles = files;
    // scripts/bench.js builds the WPS add-in's pane into the wps/ folder beside the Excel one.
    const wps = measureBundle(join(args.paneDir, 'wps'));
    report.wpsBundle = wps.size;
    details.wpsBundleFiles = wps.files;
  }
  if (args.sections.has('cli')) {
    log('cli: writing and checking files…');
    // The command line and its worker are bundled beside this script (bench/webpack.bench.config.js).
    const { result, detail } = await benchCli({ bundleDir: __dirname, log });
    report.cli = result;
    details.cliDetail = detail;
  }
  if (args.sections.has('memory')) {
    log('memory…');
    report.memory = await benchMemoryExcel();
  }
  if (args.sections.has('reader')) {
    log('reader: hostile files…');
    report.reader = await benchReader({ bundleDir: __dirname, log });
  }
  if (args.json) {
    const engine = report.engine?.map(({ indicatorRows, extractMs, checkMs, viewMs }) => ({ indicatorRows, extractMs, checkMs, viewMs }));
    const ordered = { engine, layouts: report.layouts, syncs: report.syncs, wps: report.wps, reads: report.reads, bundle: report.bundle, wpsBundle: report.wpsBundle, cli: report.cli, memory: report.memory, reader: report.reader, machine: report.machine };
    process.stdout.write(`${JSON.stringify(ordered)}\n`);
    process.stderr.write(render(report, details));
  } else {
    process.stdout.write(render(report, details));
  }
}

main().catch((error: unknown) => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`bench: ${detail}\n`);
  process.exitCode = error instanceof BenchUsageError ? 2 : 1;
});
