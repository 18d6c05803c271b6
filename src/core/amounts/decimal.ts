/**
 * Exact decimal arithmetic for amounts in 万元. An amount is held as a BigInt count of
 * 1/10000 万元 (1 元). Sums compare (docs/domain.md) after rounding both sides to 4 decimals, and
 * integers add without float noise (17.68 + 3 + 5.19 + 13 is exactly 38.87).
 */

/** Decimal places kept: 4, i.e. 1 元. */
export const AMOUNT_DECIMALS = 4;
const SCALE = 10n ** BigInt(AMOUNT_DECIMALS);

/** An amount in units of 1/10000 万元. */
export type ScaledAmount = bigint;

export interface DecimalReading {
  /** The value rounded (half away from zero) to 4 decimals. */
  readonly scaled: ScaledAmount;
  /** Decimal places written, trailing zeros ignored (`38.870` has 2). */
  readonly decimals: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Largest exponent we expand; beyond it a number is not an amount anyone types. */
const MAX_EXPONENT = 400;

/**
 * Reads a plain decimal string (`-12.5`, `.5`, `1e+21`) exactly. Returns null for anything
 * else; callers clean the text first.
 */
export function parseDecimalText(text: string): DecimalReading | null {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return null;
  const [, sign, intPart, fracPart = '', expPart] = match;
  if (intPart === '' && fracPart === '') return null;
  const exponent = expPart === undefined ? 0 : Number(expPart);
  if (!Number.isFinite(exponent) || Math.abs(exponent) > MAX_EXPONENT) return null;
  const trimmedFrac = fracPart.replace(/0+$/, '');
  const digits = BigInt(`${intPart}${trimmedFrac}` || '0');
  // value = digits × 10^(exponent − trimmedFrac.length)
  const power = exponent - trimmedFrac.length;
  const decimals = Math.max(0, -power);
  const shift = power + AMOUNT_DECIMALS;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    scaled = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) scaled += 1n;
  }
  return { scaled: sign === '-' ? -scaled : scaled, decimals: digits === 0n ? 0 : decimals };
}

/**
 * Reads a JS number as the decimal a person typed. Excel keeps 15 significant digits, so a
 * computed 0.1 + 0.2 (0.30000000000000004) is read as 0.3, and 38.870000000000005 as 38.87.
 */
export function decimalFromNumber(value: number): DecimalReading | null {
  if (!Number.isFinite(value)) return null;
  let text = String(value);
  let decimals = decimalsOf(text);
  if (decimals > AMOUNT_DECIMALS || text.includes('e') || significantDigits(text) > 15) {
    text = String(Number(value.toPrecision(15)));
    decimals = decimalsOf(text);
  }
  // The common case, without BigInt parsing: at most 4 decimals, and small enough that the
  // scaled integer is exact in a double (below 2^53).
  if (decimals <= AMOUNT_DECIMALS && !text.includes('e') && Math.abs(value) < SAFE_FAST_LIMIT) {
    return { scaled: BigInt(Number(text.replace('.', '')) * 10 ** (AMOUNT_DECIMALS - decimals)), decimals };
  }
  return parseDecimalText(text);
}

/** 1e11 万元 scaled by 10^4 stays below 2^53. */
const SAFE_FAST_LIMIT = 1e11;

function significantDigits(text: string): number {
  return text.replace(/^-?0*\.?0*/, '').replace('.', '').length;
}

/** Decimal places of a plain number's shortest text (which never ends in a 0 after the point). */
function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Rounds a JS number to 4 decimals exactly; null for NaN and infinities. */
export function scaledFromNumber(value: number): ScaledAmount | null {
  return decimalFromNumber(value)?.scaled ?? null;
}

export function sumScaled(values: Iterable<ScaledAmount>): ScaledAmount {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

export function absScaled(value: ScaledAmount): ScaledAmount {
  return value < 0n ? -value : value;
}

/** True when the two amounts differ by no more than the tolerance (both in 1/10000 万元). */
export function equalWithin(a: ScaledAmount, b: ScaledAmount, tolerance: ScaledAmount): boolean {
  return absScaled(a - b) <= tolerance;
}

/** Formats without float noise and without trailing zeros: 38.87, 3, -0.04, 0.0001. */
export function formatScaled(value: ScaledAmount): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / SCALE;
  const fraction = (magnitude % SCALE).toString().padStart(AMOUNT_DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole.toString()}${fraction ? `.${fraction}` : ''}`;
}

/** The amount as a JS number (the nearest double to the 4-decimal value), for quick fixes. */
export function scaledToNumber(value: ScaledAmount): number {
  return Number(formatScaled(value));
}
