/** The problems every host reports the same way. */
import { HostError, type HostProblem } from './form-host';
import type { SheetRead } from './sheet-reads';

export function problem(code: HostProblem['code'], params: HostProblem['params'] = {}): HostProblem {
  return { code, params };
}

/** Reports each protected sheet once, until it is unprotected. */
export class ProtectedSheets {
  private readonly reported = new Set<string>();
  constructor(private readonly report: (error: HostError) => void) {}

  readonly note = (reads: ReadonlyMap<string, Pick<SheetRead, 'info' | 'protected'>>, blocked: ReadonlySet<string>): void => {
    for (const read of reads.values()) if (!read.protected) this.reported.delete(read.info.id);
    for (const id of blocked) {
      if (this.reported.has(id)) continue;
      this.reported.add(id);
      this.report(new HostError(problem('protected_sheet', { sheet: reads.get(id)?.info.name ?? '' })));
    }
  };
}
