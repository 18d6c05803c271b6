/**
 * The add-in page outside Excel: it must never be blank. With office.js unreachable it says
 * so; its Content-Security-Policy allows only its own origin and office.js's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DIST, usePreviewSession } from './support/preview-session';

const session = usePreviewSession();

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
    const page = await session.newPage();
    const outside: string[] = [];
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
      outside.push(route.request().url());
      await route.abort();
    });
    await page.goto(`${session.server.url}/taskpane.html`);
    const message = page.getByTestId('startup-message');
    await message.waitFor();
    expect(await message.getAttribute('data-problem')).toBe('office_js_missing');
    expect(await message.textContent()).toMatch(/无法加载 Office 的 JavaScript 库.*could not be loaded/s);
    expect(outside).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    await page.close();
  });
});

describe('taskpane.html in engines the pane cannot run in', () => {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');

  it('holds a plain message pointing to the .xlsx template, in both languages, outside any script', () => {
    const body = html.slice(html.indexOf('<body'));
    const markup = body.replace(/<script[\s\S]*?<\/script>/g, '');
    const message = /<div class="startup-message legacy-browser"[^>]*>([\s\S]*?)<\/div>/.exec(markup)?.[1] ?? '';
    expect(message).toMatch(/Internet Explorer.*EdgeHTML.*\.xlsx 模板/s);
    expect(message).toMatch(/\.xlsx template/);
  });

  it('shows it by CSS alone: kept where @supports is unknown (Trident) or -ms-ime-align is (EdgeHTML)', () => {
    expect(html).toMatch(/\.legacy-browser\s*\{\s*display:\s*block;?\s*\}\s*@supports not \(-ms-ime-align:\s*auto\)\s*\{\s*\.legacy-browser\s*\{\s*display:\s*none;?\s*\}\s*\}/);
  });

  it('hides it in Chromium, where the pane runs', async () => {
    const page = await session.newPage();
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${session.server.url}/taskpane.html`);
    await page.getByTestId('startup-message').waitFor();
    expect(await page.locator('.legacy-browser').count()).toBe(0);
    await page.close();
  });

  it('is shown, and not mounted over, when the user agent says Trident or EdgeHTML', async () => {
    const page = await session.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'userAgent', { get: () => 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041' });
    });
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${session.server.url}/taskpane.html`);
    await page.waitForLoadState('load');
    expect(await page.getByTestId('legacy-browser').isVisible()).toBe(true);
    expect(await page.getByTestId('legacy-browser').textContent()).toMatch(/\.xlsx 模板.*\.xlsx template/s);
    expect(await page.getByTestId('startup-message').count()).toBe(0);
    await page.close();
  });
});

describe('preview.html', () => {
  it('requests nothing but its own files', async () => {
    const page = await session.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${session.server.url}/preview.html`);
    await page.getByTestId('task-pane').waitFor();
    expect(requested.filter((url) => !url.startsWith(session.server.url))).toEqual([]);
    await page.close();
  });
});
