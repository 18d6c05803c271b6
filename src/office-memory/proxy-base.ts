/**
 * What every proxy object shares: commands queued on the request context and run at `sync()`,
 * properties readable only once loaded and synced (`PropertyNotLoaded` otherwise), null objects.
 */
import { ErrorCode, MemoryExcelError, propertyNotLoaded } from './errors';
import type { MemoryRequestContext } from './context';
import type { WorkbookModel } from './workbook-model';

/** A registered event handler: where it listens, and what it calls. */
export type EventSource =
  | { readonly scope: 'worksheet'; readonly sheetId: string; readonly event: 'changed' | 'formatChanged' | 'activated' | 'deactivated' | 'selectionChanged' | 'nameChanged' }
  | { readonly scope: 'worksheets'; readonly event: 'changed' | 'formatChanged' | 'added' | 'deleted' | 'activated' | 'deactivated' | 'selectionChanged' | 'nameChanged' };

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

/** `PropertyNotLoaded` is the one error reading can raise; writes and calls fail at sync. */
export abstract class ProxyObject {
  readonly context: MemoryRequestContext;
  protected readonly state = new Map<string, unknown>();
  private nullState: boolean | undefined;
  protected abstract readonly typeName: string;

  constructor(context: MemoryRequestContext) {
    this.context = context;
  }

  /** Scalar properties that `load` can read, each read at its place in the batch. */
  protected abstract readers(): Readonly<Record<string, () => unknown>>;

  /** Navigation properties that `load('format/fill/color')` goes through. */
  protected children(): Readonly<Record<string, ProxyObject>> {
    return {};
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
      throw new MemoryExcelError(ErrorCode.apiNotFound, `The API you are trying to use could not be found: ${member} needs ExcelApi ${version}.`, `${this.typeName}.${member}`);
    });
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.enqueue(() => this.snapshot(paths));
    return this;
  }

  /** Reads the requested properties now (inside a sync). */
  snapshot(paths: readonly string[]): void {
    if (this.nullState === true) return;
    const readers = this.readers();
    const children = this.children();
    const childPaths = new Map<string, string[]>();
    for (const path of paths) {
      const slash = path.indexOf('/');
      const head = slash < 0 ? path : path.slice(0, slash);
      const rest = slash < 0 ? '*' : path.slice(slash + 1);
      if (head === '*') {
        for (const [name, read] of Object.entries(readers)) this.loaded(name, read());
        continue;
      }
      if (head === 'isNullObject') continue;
      const read = readers[head];
      if (read && slash < 0) {
        this.loaded(head, read());
        continue;
      }
      const child = children[head];
      if (!child) {
        throw new MemoryExcelError(ErrorCode.invalidArgument, `The property '${head}' does not exist on ${this.typeName}.`, `${this.typeName}.load`);
      }
      childPaths.set(head, [...(childPaths.get(head) ?? []), rest]);
    }
    for (const [head, rest] of childPaths) children[head].snapshot(rest);
  }

  /** Keeps a loaded value; its size counts towards the sync's response. */
  private loaded(name: string, value: unknown): void {
    this.context.noteResponse(value);
    this.state.set(name, value);
  }

  /** A loaded (or locally set) property; throws PropertyNotLoaded otherwise. Null objects read null. */
  protected read<T>(name: string): T {
    if (this.nullState === true) return null as T;
    if (!this.state.has(name)) throw propertyNotLoaded(this.typeName, name);
    return this.state.get(name) as T;
  }

  /** Sets a property: readable at once (as in Office.js), applied at sync. */
  protected write(name: string, value: unknown, apply: () => void): void {
    this.state.set(name, value);
    this.context.noteRequest(value);
    this.enqueue(apply);
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of this.state) out[name] = value instanceof ProxyObject ? value.toJSON() : value;
    return out;
  }
}

/** A collection: `items` appear once loaded; loading `name` on it loads the items' names. */
export abstract class CollectionProxy<T extends ProxyObject> extends ProxyObject {
  /** The items as they are at this point of the batch. */
  protected abstract currentItems(): T[];

  protected readers(): Readonly<Record<string, () => unknown>> {
    return {};
  }

  override snapshot(paths: readonly string[]): void {
    const itemPaths = paths.map((path) => (path === 'items' ? '*' : path.startsWith('items/') ? path.slice('items/'.length) : path));
    const items = this.currentItems();
    for (const item of items) item.snapshot(itemPaths);
    this.state.set('items', items);
  }

  get items(): T[] {
    return this.read<T[]>('items');
  }
}

/** A value computed at sync, like `getCount()`: `value` is readable after the sync. */
export class MemoryClientResult<T> {
  private resolved = false;
  private result: T | undefined;

  constructor(private readonly context: MemoryRequestContext) {}

  set(value: T): void {
    this.context.noteResponse(value);
    this.result = value;
    this.resolved = true;
  }

  get value(): T {
    if (!this.resolved) {
      throw new MemoryExcelError(ErrorCode.valueNotLoaded, 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    }
    return this.result as T;
  }
}
