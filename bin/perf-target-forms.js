#!/usr/bin/env node
// Runs the command line bundle (dist/cli/cli.js), building it first when it is missing or
// older than any file under src/ — so `npm run cli -- …` works from a fresh clone.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'cli.js');
const worker = path.join(root, 'dist', 'cli', 'check-worker.js');
const lockDir = path.join(root, 'dist', '.cli-build-lock');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function bundleTime() {
  try {
    return Math.min(fs.statSync(bundle).mtimeMs, fs.statSync(worker).mtimeMs);
  } catch {
    return -1;
  }
}

function isStale() {
  const built = bundleTime();
  const sources = path.join(root, 'src');
  // An installed package may ship the bundle without the sources: then the bundle is the program.
  if (!fs.existsSync(sources)) return built < 0;
  return built < 0 || built < newestMtime(sources);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// Several runs at once (tests, scripts) build once: the first takes the lock, the others wait.
function buildOnce() {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
      // A lock older than two minutes belongs to a build that died.
      if (age > 120000) fs.rmSync(lockDir, { recursive: true, force: true });
      else sleep(200);
      if (!isStale()) return;
    }
  }
  try {
    if (!isStale()) return;
    process.stderr.write('perf-target-forms: building the command line (dist/cli)…\n');
    const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
    const result = spawnSync(process.execPath, [webpackCli, '--config', path.join(root, 'webpack.cli.config.js')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) {
      process.stderr.write('perf-target-forms: the build failed (npm run build:cli shows why)\n');
      process.exit(2);
    }
    // webpack leaves a file it would write unchanged untouched: date both as built now, or a
    // change that reaches only the worker would leave the other "stale" and rebuilt on every run.
    const now = new Date();
    for (const file of [bundle, worker]) fs.utimesSync(file, now, now);
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

if (isStale()) buildOnce();
require(bundle);
