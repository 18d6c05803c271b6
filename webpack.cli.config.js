// The command line bundle: dist/cli/cli.js and its worker dist/cli/check-worker.js, for Node.
// ExcelJS and JSZip stay external (required from node_modules at run time).
const path = require('path');
const { nodeBundle } = require('./scripts/webpack-node-bundle.js');

module.exports = nodeBundle({
  entry: { cli: './src/cli/cli-entry.ts', 'check-worker': './src/cli/check/check-worker.ts' },
  outputPath: path.resolve(__dirname, 'dist/cli'),
});
