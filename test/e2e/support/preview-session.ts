/**
 * What every end-to-end suite sets up: the production build served from dist/, one headless
 * Chromium for the suite, and the pages a test opened closed after it. Call once at the top of a
 * suite; the hooks it registers run around that suite's tests.
 */
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser';
import { PreviewPage } from './preview-page';
import { serveDirectory, type StaticServer } from './static-server';

export const DIST = path.join(__dirname, '..', '..', '..', 'dist');

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface PreviewSession {
  /** The server of dist/; only inside a test or a hook. */
  readonly server: StaticServer;
  /** The suite's browser; only inside a test or a hook. */
  readonly browser: Browser;
  /** A new page, at the session's viewport when it has one. */
  newPage(): Promise<Page>;
  /** A new page on preview.html (with `query`), once its first check has been shown. */
  openPreview(query?: string): Promise<PreviewPage>;
}

export interface PreviewSessionOptions {
  /** The window every page opens at; without it, the browser's default (1440 × 900). */
  readonly viewport?: Viewport;
}

export function usePreviewSession(options: PreviewSessionOptions = {}): PreviewSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await serveDirectory(DIST);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const page of browser?.context.pages() ?? []) await page.close();
  });

  const session: PreviewSession = {
    get server(): StaticServer {
      if (!server) throw new Error('The static server runs only inside the suite’s tests and hooks.');
      return server;
    },
    get browser(): Browser {
      if (!browser) throw new Error('The browser runs only inside the suite’s tests and hooks.');
      return browser;
    },
    async newPage() {
      const page = await session.browser.context.newPage();
      if (options.viewport) await page.setViewportSize(options.viewport);
      return page;
    },
    async openPreview(query = '') {
      const preview = new PreviewPage(await session.newPage());
      await preview.open(session.server.url, query);
      return preview;
    },
  };
  return session;
}
