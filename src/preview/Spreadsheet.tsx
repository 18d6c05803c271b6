import { memo, useCallback, useEffect, useRef, useState, type CompositionEvent, type CSSProperties, type FormEvent, type KeyboardEvent } from 'react';
import { columnLetters, parseA1, toA1 } from '../core';
import type { PreviewStrings } from './preview-strings';
import { DEFAULT_COLUMN_WIDTH_PX, type CellView, type RowView, type SheetView } from './sheet-view';

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

/** What became of a typed value: written, or refused with Excel's alert title and message. */
export type CommitOutcome = { readonly accepted: true } | { readonly accepted: false; readonly title: string; readonly message: string };

const HEADER_WIDTH_PX = 40;
const MIN_COLUMNS = 8;

function cellStyle(cell: CellView, heightPx: number): CSSProperties {
  const { format } = cell;
  const fill = cell.conditionalFill ?? format.fill;
  const color = cell.conditionalFontColor ?? format.fontColor;
  return {
    backgroundColor: fill ?? undefined,
    color: color ?? undefined,
    fontWeight: format.bold ? 700 : undefined,
    fontStyle: format.italic ? 'italic' : undefined,
    fontSize: format.fontSize ? `${format.fontSize}pt` : undefined,
    textAlign: format.horizontal ?? (cell.numeric ? 'right' : 'left'),
    verticalAlign: format.vertical === 'center' ? 'middle' : (format.vertical ?? 'bottom'),
    whiteSpace: format.wrap ? 'pre-wrap' : 'pre',
    borderTop: format.borders.top ?? undefined,
    borderBottom: format.borders.bottom ?? undefined,
    borderLeft: format.borders.left ?? undefined,
    borderRight: format.borders.right ?? undefined,
    height: `${heightPx}px`,
    maxHeight: `${heightPx}px`,
  };
}

interface RowProps {
  readonly row: RowView;
  readonly sheet: string;
  readonly spanHeights: readonly number[];
  /** The selected column on this row, or -1. Only the row holding the selection gets a value, so others skip rendering. */
  readonly selectedCol: number;
  readonly editing: { readonly col: number; readonly text: string } | null;
  readonly onCellMouseDown: (address: string) => void;
  readonly onCellDoubleClick: (address: string) => void;
  readonly onEditChange: (text: string) => void;
  readonly onEditKey: (event: KeyboardEvent<HTMLInputElement>) => void;
}

const GridRow = memo(
  function GridRow({ row, sheet, spanHeights, selectedCol, editing, onCellMouseDown, onCellDoubleClick, onEditChange, onEditKey }: RowProps) {
    return (
      <tr style={{ height: `${row.heightPx}px` }}>
        <th scope="row" className="row-header">
          {row.row + 1}
        </th>
        {row.cells.map((cell) => {
          const height = spanHeights[cell.col] ?? row.heightPx;
          const isSelected = cell.col === selectedCol;
          const isEditing = editing !== null && editing.col === cell.col;
          return (
            <td
              key={cell.address}
              rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
              colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
              data-sheet={sheet}
              data-address={cell.address}
              data-highlight={cell.highlight ?? undefined}
              aria-selected={isSelected}
              className={isSelected ? 'cell selected' : 'cell'}
              style={cellStyle(cell, height)}
              onMouseDown={() => onCellMouseDown(cell.address)}
              onDoubleClick={() => onCellDoubleClick(cell.address)}
            >
              {isEditing ? (
                <input
                  className="cell-editor"
                  autoFocus
                  value={editing.text}
                  onChange={(event) => onEditChange(event.target.value)}
                  onKeyDown={onEditKey}
                  data-testid="cell-editor"
                  aria-label={cell.address}
                />
              ) : (
                <div className="cell-text" style={{ maxHeight: `${height}px` }}>
                  {cell.text}
                </div>
              )}
            </td>
          );
        })}
      </tr>
    );
  },
  (before, after) =>
    before.row.signature === after.row.signature &&
    before.sheet === after.sheet &&
    before.selectedCol === after.selectedCol &&
    before.editing?.col === after.editing?.col &&
    before.editing?.text === after.editing?.text &&
    before.spanHeights.join() === after.spanHeights.join() &&
    before.onCellMouseDown === after.onCellMouseDown,
);

/** Heights of each merged cell's full span, by row then column, so clipping matches the merge. */
function spanHeightsByRow(view: SheetView): number[][] {
  const heights = view.rows.map((row) => row.heightPx);
  return view.rows.map((row, index) => {
    const byCol: number[] = [];
    for (const cell of row.cells) {
      if (cell.rowSpan <= 1) continue;
      byCol[cell.col] = heights.slice(index, index + cell.rowSpan).reduce((sum, h) => sum + h, 0);
    }
    return byCol;
  });
}

export function Spreadsheet(props: SpreadsheetProps) {
  const { strings, view, selected, selectedInput } = props;
  const [editing, setEditing] = useState<{ address: string; text: string } | null>(null);
  const [refused, setRefused] = useState<{ title: string; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [barText, setBarText] = useState(selectedInput);
  const gridRef = useRef<HTMLDivElement>(null);
  const typingRef = useRef<HTMLInputElement>(null);
  const position = selected ? parseA1(selected) : null;

  useEffect(() => setBarText(selectedInput), [selectedInput, selected]);
  useEffect(() => setEditing(null), [view.name]);
  // The selection is scrolled into view wherever it comes from (a click on an issue, the arrows, an added row).
  useEffect(() => {
    if (!selected) return;
    gridRef.current?.querySelector<HTMLElement>(`td[data-address="${selected}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected, view]);

  const columnCount = Math.max(MIN_COLUMNS, view.columnWidthsPx.length);
  const widths = Array.from({ length: columnCount }, (_, col) => view.columnWidthsPx[col] ?? DEFAULT_COLUMN_WIDTH_PX);
  const spanHeights = spanHeightsByRowMemo(view);

  // The hidden input stays in view (sticky): focusing it never scrolls the grid.
  const focusGrid = () => typingRef.current?.focus({ preventScroll: true });

  const commit = (address: string, text: string) => {
    const outcome = props.onCommit(address, text);
    if (!outcome.accepted) {
      // As Excel: the typed text stays in the editor, with Retry and Cancel.
      setEditing({ address, text });
      setRefused({ title: outcome.title, message: outcome.message });
      return;
    }
    setEditing(null);
    setRefused(null);
    const at = parseA1(address);
    if (at) props.onSelect(toA1(at.row + 1, at.col));
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

  const move = (rows: number, cols: number) => {
    if (!position) return;
    props.onSelect(toA1(Math.max(0, position.row + rows), Math.max(0, position.col + cols)));
  };

  const startEditing = (text: string) => {
    if (selected) setEditing({ address: selected, text });
  };

  const onGridKey = (event: KeyboardEvent<HTMLElement>) => {
    const fromGrid = event.target === gridRef.current || event.target === typingRef.current;
    if (editing || !selected || !fromGrid) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    if ((event.ctrlKey || event.metaKey) && (event.key === 'z' || event.key === 'y' || event.key === 'Z' || event.key === 'Y')) {
      event.preventDefault();
      setNotice(strings.noUndo);
    } else if (moves[event.key]) {
      event.preventDefault();
      move(...moves[event.key]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEditing(selectedInput);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      props.onCommit(selected, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      startEditing(event.key);
    }
  };

  // Text that arrives without a key of its own (an IME's composition, a dictation, insertText)
  // lands in the grid's hidden input: it starts editing the selected cell with that text.
  const onTypingInput = (event: FormEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    if ((event.nativeEvent as InputEvent).isComposing) return;
    const text = input.value;
    input.value = '';
    if (text) startEditing(text);
  };
  const onTypingCompositionEnd = (event: CompositionEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value || event.data;
    event.currentTarget.value = '';
    if (text) startEditing(text);
  };

  const onEditKey = (event: KeyboardEvent<HTMLInputElement>) => {
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

  const editingPosition = editing ? parseA1(editing.address) : null;

  // Rows are memoised: hand them stable callbacks that read the latest state through a ref.
  const latest = useRef({ selected, selectedInput, onEditKey });
  latest.current = { selected, selectedInput, onEditKey };
  const onCellDoubleClick = useCallback((address: string) => {
    const current = latest.current;
    setEditing({ address, text: address === current.selected ? current.selectedInput : '' });
  }, []);
  const onEditChange = useCallback((text: string) => setEditing((current) => (current ? { ...current, text } : current)), []);
  // The formula bar follows the in-cell editor while it is open, as in Excel.
  const shownBarText = editing && editing.address === selected ? editing.text : barText;
  const onEditKeyStable = useCallback((event: KeyboardEvent<HTMLInputElement>) => latest.current.onEditKey(event), []);

  return (
    <div className="spreadsheet">
      <div className="toolbar">
        <input className="name-box" readOnly value={selected ?? ''} aria-label={strings.nameBoxLabel} data-testid="name-box" />
        <input
          className="formula-bar"
          value={shownBarText}
          disabled={!selected}
          onChange={(event) => (editing && editing.address === selected ? onEditChange(event.target.value) : setBarText(event.target.value))}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && selected) commit(selected, event.currentTarget.value);
            if (event.key === 'Escape') setBarText(selectedInput);
          }}
          aria-label={strings.formulaBarLabel}
          data-testid="formula-bar"
        />
        <button type="button" disabled={!position} onClick={() => position && props.onInsertRow(position.row + 1)} data-testid="insert-row">
          {strings.insertRow}
        </button>
        <button type="button" disabled={!position} onClick={() => position && props.onDeleteRow(position.row + 1)} data-testid="delete-row">
          {strings.deleteRow}
        </button>
      </div>
      {refused && (
        <div className="validation-alert" role="alertdialog" aria-label={refused.title} data-testid="validation-alert">
          <strong>{refused.title}</strong> <span>{refused.message}</span>
          <button type="button" onClick={retry} data-testid="validation-retry">
            {strings.retry}
          </button>
          <button type="button" onClick={cancel} data-testid="validation-cancel">
            {strings.cancel}
          </button>
        </div>
      )}
      {notice && (
        <div className="preview-notice" role="status" data-testid="preview-notice">
          {notice}
          <button type="button" onClick={() => setNotice(null)} aria-label={strings.dismiss}>
            ×
          </button>
        </div>
      )}
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
        <input
          ref={typingRef}
          className="grid-typing"
          aria-label={strings.typeIntoCell(selected ?? '')}
          onInput={onTypingInput}
          onCompositionEnd={onTypingCompositionEnd}
          data-testid="grid-typing"
        />
        <table className="grid" style={{ width: `${HEADER_WIDTH_PX + widths.reduce((sum, w) => sum + w, 0)}px` }}>
          <colgroup>
            <col style={{ width: `${HEADER_WIDTH_PX}px` }} />
            {widths.map((width, col) => (
              <col key={col} style={{ width: `${width}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" />
              {widths.map((_, col) => (
                <th key={col} scope="col" className={position?.col === col ? 'col-header active' : 'col-header'}>
                  {columnLetters(col)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row, index) => (
              <GridRow
                key={row.row}
                row={row}
                sheet={view.name}
                spanHeights={spanHeights[index]}
                selectedCol={position?.row === row.row ? position.col : -1}
                editing={editingPosition?.row === row.row && editing ? { col: editingPosition.col, text: editing.text } : null}
                onCellMouseDown={props.onSelect}
                onCellDoubleClick={onCellDoubleClick}
                onEditChange={onEditChange}
                onEditKey={onEditKeyStable}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="sheet-tabs" role="tablist" aria-label={strings.sheetTabsLabel}>
        {props.sheetNames.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === view.name}
            className={name === view.name ? 'sheet-tab active' : 'sheet-tab'}
            onClick={() => props.onActivate(name)}
            data-testid="sheet-tab"
            data-sheet={name}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Span heights change only with the view; keep the arrays' identity so memoised rows stay put. */
const spanCache = new WeakMap<SheetView, number[][]>();
function spanHeightsByRowMemo(view: SheetView): number[][] {
  let heights = spanCache.get(view);
  if (!heights) {
    heights = spanHeightsByRow(view);
    spanCache.set(view, heights);
  }
  return heights;
}
