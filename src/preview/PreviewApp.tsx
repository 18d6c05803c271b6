import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type ClipboardEvent } from 'react';
import type { Lang } from '../core';
import type { FormHost } from '../host/form-host';
import type { MemoryExcel, TypedValue } from '../office-memory';
import { mountPane } from '../taskpane/mount-pane';
import { buildSheetView } from './memory-sheet-view';
import { previewStrings } from './preview-strings';
import { Spreadsheet, type CommitOutcome } from './Spreadsheet';

export interface PreviewAppProps {
  readonly memory: MemoryExcel;
  readonly host: FormHost;
  readonly lang: Lang;
  readonly onLanguageChange: (lang: Lang) => void;
}

interface MemoryVersions {
  /** Bumped by every change but the preview's own selection changes: the grid is rebuilt then. */
  readonly content: number;
  readonly selection: number;
}

/**
 * Counts the in-memory Excel's changes, so React re-reads it after each. A click only moves
 * the selection: it must not rebuild the whole grid (a 200-row form stays responsive).
 */
function useMemoryVersions(memory: MemoryExcel): { versions: MemoryVersions; selectOnly: (action: () => void) => void } {
  const versions = useRef<MemoryVersions>({ content: 0, selection: 0 });
  const selecting = useRef(false);
  const subscribe = useCallback(
    (notify: () => void) =>
      memory.onDidChange(() => {
        const current = versions.current;
        versions.current = selecting.current ? { ...current, selection: current.selection + 1 } : { ...current, content: current.content + 1 };
        notify();
      }),
    [memory],
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

/** What the formula bar shows: the formula, or the value as one would type it. */
function inputOf(value: string | number | boolean, formula: string | null): string {
  if (formula) return formula;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Pasted text (tab-separated columns, one line per row) as a block of values. */
export function pastedBlock(text: string): TypedValue[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t').map((cell) => (cell === '' ? null : cell)));
}

export function PreviewApp({ memory, host, lang, onLanguageChange }: PreviewAppProps) {
  const strings = previewStrings(lang);
  const { versions, selectOnly } = useMemoryVersions(memory);
  const version = versions.content;
  const paneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!paneRef.current) return;
    const root = mountPane(paneRef.current, host, { lang });
    return () => root.unmount();
  }, [host, lang]);

  const activeSheet = memory.inspect.activeSheet();
  // `version` changes with every change of the workbook: the view is rebuilt then only.
  const view = useMemo(() => (version >= 0 ? buildSheetView(memory.inspect, activeSheet) : null), [memory, activeSheet, version]);
  const selection = memory.inspect.selection();
  const selectedAddress = selection.sheet === activeSheet ? selection.address.split(':')[0] : null;
  const selectedCell = selectedAddress ? memory.inspect.cell(activeSheet, selectedAddress) : null;
  const selectedInput = selectedCell ? inputOf(selectedCell.value, selectedCell.formula) : '';

  const onSelect = useCallback((address: string) => selectOnly(() => memory.user.select(memory.inspect.activeSheet(), address)), [memory, selectOnly]);
  const onCommit = useCallback(
    (address: string, input: string): CommitOutcome => {
      const result = memory.user.type(memory.inspect.activeSheet(), address, input);
      return result.accepted ? { accepted: true } : { accepted: false, title: result.title, message: result.message };
    },
    [memory],
  );
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (!selectedAddress || (event.target instanceof HTMLInputElement && event.target.classList.contains('formula-bar'))) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    memory.user.paste(activeSheet, selectedAddress, pastedBlock(text));
  };

  return (
    <div className="preview">
      <header className="preview-header">
        <h1>{strings.pageTitle}</h1>
        <p>{strings.intro}</p>
        <label>
          {strings.languageLabel}
          <select value={lang} onChange={(event) => onLanguageChange(event.target.value === 'en-US' ? 'en-US' : 'zh-CN')} data-testid="preview-language">
            <option value="zh-CN">中文</option>
            <option value="en-US">English</option>
          </select>
        </label>
      </header>
      <section className="workbook" onPaste={onPaste} aria-label={strings.gridLabel(activeSheet)}>
        <Spreadsheet
          strings={strings}
          sheetNames={memory.inspect.sheetNames()}
          view={view ?? buildSheetView(memory.inspect, activeSheet)}
          selected={selectedAddress}
          selectedInput={selectedInput}
          onSelect={onSelect}
          onCommit={onCommit}
          onActivate={(sheet) => memory.user.activate(sheet)}
          onInsertRow={(row) => memory.user.insertRows(activeSheet, row, 1)}
          onDeleteRow={(row) => memory.user.deleteRows(activeSheet, row, 1)}
        />
      </section>
      <aside className="pane-host" ref={paneRef} aria-label={strings.paneLabel} data-testid="pane-host" />
    </div>
  );
}
