/**
 * Mounts the task pane over a host. The add-in page calls it with the Office host, the
 * preview with the host over the in-memory Excel; nothing else differs.
 */
import { createRoot, type Root } from 'react-dom/client';
import type { FormHost } from '../host/form-host';
import { formatIssue, resolveLang, templateTitle, type Lang } from '../core';
import { App } from './components/App';
import { paneStrings } from './strings';
import type { MessageSource } from './view-model';

const CORE_MESSAGES: MessageSource = { formatIssue, templateTitle };

export interface MountOptions {
  /** Overrides Office's display language (the preview's language switch). */
  readonly lang?: Lang;
}

export function mountPane(container: HTMLElement, host: FormHost, options: MountOptions = {}): Root {
  const lang = options.lang ?? resolveLang(host.displayLanguage());
  const root = createRoot(container);
  document.documentElement.lang = lang;
  root.render(<App host={host} lang={lang} strings={paneStrings(lang)} messages={CORE_MESSAGES} dark={host.prefersDark()} />);
  return root;
}
