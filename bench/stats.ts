/** Timing helpers: medians of repeated runs after a warm-up. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface RepeatOptions {
  /** Runs thrown away first (the JIT warms up, caches fill). */
  readonly warmUp: number;
  readonly minRuns: number;
  readonly maxRuns: number;
  /** Stop adding runs once this much time was spent measuring (after `minRuns`). */
  readonly budgetMs: number;
}

/** Times `work` repeatedly; returns the median in milliseconds. */
export function medianMs(work: () => void, options: RepeatOptions): number {
  return medianMsOf(() => undefined, work, options);
}

/** Times `work` on a fresh input from `setup` each run (setup not timed); returns the median in milliseconds. */
export function medianMsOf<T>(setup: () => T, work: (input: T) => void, options: RepeatOptions): number {
  for (let i = 0; i < options.warmUp; i++) work(setup());
  const times: number[] = [];
  const started = performance.now();
  while (times.length < options.maxRuns && (times.length < options.minRuns || performance.now() - started < options.budgetMs)) {
    const input = setup();
    const t0 = performance.now();
    work(input);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The smallest and largest of some measurements: how far apart the rounds behind a median were. */
export interface Spread {
  readonly min: number;
  readonly max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spread of no values');
  return { min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Runs two measurements `rounds` times each, in alternating order (a b, b a, a b, …), so that
 * neither side always runs first, or always right after the other, on a machine that warms up
 * or gets busier as it goes. Returns each side's results in the order they were taken.
 */
export async function alternateRounds<T>(rounds: number, a: () => Promise<T>, b: () => Promise<T>): Promise<{ a: T[]; b: T[] }> {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  const results = { a: [] as T[], b: [] as T[] };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      results.a.push(await a());
      results.b.push(await b());
    } else {
      results.b.push(await b());
      results.a.push(await a());
    }
  }
  return results;
}
