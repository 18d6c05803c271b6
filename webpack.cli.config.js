// The command line bundle: dist/cli/cli.js and its worker dist/cli/check-worker.js, for Node.
// ExcelJS and JSZip stay external (required from node_modules at run time).
const path = require('path');

module.exports = {
  mode: 'production',
  target: 'node20',
  entry: {
    cli: './src/cli/cli-entry.ts',
    'check-worker': './src/cli/check/check-worker.ts',
  },
  output: {
    path: path.resolve(__dirname, 'dist/cli'),
    filename: '[name].js',
    library: { type: 'commonjs2' },
    clean: true,
  },
  // Keep Node's own __dirname: the CLI finds its worker script beside itself.
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
          // Type checking is `npm run typecheck`'s job; the bundle only transpiles.
          options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'esnext', sourceMap: false } },
        },
      },
    ],
  },
  optimization: { minimize: false },
  devtool: false,
  performance: { hints: false },
  stats: 'errors-warnings',
};
