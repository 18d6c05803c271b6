// The benchmark bundle: dist/bench/bench.js and the command line's check worker beside it
// (dist/bench/check-worker.js), for Node, built like the command line's own bundle.
const path = require('path');
const { nodeBundle } = require('../scripts/webpack-node-bundle.js');

const root = path.resolve(__dirname, '..');

module.exports = nodeBundle({
  context: root,
  entry: { bench: './bench/main.ts', 'check-worker': './src/cli/check/check-worker.ts' },
  outputPath: path.resolve(root, 'dist/bench'),
  // bench/tsconfig.json adds Node's types to the project's settings.
  configFile: path.resolve(__dirname, 'tsconfig.json'),
  cache: { type: 'filesystem', name: 'bench-node', buildDependencies: { config: [__filename, path.resolve(root, 'scripts/webpack-node-bundle.js')] } },
});
