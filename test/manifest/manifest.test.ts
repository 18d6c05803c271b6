import * as fs from 'fs';
import * as path from 'path';
import { checkManifest, pngSize } from './check-manifest';
import { API_SET, MANIFEST_MIN_VERSION } from '../../src/excel/api-sets';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ASSETS = path.join(ROOT, 'assets');

// webpack.config.js rewrites the development URLs for production; the rewrite is tested here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifestUrls } = require('../../webpack.config.js') as { rewriteManifestUrls: (xml: string, publicUrl: string) => string };

describe('manifest.xml', () => {
  const { problems, facts } = checkManifest(MANIFEST, ASSETS);

  it('passes every offline check', () => {
    expect(problems).toEqual([]);
  });

  it('lists the OfficeApp elements in the schema order', () => {
    expect(facts?.childOrder).toEqual([
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
      'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides',
    ]);
  });

  it.each([
    ['read and write permission', /<Permissions>ReadWriteDocument<\/Permissions>/],
    ['a Home-tab button that opens the pane', /<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/],
    ['the Chinese display name', /<Override Locale="zh-CN" Value="绩效目标申报助手"\/>/],
    ['the workbook host', /<Host Name="Workbook"\/>/],
  ])('declares %s', (_what, pattern) => {
    expect(MANIFEST).toMatch(pattern);
  });

  it('requires the ExcelApi version the pane needs (multi-area highlights, all-sheet events)', () => {
    expect(MANIFEST_MIN_VERSION).toBe('1.9');
    expect(MANIFEST).toContain(`<Set Name="${API_SET}" MinVersion="${MANIFEST_MIN_VERSION}"/>`);
  });

  it.each([16, 32, 64, 80])('ships a %ipx icon of that size', (size) => {
    expect(pngSize(fs.readFileSync(path.join(ASSETS, `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });

  it.each([
    ['a tag left open', MANIFEST.replace('</Permissions>', ''), /not well-formed/],
    ['an http URL', MANIFEST.replace('https://localhost:3000/taskpane.html"', 'http://localhost:3000/taskpane.html"'), /not an https URL/],
    ['an Id that is not a GUID', MANIFEST.replace(/<Id>[^<]+<\/Id>/, '<Id>perf-target-forms</Id>'), /Id is not a GUID/],
    ['Permissions before DefaultSettings', MANIFEST.replace('<Permissions>ReadWriteDocument</Permissions>', '').replace('<DefaultSettings>', '<Permissions>ReadWriteDocument</Permissions><DefaultSettings>'), /out of order/],
    ['a missing icon', MANIFEST.replace('assets/icon-80.png', 'assets/icon-96.png'), /icon missing/],
  ])('rejects %s', (_what, xml, problem) => {
    expect(checkManifest(xml, ASSETS).problems.join('\n')).toMatch(problem);
  });

  it('points every URL at ADDIN_PUBLIC_URL after the build rewrite, and still passes', () => {
    const production = rewriteManifestUrls(MANIFEST, 'https://forms.example.gov.cn/addin/');
    expect(production).not.toContain('localhost');
    const result = checkManifest(production, ASSETS, 'https://forms.example.gov.cn/addin');
    expect(result.problems).toEqual([]);
    expect(result.facts?.urls).toContain('https://forms.example.gov.cn/addin/taskpane.html');
  });
});
