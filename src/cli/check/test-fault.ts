/**
 * A test seam, documented in docs/security.md: `PERF_TARGET_FORMS_TEST_FAULT=action:text,…`
 * makes a worker misbehave on a file whose path contains `text`, the way a hostile file might
 * make it misbehave once the reader's own bounds are passed: `crash` exits, `hang` spins,
 * `heap` fills the JS heap until V8 gives up, `buffers` fills memory outside the heap until the
 * parent's watch kills the worker, `throw` throws outside any promise. The isolation tests use
 * it so that they do not depend on some reader weakness that a better reader removes. Unset,
 * it does nothing; anyone who can set a reviewer's environment needs no hostile file.
 */
const ACTIONS = ['crash', 'hang', 'heap', 'buffers', 'throw'] as const;
type FaultAction = (typeof ACTIONS)[number];

function faults(): readonly { readonly action: FaultAction; readonly text: string }[] {
  const spec = process.env.PERF_TARGET_FORMS_TEST_FAULT ?? '';
  return spec
    .split(',')
    .map((item) => {
      const colon = item.indexOf(':');
      return { action: item.slice(0, colon) as FaultAction, text: item.slice(colon + 1) };
    })
    .filter((fault) => ACTIONS.includes(fault.action) && fault.text !== '');
}

const FAULTS = faults();

function fillHeap(): never {
  const held: number[][] = [];
  // 32 MiB of doubles at a time, on V8's heap.
  for (;;) held.push(new Array<number>(4_000_000).fill(held.length + 0.5));
}

function fillBuffers(): never {
  const held: Buffer[] = [];
  for (;;) held.push(Buffer.alloc(16 * 1024 * 1024, 1));
}

/** Resolves at once, except for a file the seam names: then it misbehaves and never resolves. */
export function testFault(file: string): Promise<void> | undefined {
  const fault = FAULTS.find((candidate) => file.includes(candidate.text));
  switch (fault?.action) {
    case undefined:
      return undefined;
    case 'crash':
      return process.exit(3);
    case 'hang':
      for (;;);
    case 'heap':
      return fillHeap();
    case 'buffers':
      return fillBuffers();
    case 'throw':
      return new Promise(() => {
        setImmediate(() => {
          throw new Error('test fault: thrown outside any promise');
        });
      });
  }
}
