/**
 * The one parser for every amount cell (万元). It never throws: whatever a cell holds, the
 * reading says what it is, and the rules turn readings into issues and quick fixes.
 */
import type { CellScalar } from '../grid/grid';
import { isExcelError, isPlaceholderText } from '../rules/cell-values';
import { foldWidth } from '../text/normalize';
import { AMOUNT_DECIMALS, decimalFromNumber, parseDecimalText, scaledToNumber, type ScaledAmount } from './decimal';

export type AmountReading =
  /** Nothing, white space or a placeholder (-, /, 无…): counts as 0 in a sum. */
  | { readonly kind: 'blank' }
  /** A number, as Excel stores it. `value` is rounded to 4 decimals. */
  | { readonly kind: 'number'; readonly value: number; readonly scaled: ScaledAmount; readonly decimals: number }
  /** Text that is a number in 万元 once cleaned ("180.61万元", "１８０．６１", "1,234.5"). */
  | { readonly kind: 'textNumber'; readonly text: string; readonly value: number; readonly scaled: ScaledAmount; readonly decimals: number }
  /** A number typed in 元 ("1806100元"); `value`/`scaled` are in 万元. */
  | { readonly kind: 'yuan'; readonly text: string; readonly yuan: number; readonly value: number; readonly scaled: ScaledAmount }
  /** An Excel error shown in the cell (#REF!, #VALUE!…). */
  | { readonly kind: 'error'; readonly text: string }
  /** Text that cannot be read as an amount. */
  | { readonly kind: 'notANumber'; readonly text: string }
  /** A formula whose result the file does not hold and the reader could not work out: unknown, not 0. */
  | { readonly kind: 'uncalculated' };

/** A reading that yields an amount (possibly after a fix). */
export type ReadableAmount = Extract<AmountReading, { readonly scaled: ScaledAmount }>;

export function isReadableAmount(reading: AmountReading): reading is ReadableAmount {
  return reading.kind === 'number' || reading.kind === 'textNumber' || reading.kind === 'yuan';
}

const BLANK: AmountReading = { kind: 'blank' };
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const THOUSANDS_SEPARATOR = /(\d),(?=\d{3}(?:\D|$))/g;
const UNIT_SUFFIX = /(万元|万|元)$/u;

export function parseAmount(value: CellScalar | undefined): AmountReading {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'number') {
    const reading = decimalFromNumber(value);
    if (!reading) return { kind: 'notANumber', text: String(value) };
    // Up to 4 decimals the number is its own rounding (float noise aside); beyond, round exactly.
    const rounded = reading.decimals <= AMOUNT_DECIMALS ? Number(value.toPrecision(15)) : scaledToNumber(reading.scaled);
    return { kind: 'number', value: rounded, scaled: reading.scaled, decimals: reading.decimals };
  }
  if (typeof value === 'boolean') return { kind: 'notANumber', text: value ? 'TRUE' : 'FALSE' };
  return parseAmountText(value);
}

function parseAmountText(text: string): AmountReading {
  if (isExcelError(text)) return { kind: 'error', text: text.trim() };
  if (isPlaceholderText(text)) return BLANK;
  const cleaned = foldWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/^[¥￥]/u, '')
    .replace(THOUSANDS_SEPARATOR, '$1');
  const unitMatch = UNIT_SUFFIX.exec(cleaned);
  const unit = unitMatch ? unitMatch[1] : '';
  const numberText = unit ? cleaned.slice(0, -unit.length) : cleaned;
  if (!PLAIN_NUMBER.test(numberText)) return { kind: 'notANumber', text };
  if (unit === '元') {
    // 1 万元 = 10000 元: shift the decimal point four places, exactly.
    const inWan = parseDecimalText(`${numberText}e-4`);
    const inYuan = parseDecimalText(numberText);
    if (!inWan || !inYuan) return { kind: 'notANumber', text };
    return { kind: 'yuan', text, yuan: scaledToNumber(inYuan.scaled), value: scaledToNumber(inWan.scaled), scaled: inWan.scaled };
  }
  const reading = parseDecimalText(numberText);
  if (!reading) return { kind: 'notANumber', text };
  return { kind: 'textNumber', text, value: scaledToNumber(reading.scaled), scaled: reading.scaled, decimals: reading.decimals };
}
