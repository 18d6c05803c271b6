/**
 * The WPS host over the in-memory WPS, as tests use it: a fresh workbook, the host with a short
 * debounce, and `settle()` that waits until WPS's events are handed out and every check they
 * start has finished.
 */
import { createMemoryWps, type MemoryWps, type MemoryWpsOptions } from '../../../src/wps-memory';
import { createWpsHost, type WpsDeps, type WpsFormHost } from '../../../src/wps/wps-host';
import type { CheckUpdate, HostProblem } from '../../../src/host/form-host';
import { HIGHLIGHT_LABEL_PREFIX } from '../../../src/core/highlights/owned-highlights';
import { parseAreasAddress } from '../../../src/host/areas';
import { toA1 } from '../../../src/core/grid/address';

export interface WpsTestHost {
  readonly wps: MemoryWps;
  readonly host: WpsFormHost;
  readonly updates: CheckUpdate[];
  readonly problems: HostProblem[];
  settle(): Promise<void>;
}

export function wpsHostOver(wps: MemoryWps, overrides: Partial<WpsDeps> = {}): WpsTestHost {
  const host = createWpsHost({ application: wps.Application, debounceMs: 5, checkOptions: () => ({ today: new Date(2022, 0, 10) }), ...overrides });
  const updates: CheckUpdate[] = [];
  const problems: HostProblem[] = [];
  host.onCheck((update) => updates.push(update));
  host.onProblem((problem) => problems.push(problem));
  const settle = async () => {
    for (let round = 0; round < 3; round++) {
      await wps.whenIdle();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await host.whenIdle();
    }
  };
  return { wps, host, updates, problems, settle };
}

export function newWpsHost(options: MemoryWpsOptions = {}, overrides: Partial<WpsDeps> = {}): WpsTestHost {
  return wpsHostOver(createMemoryWps(options), overrides);
}

/** A1 → BGR fill, for the cells the add-in's own highlights colour (not the native checks or the user's). */
export function ownedFills(wps: MemoryWps, sheet: string): Map<string, number | null> {
  const fills = new Map<string, number | null>();
  for (const condition of wps.inspect.formatConditions(sheet)) {
    if (!condition.formula1.includes(HIGHLIGHT_LABEL_PREFIX)) continue;
    for (const area of parseAreasAddress(condition.appliesTo)) {
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) if (!fills.has(toA1(r, c))) fills.set(toA1(r, c), condition.interiorColor);
    }
  }
  return fills;
}
