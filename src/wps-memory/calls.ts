/**
 * Every crossing into the object model, counted per member: each property read or write and each
 * method call of a WPS object is a call from the add-in's page into the WPS process, which is
 * what makes a host slow ("one `Value2` read per range, never cell by cell"). The bench and the
 * tests read these counts; the inspector reads the model without adding to them.
 */

export type CallKind = 'read' | 'write' | 'call';

export interface MemberCalls {
  readonly read: number;
  readonly write: number;
  readonly call: number;
}

export interface CallCounts {
  /** Every crossing since creation or the last reset. */
  total(): number;
  /** The crossings of one member (`Range.Value2`), by kind. */
  of(member: string): MemberCalls;
  /** Every member crossed, with its counts (sorted by member). */
  byMember(): Record<string, MemberCalls>;
  reset(): void;
}

export class CallCounter implements CallCounts {
  private counts = new Map<string, { read: number; write: number; call: number }>();
  private sum = 0;

  count(member: string, kind: CallKind): void {
    let entry = this.counts.get(member);
    if (!entry) {
      entry = { read: 0, write: 0, call: 0 };
      this.counts.set(member, entry);
    }
    entry[kind] += 1;
    this.sum += 1;
  }

  total(): number {
    return this.sum;
  }

  of(member: string): MemberCalls {
    return { ...(this.counts.get(member) ?? { read: 0, write: 0, call: 0 }) };
  }

  byMember(): Record<string, MemberCalls> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)).map(([member, entry]) => [member, { ...entry }]));
  }

  reset(): void {
    this.counts.clear();
    this.sum = 0;
  }
}
