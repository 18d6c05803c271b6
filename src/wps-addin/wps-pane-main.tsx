/**
 * The WPS add-in's task pane page (taskpane.html, opened by the ribbon button): the same pane
 * as in Excel, mounted over the WPS adapter on `window.Application`. No office.js: WPS puts its
 * object model on the page itself. The adapter (with the rules it runs) is a chunk of its own,
 * requested at once, as on the Excel page.
 */
import { mountPane } from '../taskpane/mount-pane';
import { problemFromError } from '../taskpane/problems';
import { showStartupMessage } from '../taskpane/startup-message';
import type { WpsApplication } from '../wps/wps-api';

/** The page's window inside WPS, which puts the spreadsheet's object model on `window.Application`. */
interface WpsPaneWindow extends Window {
  readonly Application?: WpsApplication;
}

function start(container: HTMLElement): void {
  const application = (window as WpsPaneWindow).Application;
  if (!application) {
    showStartupMessage(container, 'not_in_wps');
    return;
  }
  import(/* webpackChunkName: "wps-host" */ '../wps/wps-host')
    // WPS gives the page no language of its own; its Chromium speaks the language WPS shows.
    .then(({ createWpsHost }) => mountPane(container, createWpsHost({ application, displayLanguage: () => navigator.language })))
    .catch((error: unknown) => {
      const problem = problemFromError(error);
      showStartupMessage(container, 'host_failed', problem.kind === 'unexpected' ? problem.detail : problem.problem.code);
      throw error;
    });
}

const root = document.getElementById('root');
if (!root) throw new Error('taskpane.html lacks the #root element');
start(root);
