/**
 * The preview page: the in-memory Excel drawn as a spreadsheet beside the real task pane,
 * wired through the same adapter that runs in Excel (`createExcelHost`). `?lang=en-US` shows
 * the pane as an English Office would, `?theme=dark` as a dark Office theme would.
 */
import { createRoot } from 'react-dom/client';
import type { Lang } from '../core';
import { createExcelHost } from '../excel/excel-host';
import { createMemoryExcel, type MemoryExcel } from '../office-memory';
import type { FormHost } from '../host/form-host';
import { useState } from 'react';
import { PreviewApp } from './PreviewApp';

export function previewLang(search: string): Lang {
  return new URLSearchParams(search).get('lang')?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

function start(container: HTMLElement): void {
  const lang = previewLang(window.location.search);
  document.documentElement.lang = lang;
  const params = new URLSearchParams(window.location.search);
  const memory = createMemoryExcel();
  const host = createExcelHost({
    run: memory.run,
    isSetSupported: (name, version) => memory.isSetSupported(name, version),
    displayLanguage: () => document.documentElement.lang,
    // Office's theme has no counterpart here: `?theme=dark` shows the pane as under a dark Office theme.
    prefersDark: () => params.get('theme') === 'dark',
    documentUrl: () => 'preview.xlsx',
  });
  const pane = Number(params.get('pane'));
  // `?pane=320` draws the pane at that width, as a narrow task pane would be.
  if (Number.isFinite(pane) && pane >= 200) container.style.setProperty('--pane-width', `${pane}px`);
  createRoot(container).render(<PreviewRoot memory={memory} host={host} initialLang={lang} />);
}

/** Switching the language remounts the pane only: the workbook in memory stays as it is. */
function PreviewRoot({ memory, host, initialLang }: { readonly memory: MemoryExcel; readonly host: FormHost; readonly initialLang: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const changeLanguage = (next: Lang) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url.toString());
    document.documentElement.lang = next;
    setLang(next);
  };
  return <PreviewApp memory={memory} host={host} lang={lang} onLanguageChange={changeLanguage} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('preview.html lacks the #root element');
start(root);
