// The two task pane pages alone, built as `npm run build` builds them (the project's
// webpack.config.js in production mode): the Excel pane (taskpane.html) into the folder given
// by `--env paneDir=DIR`, and the WPS add-in's pane (wps/taskpane.html) into DIR/wps — minus the
// preview and the WPS ribbon page, which the panes never load. dist/ is left alone.
// Beside each page it writes `pane-chunks.json`: which chunks the entry loads and which it
// requests itself (dynamic imports), for the bundle figures of the benchmark.
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { createConfig, createWpsConfig } = require('../webpack.config.js');

class ChunkListPlugin {
  apply(compiler) {
    compiler.hooks.done.tap('ChunkListPlugin', (stats) => {
      const { chunks } = stats.toJson({ all: false, ids: true, chunks: true, chunkRelations: true });
      const list = chunks.map((chunk) => ({ id: chunk.id, names: chunk.names, files: chunk.files, initial: chunk.initial, entry: chunk.entry, parents: chunk.parents }));
      fs.writeFileSync(path.join(compiler.outputPath, 'pane-chunks.json'), JSON.stringify(list, null, 2));
    });
  }
}

/** One page of a configuration: its `taskpane` entry and its taskpane.html, into `outputPath`. */
function paneOnly(config, name, outputPath) {
  const { taskpane } = config.entry;
  return {
    ...config,
    name,
    entry: { taskpane },
    // The folder is new (scripts/bench.js makes it); cleaning it would let one build remove the other's wps/.
    output: { ...config.output, path: outputPath, clean: false },
    // A second run of the bench reuses the first one's work (minifying takes most of the build).
    cache: { type: 'filesystem', name: `bench-${name}`, buildDependencies: { config: [__filename, require.resolve('../webpack.config.js')] } },
    plugins: [...config.plugins.filter((plugin) => plugin instanceof HtmlWebpackPlugin && plugin.userOptions.filename === 'taskpane.html'), new ChunkListPlugin()],
  };
}

module.exports = (env = {}, argv = {}) => {
  if (!env.paneDir) throw new Error('bench/webpack.pane.config.js needs --env paneDir=DIR');
  const options = { ...argv, mode: 'production' };
  return [paneOnly(createConfig(env, options), 'pane', path.resolve(env.paneDir)), paneOnly(createWpsConfig(env, options), 'wps-pane', path.resolve(env.paneDir, 'wps'))];
};
