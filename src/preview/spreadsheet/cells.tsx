/** How the grid draws: the column headers, and each row's cells as the sheet's formats say. */
import { memo, type CSSProperties, type KeyboardEvent } from 'react';
import { columnLetters, parseA1, type CellPosition } from '../../core';
import { DEFAULT_COLUMN_WIDTH_PX, type CellView, type RowView, type SheetView } from '../sheet-view';
import type { CellEditor } from './use-cell-editor';

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

/** The column widths and the lettered header row; the selected cell's column is marked. */
function ColumnHeaders({ widths, activeCol }: { readonly widths: readonly number[]; readonly activeCol: number | null }) {
  return (
    <>
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
            <th key={col} scope="col" className={activeCol === col ? 'col-header active' : 'col-header'}>
              {columnLetters(col)}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
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

/** Span heights change only with the view; keep the arrays' identity so memoised rows stay put. */
const spanCache = new WeakMap<SheetView, number[][]>();
function spanHeightsOf(view: SheetView): number[][] {
  let heights = spanCache.get(view);
  if (!heights) {
    heights = spanHeightsByRow(view);
    spanCache.set(view, heights);
  }
  return heights;
}

export interface SheetTableProps {
  readonly view: SheetView;
  /** The selected cell, or null. */
  readonly position: CellPosition | null;
  readonly editor: CellEditor;
  readonly onSelect: (address: string) => void;
}

/** The sheet's cells under their column headers, with the selection and the open editor. */
export function SheetTable({ view, position, editor, onSelect }: SheetTableProps) {
  const columnCount = Math.max(MIN_COLUMNS, view.columnWidthsPx.length);
  const widths = Array.from({ length: columnCount }, (_, col) => view.columnWidthsPx[col] ?? DEFAULT_COLUMN_WIDTH_PX);
  const spanHeights = spanHeightsOf(view);
  const { editing } = editor;
  const editingPosition = editing ? parseA1(editing.address) : null;
  return (
    <table className="grid" style={{ width: `${HEADER_WIDTH_PX + widths.reduce((sum, w) => sum + w, 0)}px` }}>
      <ColumnHeaders widths={widths} activeCol={position?.col ?? null} />
      <tbody>
        {view.rows.map((row, index) => (
          <GridRow
            key={row.row}
            row={row}
            sheet={view.name}
            spanHeights={spanHeights[index]}
            selectedCol={position?.row === row.row ? position.col : -1}
            editing={editingPosition?.row === row.row && editing ? { col: editingPosition.col, text: editing.text } : null}
            onCellMouseDown={onSelect}
            onCellDoubleClick={editor.onCellDoubleClick}
            onEditChange={editor.onEditChange}
            onEditKey={editor.onEditKey}
          />
        ))}
      </tbody>
    </table>
  );
}
