/**
 * WPS's vocabulary as the checker reads it: BGR colours, error values as their CVErr codes
 * (Excel VBA reference, "XlCVError enumeration": through COM an error is 0x800A0000 + the
 * number), `Value2` a scalar or rows, addresses of whole rows and columns.
 */
import { bgrFromHex, cvErrorCode, CV_ERRORS, hexFromBgr } from '../../src/wps/wps-api';
import { addressChunks, cellValue, isWholeColumns, valueRows, wholeRows } from '../../src/wps/wps-cells';

describe('colours', () => {
  test.each([
    ['#FF0000', 0x0000ff],
    ['#00FF00', 0x00ff00],
    ['#0000FF', 0xff0000],
    ['#FFC7CE', 0xcec7ff],
    ['#9C0006', 0x06009c],
  ])('%s is the BGR number %i, and back', (hex, bgr) => {
    expect(bgrFromHex(hex)).toBe(bgr);
    expect(hexFromBgr(bgr)).toBe(hex);
  });

  test('anything but #RRGGBB is refused', () => {
    expect(() => bgrFromHex('red')).toThrow(RangeError);
  });
});

describe('error values', () => {
  test.each([
    ['#NULL!', -2146826288],
    ['#DIV/0!', -2146826281],
    ['#VALUE!', -2146826273],
    ['#REF!', -2146826265],
    ['#NAME?', -2146826259],
    ['#NUM!', -2146826252],
    ['#N/A', -2146826246],
  ] as const)('%s reads as %i and is checked as its text', (text, code) => {
    expect(cvErrorCode(text)).toBe(code);
    expect(CV_ERRORS.get(code)).toBe(text);
    expect(cellValue(code)).toBe(text);
  });

  test('other numbers, text, booleans stay; an empty cell is nothing', () => {
    expect([cellValue(180.61), cellValue('略'), cellValue(true), cellValue(undefined), cellValue(null)]).toEqual([180.61, '略', true, null, null]);
  });
});

describe('Value2 shapes', () => {
  test('one cell reads as a scalar, several as rows', () => {
    expect(valueRows(5)).toEqual([[5]]);
    expect(valueRows([[1, undefined], [-2146826281, 'x']])).toEqual([
      [1, null],
      ['#DIV/0!', 'x'],
    ]);
  });
});

describe('addresses', () => {
  test.each([
    ['5:7', { top: 4, bottom: 6 }],
    ['$12:$12', { top: 11, bottom: 11 }],
    ['A5:B7', null],
  ])('whole rows in %s', (address, rows) => expect(wholeRows(address)).toEqual(rows));

  test('whole columns', () => {
    expect([isWholeColumns('A:C'), isWholeColumns('$B:$B'), isWholeColumns('A1:C3')]).toEqual([true, true, false]);
  });

  test('multi-area addresses are cut at 255 characters, every area kept once', () => {
    const areas = Array.from({ length: 100 }, (_, i) => ({ top: i * 2, bottom: i * 2, left: 3, right: 4 }));
    const chunks = addressChunks(areas);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(255);
    expect(chunks.join(',').split(',')).toHaveLength(100);
  });
});
