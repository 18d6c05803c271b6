// The task pane page alone, built as `npm run build` builds it (the project's
// webpack.config.js in production mode), minus the preview page, which the pane never loads.
// The output folder comes from the command line (`--output-path`), so dist/ is left alone.
const HtmlWebpackPlugin = require('html-webpack-plugin');
const createConfig = require('../webpack.config.js');

module.exports = (env = {}, argv = {}) => {
  const config = createConfig(env, { ...argv, mode: 'production' });
  const { taskpane } = config.entry;
  return {
    ...config,
    entry: { taskpane },
    plugins: config.plugins.filter((plugin) => !(plugin instanceof HtmlWebpackPlugin) || plugin.userOptions.filename === 'taskpane.html'),
  };
};
