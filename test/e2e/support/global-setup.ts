/**
 * Builds the pages once for the whole e2e run (production mode, as shipped) with webpack's
 * Node API, into dist/ (the WPS add-in into dist/wps/).
 */
import * as path from 'path';
import webpack from 'webpack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const createConfigs = require('../../../webpack.config.js') as (env: Record<string, string>, argv: { mode: string }) => webpack.Configuration[];

export const ROOT = path.join(__dirname, '..', '..', '..');

export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  // The Excel add-in with the preview, and the WPS add-in (dist/wps/).
  const configs = createConfigs({}, { mode: 'production' });
  const stats = await new Promise<webpack.MultiStats>((resolve, reject) => {
    webpack(configs, (error, result) => {
      if (error) reject(error);
      else if (!result) reject(new Error('webpack returned no stats'));
      else resolve(result);
    });
  });
  if (stats.hasErrors()) throw new Error(`The build failed:\n${stats.toString({ all: false, errors: true })}`);
}
