/**
 * What a host tells the pane as it happens: checks (numbered, the last one kept), problems and
 * the active sheet. Both hosts publish through one of these, so listening works alike.
 */
import type { CheckUpdate, HostProblem } from './form-host';

type Listener<T> = (value: T) => void;

class Channel<T> {
  private readonly listeners = new Set<Listener<T>>();

  listen(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  tell(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
}

export class HostChannels {
  readonly checks = new Channel<CheckUpdate>();
  readonly problems = new Channel<HostProblem>();
  readonly activeSheets = new Channel<string>();
  private published = 0;
  private latest: CheckUpdate | null = null;

  publish(result: CheckUpdate['result'], fullCheck: boolean): void {
    this.published++;
    this.latest = { sequence: this.published, result, fullCheck };
    this.checks.tell(this.latest);
  }

  lastCheck(): CheckUpdate | null {
    return this.latest;
  }
}
