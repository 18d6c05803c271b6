/**
 * `Excel.RangeFormat` and its fill, font and borders. A property read over several cells
 * gives their common value, or null when they differ (as Excel reports mixed formats).
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- each proxy class merges with an interface of the Office.js properties its table installs on the prototype */
import { rectColumns, rectRows, type Rect } from './address';
import type { MemoryRequestContext } from './context';
import { PartCollectionProxy, PartProxy, installProperties, type PropertySpec, type Loadable, type PropertyTable } from './proxy-base';
import { invalidArgument, type AreasTarget } from './range-proxies';
import { normalizeColor, type BorderData, type BorderSide, type CellFormatData, type FontData, type SheetData, type WorkbookModel } from './workbook-model';

const UNIFORM_SCAN_LIMIT = 200_000;

/** The formats a large range shows: its cells' own, then the row, column and sheet formats the others show. */
function largeRangeProbes(model: WorkbookModel, sheet: SheetData, rect: Rect): { format: CellFormatData; row: number; col: number }[] {
  const probes = model.storedCellsIn(sheet, rect).map(({ row, col, cell }) => ({ format: cell.format, row, col }));
  const rowFormats = [...sheet.rowFormats].filter(([row]) => row >= rect.top && row <= rect.bottom);
  for (const [row, format] of rowFormats) probes.push({ format, row, col: rect.left });
  if (rowFormats.length < rectRows(rect)) {
    const columnFormats = [...sheet.columnFormats].filter(([col]) => col >= rect.left && col <= rect.right);
    for (const [col, format] of columnFormats) probes.push({ format, row: rect.top, col });
    if (columnFormats.length < rectColumns(rect)) probes.push({ format: sheet.defaultFormat, row: rect.top, col: rect.left });
  }
  return probes;
}

/** One value when all cells agree, else null. */
export function uniform<T>(model: WorkbookModel, sheet: SheetData, rects: readonly Rect[], read: (format: CellFormatData) => T): T | null {
  let first = true;
  let result: T | null = null;
  const agrees = (value: T): boolean => {
    if (first) {
      result = value;
      first = false;
      return true;
    }
    return JSON.stringify(value) === JSON.stringify(result);
  };
  for (const rect of rects) {
    if (rectRows(rect) * rectColumns(rect) > UNIFORM_SCAN_LIMIT) {
      for (const probe of largeRangeProbes(model, sheet, rect)) if (!agrees(read(probe.format))) return null;
      continue;
    }
    for (let row = rect.top; row <= rect.bottom; row += 1) for (let col = rect.left; col <= rect.right; col += 1) if (!agrees(read(model.formatAt(sheet, row, col)))) return null;
  }
  return result;
}

/** A format property: read uniformly over the cells, written to each of them. */
function formatProperty<V>(read: (format: CellFormatData) => V, apply?: (format: CellFormatData, value: V) => void, api?: string): PropertySpec<AreasTarget> {
  return {
    read: ({ sheet, rects }, model) => uniform(model, sheet, rects, read),
    ...(api === undefined ? {} : { api }),
    ...(apply === undefined
      ? {}
      : {
          write: ({ sheet, rects }: AreasTarget, value: V, model: WorkbookModel) => {
            for (const rect of rects) model.changeFormat(sheet, rect, (format) => apply(format, value));
          },
        }),
  };
}

function oneOf(allowed: readonly string[], what: string, assign: (format: CellFormatData, value: string) => void): (format: CellFormatData, value: string) => void {
  return (format, value) => {
    if (!allowed.includes(value)) throw invalidArgument(`${what} '${value}'`);
    assign(format, value);
  };
}

/** Widths (heights) of the columns (rows): the common one, or null. */
function sizeProperty(axis: 'columns' | 'rows'): PropertySpec<AreasTarget> {
  return {
    read: ({ sheet, rects }, model) => {
      const sizes = new Set<number>();
      for (const rect of rects) {
        const [from, to] = axis === 'columns' ? [rect.left, rect.right] : [rect.top, rect.bottom];
        for (let index = from; index <= to && sizes.size < 2; index += 1) sizes.add(axis === 'columns' ? model.columnWidthAt(sheet, index) : model.rowHeightAt(sheet, index));
      }
      return sizes.size === 1 ? [...sizes][0] : null;
    },
    write: ({ sheet, rects }: AreasTarget, value: number, model: WorkbookModel) => {
      for (const rect of rects) {
        if (axis === 'columns') model.setColumnWidth(sheet, rect, value);
        else model.setRowHeight(sheet, rect, value);
      }
    },
  };
}

const FORMAT_PROPERTIES = {
  horizontalAlignment: formatProperty(
    (format) => format.horizontalAlignment,
    oneOf(['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'], 'horizontalAlignment', (format, value) => {
      format.horizontalAlignment = value;
    }),
  ),
  verticalAlignment: formatProperty(
    (format) => format.verticalAlignment,
    oneOf(['Top', 'Center', 'Bottom', 'Justify', 'Distributed'], 'verticalAlignment', (format, value) => {
      format.verticalAlignment = value;
    }),
  ),
  wrapText: formatProperty(
    (format) => format.wrapText,
    (format, value: boolean) => {
      format.wrapText = value;
    },
  ),
  columnWidth: sizeProperty('columns'),
  rowHeight: sizeProperty('rows'),
} satisfies PropertyTable<AreasTarget>;

export class RangeFormatProxy extends PartProxy<AreasTarget> {
  protected readonly typeName = 'RangeFormat';
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  readonly borders: RangeBorderCollectionProxy;

  constructor(context: MemoryRequestContext, locate: () => AreasTarget) {
    super(context, locate);
    this.fill = new RangeFillProxy(context, locate);
    this.font = new RangeFontProxy(context, locate);
    this.borders = new RangeBorderCollectionProxy(context, locate);
  }

  protected override children(): Readonly<Record<string, Loadable>> {
    return { fill: this.fill, font: this.font, borders: this.borders };
  }
}

// Declaration merging: the accessors come from the property table (installProperties), typed as Office.js's.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RangeFormatProxy extends Pick<Excel.RangeFormat, keyof typeof FORMAT_PROPERTIES> {}
installProperties(RangeFormatProxy, FORMAT_PROPERTIES);

// Excel reports white for cells without a fill; `pattern` (ExcelApi 1.9) tells the two apart.
const FILL_PROPERTIES = {
  color: formatProperty(
    (format) => format.fill ?? '#FFFFFF',
    (format, value: string) => {
      format.fill = normalizeColor(value);
    },
  ),
  pattern: formatProperty((format) => (format.fill === null ? 'None' : 'Solid'), undefined, '1.9'),
} satisfies PropertyTable<AreasTarget>;

export class RangeFillProxy extends PartProxy<AreasTarget> {
  protected readonly typeName = 'RangeFill';

  clear(): void {
    this.state.delete('color');
    this.enqueue(() => {
      const { sheet, rects } = this.target();
      for (const rect of rects) {
        this.model.changeFormat(sheet, rect, (format) => {
          format.fill = null;
        });
      }
    });
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RangeFillProxy extends Pick<Excel.RangeFill, keyof typeof FILL_PROPERTIES> {}
installProperties(RangeFillProxy, FILL_PROPERTIES);

function fontProperty<K extends 'bold' | 'italic' | 'size' | 'name' | 'color'>(member: K, check: (value: FontData[K]) => FontData[K]): PropertySpec<AreasTarget> {
  return formatProperty(
    (format) => format.font[member],
    (format, value: FontData[K]) => {
      format.font[member] = check(value);
    },
  );
}

const same = <V>(value: V): V => value;

const FONT_PROPERTIES = {
  bold: fontProperty('bold', same),
  italic: fontProperty('italic', same),
  name: fontProperty('name', same),
  color: fontProperty('color', normalizeColor),
  size: fontProperty('size', (value) => {
    if (typeof value !== 'number' || value < 1 || value > 409) throw invalidArgument(`font size ${String(value)}`);
    return value;
  }),
} satisfies PropertyTable<AreasTarget>;

export class RangeFontProxy extends PartProxy<AreasTarget> {
  protected readonly typeName = 'RangeFont';
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RangeFontProxy extends Pick<Excel.RangeFont, keyof typeof FONT_PROPERTIES> {}
installProperties(RangeFontProxy, FONT_PROPERTIES);

// ---------------------------------------------------------------- borders

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;
type ModelledBorderIndex = (typeof BORDER_INDEXES)[number];

interface BorderTarget extends AreasTarget {
  readonly index: ModelledBorderIndex;
}

export class RangeBorderCollectionProxy extends PartCollectionProxy<RangeBorderProxy, AreasTarget> {
  protected readonly typeName = 'RangeBorderCollection';

  protected currentItems(): RangeBorderProxy[] {
    return BORDER_INDEXES.map((index) => new RangeBorderProxy(this.context, () => ({ ...this.locate(), index })));
  }

  getItem(index: Excel.BorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp'): RangeBorderProxy {
    const name = String(index);
    if (!(BORDER_INDEXES as readonly string[]).includes(name)) {
      this.enqueue(() => {
        throw invalidArgument(`border index '${name}' (diagonal borders are not modelled)`);
      });
    }
    return new RangeBorderProxy(this.context, () => ({ ...this.locate(), index: name as ModelledBorderIndex }));
  }
}

/** The cells whose edge a border is, and which side of them. */
function edgeOf(index: ModelledBorderIndex, rect: Rect): { cells: Rect; side: BorderSide } | null {
  switch (index) {
    case 'EdgeTop':
      return { cells: { ...rect, bottom: rect.top }, side: 'top' };
    case 'EdgeBottom':
      return { cells: { ...rect, top: rect.bottom }, side: 'bottom' };
    case 'EdgeLeft':
      return { cells: { ...rect, right: rect.left }, side: 'left' };
    case 'EdgeRight':
      return { cells: { ...rect, left: rect.right }, side: 'right' };
    case 'InsideHorizontal':
      return rect.bottom > rect.top ? { cells: { ...rect, bottom: rect.bottom - 1 }, side: 'bottom' } : null;
    case 'InsideVertical':
      return rect.right > rect.left ? { cells: { ...rect, right: rect.right - 1 }, side: 'right' } : null;
  }
}

const NO_BORDER: BorderData = { style: 'None', color: '#000000', weight: 'Thin' };

function borderProperty(member: keyof BorderData, allowed?: readonly string[]): PropertySpec<BorderTarget> {
  return {
    read: ({ sheet, rects, index }, model) => {
      const edges = rects.map((rect) => edgeOf(index, rect)).filter((edge) => edge !== null);
      // A range with no inside edge (one row for InsideHorizontal) reports no border.
      if (edges.length === 0) return NO_BORDER[member];
      const values = new Set(edges.map(({ cells, side }) => uniform(model, sheet, [cells], (format) => format.borders[side][member])));
      return values.size === 1 ? [...values][0] : null;
    },
    write: ({ sheet, rects, index }: BorderTarget, value: string, model: WorkbookModel) => {
      if (allowed && !allowed.includes(value)) throw invalidArgument(`border ${member} '${value}'`);
      for (const rect of rects) model.setBorder(sheet, rect, index, { [member]: value });
    },
  };
}

const BORDER_PROPERTIES = {
  style: borderProperty('style', ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']),
  color: borderProperty('color'),
  weight: borderProperty('weight', ['Hairline', 'Thin', 'Medium', 'Thick']),
} satisfies PropertyTable<BorderTarget>;

export class RangeBorderProxy extends PartProxy<BorderTarget> {
  protected readonly typeName = 'RangeBorder';

}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RangeBorderProxy extends Pick<Excel.RangeBorder, keyof typeof BORDER_PROPERTIES> {}
installProperties(RangeBorderProxy, BORDER_PROPERTIES);
