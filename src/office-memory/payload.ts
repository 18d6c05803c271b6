/**
 * The sizes Excel on the web limits: "Excel on the web has a payload size limit for requests
 * and responses of 5MB … On all platforms, a range is limited to five million cells for get
 * operations" (Resource limits and performance optimization for Office Add-ins; office-js-docs-pr
 * #2846, #5333). Errors: `RequestPayloadSizeLimitExceeded` (speckle-excel #9 quotes it),
 * `ResponsePayloadSizeLimitExceeded` (`Excel.ErrorCodes`), `RangeExceedsLimit` (`Excel.ErrorCodes`).
 *
 * Sizes are estimated, cheaply and deterministically: the UTF-8 length of the values' JSON, and
 * a fixed cost for each queued command (its action and object path).
 */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
export const MAX_CELLS_PER_READ = 5_000_000;
export const COMMAND_BYTES = 100;

function stringBytes(text: string): number {
  let bytes = 2;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes += code < 0x80 ? (code === 0x22 || code === 0x5c ? 2 : 1) : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** About the UTF-8 length of `JSON.stringify(value)`. */
export function jsonSize(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return stringBytes(value);
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (Array.isArray(value)) {
    let bytes = 1 + Math.max(value.length, 1);
    for (const item of value as unknown[]) bytes += jsonSize(item);
    return bytes;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    let bytes = 1 + Math.max(entries.length, 1);
    for (const [key, item] of entries) bytes += stringBytes(key) + 1 + jsonSize(item);
    return bytes;
  }
  return 0;
}
