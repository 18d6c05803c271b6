/**
 * Work that talks to Excel, one piece at a time (checks, inserts, fixes, rows), so two batches
 * never interleave their writes; and a way to wait until nothing is running or waiting.
 */
export class SerialWork {
  private tail: Promise<unknown> = Promise.resolve();
  private busy = 0;
  private idleWaiters: (() => void)[] = [];

  /** `hasPending`: work that is scheduled but not queued yet (a live check in its debounce). */
  constructor(private readonly hasPending: () => boolean) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    const result = this.tail.then(work);
    this.tail = result.then(
      () => this.finish(),
      () => this.finish(),
    );
    return result;
  }

  private finish(): void {
    this.busy--;
    this.notifyIfIdle();
  }

  notifyIfIdle(): void {
    if (this.busy > 0 || this.hasPending()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
  }
}
