import fc from 'fast-check';
import { parseAmount, type AmountReading } from '../../../src/core/amounts/parse-amount';
import type { CellScalar } from '../../../src/core/grid/grid';

type Summary = { kind: AmountReading['kind']; value?: number; decimals?: number };

function summarise(reading: AmountReading): Summary {
  switch (reading.kind) {
    case 'number':
    case 'textNumber':
      return { kind: reading.kind, value: reading.value, decimals: reading.decimals };
    case 'yuan':
      return { kind: reading.kind, value: reading.value };
    default:
      return { kind: reading.kind };
  }
}

describe('parseAmount', () => {
  it.each<[CellScalar, Summary]>([
    [null, { kind: 'blank' }],
    ['', { kind: 'blank' }],
    ['   ', { kind: 'blank' }],
    ['-', { kind: 'blank' }],
    ['/', { kind: 'blank' }],
    ['无', { kind: 'blank' }],
    ['——', { kind: 'blank' }],
    [180.61, { kind: 'number', value: 180.61, decimals: 2 }],
    [0.1 + 0.2, { kind: 'number', value: 0.3, decimals: 1 }],
    [17.68 + 3 + 5.19 + 13, { kind: 'number', value: 38.87, decimals: 2 }],
    [-5, { kind: 'number', value: -5, decimals: 0 }],
    [17.681234, { kind: 'number', value: 17.6812, decimals: 6 }],
    ['180.61万元', { kind: 'textNumber', value: 180.61, decimals: 2 }],
    ['180.61 万元', { kind: 'textNumber', value: 180.61, decimals: 2 }],
    ['180.61万', { kind: 'textNumber', value: 180.61, decimals: 2 }],
    ['１８０．６１', { kind: 'textNumber', value: 180.61, decimals: 2 }],
    ['1,234.5', { kind: 'textNumber', value: 1234.5, decimals: 1 }],
    ['1，234.5', { kind: 'textNumber', value: 1234.5, decimals: 1 }],
    [' 38.87 ', { kind: 'textNumber', value: 38.87, decimals: 2 }],
    ['38.87', { kind: 'textNumber', value: 38.87, decimals: 2 }],
    ['¥180.61', { kind: 'textNumber', value: 180.61, decimals: 2 }],
    ['1806100元', { kind: 'yuan', value: 180.61 }],
    ['1,806,100 元', { kind: 'yuan', value: 180.61 }],
    ['1806100.4元', { kind: 'yuan', value: 180.61 }],
    ['#REF!', { kind: 'error' }],
    ['#VALUE!', { kind: 'error' }],
    ['#DIV/0!', { kind: 'error' }],
    ['#N/A', { kind: 'error' }],
    ['#NAME?', { kind: 'error' }],
    ['#NUM!', { kind: 'error' }],
    ['#NULL!', { kind: 'error' }],
    ['#SPILL!', { kind: 'error' }],
    ['#CALC!', { kind: 'error' }],
    ['约180万元', { kind: 'notANumber' }],
    ['一百万元', { kind: 'notANumber' }],
    ['12%', { kind: 'notANumber' }],
    ['1,2', { kind: 'notANumber' }],
    [true, { kind: 'notANumber' }],
    [NaN, { kind: 'notANumber' }],
  ])('reads %p', (value, expected) => {
    expect(summarise(parseAmount(value))).toEqual(expected);
  });

  it('gives the yuan it read beside the 万元', () => {
    expect(parseAmount('1806100元')).toMatchObject({ kind: 'yuan', yuan: 1806100, value: 180.61, text: '1806100元' });
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.stringMatching(/^[0-9.,，万元 ¥-]{0,12}$/)), (value) => {
        expect(() => parseAmount(value)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any 2-decimal amount written as text back to the same number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => {
        const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}万元`;
        const reading = parseAmount(text);
        expect(reading.kind).toBe('textNumber');
        expect(reading.kind === 'textNumber' && reading.value).toBe(cents / 100);
      }),
    );
  });
});
