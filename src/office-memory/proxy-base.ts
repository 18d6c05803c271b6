/**
 * What every proxy object shares: commands queued on the request context and run at `sync()`,
 * properties readable only once loaded and synced (`PropertyNotLoaded` otherwise), null
 * objects, and the table each proxy declares its properties in (name, how it reads and
 * writes the model, its requirement set) instead of hand-written getters and setters.
 */
import { ErrorCode, MemoryExcelError, propertyNotLoaded } from './errors';
import type { MemoryRequestContext } from './context';
import type { WorkbookModel } from './workbook-model';

/** A registered event handler: where it listens, and what it calls. */
export type EventSource =
  | { readonly scope: 'worksheet'; readonly sheetId: string; readonly event: SheetEvent }
  | { readonly scope: 'worksheets'; readonly event: SheetEvent | 'added' | 'deleted' | 'nameChanged' };

export type SheetEvent = 'changed' | 'formatChanged' | 'activated' | 'selectionChanged';

export interface HandlerRegistration {
  readonly source: EventSource;
  readonly handler: (args: never) => unknown;
}

export interface SyncTraffic {
  readonly requestBytes: number;
  readonly responseBytes: number;
}

/** The side of the in-memory Excel that proxies talk to. */
export interface ProxyHost {
  readonly model: WorkbookModel;
  /** Whether ExcelApi `version` (e.g. '1.9') is supported. */
  supportsExcelApi(version: string): boolean;
  isInCellEditMode(): boolean;
  /** Resolves when the person leaves cell-edit mode. */
  cellEditEnded(): Promise<void>;
  /** Counts a round trip and the estimated sizes of its request and response. */
  countSync(traffic: SyncTraffic): void;
  /** Runs after each sync: hands out events and tells listeners. */
  afterSync(): void;
  addHandler(registration: HandlerRegistration): void;
  removeHandler(registration: HandlerRegistration): void;
}

/** One property of an Office.js object: how it reads and writes the model, from which ExcelApi set. */
export interface PropertySpec<T> {
  readonly read: (target: T, model: WorkbookModel) => unknown;
  /** Applies a written value inside a sync; absent for read-only properties. */
  readonly write?: (target: T, value: never, model: WorkbookModel) => void;
  /** The requirement set, when the property needs more than its object. */
  readonly api?: string;
}

export type PropertyTable<T> = Readonly<Record<string, PropertySpec<T>>>;

const TABLES = new WeakMap<object, PropertyTable<never>>();

/** The property names a proxy class declares (for the test that keeps the fake to what is used). */
export function declaredProperties(proxyClass: { readonly prototype: object }): string[] {
  return Object.keys(TABLES.get(proxyClass.prototype) ?? {});
}

/** What `load` goes through: a proxy's navigation properties and a collection's items. */
export interface Loadable {
  snapshot(paths: readonly string[]): void;
}

interface PropertyHolder<T> {
  loadedValue(name: string): unknown;
  writeProperty(name: string, spec: PropertySpec<T>, value: unknown): void;
  target(): T;
}

/** Defines the table's properties on the class: getters give the loaded value, setters queue the write. */
export function installProperties<T>(proxyClass: { readonly prototype: PropertyHolder<T> }, table: PropertyTable<T>): void {
  TABLES.set(proxyClass.prototype, table);
  for (const [name, spec] of Object.entries(table)) {
    Object.defineProperty(proxyClass.prototype, name, {
      configurable: true,
      get(this: PropertyHolder<T>) {
        return this.loadedValue(name);
      },
      set: spec.write
        ? function (this: PropertyHolder<T>, value: unknown) {
            this.writeProperty(name, spec, value);
          }
        : undefined,
    });
  }
}

type LoadOptionObject = { select?: string | string[]; expand?: string | string[] } & { [key: string]: unknown };
export type LoadOption = string | string[] | LoadOptionObject | undefined;

function splitList(value: string | string[]): string[] {
  const parts = Array.isArray(value) ? value : value.split(',');
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function pathsOfOptionsObject(object: Record<string, unknown>, prefix: string): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (key === '$all') {
      if (value === true) paths.push(`${prefix}*`);
      continue;
    }
    if (key === 'select' || key === 'expand' || key === 'top' || key === 'skip') continue;
    if (value === true) paths.push(prefix + key);
    else if (value !== null && typeof value === 'object') paths.push(...pathsOfOptionsObject(value as Record<string, unknown>, `${prefix}${key}/`));
  }
  return paths;
}

/** Turns every form of `load(...)` argument into property paths such as `format/fill/color`. */
export function loadPaths(option: LoadOption): string[] {
  if (option === undefined || option === null) return ['*'];
  if (typeof option === 'string' || Array.isArray(option)) {
    const list = splitList(option);
    return list.length === 0 ? ['*'] : list;
  }
  if (option.select !== undefined || option.expand !== undefined) {
    const select = option.select !== undefined ? splitList(option.select) : ['*'];
    const expand = option.expand !== undefined ? splitList(option.expand) : [];
    return [...select, ...expand];
  }
  const paths = pathsOfOptionsObject(option, '');
  return paths.length === 0 ? ['*'] : paths;
}

function apiNotFound(member: string, version: string): MemoryExcelError {
  return new MemoryExcelError(ErrorCode.apiNotFound, `The API you are trying to use could not be found: ${member} needs ExcelApi ${version}.`, member);
}

/**
 * An Office.js object. `T` is what it stands for in the model (a sheet and a rectangle, a
 * conditional format, …), found by `target()` inside a sync. `PropertyNotLoaded` is the one
 * error reading can raise; writes and calls fail at sync.
 */
export abstract class ProxyObject<T = void> {
  readonly context: MemoryRequestContext;
  protected readonly state = new Map<string, unknown>();
  private nullState: boolean | undefined;
  protected abstract readonly typeName: string;

  constructor(context: MemoryRequestContext) {
    this.context = context;
  }

  /** What the object stands for now (inside a sync). */
  abstract target(): T;

  /** Navigation properties that `load('format/fill/color')` goes through (getters: made only when named). */
  protected children(): Readonly<Record<string, Loadable>> {
    return {};
  }

  /** Children made only when a load names them: a getter for each of this object's `names`. */
  protected childrenWhenNamed<K extends string>(this: this & Readonly<Record<K, Loadable>>, ...names: K[]): Readonly<Record<string, Loadable>> {
    const children: Record<string, Loadable> = {};
    for (const name of names) Object.defineProperty(children, name, { enumerable: true, get: (): Loadable => this[name] });
    return children;
  }

  protected get model(): WorkbookModel {
    return this.context.host.model;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.typeName, 'isNullObject');
    return this.nullState;
  }

  /** Set by the command that binds the proxy, at sync. */
  protected markNull(isNull: boolean): void {
    this.nullState = isNull;
  }

  protected get knownNull(): boolean {
    return this.nullState === true;
  }

  protected enqueue(command: () => void): void {
    this.context.enqueue(command);
  }

  /** Queues a command that fails with ApiNotFound when the host lacks the requirement set. */
  protected requireApi(version: string, member: string): void {
    if (this.context.host.supportsExcelApi(version)) return;
    this.enqueue(() => {
      throw apiNotFound(`${this.typeName}.${member}`, version);
    });
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.enqueue(() => this.snapshot(paths));
    return this;
  }

  private table(): PropertyTable<never> {
    let prototype: object | null = Object.getPrototypeOf(this) as object | null;
    while (prototype) {
      const table = TABLES.get(prototype);
      if (table) return table;
      prototype = Object.getPrototypeOf(prototype) as object | null;
    }
    return {};
  }

  private readProperty(name: string, spec: PropertySpec<never>): void {
    if (spec.api !== undefined && !this.context.host.supportsExcelApi(spec.api)) throw apiNotFound(`${this.typeName}.${name}`, spec.api);
    const read = spec.read as (target: T, model: WorkbookModel) => unknown;
    const value = read(this.target(), this.model);
    this.context.noteResponse(value);
    this.state.set(name, value);
  }

  /** Reads the requested properties now (inside a sync). */
  snapshot(paths: readonly string[]): void {
    if (this.nullState === true) return;
    const table = this.table();
    const childPaths = new Map<string, string[]>();
    for (const path of paths) {
      const slash = path.indexOf('/');
      const head = slash < 0 ? path : path.slice(0, slash);
      if (head === '*') {
        for (const [name, spec] of Object.entries(table)) if (spec.api === undefined || this.context.host.supportsExcelApi(spec.api)) this.readProperty(name, spec);
      } else if (head !== 'isNullObject' && table[head] && slash < 0) {
        this.readProperty(head, table[head]);
      } else if (head !== 'isNullObject') {
        childPaths.set(head, [...(childPaths.get(head) ?? []), slash < 0 ? '*' : path.slice(slash + 1)]);
      }
    }
    if (childPaths.size === 0) return;
    const children = this.children();
    for (const [head, rest] of childPaths) {
      const child = children[head];
      if (!child) throw new MemoryExcelError(ErrorCode.invalidArgument, `The property '${head}' does not exist on ${this.typeName}.`, `${this.typeName}.load`);
      child.snapshot(rest);
    }
  }

  /** A loaded (or locally set) property; throws PropertyNotLoaded otherwise. Null objects read null. */
  loadedValue(name: string): unknown {
    if (this.nullState === true) return null;
    if (!this.state.has(name)) throw propertyNotLoaded(this.typeName, name);
    return this.state.get(name);
  }

  /** Sets a property: readable at once (as in Office.js), applied at sync. */
  writeProperty(name: string, spec: PropertySpec<never>, value: unknown): void {
    if (spec.api !== undefined) this.requireApi(spec.api, name);
    this.state.set(name, value);
    this.context.noteRequest(value);
    const write = spec.write as ((target: T, value: unknown, model: WorkbookModel) => void) | undefined;
    this.enqueue(() => write?.(this.target(), value, this.model));
  }
}

/**
 * An object found by a lookup at sync (`getItem`, `getRange`, …): bound to what the lookup
 * found, a null object when it found nothing (…OrNullObject), or ItemNotFound.
 */
export abstract class BoundProxy<B, T = B> extends ProxyObject<T> {
  private binding: B | null = null;

  constructor(context: MemoryRequestContext, locate: () => B | null | undefined, nullable = false) {
    super(context);
    this.enqueue(() => {
      const found = locate();
      if (found === null || found === undefined) {
        if (!nullable) throw new MemoryExcelError(ErrorCode.itemNotFound, `The requested resource doesn't exist (${this.typeName}).`);
        this.markNull(true);
        return;
      }
      this.binding = found;
      this.markNull(false);
    });
  }

  /** What the lookup found; checked against the workbook as it is now by `target()`. */
  protected bound(): B {
    if (this.binding === null) {
      throw new MemoryExcelError(this.knownNull ? ErrorCode.itemNotFound : ErrorCode.invalidArgument, `The ${this.typeName} does not exist (a null object, or one of another request).`);
    }
    return this.binding;
  }
}

/** A part of another object (a range's format, a sheet's page layout): it stands for what its owner finds. */
export abstract class PartProxy<T> extends ProxyObject<T> {
  constructor(
    context: MemoryRequestContext,
    protected readonly locate: () => T,
  ) {
    super(context);
  }

  target(): T {
    return this.locate();
  }
}

/** A collection: `items` appear once loaded; loading `name` on it loads the items' names. */
export abstract class CollectionProxy<Item extends Loadable> extends ProxyObject {
  /** The items as they are at this point of the batch. */
  protected abstract currentItems(): Item[];

  target(): void {}

  override snapshot(paths: readonly string[]): void {
    const itemPaths = paths.map((path) => (path === 'items' ? '*' : path.startsWith('items/') ? path.slice('items/'.length) : path));
    const items = this.currentItems();
    for (const item of items) item.snapshot(itemPaths);
    this.state.set('items', items);
  }

  get items(): Item[] {
    return this.loadedValue('items') as Item[];
  }
}

/** A collection that is part of another object (a range's borders, a sheet's names): its items are what its owner finds. */
export abstract class PartCollectionProxy<Item extends Loadable, T> extends CollectionProxy<Item> {
  constructor(
    context: MemoryRequestContext,
    protected readonly locate: () => T,
  ) {
    super(context);
  }
}
