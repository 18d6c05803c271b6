/**
 * A zip writer for tests that need packages no honest writer makes: sizes declared wrong,
 * entries that share bytes or names, Zip64 records, damaged CRCs. Every field is written
 * by hand, after APPNOTE.TXT (PKWARE's .ZIP File Format Specification).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  readonly name: string;
  readonly data: Buffer | string;
  /** Stored instead of deflated. */
  readonly store?: boolean;
  /** zlib's compression level (its default, 6, unless given). */
  readonly level?: number;
  /** Written precompressed: `data` is already the deflated stream of `size` bytes with `crc`. */
  readonly raw?: { readonly size: number; readonly crc: number };
  /** The uncompressed size the central directory declares (the true size by default). */
  readonly declaredSize?: number;
  /** The CRC-32 the central directory declares (the true one by default). */
  readonly declaredCrc?: number;
}

export interface ZipOptions {
  /** Zip64 extra fields on every entry and the Zip64 end records, as writers of large files do. */
  readonly zip64?: boolean;
  /** More central directory entries pointing at the local header of a part already written. */
  readonly aliases?: readonly { readonly name: string; readonly of: string }[];
}

interface Written {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

function localHeader(entry: Written): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry: Written, zip64: boolean): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(zip64 ? 45 : 20, 4);
  header.writeUInt16LE(zip64 ? 45 : 20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(zip64 ? 0xffffffff : entry.compressedSize, 20);
  header.writeUInt32LE(zip64 ? 0xffffffff : entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(zip64 ? 0xffffffff : entry.offset, 42);
  if (!zip64) return Buffer.concat([header, entry.name]);
  const extra = Buffer.alloc(28);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(entry.size), 4);
  extra.writeBigUInt64LE(BigInt(entry.compressedSize), 12);
  extra.writeBigUInt64LE(BigInt(entry.offset), 20);
  header.writeUInt16LE(extra.length, 30);
  return Buffer.concat([header, entry.name, extra]);
}

function endRecords(count: number, directorySize: number, directoryOffset: number, zip64: boolean): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directorySize, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : directoryOffset, 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}

export function zipPackage(parts: readonly ZipPart[], options: ZipOptions = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Written[] = [];
  const byName = new Map<string, Written>();
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8');
    const packed = part.raw || part.store ? data : deflateRawSync(data, { level: part.level ?? 6 });
    const size = part.raw ? part.raw.size : data.length;
    const crc = part.raw ? part.raw.crc : crc32(data) >>> 0;
    const written: Written = { name: Buffer.from(part.name, 'utf8'), method: part.store ? 0 : 8, crc, compressedSize: packed.length, size, offset };
    const local = localHeader(written);
    chunks.push(local, packed);
    offset += local.length + packed.length;
    byName.set(part.name, written);
    central.push({ ...written, size: part.declaredSize ?? size, crc: part.declaredCrc ?? crc });
  }
  for (const alias of options.aliases ?? []) {
    const target = byName.get(alias.of);
    if (!target) throw new Error(`no part ${alias.of} to alias`);
    central.push({ ...target, name: Buffer.from(alias.name, 'utf8') });
  }
  const directory = Buffer.concat(central.map((entry) => centralHeader(entry, options.zip64 === true)));
  chunks.push(directory, endRecords(central.length, directory.length, offset, options.zip64 === true));
  return Buffer.concat(chunks);
}

/**
 * The deflated stream of `size` bytes of `byte`, made without holding them: one block is
 * deflated with a sync flush and repeated (a fresh compressor refers back to nothing before
 * it), then the rest is deflated to the end. A bomb's packed stream, in a few megabytes.
 */
export function deflatedRepeat(byte: number, size: number, block = 16 * 1024 * 1024): Buffer {
  const data = Buffer.alloc(Math.min(block, size), byte);
  const full = deflateRawSync(data, { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  const pieces: Buffer[] = [];
  let left = size;
  for (; left > data.length; left -= data.length) pieces.push(full);
  pieces.push(deflateRawSync(data.subarray(0, left)));
  return Buffer.concat(pieces);
}
