// The benchmark bundle: dist/bench/bench.js, and beside it the command line as it ships
// (dist/bench/cli.js and its check worker dist/bench/check-worker.js, which the command line
// looks for beside its own script), for Node, built like the command line's own bundle. The
// bench runs cli.js as a fresh process, as a reviewer would; read-one.js reads one file in a
// process of its own for the reader's figures.
const path = require('path');
const { nodeBundle } = require('../scripts/webpack-node-bundle.js');

const root = path.resolve(__dirname, '..');

module.exports = nodeBundle({
  context: root,
  entry: { bench: './bench/main.ts', cli: './src/cli/cli-entry.ts', 'check-worker': './src/cli/check/check-worker.ts', 'read-one': './bench/read-one.ts' },
  outputPath: path.resolve(root, 'dist/bench'),
  // bench/tsconfig.json adds Node's types to the project's settings.
  configFile: path.resolve(__dirname, 'tsconfig.json'),
  cache: { type: 'filesystem', name: 'bench-node', buildDependencies: { config: [__filename, path.resolve(root, 'scripts/webpack-node-bundle.js')] } },
});
