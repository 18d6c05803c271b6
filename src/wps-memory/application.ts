/**
 * `Application` and its events. `ApiEvent.AddApiEventListener('SheetChange', (Sh, Target) => …)`
 * hears every change of cells — the person's typing, pasting, clearing, inserting or deleting
 * rows, and the add-in's own writes through `Value2`, `Formula` and
 * `EntireRow.Insert/Delete` alike: "Worksheet.Change event (Excel)" is raised for code's writes,
 * which is why its own example turns `Application.EnableEvents` off around the write it makes
 * from the handler. The handler runs during the write, before the write returns, as a VBA
 * `Change` handler does (`delivery: 'deferred'` hands events out after the current task
 * instead, so a host's guard can be proven under both). Formats, merges, conditional formats
 * and validation are not contents and raise nothing; nor does a formula's new result ("This
 * event does not occur when cells change during a recalculation").
 */
import type { WpsApiEvent, WpsApplication, WpsEventHandlers, WpsEventName } from '../wps/wps-api';
import type { Rect } from './address';
import { WpsErrorCode, WpsMemoryError } from './errors';
import { requireBoolean, requireString, WpsObject, type WpsHost } from './object-base';
import { MemoryWorkbook } from './sheet-objects';
import type { SheetData } from './sheet-data';
import type { ModelObserver } from './model-sheets';

/** The events the fake raises; the declarations list more, which nothing of the project hears. */
export type MemoryEventName = 'SheetChange' | 'SheetActivate';

export type EventDelivery = 'during-write' | 'deferred';

/** Re-entrant handlers that write without turning events off recurse until the stack runs out. */
const MAX_EVENT_DEPTH = 64;

export class EventHub implements ModelObserver {
  private readonly listeners = new Map<MemoryEventName, ((...args: never[]) => void)[]>();
  enableEvents = true;
  private depth = 0;
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly host: WpsHost,
    private readonly delivery: EventDelivery,
    private readonly onHandlerError: (error: unknown) => void,
  ) {}

  add(name: MemoryEventName, handler: (...args: never[]) => void): void {
    const list = this.listeners.get(name) ?? [];
    list.push(handler);
    this.listeners.set(name, list);
  }

  /** Without a handler, every handler of the event goes. */
  remove(name: MemoryEventName, handler?: (...args: never[]) => void): void {
    const list = this.listeners.get(name) ?? [];
    this.listeners.set(name, handler ? list.filter((candidate) => candidate !== handler) : []);
  }

  listenerCount(name: MemoryEventName): number {
    return this.listeners.get(name)?.length ?? 0;
  }

  cellsChanged(sheet: SheetData, target: Rect): void {
    this.raise('SheetChange', () => [this.host.factory.worksheet(sheet.id), this.host.factory.range(sheet.id, [target])]);
  }

  sheetActivated(sheet: SheetData): void {
    this.raise('SheetActivate', () => [this.host.factory.worksheet(sheet.id)]);
  }

  private raise(name: MemoryEventName, args: () => unknown[]): void {
    if (!this.enableEvents) return;
    const handlers = [...(this.listeners.get(name) ?? [])];
    if (handlers.length === 0) return;
    const values = args();
    if (this.delivery === 'deferred') {
      this.pending += 1;
      setTimeout(() => {
        this.call(handlers, values);
        this.pending -= 1;
        this.settle();
      }, 0);
      return;
    }
    if (this.depth >= MAX_EVENT_DEPTH) throw new WpsMemoryError(WpsErrorCode.outOfStackSpace, `Out of stack space: ${name} handlers kept writing.`);
    this.depth += 1;
    try {
      this.call(handlers, values);
    } finally {
      this.depth -= 1;
    }
  }

  private call(handlers: ((...args: never[]) => void)[], values: unknown[]): void {
    for (const handler of handlers) {
      try {
        (handler as (...args: unknown[]) => void)(...values);
      } catch (error) {
        if (error instanceof WpsMemoryError && error.code === WpsErrorCode.outOfStackSpace) throw error;
        this.onHandlerError(error);
      }
    }
  }

  private settle(): void {
    if (this.pending > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves once every deferred event has been handed out. */
  whenIdle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

const EVENT_NAMES: readonly MemoryEventName[] = ['SheetChange', 'SheetActivate'];

function eventName(name: unknown): MemoryEventName {
  const text = requireString(name, 'ApiEvent event name');
  if (!EVENT_NAMES.includes(text as MemoryEventName)) throw new WpsMemoryError(WpsErrorCode.invalidArgument, `The event ${text} is not modelled (only ${EVENT_NAMES.join(', ')}).`);
  return text as MemoryEventName;
}

/** `Application.ApiEvent`: listeners by event name. */
export class MemoryApiEvent extends WpsObject implements WpsApiEvent {
  protected readonly kind = 'ApiEvent';

  constructor(
    host: WpsHost,
    private readonly hub: EventHub,
  ) {
    super(host);
  }

  AddApiEventListener<E extends WpsEventName>(name: E, handler: WpsEventHandlers[E]): void {
    this.invoke('AddApiEventListener', () => {
      if (typeof handler !== 'function') throw new WpsMemoryError(WpsErrorCode.invalidArgument, 'AddApiEventListener takes a function.');
      this.hub.add(eventName(name), handler as (...args: never[]) => void);
    });
  }

  /** Removes that listener; without one, every listener of the event (the declarations take the name alone). */
  RemoveApiEventListener<E extends WpsEventName>(name: E, handler?: WpsEventHandlers[E]): void {
    this.invoke('RemoveApiEventListener', () => this.hub.remove(eventName(name), handler as ((...args: never[]) => void) | undefined));
  }
}

export class MemoryApplication extends WpsObject implements WpsApplication {
  protected readonly kind = 'Application';

  private screenUpdating = true;

  constructor(
    host: WpsHost,
    private readonly hub: EventHub,
    private readonly fileName: string,
  ) {
    super(host);
  }

  get ActiveWorkbook(): MemoryWorkbook {
    return this.read('ActiveWorkbook', () => new MemoryWorkbook(this.host, this.fileName));
  }

  get ApiEvent(): MemoryApiEvent {
    return this.read('ApiEvent', () => new MemoryApiEvent(this.host, this.hub));
  }

  /** Only the screen: the fake draws nothing, so it is kept and read back. */
  get ScreenUpdating(): boolean {
    return this.read('ScreenUpdating', () => this.screenUpdating);
  }
  set ScreenUpdating(value: boolean) {
    this.write('ScreenUpdating', () => {
      this.screenUpdating = requireBoolean(value, 'Application.ScreenUpdating');
    });
  }

  /** While false, no event is raised ("Application.EnableEvents property (Excel)"). */
  get EnableEvents(): boolean {
    return this.read('EnableEvents', () => this.hub.enableEvents);
  }
  set EnableEvents(value: boolean) {
    this.write('EnableEvents', () => {
      this.hub.enableEvents = requireBoolean(value, 'Application.EnableEvents');
    });
  }
}
