#!/usr/bin/env node
// `npm run bench [-- --json] [-- --only engine,layouts,syncs,wps,bundle,cli,memory,reader]`: builds what the benchmarks
// measure, then runs them (bench/main.ts, bundled for Node into dist/bench/).
//
//   1. the task pane pages in production mode (Excel's, and the WPS add-in's in its wps/), with
//      the project's own webpack.config.js (as `npm run build` does), into a temporary folder
//      so that dist/ of a running `npm start` or test is left alone;
//   2. the benchmark bundle, with bench/webpack.bench.config.js;
//   3. node dist/bench/bench.js, which prints a table, or with --json one JSON object on
//      stdout (the builds' and the runs' chatter go to stderr).
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
const args = process.argv.slice(2);

function only() {
  const at = args.indexOf('--only');
  return at >= 0 ? (args[at + 1] || '').split(',') : null;
}

function run(label, argv) {
  process.stderr.write(`bench: ${label}…\n`);
  const started = Date.now();
  // stdout of the builds goes to stderr: stdout carries the JSON alone.
  const result = spawnSync(process.execPath, argv, { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write(`bench: ${label} failed (exit ${result.status})\n`);
    process.exit(result.status || 1);
  }
  process.stderr.write(`bench: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const sections = only();
const wantsBundle = sections === null || sections.includes('bundle');
const paneDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-target-forms-pane-'));
try {
  if (wantsBundle) run('production build of the task panes', [webpackCli, '--config', path.join(root, 'bench', 'webpack.pane.config.js'), '--env', `paneDir=${paneDir}`]);
  run('benchmark bundle', [webpackCli, '--config', path.join(root, 'bench', 'webpack.bench.config.js')]);
  const benchArgs = [path.join(root, 'dist', 'bench', 'bench.js'), ...args, ...(wantsBundle ? ['--pane-dir', paneDir] : [])];
  const result = spawnSync(process.execPath, benchArgs, { cwd: root, stdio: 'inherit' });
  process.exitCode = result.status === null ? 1 : result.status;
} finally {
  fs.rmSync(paneDir, { recursive: true, force: true });
}
