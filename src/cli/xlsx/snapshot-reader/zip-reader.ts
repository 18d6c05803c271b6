/**
 * Reads the parts of a zip package (an `.xlsx` is one): the central directory says where each
 * part is and how it is packed (stored or deflated). Zip64 records are read, as Excel,
 * LibreOffice and other zip libraries read them.
 *
 * The package comes from outside, so nothing it declares is trusted: entries that share a
 * name or overlap another entry's bytes are refused; a part inflates at most to the size its
 * entry declares and never beyond the reader's budgets (zlib's `maxOutputLength` stops the
 * inflation as soon as the budget is passed, before the memory is taken); its CRC-32 must
 * match; and each part is inflated once however often it is asked for. Node's zlib inflates
 * several times faster than a JavaScript inflater, and the check unpacks a few parts of
 * thousands of files.
 *
 * A package that is not a well-formed zip throws `ZipFormatError`; one beyond the limits,
 * `ReaderLimitError`.
 */
import { crc32 as nativeCrc32, inflateRawSync } from 'node:zlib';
import { READER_LIMITS, ReaderLimitError } from './limits';

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_EXTRA_FIELD = 0x0001;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes, followed by a comment of at most 65,535 bytes. */
const MAX_END_RECORD_DISTANCE = 22 + 0xffff;
const ENCRYPTED_FLAG = 0x1;
/** Sizes, offsets and counts at these values are in the Zip64 records instead. */
const ZIP64_MARKER_32 = 0xffffffff;
const ZIP64_MARKER_16 = 0xffff;

const MIB = 1024 * 1024;

function findEndRecord(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - MAX_END_RECORD_DISTANCE);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipFormatError('no end of central directory record: the file is truncated or not a zip');
}

/** A 64-bit little-endian size or offset, refused beyond what a Buffer can hold. */
function readUInt64(bytes: Buffer, at: number, what: string): number {
  const value = bytes.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError(`${what} is out of range`);
  return Number(value);
}

interface Directory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
  /** Where the directory must end: the Zip64 record or the end record. */
  readonly limit: number;
}

function centralDirectory(bytes: Buffer): Directory {
  const end = findEndRecord(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count !== ZIP64_MARKER_16 && size !== ZIP64_MARKER_32 && offset !== ZIP64_MARKER_32) return { count, offset, size, limit: end };
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_END_LOCATOR) throw new ZipFormatError('the Zip64 end locator is missing');
  const record = readUInt64(bytes, locator + 8, 'the Zip64 end record offset');
  if (record + 56 > locator || bytes.readUInt32LE(record) !== ZIP64_END_OF_CENTRAL_DIRECTORY) throw new ZipFormatError('the Zip64 end record is damaged');
  return {
    count: readUInt64(bytes, record + 32, 'the Zip64 entry count'),
    size: readUInt64(bytes, record + 40, 'the Zip64 directory size'),
    offset: readUInt64(bytes, record + 48, 'the Zip64 directory offset'),
    limit: record,
  };
}

interface Sizes {
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Replaces the marked sizes and offset by those of the entry's Zip64 extra field, in the order the format gives them. */
function applyZip64Extra(bytes: Buffer, from: number, to: number, sizes: Sizes, name: string): void {
  const marked = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((key) => sizes[key] === ZIP64_MARKER_32);
  if (marked.length === 0) return;
  for (let at = from; at + 4 <= to; ) {
    const id = bytes.readUInt16LE(at);
    const length = bytes.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_FIELD) {
      if (length < marked.length * 8 || at + 4 + length > to) break;
      marked.forEach((key, index) => (sizes[key] = readUInt64(bytes, at + 4 + index * 8, `${name}: a Zip64 size`)));
      return;
    }
    at += 4 + length;
  }
  throw new ZipFormatError(`${name}: the Zip64 sizes are missing`);
}

/** Part names are case-insensitive in a package; some writers add a leading slash. */
function normalisePartName(name: string): string {
  return (name.startsWith('/') ? name.slice(1) : name).toLowerCase();
}

/** The limits of `limits.ts` that bear on the package. */
export type PackageLimits = { readonly [K in 'partBytes' | 'fileBytes' | 'compressionRatio' | 'ratioFloorBytes' | 'entries']: number };

export class ZipReader {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly inflated = new Map<string, Buffer>();
  private inflatedBytes = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly limits: PackageLimits = READER_LIMITS,
  ) {
    if (bytes.length < 22) throw new ZipFormatError('too short for a zip');
    const directory = centralDirectory(bytes);
    if (directory.count > limits.entries) throw new ReaderLimitError(`${directory.count} entries in the package (at most ${limits.entries} are read)`);
    if (directory.offset + directory.size > directory.limit) throw new ZipFormatError('the central directory lies outside the file');
    let at = directory.offset;
    for (let i = 0; i < directory.count; i++) at = this.readEntry(at, directory.limit, i);
    this.refuseOverlaps(directory.offset);
  }

  /** Reads the directory entry at `at`; returns where the next one starts. */
  private readEntry(at: number, limit: number, index: number): number {
    const bytes = this.bytes;
    if (at + 46 > limit || bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) throw new ZipFormatError(`central directory entry ${index} is damaged`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > limit) throw new ZipFormatError(`central directory entry ${index} is damaged`);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const sizes: Sizes = { compressedSize: bytes.readUInt32LE(at + 20), uncompressedSize: bytes.readUInt32LE(at + 24), localHeaderOffset: bytes.readUInt32LE(at + 42) };
    applyZip64Extra(bytes, at + 46 + nameLength, at + 46 + nameLength + extraLength, sizes, name);
    if (flags & ENCRYPTED_FLAG) throw new ZipFormatError(`${name} is encrypted`);
    const key = normalisePartName(name);
    if (this.entries.has(key)) throw new ZipFormatError(`${name} appears twice in the package`);
    this.entries.set(key, { name, method, crc, ...sizes });
    return next;
  }

  /** Each entry's bytes (local header and data) must lie before the directory and apart from every other entry's. */
  private refuseOverlaps(directoryOffset: number): void {
    const spans = [...this.entries.values()].map((entry) => ({ entry, start: entry.localHeaderOffset, end: this.dataStart(entry) + entry.compressedSize }));
    spans.sort((a, b) => a.start - b.start);
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      if (span.end > directoryOffset) throw new ZipFormatError(`${span.entry.name}: the part runs into the central directory`);
      const following = spans[i + 1];
      if (following && following.start < span.end) throw new ZipFormatError(`${following.entry.name} overlaps ${span.entry.name}`);
    }
  }

  private dataStart(entry: ZipEntry): number {
    const bytes = this.bytes;
    const header = entry.localHeaderOffset;
    if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_FILE_HEADER) throw new ZipFormatError(`${entry.name}: damaged local header`);
    return header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  }

  has(path: string): boolean {
    return this.entries.has(normalisePartName(path));
  }

  /** A part's bytes, or null when the package has no such part. Each part is unpacked once. */
  data(path: string): Buffer | null {
    const key = normalisePartName(path);
    const entry = this.entries.get(key);
    if (!entry) return null;
    const known = this.inflated.get(key);
    if (known) return known;
    const data = this.unpack(entry);
    this.inflated.set(key, data);
    return data;
  }

  /**
   * Unpacks every part once within the budgets, keeping none: for a reader that goes on to
   * unpack the package itself, without limits (ExcelJS, for an annotated copy).
   */
  verifyAll(): void {
    for (const [key, entry] of this.entries) if (!this.inflated.has(key)) this.unpack(entry);
  }

  private unpack(entry: ZipEntry): Buffer {
    const { name, compressedSize, uncompressedSize } = entry;
    const limits = this.limits;
    if (uncompressedSize > limits.partBytes) throw new ReaderLimitError(`${name} unpacks to ${mebibytes(uncompressedSize)} (at most ${mebibytes(limits.partBytes)} per part)`);
    if (this.inflatedBytes + uncompressedSize > limits.fileBytes) throw new ReaderLimitError(`the parts read unpack to more than ${mebibytes(limits.fileBytes)} together`);
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > compressedSize * limits.compressionRatio) {
      throw new ReaderLimitError(`${name} unpacks to ${Math.round(uncompressedSize / Math.max(compressedSize, 1))} times its packed size (at most ${limits.compressionRatio})`);
    }
    const start = this.dataStart(entry);
    const packed = this.bytes.subarray(start, start + compressedSize);
    let data: Buffer;
    if (entry.method === STORED) data = packed;
    else if (entry.method === DEFLATED) data = inflateAtMost(packed, uncompressedSize, name);
    else throw new ZipFormatError(`${name}: packed with method ${entry.method}`);
    if (data.length !== uncompressedSize) throw new ZipFormatError(`${name}: ${data.length} bytes where the directory says ${uncompressedSize}`);
    if (crc32(data) !== entry.crc) throw new ZipFormatError(`${name}: the CRC-32 does not match, the part is damaged`);
    this.inflatedBytes += data.length;
    return data;
  }
}

/** Inflates `packed`, stopping as soon as the output would pass `size` bytes. */
function inflateAtMost(packed: Buffer, size: number, name: string): Buffer {
  try {
    // One byte more than declared, so that a part longer than its entry says is caught.
    return inflateRawSync(packed, { maxOutputLength: size + 1 });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipFormatError(`${name}: unpacks to more than the ${size} bytes the directory says`);
    }
    throw new ZipFormatError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function mebibytes(bytes: number): string {
  return `${(bytes / MIB).toFixed(bytes < MIB ? 2 : 0)} MiB`;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 as zip computes it: Node's own where it has one (20.15 and later), else by table. */
function crc32(data: Buffer): number {
  if (typeof nativeCrc32 === 'function') return nativeCrc32(data) >>> 0;
  const table = crcTable ?? (crcTable = makeCrcTable());
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function makeCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}
