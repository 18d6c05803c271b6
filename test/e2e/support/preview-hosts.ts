/**
 * The hosts the preview runs the pane over: the in-memory Excel under the Excel adapter, and
 * `?host=wps`, the in-memory WPS under the WPS adapter (what the WPS add-in's pane runs). Suites
 * run the pane's main flows once per host with `describe.each(PREVIEW_HOSTS)`.
 */
import type { PreviewPage } from './preview-page';

export interface PreviewHost {
  readonly host: 'Excel' | 'WPS';
  /** What the preview's root says it runs over (`data-host`). */
  readonly kind: 'excel' | 'wps';
  /** The query that selects the host (empty for Excel, the default). */
  readonly query: string;
  /** Prefixes the screenshots taken over this host. */
  readonly shot: string;
}

export const PREVIEW_HOSTS: readonly PreviewHost[] = [
  { host: 'Excel', kind: 'excel', query: '', shot: '' },
  { host: 'WPS', kind: 'wps', query: '?host=wps', shot: 'wps-' },
];

/** A host's query with more parameters (`withHost(host, 'pane=320')`). */
export function withHost(host: PreviewHost, parameters = ''): string {
  const all = [host.query.replace(/^\?/, ''), parameters].filter(Boolean).join('&');
  return all ? `?${all}` : '';
}

/** Opens the preview over `host` and makes sure it runs over that host. */
export async function openOver(openPreview: (query?: string) => Promise<PreviewPage>, host: PreviewHost, parameters = ''): Promise<PreviewPage> {
  const preview = await openPreview(withHost(host, parameters));
  const kind = await preview.page.locator('.preview').getAttribute('data-host');
  if (kind !== host.kind) throw new Error(`The preview runs over ${String(kind)}, not ${host.kind}`);
  return preview;
}
