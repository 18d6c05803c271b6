/**
 * What a cell shows (`Range.Text`) under the number formats the project writes — General, `@`,
 * digit patterns such as `0.00##` and `#,##0.00`, and dates such as `yyyy"年"m"月"d"日"` — and how
 * typed text becomes a value ("Number format codes", "Enter data manually in worksheet cells").
 * The in-memory Excel has its own, fuller version; the layers keep the two fakes apart.
 */
import type { FormulaValue } from './formula';

const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** The serial number of a date (1900 date system, dates after 1900-03-01). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_UTC) / DAY_MS);
}

/** Numbers as General shows them: up to 11 significant digits in a standard-width column. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(Math.abs(value) >= 1 ? 11 : 10)));
}

function formatDate(serial: number, format: string): string {
  const date = new Date(EPOCH_UTC + Math.floor(serial) * DAY_MS);
  const parts: Record<string, number> = { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
  return format.replace(/"([^"]*)"|\\(.)|(y+|m+|d+)/gi, (_, quoted: string | undefined, escaped: string | undefined, token: string | undefined) => {
    if (quoted !== undefined) return quoted;
    if (escaped !== undefined) return escaped;
    const kind = (token as string)[0].toLowerCase();
    const value = parts[kind];
    if (kind === 'y') return (token as string).length <= 2 ? String(value % 100).padStart(2, '0') : String(value);
    return (token as string).length >= 2 ? String(value).padStart(2, '0') : String(value);
  });
}

/** A digit pattern (`0.00##`, `#,##0.00`, `0%`) with literal text around it. */
function formatDigits(value: number, format: string): string {
  const match = /^([^0#]*?)([#,0]*0|#[#,]*)(?:\.(0*)(#*))?(%?)(.*)$/.exec(format.replace(/"([^"]*)"/g, '$1'));
  if (!match) return general(value);
  const [, prefix, integer, required = '', optional = '', percent, suffix] = match;
  const scaled = percent ? value * 100 : value;
  const places = required.length + optional.length;
  const factor = 10 ** places;
  const rounded = Math.round(Math.abs(scaled) * factor + 1e-9) / factor;
  let [whole, fraction = ''] = rounded.toFixed(places).split('.');
  fraction = fraction.replace(new RegExp(`0{0,${optional.length}}$`), '').padEnd(required.length, '0');
  if (integer.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = scaled < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${prefix}${whole}${places > 0 || format.includes('.') ? `.${fraction}` : ''}${percent}${suffix}`;
}

/** The text WPS shows for a value under a number format (column width not modelled). */
export function formatValue(value: FormulaValue, numberFormat: string): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const format = numberFormat.split(';')[0].replace(/\[[^\]]*\]/g, '').trim();
  if (format === '' || format.toLowerCase() === 'general' || format === '@') return general(value);
  if (/[yd]/i.test(format.replace(/"[^"]*"/g, ''))) return formatDate(value, format);
  return formatDigits(value, format);
}

/** What typed text becomes, and the number format WPS gives the cell with it. */
export type TypedEntry =
  | { readonly kind: 'empty' }
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'value'; readonly value: string | number | boolean; readonly numberFormat?: string };

/** A mantissa with at least one digit (`E0` is text), thousands separators, an exponent. */
const PLAIN_NUMBER = /^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Typed text as WPS reads it: `=` starts a formula, an apostrophe keeps text, a cell formatted
 * `@` keeps text; numbers (with thousands separators), percentages, dates written y/m/d or
 * y-m-d and TRUE/FALSE become values; anything else stays text.
 */
export function readTyped(input: string, cellIsText: boolean): TypedEntry {
  if (input === '') return { kind: 'empty' };
  if (cellIsText) return { kind: 'value', value: input };
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const trimmed = input.trim();
  if (PLAIN_NUMBER.test(trimmed)) return { kind: 'value', value: Number(trimmed.replace(/,/g, '')) };
  const percent = /^([+-]?(\d+(\.\d+)?|\.\d+))\s*%$/.exec(trimmed);
  if (percent) {
    const digits = percent[1].split('.')[1]?.length ?? 0;
    return { kind: 'value', value: Number(percent[1]) / 100, numberFormat: digits > 0 ? `0.${'0'.repeat(digits)}%` : '0%' };
  }
  const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(trimmed);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (year >= 1900 && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) return { kind: 'value', value: dateSerial(year, month, day), numberFormat: 'yyyy/m/d' };
  }
  if (/^(true|false)$/i.test(trimmed)) return { kind: 'value', value: trimmed.toUpperCase() === 'TRUE' };
  return { kind: 'value', value: input };
}
