/**
 * The preview page: an in-memory spreadsheet drawn beside the real task pane, wired through the
 * same adapter that runs in the real application — the in-memory Excel under `createExcelHost`,
 * or with `?host=wps` the in-memory WPS under `createWpsHost` (wps-preview.ts). `?lang=en-US`
 * shows the pane as an English Office would, `?theme=dark` as a dark Office theme would.
 */
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import type { Lang } from '../core';
import { createExcelHost } from '../excel/excel-host';
import { createMemoryExcel } from '../office-memory';
import { PreviewApp } from './PreviewApp';
import { excelWorkbook, type PreviewEnvironment, type PreviewHostKind, type PreviewSetup } from './preview-workbook';
import { createWpsPreview } from './wps-preview';

export function previewLang(search: string): Lang {
  return new URLSearchParams(search).get('lang')?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

export function previewHost(search: string): PreviewHostKind {
  return new URLSearchParams(search).get('host')?.toLowerCase() === 'wps' ? 'wps' : 'excel';
}

function createExcelPreview(environment: PreviewEnvironment): PreviewSetup {
  const memory = createMemoryExcel();
  const host = createExcelHost({
    run: memory.run,
    isSetSupported: (name, version) => memory.isSetSupported(name, version),
    ...environment,
    documentUrl: () => 'preview.xlsx',
  });
  return { workbook: excelWorkbook(memory), host };
}

function start(container: HTMLElement): void {
  const lang = previewLang(window.location.search);
  document.documentElement.lang = lang;
  const params = new URLSearchParams(window.location.search);
  const environment: PreviewEnvironment = { displayLanguage: () => document.documentElement.lang, prefersDark: () => params.get('theme') === 'dark' };
  const setup = previewHost(window.location.search) === 'wps' ? createWpsPreview(environment) : createExcelPreview(environment);
  const pane = Number(params.get('pane'));
  // `?pane=320` draws the pane at that width, as a narrow task pane would be.
  if (Number.isFinite(pane) && pane >= 200) container.style.setProperty('--pane-width', `${pane}px`);
  createRoot(container).render(<PreviewRoot setup={setup} initialLang={lang} />);
}

/** Sets one query parameter of the page's address, without a reload. */
function replaceParam(name: string, value: string): URL {
  const url = new URL(window.location.href);
  url.searchParams.set(name, value);
  window.history.replaceState(null, '', url.toString());
  return url;
}

/**
 * Switching the language remounts the pane only: the workbook in memory stays as it is.
 * Switching the host loads the page again over the other one: a new, empty workbook.
 */
function PreviewRoot({ setup, initialLang }: { readonly setup: PreviewSetup; readonly initialLang: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const changeLanguage = (next: Lang) => {
    replaceParam('lang', next);
    document.documentElement.lang = next;
    setLang(next);
  };
  const changeHost = (kind: PreviewHostKind) => window.location.assign(replaceParam('host', kind).toString());
  return <PreviewApp workbook={setup.workbook} host={setup.host} lang={lang} onLanguageChange={changeLanguage} onHostChange={changeHost} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('preview.html lacks the #root element');
start(root);
