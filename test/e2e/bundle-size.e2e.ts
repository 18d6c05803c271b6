/**
 * What the add-in page downloads before the pane first renders, gzipped: its own script and the
 * adapter chunk the entry awaits before mounting (`excel-host`), within 150 KB; and the same for
 * the WPS add-in's pane page (wps/taskpane.html with its `wps-host` chunk), within the same budget. The check engine
 * (`check-engine`: the extractor and the rules) loads with the first check, after the pane has
 * rendered, and the insertion code (`excel-edits`) on the first insert: neither is counted. The benchmark
 * (`npm run bench -- --only bundle`) reports the same figure.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const DIST = path.join(__dirname, '..', '..', 'dist');
const BUDGET_BYTES = 150 * 1024;

/** The local scripts a page names, as paths inside dist/. */
function initialScripts(page: string): string[] {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  const folder = path.posix.dirname(page) === '.' ? '' : `${path.posix.dirname(page)}/`;
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)]
    .map((match) => match[1])
    .filter((src) => !/^https?:/.test(src) && !src.startsWith('office-js/'))
    .map((src) => folder + src);
}

/** The one chunk of a folder of dist/ whose name starts so (`excel-host`, `wps/wps-host`). */
function chunk(prefix: string): string[] {
  const folder = path.posix.dirname(prefix) === '.' ? '' : `${path.posix.dirname(prefix)}/`;
  const name = path.posix.basename(prefix);
  return fs
    .readdirSync(path.join(DIST, folder))
    .filter((file) => new RegExp(`^${name}\\.[\\w]+\\.js$`).test(file))
    .map((file) => folder + file);
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
}

/** What the WPS pane page loads before its first render: its own scripts and the adapter chunk it awaits. */
function wpsScripts(): string[] {
  return [...initialScripts('wps/taskpane.html'), ...chunk('wps/wps-host')];
}

describe('initial JavaScript of the production build', () => {
  it.each(['taskpane.html', 'preview.html', 'wps/taskpane.html'])('%s loads only its own bundle besides office.js', (page) => {
    expect(initialScripts(page).length).toBeGreaterThan(0);
  });

  it('keeps what loads before the first render within 150 KB gzip (React and Fluent UI included)', () => {
    const adapterChunk = chunk('excel-host');
    expect(adapterChunk).toHaveLength(1);
    expect(fs.readdirSync(DIST).some((file) => /^excel-edits\.[\w]+\.js$/.test(file))).toBe(true);
    expect(fs.readdirSync(DIST).some((file) => /^check-engine\.[\w]+\.js$/.test(file))).toBe(true);
    const scripts = [...initialScripts('taskpane.html'), ...adapterChunk];
    const total = scripts.reduce((sum, file) => sum + gzipSize(file), 0);
    fs.mkdirSync(path.join(__dirname, '..', '..', 'test-output'), { recursive: true });
    fs.writeFileSync(
      path.join(__dirname, '..', '..', 'test-output', 'bundle-size.json'),
      JSON.stringify(
        {
          taskpane: { scripts, gzipBytes: total },
          wpsTaskpane: { scripts: wpsScripts(), gzipBytes: wpsScripts().reduce((sum, file) => sum + gzipSize(file), 0) },
          preview: { gzipBytes: initialScripts('preview.html').reduce((sum, file) => sum + gzipSize(file), 0) },
        },
        null,
        2,
      ),
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('keeps the WPS pane page within the same budget, with no office.js', () => {
    expect(chunk('wps/wps-host')).toHaveLength(1);
    expect(wpsScripts().some((file) => /office/i.test(file))).toBe(false);
    expect(wpsScripts().reduce((sum, file) => sum + gzipSize(file), 0)).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
