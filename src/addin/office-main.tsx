/**
 * The add-in page's entry: waits for Office, then mounts the pane over the Office host.
 * office.js is already loaded by the <script> in taskpane.html's <head>.
 *
 * The composition root is the one place where the pane meets the Office adapter; the pane's
 * components still see only the FormHost interface. The adapter (with the rules and the
 * layout plans it runs) is a separate chunk requested at once, so it downloads while Office
 * starts up instead of delaying the pane's own script.
 */
import { mountPane } from '../taskpane/mount-pane';
import { problemFromError } from '../taskpane/problems';
import { showStartupMessage } from '../taskpane/startup-message';
import { isLegacyWebView } from './legacy-browser';

function start(container: HTMLElement): void {
  // taskpane.html already shows its message in these engines by CSS; make sure it shows, and stop.
  if (isLegacyWebView(navigator.userAgent)) {
    container.querySelector<HTMLElement>('.legacy-browser')?.style.setProperty('display', 'block');
    return;
  }
  if (typeof Office === 'undefined') {
    showStartupMessage(container, 'office_js_missing');
    return;
  }
  const officeEntry = import(/* webpackChunkName: "excel-host" */ '../excel/office-entry');
  Office.onReady((info) => {
    // Outside Office, office.js loads but reports no host and `Excel` stays undefined.
    if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') {
      showStartupMessage(container, 'not_in_excel');
      return;
    }
    officeEntry
      .then(({ createOfficeHost }) => mountPane(container, createOfficeHost()))
      .catch((error: unknown) => {
        const problem = problemFromError(error);
        showStartupMessage(container, 'host_failed', problem.kind === 'unexpected' ? problem.detail : problem.problem.code);
        throw error;
      });
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('taskpane.html lacks the #root element');
start(root);
