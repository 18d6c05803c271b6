/**
 * The add-in page's own script, gzipped, as the browser downloads it: within 150 KB.
 * The adapter chunk the entry awaits before mounting the pane is not named by the page, so it is
 * not counted here; the benchmark (`npm run bench -- --only bundle`) counts both.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const DIST = path.join(__dirname, '..', '..', 'dist');
const BUDGET_BYTES = 150 * 1024;

function initialScripts(page: string): string[] {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((match) => match[1]).filter((src) => !/^https?:/.test(src) && !src.startsWith('office-js/'));
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
}

describe('initial JavaScript of the production build', () => {
  it.each(['taskpane.html', 'preview.html'])('%s loads only its own bundle besides office.js', (page) => {
    expect(initialScripts(page).length).toBeGreaterThan(0);
  });

  it('keeps the page script within 150 KB gzip (React and Fluent UI included)', () => {
    const scripts = initialScripts('taskpane.html');
    const total = scripts.reduce((sum, file) => sum + gzipSize(file), 0);
    fs.mkdirSync(path.join(__dirname, '..', '..', 'test-output'), { recursive: true });
    fs.writeFileSync(
      path.join(__dirname, '..', '..', 'test-output', 'bundle-size.json'),
      JSON.stringify({ taskpane: { scripts, gzipBytes: total }, preview: { gzipBytes: initialScripts('preview.html').reduce((sum, file) => sum + gzipSize(file), 0) } }, null, 2),
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
