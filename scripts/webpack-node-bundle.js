const path = require('path');

// A Node bundle of TypeScript entries, shared by the command line (webpack.cli.config.js) and
// the benchmark (bench/webpack.bench.config.js). ExcelJS and JSZip stay external.

/** A Node bundle of TypeScript entries, transpiled only (type checking is `npm run typecheck`'s job). */
function nodeBundle({ context = path.resolve(__dirname, '..'), entry, outputPath, configFile, cache }) {
  return {
    mode: 'production',
    target: 'node20',
    context,
    entry,
    output: { path: outputPath, filename: '[name].js', library: { type: 'commonjs2' }, clean: true },
    // Keep Node's own __dirname: the bundle finds its worker script beside itself.
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
            options: { transpileOnly: true, ...(configFile ? { configFile } : {}), compilerOptions: { noEmit: false, module: 'esnext', sourceMap: false } },
          },
        },
      ],
    },
    ...(cache ? { cache } : {}),
    // Minifying would only slow the build down; names in stack traces and profiles stay readable.
    optimization: { minimize: false },
    devtool: false,
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

module.exports = { nodeBundle };
