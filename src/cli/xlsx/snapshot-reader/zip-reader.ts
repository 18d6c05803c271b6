/**
 * Reads the parts of a zip package (an `.xlsx` is one) with Node's own zlib: the central
 * directory says where each part is and how it is packed (stored or deflated). Parts are
 * unpacked only when asked for. Native inflation is several times faster than a JavaScript
 * one, and the check unpacks a few parts of thousands of files.
 *
 * A package that is not a well-formed zip throws `ZipFormatError`.
 */
import { inflateRawSync } from 'node:zlib';

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes, followed by a comment of at most 65,535 bytes. */
const MAX_END_RECORD_DISTANCE = 22 + 0xffff;
const ENCRYPTED_FLAG = 0x1;
/** Zip64 marks sizes and offsets that do not fit 32 bits. */
const ZIP64_MARKER = 0xffffffff;

function findEndRecord(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - MAX_END_RECORD_DISTANCE);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipFormatError('no end of central directory record: the file is truncated or not a zip');
}

export class ZipReader {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly bytes: Buffer) {
    if (bytes.length < 22) throw new ZipFormatError('too short for a zip');
    const end = findEndRecord(bytes);
    const count = bytes.readUInt16LE(end + 10);
    const directorySize = bytes.readUInt32LE(end + 12);
    let at = bytes.readUInt32LE(end + 16);
    if (at === ZIP64_MARKER || directorySize === ZIP64_MARKER) throw new ZipFormatError('zip64 packages are not read');
    if (at + directorySize > end) throw new ZipFormatError('the central directory lies outside the file');
    for (let i = 0; i < count; i++) {
      if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) throw new ZipFormatError(`central directory entry ${i} is damaged`);
      const flags = bytes.readUInt16LE(at + 8);
      const method = bytes.readUInt16LE(at + 10);
      const compressedSize = bytes.readUInt32LE(at + 20);
      const uncompressedSize = bytes.readUInt32LE(at + 24);
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const localHeaderOffset = bytes.readUInt32LE(at + 42);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      if (flags & ENCRYPTED_FLAG) throw new ZipFormatError(`${name} is encrypted`);
      if (compressedSize === ZIP64_MARKER || localHeaderOffset === ZIP64_MARKER) throw new ZipFormatError('zip64 packages are not read');
      // Part names are case-insensitive in a package; some writers add a leading slash.
      this.entries.set(normalisePartName(name), { method, compressedSize, uncompressedSize, localHeaderOffset });
    }
  }

  has(path: string): boolean {
    return this.entries.has(normalisePartName(path));
  }

  /** A part as UTF-8 text, or null when the package has no such part. */
  text(path: string): string | null {
    const data = this.data(path);
    if (data === null) return null;
    // A byte order mark is not part of the XML.
    const start = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
    return data.toString('utf8', start);
  }

  private data(path: string): Buffer | null {
    const entry = this.entries.get(normalisePartName(path));
    if (!entry) return null;
    const bytes = this.bytes;
    const header = entry.localHeaderOffset;
    if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_FILE_HEADER) throw new ZipFormatError(`${path}: damaged local header`);
    const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new ZipFormatError(`${path}: the part runs past the end of the file`);
    const packed = bytes.subarray(start, end);
    if (entry.method === STORED) return packed;
    if (entry.method !== DEFLATED) throw new ZipFormatError(`${path}: packed with method ${entry.method}`);
    try {
      return inflateRawSync(packed, entry.uncompressedSize > 0 ? { maxOutputLength: Math.max(entry.uncompressedSize, 1) } : {});
    } catch (error) {
      throw new ZipFormatError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function normalisePartName(name: string): string {
  return (name.startsWith('/') ? name.slice(1) : name).toLowerCase();
}
