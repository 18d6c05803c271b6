/** What every object of the fake shares: the workbook it reads, and the counter every crossing adds to. */
import type { WpsRange, WpsWorksheet } from '../wps/wps-api';
import type { Rect } from './address';
import type { CallCounter, CallKind } from './calls';
import { WpsErrorCode, WpsMemoryError } from './errors';
import type { SheetData } from './sheet-data';
import type { WorkbookModel } from './workbook-model';

export interface WpsHost {
  readonly model: WorkbookModel;
  readonly counter: CallCounter;
  /** Makes the objects a SheetChange or SheetActivate handler receives. */
  readonly factory: ObjectFactory;
}

/** Builds objects without importing their classes (the classes import this module). */
export interface ObjectFactory {
  worksheet(sheetId: number): WpsWorksheet;
  range(sheetId: number, areas: readonly Rect[]): WpsRange;
}

export abstract class WpsObject {
  /** The class name members are counted under (`Range` for `Range.Value2`). */
  protected abstract readonly kind: string;

  constructor(protected readonly host: WpsHost) {}

  protected get model(): WorkbookModel {
    return this.host.model;
  }

  private cross(member: string, kind: CallKind): void {
    this.host.counter.count(`${this.kind}.${member}`, kind);
  }

  protected read<T>(member: string, get: () => T): T {
    this.cross(member, 'read');
    return get();
  }

  protected write(member: string, set: () => void): void {
    this.cross(member, 'write');
    set();
  }

  protected invoke<T>(member: string, run: () => T): T {
    this.cross(member, 'call');
    return run();
  }
}

/** An object on one sheet, which fails once the sheet is deleted. */
export abstract class SheetObject extends WpsObject {
  constructor(
    host: WpsHost,
    readonly sheetId: number,
  ) {
    super(host);
  }

  protected get sheet(): SheetData {
    return this.model.sheetById(this.sheetId);
  }
}

export function requireBoolean(value: unknown, member: string): boolean {
  if (typeof value !== 'boolean') throw new WpsMemoryError(WpsErrorCode.invalidArgument, `${member} takes true or false.`);
  return value;
}

export function requireNumber(value: unknown, member: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new WpsMemoryError(WpsErrorCode.invalidArgument, `${member} takes a number.`);
  return value;
}

export function requireString(value: unknown, member: string): string {
  if (typeof value !== 'string') throw new WpsMemoryError(WpsErrorCode.invalidArgument, `${member} takes a string.`);
  return value;
}

/** A colour as WPS stores it: a BGR number 0…0xFFFFFF (`RGB(r, g, b)` = r + g·256 + b·65536, "RGB function"). */
export function requireColor(value: unknown, member: string): number {
  const color = requireNumber(value, member);
  if (!Number.isInteger(color) || color < 0 || color > 0xffffff) throw new WpsMemoryError(WpsErrorCode.invalidArgument, `${member} takes a BGR colour 0…16777215.`);
  return color;
}
