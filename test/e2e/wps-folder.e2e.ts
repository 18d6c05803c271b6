/**
 * The WPS add-in as the build leaves it (dist/wps/, dist/wps-jsaddons/): every file WPS needs,
 * well-formed xml naming the right pages, and the two pages in Chromium — the entry page
 * defines the ribbon's callbacks, and its button opens, hides and shows one task pane through
 * `window.Application` (here a stand-in that records the calls WPS documents); the pane page
 * opened outside WPS says what it is instead of staying blank.
 */
import * as path from 'path';
import { createRibbon, RIBBON } from '../../src/wps-addin/ribbon';
import { checkJsaddonsFolder, checkWpsAddinFolder, type WpsAddinExpectation } from '../wps-addin/check-wps-folder';
import { DIST, usePreviewSession } from './support/preview-session';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../package.json') as { name: string; version: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFAULT_WPS_ADDIN_URL } = require('../../scripts/wps-addin-files.js') as { DEFAULT_WPS_ADDIN_URL: string };

const session = usePreviewSession();

const EXPECTED: WpsAddinExpectation = {
  name: pkg.name,
  version: pkg.version,
  url: process.env.WPS_ADDIN_URL ?? DEFAULT_WPS_ADDIN_URL,
  callbacks: Object.keys(createRibbon(() => { throw new Error('not called'); }, () => '')),
  icon: RIBBON.icon,
  panePage: RIBBON.panePage,
};

describe('the WPS add-in folders of the build', () => {
  it('dist/wps holds every file, and its xml names the add-in, its pages and its address', () => {
    expect(checkWpsAddinFolder(path.join(DIST, 'wps'), EXPECTED)).toEqual([]);
  });

  it('dist/wps-jsaddons is a jsaddons folder: publish.xml naming the add-in’s own folder', () => {
    expect(checkJsaddonsFolder(path.join(DIST, 'wps-jsaddons'), EXPECTED)).toEqual([]);
  });
});

interface RecordedPane {
  url: string;
  title: string;
  ID: number;
  Visible: boolean;
}

interface StandInWindow {
  panes: RecordedPane[];
  OnAddinLoad(ribbonUI: object): boolean;
  OnAction(control: { Id: string }): boolean;
  GetImage(control: { Id: string }): string;
}

describe('index.html, the entry WPS loads', () => {
  it('defines the ribbon’s callbacks, and its button opens one pane, then hides and shows it', async () => {
    const page = await session.newPage();
    // What WPS puts on the page before its scripts run (wps.CreateTaskPane, GetTaskPane, PluginStorage).
    await page.addInitScript(() => {
      const panes: { url: string; title: string; ID: number; Visible: boolean }[] = [];
      const storage = new Map<string, unknown>();
      Object.assign(window, {
        panes,
        Application: {
          CreateTaskPane: (url: string, title: string) => {
            const pane = { url, title, ID: 100 + panes.length, Visible: false };
            panes.push(pane);
            return pane;
          },
          GetTaskPane: (id: number) => panes.find((pane) => pane.ID === id) ?? null,
          PluginStorage: { getItem: (key: string) => storage.get(key), setItem: (key: string, value: unknown) => storage.set(key, value) },
        },
      });
    });
    await page.goto(`${session.server.url}/wps/index.html`);
    const visibility = await page.evaluate((buttonId) => {
      const standIn = window as unknown as StandInWindow;
      standIn.OnAddinLoad({});
      const seen: boolean[] = [];
      for (let click = 0; click < 3; click++) {
        standIn.OnAction({ Id: buttonId });
        seen.push(standIn.panes[0].Visible);
      }
      return { seen, panes: standIn.panes.map(({ url, title }) => ({ url, title })), icon: standIn.GetImage({ Id: buttonId }) };
    }, RIBBON.buttonId);
    expect(visibility).toEqual({ seen: [true, false, true], panes: [{ url: `${session.server.url}/wps/taskpane.html`, title: '绩效目标申报助手' }], icon: 'images/icon.svg' });
    expect(await page.locator('#outside-wps').isHidden()).toBe(true);
  });

  it('says what it is when opened in a browser', async () => {
    const page = await session.newPage();
    await page.goto(`${session.server.url}/wps/index.html`);
    await expect(page.locator('#outside-wps').textContent()).resolves.toContain('WPS 表格加载项');
  });
});

describe('taskpane.html of the WPS add-in', () => {
  it('outside WPS explains itself in both languages, loads no office.js and asks for nothing elsewhere', async () => {
    const page = await session.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${session.server.url}/wps/taskpane.html`);
    const message = page.getByTestId('startup-message');
    await message.waitFor();
    expect(await message.getAttribute('data-problem')).toBe('not_in_wps');
    expect(await message.textContent()).toMatch(/WPS 表格加载项的任务窗格.*WPS Spreadsheets add-in/s);
    expect(requested.filter((url) => !url.startsWith(`${session.server.url}/wps/`))).toEqual([]);
    expect(requested.some((url) => /office/i.test(url))).toBe(false);
  });
});
