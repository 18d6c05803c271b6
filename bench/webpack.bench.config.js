// The benchmark bundle: dist/bench/bench.js and the command line's check worker beside it
// (dist/bench/check-worker.js), for Node. ExcelJS and JSZip stay external, as in the CLI bundle.
const path = require('path');

const root = path.resolve(__dirname, '..');

module.exports = {
  mode: 'production',
  target: 'node20',
  context: root,
  entry: {
    bench: './bench/main.ts',
    'check-worker': './src/cli/check/check-worker.ts',
  },
  output: {
    path: path.resolve(root, 'dist/bench'),
    filename: '[name].js',
    library: { type: 'commonjs2' },
    clean: true,
  },
  // Node's own __dirname: the bench finds the worker script beside itself.
  node: { __dirname: false, __filename: false },
  externals: { exceljs: 'commonjs exceljs', jszip: 'commonjs jszip' },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          // Type checking is `npx tsc -p bench/tsconfig.json`; the bundle only transpiles.
          options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.json'), compilerOptions: { noEmit: false, module: 'esnext', sourceMap: false } },
        },
      },
    ],
  },
  cache: { type: 'filesystem', name: 'bench-node', buildDependencies: { config: [__filename] } },
  // Minifying would only slow the build down; names in profiles stay readable.
  optimization: { minimize: false },
  devtool: false,
  performance: { hints: false },
  stats: 'errors-warnings',
};
