/**
 * What Excel shows for a value under a number format (`Range.text`), for the formats forms
 * use, and how Excel reads what a person types into a cell.
 */
import { ERROR_CODES, FormulaError, formatGeneralNumber, roundHalfAwayFromZero, type Scalar } from './formula';

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** The Excel serial number of a calendar date (1900 date system, dates after 1900-03-01). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / DAY_MS);
}

function serialDate(serial: number): { year: number; month: number; day: number } {
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The first section of a format (`pos;neg;zero;text`), and the one for negatives if given. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

/** Removes `[Red]`, `[$-804]` and the like, and turns `"literal"` and `\x` into plain text markers. */
function stripDecorations(section: string): string {
  return section.replace(/\[[^\]]*\]/g, '');
}

function isDateFormat(section: string): boolean {
  const plain = stripDecorations(section).replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[yd]/i.test(plain);
}

function formatDate(serial: number, section: string): string {
  const { year, month, day } = serialDate(serial);
  let out = '';
  const text = stripDecorations(section);
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      out += text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      out += text.charAt(i + 1);
      i += 2;
      continue;
    }
    const run = /^(y+|m+|d+)/i.exec(text.slice(i));
    if (run) {
      const token = run[0].toLowerCase();
      if (token.startsWith('y')) out += token.length <= 2 ? String(year % 100).padStart(2, '0') : String(year);
      else if (token.startsWith('m')) out += token.length === 1 ? String(month) : String(month).padStart(2, '0');
      else out += token.length === 1 ? String(day) : String(day).padStart(2, '0');
      i += run[0].length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumber(value: number, section: string, negativeHasOwnSection: boolean): string {
  const text = stripDecorations(section);
  // Literal text around the digits (quoted, escaped or plain symbols such as 元 or ¥).
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let i = 0;
  let seenDigits = false;
  while (i < text.length) {
    const ch = text.charAt(i);
    let literal: string | null = null;
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      literal = text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === '\\') {
      literal = text.charAt(i + 1);
      i += 2;
    } else if ('0#?.,%'.includes(ch) || (ch === 'E' && seenDigits)) {
      pattern += ch;
      seenDigits = true;
      i += 1;
      continue;
    } else if (ch === '_' || ch === '*') {
      i += 2;
      literal = ch === '_' ? ' ' : '';
    } else {
      literal = ch;
      i += 1;
    }
    if (seenDigits) suffix += literal;
    else prefix += literal;
  }
  if (pattern === '') return prefix + suffix;
  const percent = (pattern.match(/%/g) ?? []).length;
  const scaled = value * Math.pow(100, percent);
  const digitPattern = pattern.replace(/%/g, '');
  const [integerPattern, decimalPattern = ''] = digitPattern.split('.');
  const required = (decimalPattern.match(/0/g) ?? []).length;
  const optional = (decimalPattern.match(/[#?]/g) ?? []).length;
  const grouping = integerPattern.includes(',');
  const minIntegerDigits = (integerPattern.match(/0/g) ?? []).length;
  const magnitude = roundHalfAwayFromZero(Math.abs(scaled), required + optional);
  let [integerPart, decimalPart = ''] = magnitude.toFixed(required + optional).split('.');
  decimalPart = decimalPart.replace(new RegExp(`0{0,${optional}}$`), '');
  if (decimalPart.length < required) decimalPart = decimalPart.padEnd(required, '0');
  if (integerPart === '0' && minIntegerDigits === 0) integerPart = '';
  integerPart = integerPart.padStart(minIntegerDigits, '0');
  if (grouping) integerPart = groupThousands(integerPart);
  // Excel keeps the point even when no decimals remain (`0.##` shows 12 as `12.`).
  const body = digitPattern.includes('.') ? `${integerPart}.${decimalPart}` : integerPart;
  const sign = scaled < 0 && !negativeHasOwnSection && magnitude !== 0 ? '-' : '';
  return `${sign}${prefix}${body}${'%'.repeat(percent)}${suffix}`;
}

/** The text Excel shows for a value under a number format (column width not modelled). */
export function formatValue(value: Scalar, numberFormat: string): string {
  if (value === null) return '';
  if (value instanceof FormulaError) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const parts = sections(numberFormat);
  if (typeof value === 'string') {
    const textSection = parts.length >= 4 ? parts[3] : parts[0];
    return textSection.includes('@') ? stripDecorations(textSection).replace(/"([^"]*)"/g, '$1').replace('@', value) : value;
  }
  const format = numberFormat.trim();
  if (format === '' || format.toLowerCase() === 'general' || format === '@') return formatGeneralNumber(value);
  let section = parts[0];
  let negativeHasOwnSection = false;
  if (value < 0 && parts.length >= 2 && parts[1] !== '') {
    section = parts[1];
    negativeHasOwnSection = true;
  } else if (value === 0 && parts.length >= 3 && parts[2] !== '') {
    section = parts[2];
  }
  if (section.toLowerCase() === 'general') return formatGeneralNumber(value);
  if (isDateFormat(section)) return formatDate(value, section);
  return formatNumber(negativeHasOwnSection ? Math.abs(value) : value, section, negativeHasOwnSection);
}

/** What a typed entry becomes: a formula, a value (with the format Excel gives it), or an empty cell. */
export type TypedEntry =
  | { readonly kind: 'empty' }
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'value'; readonly value: string | number | boolean | FormulaError; readonly numberFormat?: string };

const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Reads typed text as Excel does: numbers (ASCII digits only; full-width digits stay text),
 * percentages, dates written y/m/d, TRUE/FALSE, `=formulas`, and `'` to force text.
 */
export function parseTypedInput(input: string, cellIsText = false): TypedEntry {
  if (input === '') return { kind: 'empty' };
  if (cellIsText) return { kind: 'value', value: input };
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const trimmed = input.trim();
  if (/\d/.test(trimmed) && PLAIN_NUMBER.test(trimmed)) return { kind: 'value', value: Number(trimmed.replace(/,/g, '')) };
  const percent = /^([+-]?(\d+(\.\d+)?|\.\d+))\s*%$/.exec(trimmed);
  if (percent) {
    const digits = percent[1].split('.')[1]?.length ?? 0;
    return { kind: 'value', value: Number(percent[1]) / 100, numberFormat: digits > 0 ? `0.${'0'.repeat(digits)}%` : '0%' };
  }
  const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(trimmed);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (year >= 1900 && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { kind: 'value', value: dateSerial(year, month, day), numberFormat: 'yyyy/m/d' };
    }
  }
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  // An error value typed as a constant is that error ("NA function": "you can type #N/A directly into a cell").
  const error = ERROR_CODES.find((code) => code === upper);
  if (error) return { kind: 'value', value: new FormulaError(error) };
  return { kind: 'value', value: input };
}
