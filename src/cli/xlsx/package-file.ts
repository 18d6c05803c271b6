/**
 * What kind of file a workbook file is, before anything parses it: the reasons a file cannot
 * be read are results (`ReadFailure`), never exceptions, so a batch of thousands of files goes
 * on past the broken ones. Both readers (the snapshot reader of `check` and the ExcelJS reader
 * behind annotated copies) classify files here, so they give the same reasons.
 */
import { readFileSync } from 'node:fs';

export type ReadFailureCode =
  /** 0 bytes. */
  | 'empty_file'
  /** An OLE2 compound file: the old binary `.xls` format. */
  | 'xls_file'
  /** An OLE2 container holding `EncryptionInfo`: an `.xlsx` protected by a password. */
  | 'encrypted'
  /** A zip file that cannot be opened, or a part inside that cannot: truncated or damaged. */
  | 'corrupt_file'
  /**
   * Beyond the reader's limits (docs/security.md): a part that unpacks too large or too many
   * times its packed size, more cells, merges or shared strings than a workbook can hold.
   */
  | 'beyond_limits'
  /** Neither a zip nor an OLE2 file, or a zip without a workbook in it. */
  | 'not_a_workbook'
  /** No such file. */
  | 'not_found'
  /** The file system refused: a folder, no permission. */
  | 'io_error';

export interface ReadFailure {
  readonly ok: false;
  readonly code: ReadFailureCode;
  /** The underlying error's text, for the curious; the message shown is made from `code`. */
  readonly detail: string;
}

const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURES = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];
/** "EncryptionInfo" as an OLE2 directory entry name (UTF-16LE). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export function readFailure(code: ReadFailureCode, detail: string): ReadFailure {
  return { ok: false, code, detail };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function startsWith(bytes: Buffer, signature: Buffer): boolean {
  return bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);
}

/**
 * The file's bytes, or why they cannot be had. Read at once: files are checked one after the
 * other in each process, and one read call costs far less than the asynchronous read's many.
 */
export function readFileBytes(path: string): Buffer | ReadFailure {
  try {
    return readFileSync(path);
  } catch (error) {
    const missing = error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
    return readFailure(missing ? 'not_found' : 'io_error', errorText(error));
  }
}

/** Why the bytes are not an `.xlsx` package at all, or null when they are a zip. */
export function notAZipPackage(bytes: Buffer): ReadFailure | null {
  if (bytes.length === 0) return readFailure('empty_file', '0 bytes');
  if (startsWith(bytes, OLE2_SIGNATURE)) {
    return bytes.includes(ENCRYPTION_INFO) ? readFailure('encrypted', 'OLE2 container with EncryptionInfo') : readFailure('xls_file', 'OLE2 compound file');
  }
  if (!ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return readFailure('not_a_workbook', 'neither a zip nor an OLE2 file');
  return null;
}

export const WORKBOOK_PART = 'xl/workbook.xml';
