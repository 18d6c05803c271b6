import fc from 'fast-check';
import { decimalFromNumber, equalWithin, formatScaled, parseDecimalText, scaledFromNumber, scaledToNumber, sumScaled } from '../../../src/core/amounts/decimal';

const scaled = (value: number): bigint => {
  const result = scaledFromNumber(value);
  if (result === null) throw new Error(`not a number: ${value}`);
  return result;
};

describe('exact decimal amounts', () => {
  it('adds 17.68 + 3 + 5.19 + 13 to exactly 38.87', () => {
    expect(17.68 + 3 + 5.19 + 13).not.toBe(38.87);
    expect(sumScaled([17.68, 3, 5.19, 13].map(scaled))).toBe(scaled(38.87));
    expect(formatScaled(sumScaled([17.68, 3, 5.19, 13].map(scaled)))).toBe('38.87');
  });

  it.each([
    [0.1 + 0.2, '0.3', 1],
    [38.870000000000005, '38.87', 2],
    [180.61, '180.61', 2],
    [3, '3', 0],
    [-0.04, '-0.04', 2],
    [1.23456, '1.2346', 5],
    [0.00005, '0.0001', 5],
    [-0.00005, '-0.0001', 5],
    [1e21, '1000000000000000000000', 0],
    [1.5e-7, '0', 8],
  ])('reads the number %p as %s with %p decimals', (value, text, decimals) => {
    const reading = decimalFromNumber(value);
    expect(reading && formatScaled(reading.scaled)).toBe(text);
    expect(reading?.decimals).toBe(decimals);
  });

  it.each([NaN, Infinity, -Infinity])('gives null for %p', (value) => {
    expect(decimalFromNumber(value)).toBeNull();
  });

  it.each([
    ['12.5', '12.5'],
    ['.5', '0.5'],
    ['-0012.50', '-12.5'],
    ['1806100e-4', '180.61'],
    ['2.00005', '2.0001'],
    ['2.00004999', '2'],
  ])('parses the text %s as %s', (text, expected) => {
    const reading = parseDecimalText(text);
    expect(reading && formatScaled(reading.scaled)).toBe(expected);
  });

  it.each(['', '.', '1,2', 'abc', '1e999', '--1'])('does not parse %p', (text) => {
    expect(parseDecimalText(text)).toBeNull();
  });

  it('compares within a tolerance', () => {
    expect(equalWithin(scaled(180.61), scaled(180.615), scaled(0.005))).toBe(true);
    expect(equalWithin(scaled(180.61), scaled(180.6151), scaled(0.005))).toBe(false);
    expect(equalWithin(scaled(180.61), scaled(180.57), scaled(0.005))).toBe(false);
  });

  it('formats back to the same number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 9999 }), (whole, fraction) => {
        const text = `${whole}.${String(fraction).padStart(4, '0')}`;
        const reading = parseDecimalText(text);
        expect(reading).not.toBeNull();
        expect(scaledToNumber(reading?.scaled ?? 0n)).toBe(Number(text));
      }),
    );
  });
});

describe('the fast path for numbers', () => {
  it('agrees with exact parsing of the number’s 15-digit text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100), fc.integer().map((n) => n / 10000)), (value) => {
        const exact = parseDecimalText(String(Number(value.toPrecision(15))));
        const fast = decimalFromNumber(value);
        expect(fast?.scaled).toBe(exact?.scaled);
        expect(fast?.decimals).toBe(exact?.decimals);
      }),
      { numRuns: 5000 },
    );
  });
});
