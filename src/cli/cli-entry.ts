/** The bundle's entry: `bin/perf-target-forms.js` runs `dist/cli/cli.js`. */
import { startCli } from './main';

startCli();
