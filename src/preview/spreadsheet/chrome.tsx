/** What surrounds the grid, as in Excel: the name box and formula bar, alerts, the sheet tabs. */
import type { CompositionEvent, FormEvent, RefObject } from 'react';
import type { PreviewStrings } from '../preview-strings';
import type { Refusal } from './use-cell-editor';

export interface ToolbarProps {
  readonly strings: PreviewStrings;
  readonly selected: string | null;
  /** What the formula bar shows. */
  readonly text: string;
  readonly onChange: (text: string) => void;
  readonly onEnter: (address: string, text: string) => void;
  readonly onEscape: () => void;
  /** The selected row (1-based), or null: rows are inserted and deleted there. */
  readonly row1Based: number | null;
  readonly onInsertRow: (row1Based: number) => void;
  readonly onDeleteRow: (row1Based: number) => void;
}

export function Toolbar({ strings, selected, text, onChange, onEnter, onEscape, row1Based, onInsertRow, onDeleteRow }: ToolbarProps) {
  return (
    <div className="toolbar">
      <input className="name-box" readOnly value={selected ?? ''} aria-label={strings.nameBoxLabel} data-testid="name-box" />
      <input
        className="formula-bar"
        value={text}
        disabled={!selected}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && selected) onEnter(selected, event.currentTarget.value);
          if (event.key === 'Escape') onEscape();
        }}
        aria-label={strings.formulaBarLabel}
        data-testid="formula-bar"
      />
      <button type="button" disabled={row1Based === null} onClick={() => row1Based !== null && onInsertRow(row1Based)} data-testid="insert-row">
        {strings.insertRow}
      </button>
      <button type="button" disabled={row1Based === null} onClick={() => row1Based !== null && onDeleteRow(row1Based)} data-testid="delete-row">
        {strings.deleteRow}
      </button>
    </div>
  );
}

export function ValidationAlert({ strings, refused, onRetry, onCancel }: { readonly strings: PreviewStrings; readonly refused: Refusal; readonly onRetry: () => void; readonly onCancel: () => void }) {
  return (
    <div className="validation-alert" role="alertdialog" aria-label={refused.title} data-testid="validation-alert">
      <strong>{refused.title}</strong> <span>{refused.message}</span>
      <button type="button" onClick={onRetry} data-testid="validation-retry">
        {strings.retry}
      </button>
      <button type="button" onClick={onCancel} data-testid="validation-cancel">
        {strings.cancel}
      </button>
    </div>
  );
}

export function PreviewNotice({ strings, notice, onDismiss }: { readonly strings: PreviewStrings; readonly notice: string; readonly onDismiss: () => void }) {
  return (
    <div className="preview-notice" role="status" data-testid="preview-notice">
      {notice}
      <button type="button" onClick={onDismiss} aria-label={strings.dismiss}>
        ×
      </button>
    </div>
  );
}

export interface TypingInputProps {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly label: string;
  /** Text typed while the grid has the keyboard. */
  readonly onText: (text: string) => void;
}

/**
 * The grid's hidden input. Text that arrives without a key of its own (an IME's composition, a
 * dictation, insertText) lands here: it starts editing the selected cell with that text.
 */
export function TypingInput({ inputRef, label, onText }: TypingInputProps) {
  const onInput = (event: FormEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    if ((event.nativeEvent as InputEvent).isComposing) return;
    const text = input.value;
    input.value = '';
    if (text) onText(text);
  };
  const onCompositionEnd = (event: CompositionEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value || event.data;
    event.currentTarget.value = '';
    if (text) onText(text);
  };
  return <input ref={inputRef} className="grid-typing" aria-label={label} onInput={onInput} onCompositionEnd={onCompositionEnd} data-testid="grid-typing" />;
}

export function SheetTabs({ strings, sheetNames, active, onActivate }: { readonly strings: PreviewStrings; readonly sheetNames: readonly string[]; readonly active: string; readonly onActivate: (sheet: string) => void }) {
  return (
    <div className="sheet-tabs" role="tablist" aria-label={strings.sheetTabsLabel}>
      {sheetNames.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === active}
          className={name === active ? 'sheet-tab active' : 'sheet-tab'}
          onClick={() => onActivate(name)}
          data-testid="sheet-tab"
          data-sheet={name}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
