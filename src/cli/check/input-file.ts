/**
 * Reading an input file, refusing what is not a regular file of a bounded size before reading
 * a byte of it: a FIFO would block the read forever and `/dev/zero` never ends. The file is
 * opened without blocking and judged by the descriptor's own `fstat`, so what is judged is
 * what is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { FileProblemCode } from '../messages';
import { MAX_INPUT_BYTES } from './limits';

export type InputRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly code: Extract<FileProblemCode, 'not_found' | 'io_error' | 'not_regular_file' | 'file_too_large'>; readonly detail: string };

/** Opening a FIFO without O_NONBLOCK waits for a writer; Windows has no such flag and no FIFOs. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function readAll(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, filled);
    // The file shrank while being read: what is there is what is checked (a truncated zip).
    if (read === 0) return bytes.subarray(0, filled);
    filled += read;
  }
  return bytes;
}

export function readInputFile(path: string): InputRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, code: code === 'ENOENT' ? 'not_found' : 'io_error', detail: String((error as Error).message) };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, code: 'not_regular_file', detail: 'not a regular file' };
    if (info.size > MAX_INPUT_BYTES) return { ok: false, code: 'file_too_large', detail: `${info.size} bytes` };
    return { ok: true, bytes: readAll(fd, info.size) };
  } catch (error) {
    return { ok: false, code: 'io_error', detail: String((error as Error).message) };
  } finally {
    closeSync(fd);
  }
}
