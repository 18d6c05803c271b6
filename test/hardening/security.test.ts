/**
 * Security checks on the sources and the pages' configuration: no HTML injection sinks, a
 * Content-Security-Policy on both pages that allows only the page's own origin and the
 * office.js source, and no network request from the add-in beyond office.js itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

interface SourceFile {
  readonly path: string;
  readonly text: string;
}

function sourceFiles(folder: string, pattern = /\.(ts|tsx|html)$/): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path, pattern));
    else if (pattern.test(entry.name)) files.push({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') });
  }
  return files;
}

/** `path:line: text` of every line that matches. */
function occurrences(files: readonly SourceFile[], pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of files) {
    file.text.split('\n').forEach((line, index) => {
      if (pattern.test(line)) found.push(`${file.path}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

const ALL_SOURCES = sourceFiles(SRC);
/** The code that runs in the task pane or the preview page (the command line runs in Node, offline). */
const BROWSER_SOURCES = ALL_SOURCES.filter((file) => !file.path.startsWith(join('src', 'cli')));

describe('no HTML injection sinks in the sources', () => {
  test.each([
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['document.write', /document\.write(ln)?\s*\(/],
    ['eval / new Function', /(^|[^.\w])eval\s*\(|new\s+Function\s*\(/],
    ['javascript: URLs', /['"`]javascript:/i],
  ])('%s is used nowhere in src/', (_name, pattern) => {
    expect(occurrences(ALL_SOURCES, pattern)).toEqual([]);
  });

  test('the source scan covers the pane, the adapter and the preview', () => {
    const folders = new Set(ALL_SOURCES.map((file) => file.path.split(/[\\/]/)[1]));
    expect([...folders]).toEqual(expect.arrayContaining(['core', 'excel', 'taskpane', 'preview', 'cli']));
  });
});

describe('the add-in makes no network request but office.js', () => {
  test.each([
    ['fetch', /(^|[^.\w])fetch\s*\(|window\.fetch|globalThis\.fetch/],
    ['XMLHttpRequest', /XMLHttpRequest/],
    ['WebSocket', /WebSocket/],
    ['EventSource (server-sent events)', /new\s+EventSource\s*\(/],
    ['navigator.sendBeacon', /sendBeacon/],
    ['importScripts / Worker from a URL', /importScripts\s*\(|new\s+(Shared)?Worker\s*\(/],
    ['an http(s) address outside a comment', /^(?!\s*(\/\/|\*|\/\*)).*['"`]https?:\/\//],
  ])('%s appears nowhere in the browser code', (_name, pattern) => {
    expect(occurrences(BROWSER_SOURCES, pattern)).toEqual([]);
  });

  test('import() loads only modules of the add-in itself (relative paths), never a URL', () => {
    const imports = occurrences(BROWSER_SOURCES, /import\(/);
    for (const line of imports) expect(line).toMatch(/import\(\s*(\/\*.*?\*\/\s*)?['"]\.\.?\//);
  });
});

interface PagePlugin {
  readonly userOptions?: { readonly filename?: string; readonly template?: string; readonly templateParameters?: Readonly<Record<string, string>> };
}

interface WebpackConfigModule {
  /** The Excel add-in's configuration, then the WPS add-in's (`name: 'wps'`, built into dist/wps/). */
  (env: Record<string, string>, argv: { mode: string }): { name?: string; plugins: PagePlugin[] }[];
  readonly OFFICE_JS_SOURCES: Readonly<Record<string, { readonly src: string; readonly origin: string | null }>>;
}

// The build configuration is plain JavaScript (webpack reads it as is): loaded the way webpack does.
const webpackConfig = createRequire(__filename)(join(ROOT, 'webpack.config.js')) as WebpackConfigModule;

/** Each page as HtmlWebpackPlugin writes it, by its path in dist/: the template with its parameters filled in. */
function renderedPages(officeJs: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const config of webpackConfig({ officeJs }, { mode: 'production' })) pagesOf(config, config.name === 'wps' ? 'wps/' : '', pages);
  return pages;
}

function pagesOf(config: { plugins: PagePlugin[] }, folder: string, pages: Map<string, string>): void {
  for (const plugin of config.plugins) {
    const options = plugin.userOptions;
    if (!options?.filename?.endsWith('.html') || !options.template) continue;
    const parameters = options.templateParameters ?? {};
    const template = readFileSync(resolve(ROOT, options.template), 'utf8');
    pages.set(
      folder + options.filename,
      template.replace(/<%=\s*(\w+)\s*%>/g, (_whole, name: string) => {
        const value = parameters[name];
        if (value === undefined) throw new Error(`${options.template} uses <%= ${name} %>, which the build does not give`);
        return value;
      }),
    );
  }
}

function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta) throw new Error('no Content-Security-Policy meta tag');
  return new Map(
    meta[1]
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...sources]) => [name, sources]),
  );
}

function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/gi)].map((match) => match[1]);
}

describe('Content-Security-Policy of the pages', () => {
  const sources = Object.entries(webpackConfig.OFFICE_JS_SOURCES);

  test.each(sources)('with office.js from %s, the task pane allows only itself and that source', (name, source) => {
    const page = renderedPages(name).get('taskpane.html');
    if (!page) throw new Error('the build writes no taskpane.html');
    const policy = policyOf(page);
    const allowed = ["'self'", ...(source.origin ? [source.origin] : [])];
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(allowed);
    expect(policy.get('connect-src')).toEqual(allowed);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    for (const [directive, values] of policy) {
      expect({ directive, wildcard: values.filter((value) => value === '*' || value === 'http:' || value === 'https:') }).toEqual({ directive, wildcard: [] });
      expect({ directive, unsafeEval: values.includes("'unsafe-eval'") }).toEqual({ directive, unsafeEval: false });
    }
    // Inline scripts stay forbidden; inline styles are allowed because Fluent UI (Griffel) inserts its rules at run time.
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    // The page's one external script is office.js, from the source the policy allows.
    const external = scriptSources(page).filter((src) => /^https?:/.test(src));
    expect(external).toEqual(source.origin ? [source.src] : []);
    for (const src of external) expect(allowed).toContain(new URL(src).origin);
  });

  test('the preview page allows only itself', () => {
    const page = renderedPages('microsoft').get('preview.html');
    if (!page) throw new Error('the build writes no preview.html');
    const policy = policyOf(page);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(scriptSources(page).filter((src) => /^https?:/.test(src))).toEqual([]);
  });

  test.each(['wps/index.html', 'wps/taskpane.html'])('the WPS add-in page %s allows only itself and loads no office.js', (name) => {
    const page = renderedPages('microsoft').get(name);
    if (!page) throw new Error(`the build writes no ${name}`);
    const policy = policyOf(page);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(scriptSources(page).filter((src) => /^https?:/.test(src) || /office/i.test(src))).toEqual([]);
  });
});
