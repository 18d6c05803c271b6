import { memo, useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
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
  readonly onCommit: (address: string, input: string) => void;
  readonly onActivate: (sheet: string) => void;
  readonly onInsertRow: (row1Based: number) => void;
  readonly onDeleteRow: (row1Based: number) => void;
}

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
  const [barText, setBarText] = useState(selectedInput);
  const gridRef = useRef<HTMLDivElement>(null);
  const position = selected ? parseA1(selected) : null;

  useEffect(() => setBarText(selectedInput), [selectedInput, selected]);
  useEffect(() => setEditing(null), [view.name]);

  const columnCount = Math.max(MIN_COLUMNS, view.columnWidthsPx.length);
  const widths = Array.from({ length: columnCount }, (_, col) => view.columnWidthsPx[col] ?? DEFAULT_COLUMN_WIDTH_PX);
  const spanHeights = spanHeightsByRowMemo(view);

  const commit = (address: string, text: string) => {
    setEditing(null);
    props.onCommit(address, text);
    const at = parseA1(address);
    if (at) props.onSelect(toA1(at.row + 1, at.col));
    gridRef.current?.focus();
  };

  const move = (rows: number, cols: number) => {
    if (!position) return;
    props.onSelect(toA1(Math.max(0, position.row + rows), Math.max(0, position.col + cols)));
  };

  const onGridKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !selected || event.target !== gridRef.current) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    if (moves[event.key]) {
      event.preventDefault();
      move(...moves[event.key]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      setEditing({ address: selected, text: selectedInput });
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      props.onCommit(selected, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      setEditing({ address: selected, text: event.key });
    }
  };

  const onEditKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(editing.address, event.currentTarget.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(null);
      gridRef.current?.focus();
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
  const onEditKeyStable = useCallback((event: KeyboardEvent<HTMLInputElement>) => latest.current.onEditKey(event), []);

  return (
    <div className="spreadsheet">
      <div className="toolbar">
        <input className="name-box" readOnly value={selected ?? ''} aria-label={strings.nameBoxLabel} data-testid="name-box" />
        <input
          className="formula-bar"
          value={barText}
          disabled={!selected}
          onChange={(event) => setBarText(event.target.value)}
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
      <div className="grid-scroll" ref={gridRef} tabIndex={0} onKeyDown={onGridKey} role="grid" aria-label={strings.gridLabel(view.name)} data-testid="grid">
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
