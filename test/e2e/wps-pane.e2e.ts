/**
 * The WPS add-in's pane page as shipped (dist/wps/taskpane.html, production build), in Chromium
 * over a WPS object model: before the page's scripts run, `window.Application` is set to the
 * in-memory WPS (src/wps-memory, bundled here for the page), as WPS sets it to its own. A person
 * inserts a form from the pane, types a wrong figure into the workbook, sees the issue and the
 * owned highlight, applies the fix, and clears the highlights.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';
import type { Page } from 'playwright-core';
import type { MemoryWps } from '../../src/wps-memory';
import { usePreviewSession } from './support/preview-session';

const ROOT = path.join(__dirname, '..', '..');
const SHEET = '部门整体支出绩效目标';
const LIBRARY = 'PerfTargetFormsMemoryWps';

interface PageWithWps {
  memoryWps: MemoryWps;
}

/** The in-memory WPS as one script that defines `window.PerfTargetFormsMemoryWps`. */
async function bundleMemoryWps(folder: string): Promise<string> {
  const config: webpack.Configuration = {
    mode: 'development',
    devtool: false,
    target: ['web', 'es2020'],
    entry: path.join(ROOT, 'src', 'wps-memory', 'index.ts'),
    output: { path: folder, filename: 'memory-wps.js', library: { name: LIBRARY, type: 'window' } },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false } } }] },
  };
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (error, result) => (error ? reject(error) : result ? resolve(result) : reject(new Error('webpack returned no stats')))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return path.join(folder, 'memory-wps.js');
}

const session = usePreviewSession({ viewport: { width: 420, height: 900 } });
let script = '';
let folder = '';

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-target-forms-wps-e2e-'));
  script = await bundleMemoryWps(folder);
}, 60_000);

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** The pane page inside a stand-in WPS: the page sees `window.Application` as in WPS. */
async function openInWps(): Promise<Page> {
  const page = await session.newPage();
  await page.addInitScript({ path: script });
  await page.addInitScript((library) => {
    const create = (window as unknown as Record<string, { createMemoryWps: () => MemoryWps }>)[library].createMemoryWps;
    const wps = create();
    Object.assign(window, { memoryWps: wps, Application: wps.Application });
  }, LIBRARY);
  await page.goto(`${session.server.url}/wps/taskpane.html`);
  await page.getByTestId('task-pane').waitFor();
  await page.getByTestId('summary').locator('text=/申报表/').first().waitFor();
  return page;
}

/** Waits until the pane is idle again and the live check after the last change has arrived. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="recheck"]')?.hasAttribute('disabled') === false);
  await page.waitForTimeout(900);
}

/** The cells the add-in's own highlights cover, from WPS's FormatConditions. */
function ownedAreas(page: Page): Promise<string[]> {
  return page.evaluate((sheet) => {
    const { memoryWps } = window as unknown as PageWithWps;
    return memoryWps.inspect
      .formatConditions(sheet)
      .filter((condition) => condition.formula1.includes('perf-target-forms:error'))
      .map((condition) => condition.appliesTo);
  }, SHEET);
}

describe('the WPS pane page over a WPS object model', () => {
  it('inserts a form, highlights a wrong 基本支出, fixes it and clears the highlights', async () => {
    const page = await openInWps();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByTestId('template-department').check();
    await page.getByTestId('with-sample').check();
    await page.getByTestId('insert').click();
    await page.getByTestId('notice').waitFor();
    await settled(page);
    await expect(page.evaluate(() => (window as unknown as PageWithWps).memoryWps.inspect.sheetNames())).resolves.toContain(SHEET);
    await page.getByTestId('no-errors').waitFor();

    // The person types into WPS: SheetChange reaches the host, the pane and the sheet follow.
    await page.evaluate((sheet) => (window as unknown as PageWithWps).memoryWps.user.type(sheet, 'F7', '141.70'), SHEET);
    await settled(page);
    const issue = page.locator('[data-testid="issue"][data-code="sum_mismatch"]');
    await issue.first().waitFor();
    expect(await issue.first().textContent()).toContain('建议将基本支出（F7）改为 141.74');
    expect(await ownedAreas(page)).toEqual(['F7']);

    await issue.first().getByTestId('issue-fix').click();
    await settled(page);
    await page.getByTestId('no-errors').waitFor();
    await expect(page.evaluate((sheet) => (window as unknown as PageWithWps).memoryWps.inspect.cell(sheet, 'F7').value, SHEET)).resolves.toBe(141.74);
    expect(await ownedAreas(page)).toEqual([]);

    await page.evaluate((sheet) => (window as unknown as PageWithWps).memoryWps.user.type(sheet, 'F7', '141.70'), SHEET);
    await settled(page);
    expect(await ownedAreas(page)).toEqual(['F7']);
    await page.getByTestId('clear-highlights').click();
    await settled(page);
    expect(await ownedAreas(page)).toEqual([]);
    await page.screenshot({ path: path.join(ROOT, 'test-output', 'e2e', 'wps-taskpane-page.png') });
  });
});
