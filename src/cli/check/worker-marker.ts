/**
 * The file a worker is on, known to the parent without a message per file: before each file
 * the worker writes its index into a small file the parent opened for it (inherited as fd 4,
 * already unlinked where the system allows). Writing it costs one `pwrite`, with no other
 * process to wake; the parent reads it only when the worker has died or hung. So reports can
 * travel in batches and a dead worker's file is still known exactly.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The marker's descriptor in the worker: after stdin, stdout, stderr and the IPC channel. */
export const MARKER_FD = 4;
/** Reports a busy worker holds back at most, by count and by time since its last message. */
export const MAX_PENDING_REPORTS = 32;
export const MAX_PENDING_MS = 20;
const NONE = -1;

export interface WorkerMarker {
  /** False when there is no marker to write (a worker started by something else): the worker then reports file by file. */
  readonly works: boolean;
  mark(index: number): void;
}

function writeIndex(fd: number, index: number): void {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(index);
  writeSync(fd, bytes, 0, 4, 0);
}

/** The worker's side. */
export function startMarker(): WorkerMarker {
  try {
    writeIndex(MARKER_FD, NONE);
  } catch {
    return { works: false, mark: () => undefined };
  }
  return { works: true, mark: (index) => writeIndex(MARKER_FD, index) };
}

/** The parent's side: a descriptor to hand to the worker, and what it last marked. */
export class MarkerFile {
  readonly fd: number;
  private readonly removeLater: () => void;

  constructor() {
    const path = join(tmpdir(), `perf-target-forms-${process.pid}-${randomBytes(6).toString('hex')}.marker`);
    this.fd = openSync(path, 'wx+');
    writeIndex(this.fd, NONE);
    // Gone from the folder at once (where an open file can be removed); the descriptors stay valid.
    this.removeLater = (() => {
      try {
        rmSync(path);
        return () => undefined;
      } catch {
        return () => rmSync(path, { force: true });
      }
    })();
  }

  /** The index last marked, or null for none. */
  read(): number | null {
    const bytes = Buffer.alloc(4);
    if (readSync(this.fd, bytes, 0, 4, 0) < 4) return null;
    const index = bytes.readInt32LE();
    return index === NONE ? null : index;
  }

  close(): void {
    closeSync(this.fd);
    this.removeLater();
  }
}
