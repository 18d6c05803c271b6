/**
 * What the task pane page loads before its first render, each file gzipped (level 9, as a
 * static server would send it):
 *   - the `<script src>` and `<link rel="stylesheet">` tags of the built `taskpane.html` that
 *     point at local files;
 *   - the chunks the entry requests itself (dynamic `import()` from the entry's modules, listed
 *     by the build in `pane-chunks.json`): the pane mounts only once the adapter chunk
 *     (`excel-host`) has arrived, so it is part of what loads before the first render; the check
 *     engine (`check-engine`), which that chunk requests on the first check, is not.
 * office.js comes from Microsoft's CDN (or the China CDN) and is not counted; a local office.js
 * build (`OFFICE_JS=local`) would be.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly initialJsGzipBytes: number;
  readonly initialCssGzipBytes: number;
}

export interface BundleFile {
  readonly file: string;
  readonly kind: 'js' | 'css';
  /** `tag`: named by taskpane.html; `requested`: imported by the entry at startup. */
  readonly origin: 'tag' | 'requested';
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The page references a local file that is not in the build folder. */
export class MissingAssetError extends Error {
  constructor(file: string, folder: string, options?: { cause?: unknown }) {
    super(`taskpane.html refers to ${file}, which is not in ${folder}`, options);
    this.name = 'MissingAssetError';
  }
}

export const JS_GOAL_BYTES = 150 * 1024;

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[2] ?? match[3] ?? match[4] ?? null) : null;
}

function isLocal(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//');
}

/** The local scripts and stylesheets a page loads, in the order of its tags. */
export function initialAssets(html: string): { file: string; kind: 'js' | 'css' }[] {
  const assets: { file: string; kind: 'js' | 'css' }[] = [];
  for (const match of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const tag = match[0];
    if (match[1].toLowerCase() === 'script') {
      const src = attribute(tag, 'src');
      if (src && isLocal(src)) assets.push({ file: src, kind: 'js' });
    } else {
      const rel = (attribute(tag, 'rel') ?? '').toLowerCase();
      const href = attribute(tag, 'href');
      if (href && isLocal(href) && (rel === 'stylesheet' || (rel === 'modulepreload' && /\.m?js$/.test(href)))) assets.push({ file: href, kind: rel === 'stylesheet' ? 'css' : 'js' });
    }
  }
  return assets;
}

interface ChunkRecord {
  readonly id: string | number;
  readonly names: readonly string[];
  readonly files: readonly string[];
  readonly initial: boolean;
  readonly entry: boolean;
  readonly parents: readonly (string | number)[];
}

/** Files of the chunks that the entry chunks load themselves (not named by the page). */
export function requestedChunkFiles(chunks: readonly ChunkRecord[]): { file: string; kind: 'js' | 'css' }[] {
  const entries = new Set(chunks.filter((chunk) => chunk.entry).map((chunk) => chunk.id));
  return chunks
    .filter((chunk) => !chunk.initial && chunk.parents.some((parent) => entries.has(parent)))
    .flatMap((chunk) => chunk.files.filter((file) => /\.(m?js|css)$/.test(file)).map((file) => ({ file, kind: file.endsWith('.css') ? ('css' as const) : ('js' as const) })));
}

export function measureBundle(buildFolder: string): { size: BundleSize; files: BundleFile[] } {
  const html = readFileSync(join(buildFolder, 'taskpane.html'), 'utf8');
  const chunks = JSON.parse(readFileSync(join(buildFolder, 'pane-chunks.json'), 'utf8')) as ChunkRecord[];
  const assets = [...initialAssets(html).map((asset) => ({ ...asset, origin: 'tag' as const })), ...requestedChunkFiles(chunks).map((asset) => ({ ...asset, origin: 'requested' as const }))];
  const files = assets.map(({ file, kind, origin }) => {
    const path = join(buildFolder, file.replace(/^\.?\//, '').split(/[?#]/)[0]);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new MissingAssetError(file, buildFolder, { cause: error });
    }
    return { file, kind, origin, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (kind: 'js' | 'css'): number => files.filter((f) => f.kind === kind).reduce((total, f) => total + f.gzipBytes, 0);
  return { size: { initialJsGzipBytes: sum('js'), initialCssGzipBytes: sum('css') }, files };
}
