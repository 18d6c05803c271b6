/**
 * The bounds of `check` on files from outside (docs/security.md): each file is checked in a
 * worker process with a memory limit and a time limit, and only regular files up to a size are
 * read at all. A file that breaks a bound is that file's one-line reason; the batch goes on.
 */

export interface CheckLimits {
  /** Time for one file in a worker, from the end of the previous one (`--timeout`, seconds). */
  readonly timeoutMs: number;
  /** Memory of one worker process (`--max-memory`, MiB): its resident set, and ¾ of it for the JS heap. */
  readonly memoryMb: number;
}

/** A filled form takes milliseconds and an annotated copy about a second: 30 s is far above either. */
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** A form needs tens of MiB; the reader's budgets keep a workbook's parts well below this. */
export const DEFAULT_MEMORY_MB = 1024;

export const DEFAULT_LIMITS: CheckLimits = { timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000, memoryMb: DEFAULT_MEMORY_MB };

/** The range `--timeout` accepts, in seconds. */
export const TIMEOUT_RANGE = { min: 1, max: 3600 } as const;
/** The range `--max-memory` accepts, in MiB: below 128 a worker cannot even load the checker. */
export const MEMORY_RANGE = { min: 128, max: 16384 } as const;

/** The share of a worker's memory given to V8's heap; the rest is Node itself and file buffers. */
const HEAP_SHARE = 0.75;

export function heapLimitMb(limits: CheckLimits): number {
  return Math.floor(limits.memoryMb * HEAP_SHARE);
}

/**
 * The largest input file read. A filled form is tens of KiB and a workbook with large data
 * sheets a few MiB; a bigger file is refused before it is read.
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** How often the parent looks at its workers' memory (Linux, /proc): a fast inflate overshoots by little. */
export const MEMORY_POLL_MS = 100;
