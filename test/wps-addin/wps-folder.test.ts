/**
 * The packaging step of the WPS add-in (scripts/wps-addin-files.js), run on a fixture folder
 * holding the real ribbon.xml and icon: the deploy files and the offline jsaddons layout are
 * written, well formed, and name the add-in, its type and its address as WPS reads them. The
 * e2e suite runs the same checks on the production build (test/e2e/wps-folder.e2e.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRibbon, RIBBON } from '../../src/wps-addin/ribbon';
import { checkJsaddonsFolder, checkWpsAddinFolder, type WpsAddinExpectation } from './check-wps-folder';

interface AddinInfo {
  readonly name: string;
  readonly type: string;
  readonly version: string;
  readonly url: string;
}

interface WpsAddinFiles {
  readonly DEFAULT_WPS_ADDIN_URL: string;
  addinInfo(pkg: { name: string; version: string }, url?: string): AddinInfo;
  writeWpsDeployment(addinFolder: string, jsaddonsFolder: string, info: AddinInfo): void;
  publishXml(info: AddinInfo): string;
}

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const files = require('../../scripts/wps-addin-files.js') as WpsAddinFiles;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../../package.json') as { name: string; version: string };

const CALLBACKS = Object.keys(createRibbon(() => { throw new Error('not called'); }, () => ''));

function expectation(url: string): WpsAddinExpectation {
  return { name: pkg.name, version: pkg.version, url, callbacks: CALLBACKS, icon: RIBBON.icon, panePage: RIBBON.panePage };
}

/** The add-in folder as the build leaves it before packaging: pages, scripts, ribbon.xml, icon. */
function fixture(): { addin: string; jsaddons: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-target-forms-wps-'));
  const addin = path.join(base, 'wps');
  fs.mkdirSync(path.join(addin, 'images'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'src', 'wps-addin', 'ribbon.xml'), path.join(addin, 'ribbon.xml'));
  fs.copyFileSync(path.join(ROOT, 'assets', 'icon.svg'), path.join(addin, RIBBON.icon));
  fs.writeFileSync(path.join(addin, 'index.html'), '<!doctype html><html><head><script src="ribbon.js"></script></head></html>');
  fs.writeFileSync(path.join(addin, 'taskpane.html'), '<!doctype html><html><head><script defer src="taskpane.js"></script></head></html>');
  fs.writeFileSync(path.join(addin, 'ribbon.js'), '');
  fs.writeFileSync(path.join(addin, 'taskpane.js'), '');
  return { addin, jsaddons: path.join(base, 'wps-jsaddons') };
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(path.dirname(folder), { recursive: true, force: true });
});

function packaged(url?: string): { addin: string; jsaddons: string; info: AddinInfo } {
  const { addin, jsaddons } = fixture();
  folders.push(addin);
  const info = files.addinInfo(pkg, url);
  files.writeWpsDeployment(addin, jsaddons, info);
  return { addin, jsaddons, info };
}

describe('the WPS add-in folder', () => {
  it.each([
    ['the default address', undefined, 'http://127.0.0.1:3889/'],
    ['an intranet address', 'https://oa.example.gov.cn/addins/perf-target-forms/', 'https://oa.example.gov.cn/addins/perf-target-forms/'],
  ])('with %s, holds every file, and its xml names the add-in there', (_label, url, expectedUrl) => {
    const { addin, jsaddons } = packaged(url);
    expect(checkWpsAddinFolder(addin, expectation(expectedUrl))).toEqual([]);
    expect(checkJsaddonsFolder(jsaddons, expectation(expectedUrl))).toEqual([]);
    expect(fs.readdirSync(jsaddons).sort()).toEqual([`${pkg.name}_${pkg.version}`, 'publish.xml']);
  });

  it('writes publish.xml as the WPS tool writes it: type et, the name and address of package.json and the build', () => {
    const info = files.addinInfo(pkg, 'https://a.example/x/?a=1&b=2/');
    expect(files.publishXml(info)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<jsplugins>',
        `  <jspluginonline name="${pkg.name}" type="et" url="https://a.example/x/?a=1&amp;b=2/" debug="" enable="enable_dev" install="null"/>`,
        '</jsplugins>',
        '',
      ].join('\n'),
    );
  });

  it.each(['ftp://a.example/', 'https://a.example/addin', 'a.example/', 'https://a.example/"x/'])('refuses WPS_ADDIN_URL=%s', (url) => {
    expect(() => files.addinInfo(pkg, url)).toThrow(/WPS_ADDIN_URL must be an http/);
  });
});

describe('the folder check finds what WPS would stumble on', () => {
  const broken: ReadonlyArray<readonly [string, (addin: string) => void, readonly RegExp[]]> = [
    ['a missing task pane page', (addin) => fs.rmSync(path.join(addin, 'taskpane.html')), [/^taskpane\.html is missing$/, /^the pane page the button opens, taskpane\.html, is missing$/]],
    ['a script the page names but the folder lacks', (addin) => fs.rmSync(path.join(addin, 'ribbon.js')), [/index\.html loads ribbon\.js, which is missing/]],
    ['a ribbon.xml cut short', (addin) => fs.writeFileSync(path.join(addin, 'ribbon.xml'), '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"><ribbon>'), [/ribbon\.xml is not well formed/]],
    [
      'a callback the page does not define',
      (addin) => {
        const file = path.join(addin, 'ribbon.xml');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('onAction="OnAction"', 'onAction="ribbon.OnAction"'));
      },
      [/onAction="ribbon\.OnAction" is not defined by the entry page/],
    ],
    [
      'a ribbon.xml with an xml declaration',
      (addin) => {
        const file = path.join(addin, 'ribbon.xml');
        fs.writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n${fs.readFileSync(file, 'utf8')}`);
      },
      [/ribbon\.xml does not start with <customUI/],
    ],
    ['a missing icon', (addin) => fs.rmSync(path.join(addin, RIBBON.icon)), [/the icon images\/icon\.svg is missing/]],
    ['a publish.xml for Writer', (addin) => fs.writeFileSync(path.join(addin, 'publish.xml'), files.publishXml({ ...files.addinInfo(pkg), type: 'wps' })), [/publish\.xml gives type "wps"/]],
  ];

  it.each(broken)('%s', (_label, breakIt, problems) => {
    const { addin } = packaged();
    breakIt(addin);
    expect(checkWpsAddinFolder(addin, expectation(files.DEFAULT_WPS_ADDIN_URL))).toEqual(problems.map((problem) => expect.stringMatching(problem)));
  });
});
