import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type ClipboardEvent } from 'react';
import type { Lang } from '../core';
import type { FormHost } from '../host/form-host';
import { mountPane } from '../taskpane/mount-pane';
import type { PreviewHostKind, PreviewWorkbook } from './preview-workbook';
import { previewStrings } from './preview-strings';
import { Spreadsheet, type CommitOutcome } from './Spreadsheet';

export interface PreviewAppProps {
  /** The in-memory Excel or WPS drawn as the grid; `host` is the adapter over it. */
  readonly workbook: PreviewWorkbook;
  readonly host: FormHost;
  readonly lang: Lang;
  readonly onLanguageChange: (lang: Lang) => void;
  readonly onHostChange: (kind: PreviewHostKind) => void;
}

interface MemoryVersions {
  /** Bumped by every change but the preview's own selection changes: the grid is rebuilt then. */
  readonly content: number;
  readonly selection: number;
}

/**
 * Counts the in-memory workbook's changes, so React re-reads it after each. A click only moves
 * the selection: it must not rebuild the whole grid (a 200-row form stays responsive).
 */
function useMemoryVersions(workbook: PreviewWorkbook): { versions: MemoryVersions; selectOnly: (action: () => void) => void } {
  const versions = useRef<MemoryVersions>({ content: 0, selection: 0 });
  const selecting = useRef(false);
  const subscribe = useCallback(
    (notify: () => void) =>
      workbook.onDidChange(() => {
        const current = versions.current;
        versions.current = selecting.current ? { ...current, selection: current.selection + 1 } : { ...current, content: current.content + 1 };
        notify();
      }),
    [workbook],
  );
  const selectOnly = useCallback((action: () => void) => {
    selecting.current = true;
    try {
      action();
    } finally {
      selecting.current = false;
    }
  }, []);
  return { versions: useSyncExternalStore(subscribe, () => versions.current), selectOnly };
}

/** The spreadsheets' own names, in any language. */
const SPREADSHEET_NAMES: Readonly<Record<PreviewHostKind, string>> = { excel: 'Excel', wps: 'WPS 表格' };

/** Pasted text (tab-separated columns, one line per row) as a block of values. */
export function pastedBlock(text: string): (string | null)[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t').map((cell) => (cell === '' ? null : cell)));
}

export function PreviewApp({ workbook, host, lang, onLanguageChange, onHostChange }: PreviewAppProps) {
  const strings = previewStrings(lang);
  const { versions, selectOnly } = useMemoryVersions(workbook);
  const version = versions.content;
  const paneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!paneRef.current) return;
    const root = mountPane(paneRef.current, host, { lang });
    return () => root.unmount();
  }, [host, lang]);

  const activeSheet = workbook.activeSheet();
  // `version` changes with every change of the workbook: the view is rebuilt then only.
  const view = useMemo(() => (version >= 0 ? workbook.view(activeSheet) : null), [workbook, activeSheet, version]);
  const selectedAddress = workbook.selectedCell();
  const selectedInput = selectedAddress ? workbook.cellInput(activeSheet, selectedAddress) : '';

  const onSelect = useCallback((address: string) => selectOnly(() => workbook.select(workbook.activeSheet(), address)), [workbook, selectOnly]);
  const onCommit = useCallback((address: string, input: string): CommitOutcome => workbook.type(workbook.activeSheet(), address, input), [workbook]);
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (!selectedAddress || (event.target instanceof HTMLInputElement && event.target.classList.contains('formula-bar'))) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    workbook.paste(activeSheet, selectedAddress, pastedBlock(text));
  };

  return (
    <div className="preview" data-host={workbook.kind}>
      <header className="preview-header">
        <h1>{strings.pageTitle}</h1>
        <p>{strings.intro(SPREADSHEET_NAMES[workbook.kind])}</p>
        <label>
          {strings.languageLabel}
          <select value={lang} onChange={(event) => onLanguageChange(event.target.value === 'en-US' ? 'en-US' : 'zh-CN')} data-testid="preview-language">
            <option value="zh-CN">中文</option>
            <option value="en-US">English</option>
          </select>
        </label>
        <label>
          {strings.hostLabel}
          <select value={workbook.kind} onChange={(event) => onHostChange(event.target.value === 'wps' ? 'wps' : 'excel')} data-testid="preview-host">
            <option value="excel">{SPREADSHEET_NAMES.excel}</option>
            <option value="wps">{SPREADSHEET_NAMES.wps}</option>
          </select>
        </label>
      </header>
      <section className="workbook" onPaste={onPaste} aria-label={strings.gridLabel(activeSheet)}>
        <Spreadsheet
          strings={strings}
          sheetNames={workbook.sheetNames()}
          view={view ?? workbook.view(activeSheet)}
          selected={selectedAddress}
          selectedInput={selectedInput}
          onSelect={onSelect}
          onCommit={onCommit}
          onActivate={(sheet) => workbook.activate(sheet)}
          onInsertRow={(row) => workbook.insertRow(activeSheet, row)}
          onDeleteRow={(row) => workbook.deleteRow(activeSheet, row)}
        />
      </section>
      <aside className="pane-host" ref={paneRef} aria-label={strings.paneLabel} data-testid="pane-host" />
    </div>
  );
}
