/**
 * Editing a cell as in Excel: open the in-cell editor, commit with Enter, leave with Escape; a
 * value the cell refuses (its validation, a protected sheet) keeps the editor open behind an alert
 * offering Retry and Cancel.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { parseA1, toA1 } from '../../core';

/** What became of a typed value: written, or refused with Excel's alert title and message. */
export type CommitOutcome = { readonly accepted: true } | { readonly accepted: false; readonly title: string; readonly message: string };

export interface Editing {
  readonly address: string;
  readonly text: string;
}

export interface Refusal {
  readonly title: string;
  readonly message: string;
}

export interface CellEditorOptions {
  /** The sheet shown: switching sheets closes the editor. */
  readonly sheet: string;
  readonly selected: string | null;
  readonly selectedInput: string;
  readonly gridRef: RefObject<HTMLDivElement | null>;
  readonly onCommit: (address: string, input: string) => CommitOutcome;
  readonly onSelect: (address: string) => void;
  /** Gives the keyboard back to the grid once the editor closes. */
  readonly focusGrid: () => void;
}

export interface CellEditor {
  readonly editing: Editing | null;
  readonly refused: Refusal | null;
  start(address: string, text: string): void;
  /** Writes `text` into `address`; accepted, the selection moves one row down. */
  commit(address: string, text: string): void;
  retry(): void;
  cancel(): void;
  // Stable across renders, for the memoised rows.
  readonly onCellDoubleClick: (address: string) => void;
  readonly onEditChange: (text: string) => void;
  readonly onEditKey: (event: KeyboardEvent<HTMLInputElement>) => void;
}

export function useCellEditor({ sheet, selected, selectedInput, gridRef, onCommit, onSelect, focusGrid }: CellEditorOptions): CellEditor {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [refused, setRefused] = useState<Refusal | null>(null);
  useEffect(() => setEditing(null), [sheet]);

  const commit = (address: string, text: string) => {
    const outcome = onCommit(address, text);
    if (!outcome.accepted) {
      // As Excel: the typed text stays in the editor, with Retry and Cancel.
      setEditing({ address, text });
      setRefused({ title: outcome.title, message: outcome.message });
      return;
    }
    setEditing(null);
    setRefused(null);
    const at = parseA1(address);
    if (at) onSelect(toA1(at.row + 1, at.col));
    focusGrid();
  };

  const retry = () => {
    setRefused(null);
    const editor = gridRef.current?.querySelector<HTMLInputElement>('[data-testid="cell-editor"]');
    editor?.focus();
    editor?.select();
  };

  const cancel = () => {
    setRefused(null);
    setEditing(null);
    focusGrid();
  };

  const onEditKeyNow = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!editing || refused) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(editing.address, event.currentTarget.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(null);
      focusGrid();
    }
  };

  // Rows are memoised: hand them stable callbacks that read the latest state through a ref.
  const latest = useRef({ selected, selectedInput, onEditKey: onEditKeyNow });
  latest.current = { selected, selectedInput, onEditKey: onEditKeyNow };
  const onCellDoubleClick = useCallback((address: string) => {
    const current = latest.current;
    setEditing({ address, text: address === current.selected ? current.selectedInput : '' });
  }, []);
  const onEditChange = useCallback((text: string) => setEditing((current) => (current ? { ...current, text } : current)), []);
  const onEditKey = useCallback((event: KeyboardEvent<HTMLInputElement>) => latest.current.onEditKey(event), []);

  const start = (address: string, text: string) => setEditing({ address, text });
  return { editing, refused, start, commit, retry, cancel, onCellDoubleClick, onEditChange, onEditKey };
}
