/**
 * What the add-in page downloads before the pane first renders, gzipped: its own script and the
 * adapter chunk the entry awaits before mounting (`excel-host`), within 150 KB. The check engine
 * (`check-engine`: the extractor and the rules) loads with the first check, after the pane has
 * rendered, and the insertion code (`excel-edits`) on the first insert: neither is counted. The benchmark
 * (`npm run bench -- --only bundle`) reports the same figure.
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

  it('keeps what loads before the first render within 150 KB gzip (React and Fluent UI included)', () => {
    const adapterChunk = fs.readdirSync(DIST).filter((file) => /^excel-host\.[\w]+\.js$/.test(file));
    expect(adapterChunk).toHaveLength(1);
    expect(fs.readdirSync(DIST).some((file) => /^excel-edits\.[\w]+\.js$/.test(file))).toBe(true);
    expect(fs.readdirSync(DIST).some((file) => /^check-engine\.[\w]+\.js$/.test(file))).toBe(true);
    const scripts = [...initialScripts('taskpane.html'), ...adapterChunk];
    const total = scripts.reduce((sum, file) => sum + gzipSize(file), 0);
    fs.mkdirSync(path.join(__dirname, '..', '..', 'test-output'), { recursive: true });
    fs.writeFileSync(
      path.join(__dirname, '..', '..', 'test-output', 'bundle-size.json'),
      JSON.stringify({ taskpane: { scripts, gzipBytes: total }, preview: { gzipBytes: initialScripts('preview.html').reduce((sum, file) => sum + gzipSize(file), 0) } }, null, 2),
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
