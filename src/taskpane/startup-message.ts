/**
 * What the add-in page shows when the pane cannot start at all: office.js did not load (a
 * blocked CDN) or the page was opened outside Excel (or, for the WPS page, outside WPS). Plain DOM text, in both languages, so
 * the page is never blank.
 */

export type StartupProblem = 'office_js_missing' | 'not_in_excel' | 'not_in_wps' | 'host_failed';

const TEXTS: Readonly<Record<StartupProblem, readonly [zh: string, en: string]>> = {
  office_js_missing: [
    '无法加载 Office 的 JavaScript 库（office.js）。请检查网络能否访问 Office 的 CDN；在无法访问外网的环境中，请使用 OFFICE_JS=local 构建的版本。',
    'Office’s JavaScript library (office.js) could not be loaded. Check that the network reaches Office’s CDN; on an isolated network, use a build made with OFFICE_JS=local.',
  ],
  host_failed: [
    '加载项未能启动（可能是网络中断）。请关闭任务窗格后重新打开。',
    'The add-in could not start (perhaps the network dropped). Close the task pane and open it again.',
  ],
  not_in_excel: [
    '此页面是 Excel 加载项的任务窗格，请在 Excel 中打开（开始 > 申报助手）。不安装 Excel 也可以打开 preview.html 试用。',
    'This page is the task pane of an Excel add-in: open it from Excel (Home > Target forms). To try it without Excel, open preview.html.',
  ],
  not_in_wps: [
    '此页面是 WPS 表格加载项的任务窗格，请在 WPS 表格中打开（绩效目标 > 申报助手）。不安装 WPS 也可以打开 preview.html?host=wps 试用。',
    'This page is the task pane of a WPS Spreadsheets add-in: open it from WPS (绩效目标 > 申报助手). To try it without WPS, open preview.html?host=wps.',
  ],
};

export function showStartupMessage(container: HTMLElement, problem: StartupProblem, detail?: string): void {
  const [zh, en] = TEXTS[problem];
  const box = document.createElement('div');
  box.className = 'startup-message';
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'startup-message';
  box.dataset.problem = problem;
  for (const text of detail ? [zh, en, detail] : [zh, en]) {
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    box.appendChild(paragraph);
  }
  container.replaceChildren(box);
}
