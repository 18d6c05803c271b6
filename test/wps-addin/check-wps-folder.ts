/**
 * What WPS needs of the add-in's folders, checked offline: every file is there, the xml files
 * are well formed and name the right things (ribbon.xml's callbacks exist on the entry page,
 * its icon is in the folder, publish.xml and jsplugins.xml name the add-in at its address, the
 * offline publish.xml names a folder that holds the add-in). Returns problems as text; an
 * empty list is a pass. Used on fixtures by `npm test` and on the build by the e2e suite.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface WpsAddinExpectation {
  readonly name: string;
  readonly version: string;
  readonly url: string;
  /** The callbacks the entry page defines (the keys of `createRibbon(…)`). */
  readonly callbacks: readonly string[];
  /** What `GetImage` returns, a path inside the folder. */
  readonly icon: string;
  /** The page the ribbon button opens in the task pane, beside index.html. */
  readonly panePage: string;
}

export const ADDIN_FILES = ['index.html', 'ribbon.xml', 'taskpane.html', 'publish.xml', 'jsplugins.xml'] as const;

/** Ribbon attributes whose value names a callback on the entry page (Office's customUI schema). */
const CALLBACK_ATTRIBUTES = /^(onLoad|onAction|getImage|getLabel|getEnabled|getVisible|getScreentip|getSupertip|loadImage)$/;

type Element = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', ignoreDeclaration: true, isArray: (name, _path, _leaf, isAttribute) => !isAttribute && name !== 'jsplugins' && name !== 'customUI' });

function parsedXml(file: string, problems: string[]): Element | null {
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    problems.push(`${path.basename(file)} is not well formed: ${valid.err.msg} (line ${valid.err.line})`);
    return null;
  }
  return parser.parse(text) as Element;
}

function elementsOf(value: unknown): Element[] {
  return Array.isArray(value) ? (value.filter((item) => typeof item === 'object' && item !== null) as Element[]) : [];
}

/** Every element under `node`, depth first. */
function descendants(node: Element): Element[] {
  return Object.entries(node)
    .filter(([key]) => !key.startsWith('@') && key !== '#text')
    .flatMap(([, value]) => elementsOf(Array.isArray(value) ? value : [value]))
    .flatMap((child) => [child, ...descendants(child)]);
}

function checkRibbon(folder: string, expected: WpsAddinExpectation, problems: string[]): void {
  const ribbon = parsedXml(path.join(folder, 'ribbon.xml'), problems);
  const customUI = ribbon?.customUI as Element | undefined;
  if (!ribbon) return;
  if (!customUI) return void problems.push('ribbon.xml has no <customUI> root');
  // The WPS tool's deployment page (publish.html) takes a ribbon.xml that does not start so for a broken add-in.
  if (!fs.readFileSync(path.join(folder, 'ribbon.xml'), 'utf8').startsWith('<customUI')) problems.push('ribbon.xml does not start with <customUI');
  if (customUI['@xmlns'] !== 'http://schemas.microsoft.com/office/2006/01/customui') problems.push('ribbon.xml lacks the customUI namespace');
  const named = [customUI, ...descendants(customUI)].flatMap((element) => Object.entries(element).filter(([key]) => CALLBACK_ATTRIBUTES.test(key.slice(1))));
  if (!named.some(([key]) => key === '@onLoad')) problems.push('ribbon.xml names no onLoad callback');
  if (!named.some(([key]) => key === '@onAction')) problems.push('ribbon.xml names no onAction callback');
  for (const [key, value] of named) {
    if (!expected.callbacks.includes(String(value))) problems.push(`ribbon.xml's ${key.slice(1)}="${String(value)}" is not defined by the entry page`);
  }
  if (!fs.existsSync(path.join(folder, expected.icon))) problems.push(`the icon ${expected.icon} is missing`);
  if (!fs.existsSync(path.join(folder, expected.panePage))) problems.push(`the pane page the button opens, ${expected.panePage}, is missing`);
}

/** The local scripts a page loads must be in the folder. */
function checkPageScripts(folder: string, page: string, problems: string[]): void {
  const file = path.join(folder, page);
  if (!fs.existsSync(file)) return;
  const scripts = [...fs.readFileSync(file, 'utf8').matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/gi)].map((match) => match[1]);
  if (scripts.length === 0) problems.push(`${page} loads no script`);
  for (const src of scripts) {
    if (/^[a-z]+:|^\/\//i.test(src)) problems.push(`${page} loads ${src} from elsewhere: the folder must hold all it needs`);
    else if (!fs.existsSync(path.join(folder, src.split(/[?#]/)[0]))) problems.push(`${page} loads ${src}, which is missing`);
  }
}

/** The one entry of a jsplugins document, with its tag. */
function entryOf(document: Element | null, file: string, problems: string[]): { tag: string; attributes: Element } | null {
  const root = document?.jsplugins as Element | undefined;
  if (!document) return null;
  const entries = root ? Object.entries(root).flatMap(([tag, value]) => elementsOf(value).map((attributes) => ({ tag, attributes }))) : [];
  if (entries.length !== 1) {
    problems.push(`${file} must hold one entry in <jsplugins>; it holds ${entries.length}`);
    return null;
  }
  return entries[0];
}

function checkEntry(file: string, entry: { tag: string; attributes: Element } | null, tag: string, url: string, expected: WpsAddinExpectation, problems: string[]): void {
  if (!entry) return;
  const { attributes } = entry;
  if (entry.tag !== tag) problems.push(`${file}'s entry is <${entry.tag}>, not <${tag}>`);
  if (attributes['@name'] !== expected.name) problems.push(`${file} names the add-in "${String(attributes['@name'])}", not "${expected.name}"`);
  if (attributes['@type'] !== 'et') problems.push(`${file} gives type "${String(attributes['@type'])}", not "et" (WPS Spreadsheets)`);
  if (attributes['@url'] !== url) problems.push(`${file} gives url "${String(attributes['@url'])}", not "${url}"`);
}

export function checkWpsAddinFolder(folder: string, expected: WpsAddinExpectation): string[] {
  const problems: string[] = [];
  for (const file of ADDIN_FILES) if (!fs.existsSync(path.join(folder, file))) problems.push(`${file} is missing`);
  checkRibbon(folder, expected, problems);
  for (const page of ['index.html', 'taskpane.html']) checkPageScripts(folder, page, problems);
  checkEntry('publish.xml', entryOf(parsedXml(path.join(folder, 'publish.xml'), problems), 'publish.xml', problems), 'jspluginonline', expected.url, expected, problems);
  checkEntry('jsplugins.xml', entryOf(parsedXml(path.join(folder, 'jsplugins.xml'), problems), 'jsplugins.xml', problems), 'jspluginonline', expected.url, expected, problems);
  return problems;
}

/** The offline layout: jsaddons/publish.xml naming <name>_<version>/, which holds the add-in. */
export function checkJsaddonsFolder(folder: string, expected: WpsAddinExpectation): string[] {
  const problems: string[] = [];
  const addin = `${expected.name}_${expected.version}`;
  const entry = entryOf(parsedXml(path.join(folder, 'publish.xml'), problems), 'jsaddons/publish.xml', problems);
  if (!fs.existsSync(path.join(folder, 'publish.xml'))) problems.push('jsaddons/publish.xml is missing');
  checkEntry('jsaddons/publish.xml', entry, 'jsplugin', addin, expected, problems);
  if (entry && entry.attributes['@version'] !== expected.version) problems.push(`jsaddons/publish.xml gives version "${String(entry.attributes['@version'])}", not "${expected.version}"`);
  const copy = path.join(folder, addin);
  const inner = checkWpsAddinFolder(copy, expected).filter((problem) => !/^(publish|jsplugins)\.xml/.test(problem));
  problems.push(...inner.map((problem) => `${addin}/: ${problem}`));
  return problems;
}
