// The task pane page alone, built as `npm run build` builds it (the project's
// webpack.config.js in production mode), minus the preview page, which the pane never loads.
// The output folder comes from the command line (`--output-path`), so dist/ is left alone.
// Beside the page it writes `pane-chunks.json`: which chunks the entry loads and which it
// requests itself (dynamic imports), for the bundle figures of the benchmark.
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { createConfig } = require('../webpack.config.js');

class ChunkListPlugin {
  apply(compiler) {
    compiler.hooks.done.tap('ChunkListPlugin', (stats) => {
      const { chunks } = stats.toJson({ all: false, ids: true, chunks: true, chunkRelations: true });
      const list = chunks.map((chunk) => ({ id: chunk.id, names: chunk.names, files: chunk.files, initial: chunk.initial, entry: chunk.entry, parents: chunk.parents }));
      fs.writeFileSync(path.join(compiler.outputPath, 'pane-chunks.json'), JSON.stringify(list, null, 2));
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const config = createConfig(env, { ...argv, mode: 'production' });
  const { taskpane } = config.entry;
  return {
    ...config,
    entry: { taskpane },
    // A second run of the bench reuses the first one's work (minifying takes most of the build).
    cache: { type: 'filesystem', name: 'bench-pane', buildDependencies: { config: [__filename, require.resolve('../webpack.config.js')] } },
    plugins: [...config.plugins.filter((plugin) => !(plugin instanceof HtmlWebpackPlugin) || plugin.userOptions.filename === 'taskpane.html'), new ChunkListPlugin()],
  };
};
