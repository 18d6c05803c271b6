/**
 * `Excel.RequestContext`: the queue of commands a batch builds, run in order at `sync()`.
 */
import { ErrorCode, MemoryExcelError } from './errors';
import { COMMAND_BYTES, PAYLOAD_LIMIT_BYTES, jsonSize } from './payload';
import type { ProxyHost } from './proxy-base';
import { RuntimeProxy, WorkbookProxy } from './sheet-proxies';

export class MemoryRequestContext implements Pick<Excel.RequestContext, 'sync'> {
  readonly host: ProxyHost;
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  private queue: (() => void)[] = [];
  private running = false;
  private finished = false;
  /** `Excel.run({ delayForCellEdit: true }, …)`: requests wait for the cell edit to end instead of failing. */
  delayForCellEdit = false;
  private requestBytes = 0;
  private responseBytes = 0;

  constructor(host: ProxyHost) {
    this.host = host;
    this.workbook = new WorkbookProxy(this);
    this.runtime = new RuntimeProxy(this);
  }

  /**
   * Queues a command. Proxies made while a sync runs (collection items, and their parts made
   * while loading) bind at once: they are results of that sync.
   */
  enqueue(command: () => void): void {
    if (this.running) {
      command();
      return;
    }
    if (this.finished) {
      // Office.js objects belong to their batch: use Excel.run(object.context, …) to go on with them.
      throw new MemoryExcelError(ErrorCode.invalidRequestContext, 'Cannot use the object across different request contexts: its Excel.run batch has ended.');
    }
    this.queue.push(command);
    this.requestBytes += COMMAND_BYTES;
  }

  /** A value written (a property set), counted in the request that carries it. */
  noteRequest(value: unknown): void {
    if (!this.running) this.requestBytes += jsonSize(value);
  }

  /** A value loaded, counted in the response of the sync that reads it. */
  noteResponse(value: unknown): void {
    this.responseBytes += jsonSize(value);
  }

  /** Called when the batch of `Excel.run` ends; `Excel.run(context, …)` opens it again. */
  setFinished(finished: boolean): void {
    this.finished = finished;
  }

  /** Fails when an object of another batch is handed to a method of this one. */
  assertSameContext(other: { readonly context: MemoryRequestContext }): void {
    if (other.context !== this) {
      throw new MemoryExcelError(ErrorCode.invalidRequestContext, 'Cannot use the object across different request contexts.');
    }
  }

  get hasPendingCommands(): boolean {
    return this.queue.length > 0;
  }

  /** Creates a proxy inside a sync and runs its binding at once (collection items). */
  runNow<T>(create: () => T): T {
    const saved = this.queue;
    this.queue = [];
    try {
      const created = create();
      for (const command of this.queue) command();
      return created;
    } finally {
      this.queue = saved;
    }
  }

  /**
   * One round trip: runs the queued commands in order. The first failing command rejects the
   * sync; the commands before it stay applied, the ones after it are dropped (as in Excel).
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    await Promise.resolve();
    const commands = this.queue.splice(0);
    const request = this.requestBytes;
    this.requestBytes = 0;
    if (commands.length === 0) return passThroughValue as T;
    this.responseBytes = 0;
    if (this.delayForCellEdit) while (this.host.isInCellEditMode()) await this.host.cellEditEnded();
    try {
      if (this.host.isInCellEditMode()) {
        throw new MemoryExcelError(ErrorCode.invalidOperationInCellEditMode, 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      if (request > PAYLOAD_LIMIT_BYTES) throw payloadError(ErrorCode.requestPayloadSizeLimitExceeded, 'request');
      this.runCommands(commands);
      if (this.responseBytes > PAYLOAD_LIMIT_BYTES) throw payloadError(ErrorCode.responsePayloadSizeLimitExceeded, 'response');
    } finally {
      this.host.countSync({ requestBytes: request, responseBytes: this.responseBytes });
    }
    return passThroughValue as T;
  }

  private runCommands(commands: readonly (() => void)[]): void {
    const model = this.host.model;
    model.actor = 'addin';
    this.running = true;
    try {
      for (const command of commands) command();
    } finally {
      this.running = false;
      model.actor = 'user';
      this.host.afterSync();
    }
  }
}

function payloadError(code: typeof ErrorCode.requestPayloadSizeLimitExceeded | typeof ErrorCode.responsePayloadSizeLimitExceeded, side: 'request' | 'response'): MemoryExcelError {
  return new MemoryExcelError(
    code,
    `The ${side} payload size has exceeded the limit. Please refer to the documentation (resource limits of Office Add-ins).`,
  );
}
