/**
 * Where the plan builder put what validations and native checks refer to: the areas of fields
 * and table columns, as 0-based rows and columns.
 */
import type { CellRange } from '../grid/grid';
import type { IndicatorColumnKey, TaskColumnKey } from '../templates/form-template';

export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export function areaRange(area: Area): CellRange {
  return { top: area.row, left: area.col, bottom: area.row + area.rowSpan - 1, right: area.col + area.colSpan - 1 };
}

/** Where the builder put the things that validations and native checks refer to. */
export interface Placed {
  readonly fields: Map<string, Area>;
  task?: { readonly firstRow: number; readonly lastRow: number; readonly totalRow: number; readonly columns: ReadonlyMap<TaskColumnKey, Area> };
  /** One per set of columns (two for sets side by side, sharing their rows); `headerTop` is the first heading row. */
  readonly indicatorTables: { readonly headerTop: number; readonly firstRow: number; readonly lastRow: number; readonly columns: ReadonlyMap<IndicatorColumnKey, Area> }[];
}

/** A column the table declares (so `tableColumns` placed it). */
export function declaredArea<K extends string>(columns: ReadonlyMap<K, Area>, key: K): Area {
  const at = columns.get(key);
  if (!at) throw new Error(`table column "${key}" was not placed`);
  return at;
}
