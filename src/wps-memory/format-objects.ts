/**
 * `Range.Interior`, `Range.Font`, `Range.Borders`: each property reads the one value of the range,
 * or null when its cells differ ("Interior.Color property (Excel)"), and writes every cell.
 * Colours are BGR numbers.
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import { requireBoolean, requireColor, requireNumber, requireString, SheetObject, type WpsHost } from './object-base';
import { XL_BORDER } from '../wps/wps-api';
import { WHITE, XL_NONE, type BorderData, type CellFormat, type EdgeName, type FontData } from './sheet-data';

/** Formats of the cells of some areas of a sheet. */
abstract class CellsFormatObject extends SheetObject {
  constructor(
    host: WpsHost,
    sheetId: number,
    protected readonly areas: readonly Rect[],
  ) {
    super(host, sheetId);
  }

  protected common<T>(read: (format: CellFormat) => T): T | null {
    let value: T | null | undefined;
    for (const area of this.areas) {
      const one = this.model.common(this.sheet, area, read);
      if (one === null || (value !== undefined && value !== one)) return null;
      value = one;
    }
    return value ?? null;
  }

  protected change(change: (format: CellFormat, row: number, col: number, area: Rect) => void): void {
    for (const area of this.areas) this.model.changeFormat(this.sheet, area, (format, row, col) => change(format, row, col, area));
  }
}

export class MemoryInterior extends CellsFormatObject {
  protected readonly kind = 'Interior';

  /** A cell without fill reads white (16777215). */
  get Color(): number | null {
    return this.read('Color', () => this.common((format) => format.fill ?? WHITE));
  }
  set Color(value: number | null) {
    this.write('Color', () => {
      const color = requireColor(value, 'Interior.Color');
      this.change((format) => {
        format.fill = color;
      });
    });
  }

}

export class MemoryFont extends CellsFormatObject {
  protected readonly kind = 'Font';

  private fontProperty<K extends keyof FontData>(key: K, check: (value: unknown, member: string) => FontData[K]) {
    return {
      get: (): FontData[K] | null => this.read(key, () => this.common((format) => format.font[key])),
      set: (value: unknown): void =>
        this.write(key, () => {
          const checked = check(value, `Font.${key}`);
          this.change((format) => {
            format.font[key] = checked;
          });
        }),
    };
  }

  get Name(): string | null {
    return this.fontProperty('name', requireString).get();
  }
  set Name(value: string | null) {
    this.fontProperty('name', requireString).set(value);
  }
  get Size(): number | null {
    return this.fontProperty('size', requireNumber).get();
  }
  set Size(value: number | null) {
    this.fontProperty('size', requireNumber).set(value);
  }
  get Bold(): boolean | null {
    return this.fontProperty('bold', requireBoolean).get();
  }
  set Bold(value: boolean | null) {
    this.fontProperty('bold', requireBoolean).set(value);
  }
  /** BGR. */
  get Color(): number | null {
    return this.fontProperty('color', requireColor).get();
  }
  set Color(value: number | null) {
    this.fontProperty('color', requireColor).set(value);
  }
}

type BorderIndex = 7 | 8 | 9 | 10 | 11 | 12;

/** Which cell edges an XlBordersIndex draws on, within one area. */
function edgesOf(index: BorderIndex, row: number, col: number, area: Rect): EdgeName[] {
  switch (index) {
    case XL_BORDER.edgeLeft:
      return col === area.left ? ['left'] : [];
    case XL_BORDER.edgeRight:
      return col === area.right ? ['right'] : [];
    case XL_BORDER.edgeTop:
      return row === area.top ? ['top'] : [];
    case XL_BORDER.edgeBottom:
      return row === area.bottom ? ['bottom'] : [];
    case XL_BORDER.insideVertical:
      return [...(col > area.left ? (['left'] as const) : []), ...(col < area.right ? (['right'] as const) : [])];
    case XL_BORDER.insideHorizontal:
      return [...(row > area.top ? (['top'] as const) : []), ...(row < area.bottom ? (['bottom'] as const) : [])];
  }
}

/** The cells across an outer edge of an area, and which of their edges it is; null at the sheet's border or for inside lines. */
function acrossEdge(index: BorderIndex, area: Rect): { rect: Rect; edge: EdgeName } | null {
  if (index === XL_BORDER.edgeTop && area.top > 0) return { rect: { ...area, top: area.top - 1, bottom: area.top - 1 }, edge: 'bottom' };
  if (index === XL_BORDER.edgeBottom && area.bottom < MAX_ROWS - 1) return { rect: { ...area, top: area.bottom + 1, bottom: area.bottom + 1 }, edge: 'top' };
  if (index === XL_BORDER.edgeLeft && area.left > 0) return { rect: { ...area, left: area.left - 1, right: area.left - 1 }, edge: 'right' };
  if (index === XL_BORDER.edgeRight && area.right < MAX_COLUMNS - 1) return { rect: { ...area, left: area.right + 1, right: area.right + 1 }, edge: 'left' };
  return null;
}

const BORDER_INDICES: readonly BorderIndex[] = [XL_BORDER.edgeLeft, XL_BORDER.edgeTop, XL_BORDER.edgeBottom, XL_BORDER.edgeRight, XL_BORDER.insideVertical, XL_BORDER.insideHorizontal];

/** One edge (or the inside lines) of the range: `Borders.Item(xlEdgeTop)`. */
export class MemoryBorder extends CellsFormatObject {
  protected readonly kind = 'Border';

  constructor(
    host: WpsHost,
    sheetId: number,
    areas: readonly Rect[],
    private readonly index: BorderIndex,
  ) {
    super(host, sheetId, areas);
  }

  private edgeProperty<K extends keyof BorderData>(key: K, member: string, check: (value: unknown, member: string) => number) {
    return {
      get: (): number | null =>
        this.read(member, () => {
          const values = new Set<number>();
          for (const area of this.areas) {
            for (let row = area.top; row <= area.bottom; row += 1) {
              for (let col = area.left; col <= area.right; col += 1) {
                const format = this.model.formatAt(this.sheet, row, col);
                for (const edge of edgesOf(this.index, row, col, area)) values.add(format.borders[edge][key]);
              }
            }
          }
          return values.size === 1 ? [...values][0] : values.size === 0 ? XL_NONE : null;
        }),
      set: (value: unknown): void =>
        this.write(member, () => {
          const checked = check(value, `Border.${member}`);
          this.change((format, row, col, area) => {
            for (const edge of edgesOf(this.index, row, col, area)) format.borders[edge][key] = checked;
          });
          // Neighbouring cells share an edge ("Borders object (Excel)"): the cell across it changes too.
          for (const area of this.areas) {
            const across = acrossEdge(this.index, area);
            if (across) this.model.changeFormat(this.sheet, across.rect, (format) => (format.borders[across.edge][key] = checked));
          }
        }),
    };
  }

  /** XlLineStyle: xlContinuous 1, xlLineStyleNone -4142. */
  get LineStyle(): number | null {
    return this.edgeProperty('lineStyle', 'LineStyle', requireNumber).get();
  }
  set LineStyle(value: number | null) {
    this.edgeProperty('lineStyle', 'LineStyle', requireNumber).set(value);
  }
  /** XlBorderWeight: xlHairline 1, xlThin 2, xlMedium -4138, xlThick 4. */
  get Weight(): number | null {
    return this.edgeProperty('weight', 'Weight', requireNumber).get();
  }
  set Weight(value: number | null) {
    this.edgeProperty('weight', 'Weight', requireNumber).set(value);
  }
  /** BGR. */
  get Color(): number | null {
    return this.edgeProperty('color', 'Color', requireColor).get();
  }
  set Color(value: number | null) {
    this.edgeProperty('color', 'Color', requireColor).set(value);
  }
}

/** `Range.Borders`: `Item(index)` is one edge, or the lines inside the range ("Borders object (Excel)"). */
export class MemoryBorders extends SheetObject {
  protected readonly kind = 'Borders';

  constructor(
    host: WpsHost,
    sheetId: number,
    private readonly areas: readonly Rect[],
  ) {
    super(host, sheetId);
  }

  Item(index: number): MemoryBorder {
    return this.invoke('Item', () => {
      if (!BORDER_INDICES.includes(index as BorderIndex)) throw new WpsMemoryError(WpsErrorCode.invalidArgument, `${index} is not an XlBordersIndex the fake models.`);
      return new MemoryBorder(this.host, this.sheetId, this.areas, index as BorderIndex);
    });
  }
}
