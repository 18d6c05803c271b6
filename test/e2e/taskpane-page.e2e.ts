/**
 * The add-in page outside Excel: it must never be blank. With office.js unreachable it says
 * so; its Content-Security-Policy allows only its own origin and office.js's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { launchBrowser, type Browser } from './support/browser';
import { serveDirectory, type StaticServer } from './support/static-server';

const DIST = path.join(__dirname, '..', '..', 'dist');

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDirectory(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function cspOf(page: string): string {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  return /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
}

describe('taskpane.html', () => {
  it('loads office.js from Microsoft’s CDN in <head>, before its own script', () => {
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const officeJs = head.indexOf('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(officeJs).toBeGreaterThan(0);
    expect(officeJs).toBeLessThan(head.search(/<script[^>]*src="?taskpane\./));
  });

  it('allows scripts only from itself and office.js’s origin', () => {
    expect(cspOf('taskpane.html')).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(cspOf('preview.html')).toContain("script-src 'self';");
    expect(cspOf('preview.html')).not.toContain('appsforoffice');
  });

  it('explains itself in both languages when office.js cannot be loaded', async () => {
    const page = await browser.context.newPage();
    const outside: string[] = [];
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
      outside.push(route.request().url());
      await route.abort();
    });
    await page.goto(`${server.url}/taskpane.html`);
    const message = page.getByTestId('startup-message');
    await message.waitFor();
    expect(await message.getAttribute('data-problem')).toBe('office_js_missing');
    expect(await message.textContent()).toMatch(/无法加载 Office 的 JavaScript 库.*could not be loaded/s);
    expect(outside).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    await page.close();
  });
});

describe('preview.html', () => {
  it('requests nothing but its own files', async () => {
    const page = await browser.context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}/preview.html`);
    await page.getByTestId('task-pane').waitFor();
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
    await page.close();
  });
});
