/**
 * The offline checks of an add-in manifest: what Office's validator would reject that can be
 * known without its online service. Returns problems as text; an empty list is a pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The OfficeApp children in the schema's order (`?` optional). */
export const OFFICE_APP_ORDER = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl?',
  'AppDomains?',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as OrderedNode[]) : [];
}

function textOf(node: OrderedNode): string {
  return childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' || typeof child['#text'] === 'number' ? String(child['#text']) : ''))
    .join('')
    .trim();
}

function walk(node: OrderedNode, visit: (node: OrderedNode) => void): void {
  visit(node);
  for (const child of childrenOf(node)) walk(child, visit);
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface ManifestFacts {
  readonly id: string;
  readonly urls: readonly string[];
  readonly childOrder: readonly string[];
}

export function checkManifest(xml: string, assetsDir: string, publicUrl = 'https://localhost:3000'): { problems: string[]; facts: ManifestFacts | null } {
  const problems: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { problems: [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`], facts: null };

  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment' });
  const document = parser.parse(xml) as OrderedNode[];
  const root = document.find((node) => tagOf(node) === 'OfficeApp');
  if (!root) return { problems: ['no OfficeApp root element'], facts: null };
  if (root[':@']?.['xsi:type'] !== 'TaskPaneApp') problems.push('OfficeApp is not xsi:type="TaskPaneApp"');

  const elements = childrenOf(root).filter((child) => {
    const tag = tagOf(child);
    return tag !== undefined && tag !== '#comment' && tag !== '#text';
  });
  const childOrder = elements.map((child) => tagOf(child) ?? '');
  let cursor = 0;
  for (const expected of OFFICE_APP_ORDER) {
    const optional = expected.endsWith('?');
    const name = optional ? expected.slice(0, -1) : expected;
    if (childOrder[cursor] === name) cursor++;
    else if (!optional) problems.push(`OfficeApp/${name} missing or out of order (found ${childOrder[cursor] ?? 'nothing'} at position ${cursor + 1})`);
  }
  if (cursor < childOrder.length) problems.push(`unexpected elements after VersionOverrides: ${childOrder.slice(cursor).join(', ')}`);

  const idNode = elements.find((child) => tagOf(child) === 'Id');
  const id = idNode ? textOf(idNode) : '';
  if (!GUID.test(id)) problems.push(`Id is not a GUID: ${id}`);

  const urls: string[] = [];
  walk(root, (node) => {
    const tag = tagOf(node) ?? '';
    const attributes = node[':@'] ?? {};
    for (const [name, value] of Object.entries(attributes)) {
      if (/^https?:/i.test(value) && !name.startsWith('xmlns')) urls.push(value);
    }
    if (['AppDomain', 'SourceLocation', 'SupportUrl'].includes(tag)) {
      const text = textOf(node);
      if (text) urls.push(text);
    }
  });
  for (const url of urls) if (!url.startsWith('https://')) problems.push(`not an https URL: ${url}`);

  for (const url of urls.filter((candidate) => /\.png$/i.test(candidate))) {
    if (!url.startsWith(`${publicUrl}/assets/`)) {
      problems.push(`icon outside ${publicUrl}/assets/: ${url}`);
      continue;
    }
    const file = path.join(assetsDir, url.slice(`${publicUrl}/assets/`.length));
    if (!fs.existsSync(file)) {
      problems.push(`icon missing: ${file}`);
      continue;
    }
    const size = pngSize(fs.readFileSync(file));
    const expected = Number(/-(\d+)\.png$/i.exec(url)?.[1]);
    if (!size) problems.push(`not a PNG: ${file}`);
    else if (size.width !== expected || size.height !== expected) problems.push(`${file} is ${size.width}x${size.height}, expected ${expected}x${expected}`);
  }
  return { problems, facts: { id, urls, childOrder } };
}
