/**
 * The preview's grid, as Excel behaves: select with the mouse or the arrows, type to replace,
 * Enter or F2 or a double click to edit, the formula bar beside. The pieces live in spreadsheet/.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { parseA1, toA1 } from '../core';
import type { PreviewStrings } from './preview-strings';
import type { SheetView } from './sheet-view';
import { SheetTable } from './spreadsheet/cells';
import { PreviewNotice, SheetTabs, Toolbar, TypingInput, ValidationAlert } from './spreadsheet/chrome';
import { gridKeyAction } from './spreadsheet/grid-keys';
import { useCellEditor, type CommitOutcome } from './spreadsheet/use-cell-editor';

export type { CommitOutcome } from './spreadsheet/use-cell-editor';

export interface SpreadsheetProps {
  readonly strings: PreviewStrings;
  readonly sheetNames: readonly string[];
  readonly view: SheetView;
  /** The selected cell on this sheet (A1), or null. */
  readonly selected: string | null;
  /** What the formula bar shows for the selected cell: its formula, or its value as typed. */
  readonly selectedInput: string;
  readonly onSelect: (address: string) => void;
  /** Writes what the user typed; a refusal (the cell's validation, a protected sheet) keeps the editor open. */
  readonly onCommit: (address: string, input: string) => CommitOutcome;
  readonly onActivate: (sheet: string) => void;
  readonly onInsertRow: (row1Based: number) => void;
  readonly onDeleteRow: (row1Based: number) => void;
}

export function Spreadsheet(props: SpreadsheetProps) {
  const { strings, view, selected, selectedInput } = props;
  const [notice, setNotice] = useState<string | null>(null);
  const [barText, setBarText] = useState(selectedInput);
  const gridRef = useRef<HTMLDivElement>(null);
  const typingRef = useRef<HTMLInputElement>(null);
  const position = selected ? parseA1(selected) : null;
  // The hidden input stays in view (sticky): focusing it never scrolls the grid.
  const focusGrid = () => typingRef.current?.focus({ preventScroll: true });
  const editor = useCellEditor({ sheet: view.name, selected, selectedInput, gridRef, onCommit: props.onCommit, onSelect: props.onSelect, focusGrid });
  const { editing } = editor;

  useEffect(() => setBarText(selectedInput), [selectedInput, selected]);
  // The selection is scrolled into view wherever it comes from (a click on an issue, the arrows, an added row).
  useEffect(() => {
    if (!selected) return;
    gridRef.current?.querySelector<HTMLElement>(`td[data-address="${selected}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected, view]);

  const onGridKey = (event: KeyboardEvent<HTMLElement>) => {
    const fromGrid = event.target === gridRef.current || event.target === typingRef.current;
    if (editing || !selected || !fromGrid) return;
    const action = gridKeyAction(event);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'undo') setNotice(strings.noUndo);
    else if (action.kind === 'move') {
      if (position) props.onSelect(toA1(Math.max(0, position.row + action.rows), Math.max(0, position.col + action.cols)));
    } else if (action.kind === 'edit') editor.start(selected, selectedInput);
    else if (action.kind === 'type') editor.start(selected, action.text);
    else props.onCommit(selected, '');
  };

  // The formula bar follows the in-cell editor while it is open, as in Excel.
  const editingSelected = editing !== null && editing.address === selected;

  return (
    <div className="spreadsheet">
      <Toolbar
        strings={strings}
        selected={selected}
        text={editingSelected ? editing.text : barText}
        onChange={(text) => (editingSelected ? editor.onEditChange(text) : setBarText(text))}
        onEnter={editor.commit}
        onEscape={() => setBarText(selectedInput)}
        row1Based={position ? position.row + 1 : null}
        onInsertRow={props.onInsertRow}
        onDeleteRow={props.onDeleteRow}
      />
      {editor.refused && <ValidationAlert strings={strings} refused={editor.refused} onRetry={editor.retry} onCancel={editor.cancel} />}
      {notice && <PreviewNotice strings={strings} notice={notice} onDismiss={() => setNotice(null)} />}
      <div
        className="grid-scroll"
        ref={gridRef}
        tabIndex={-1}
        onKeyDown={onGridKey}
        onFocus={(event) => {
          if (event.target === gridRef.current) focusGrid();
        }}
        role="grid"
        aria-label={strings.gridLabel(view.name)}
        data-testid="grid"
      >
        <TypingInput inputRef={typingRef} label={strings.typeIntoCell(selected ?? '')} onText={(text) => selected && editor.start(selected, text)} />
        <SheetTable view={view} position={position} editor={editor} onSelect={props.onSelect} />
      </div>
      <SheetTabs strings={strings} sheetNames={props.sheetNames} active={view.name} onActivate={props.onActivate} />
    </div>
  );
}
