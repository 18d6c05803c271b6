/** Reading 填表日期: Excel date serials and the ways people type a date in China. */
import type { CellScalar } from '../../grid/grid';
import { foldWidth } from '../../text/normalize';

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/u;
const SEPARATED_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/;
/** Excel's last date, 9999-12-31. */
const MAX_SERIAL = 2958465;
const DAY_MS = 86_400_000;

function validDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}

/** An Excel serial (1900 date system) as a date; the time of day is ignored. */
export function dateFromSerial(serial: number): CalendarDate | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial);
  // Serial 60 is Excel's 29 Feb 1900, a day that never was; serials below it count from 31 Dec 1899.
  if (days < 1 || days > MAX_SERIAL || days === 60) return null;
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * A date from a cell: a serial number, 2022年1月5日 (spaces anywhere), 2022-01-05, 2022/1/5,
 * 2022.1.5, or an ISO date-time. Null when the value is not one of these or not a real day.
 */
export function parseCellDate(value: CellScalar | undefined): CalendarDate | null {
  if (typeof value === 'number') return dateFromSerial(value);
  if (typeof value !== 'string') return null;
  const trimmed = foldWidth(value).trim();
  const compact = trimmed.replace(/[\s\u00a0]+/g, '');
  const chinese = CHINESE_DATE.exec(compact);
  if (chinese) return validDate(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));
  const separated = SEPARATED_DATE.exec(compact);
  if (separated) return validDate(Number(separated[1]), Number(separated[3]), Number(separated[4]));
  const iso = ISO_DATE_TIME.exec(trimmed);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

export function dateOrdinal(date: CalendarDate): number {
  return date.year * 10000 + date.month * 100 + date.day;
}

export function formatDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The calendar day of a Date in local time (the user's day). */
export function localCalendarDate(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}
