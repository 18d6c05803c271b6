import { parseA1, parseRangeA1, rangeToA1, splitReferenceList, toA1 } from '../../../src/core';

describe('A1 addresses', () => {
  it.each([
    ['A1', { top: 0, left: 0, bottom: 0, right: 0 }, 'A1'],
    ['D7:F9', { top: 6, left: 3, bottom: 8, right: 5 }, 'D7:F9'],
    ['$D$7:$F$9', { top: 6, left: 3, bottom: 8, right: 5 }, 'D7:F9'],
    ['F9:D7', { top: 6, left: 3, bottom: 8, right: 5 }, 'D7:F9'],
    ['AA10', { top: 9, left: 26, bottom: 9, right: 26 }, 'AA10'],
  ])('reads the range %s', (reference, range, written) => {
    expect(parseRangeA1(reference)).toEqual(range);
    expect(rangeToA1(range)).toBe(written);
  });

  it.each(['', 'A', '7', 'A1:', 'Sheet1!A1', 'A1:B', '1A'])('refuses %p', (reference) => {
    expect(parseRangeA1(reference)).toBeNull();
  });

  it('round-trips a cell', () => {
    for (const [row, col] of [[0, 0], [99, 25], [1048575, 16383]] as const) expect(parseA1(toA1(row, col))).toEqual({ row, col });
  });

  it.each([
    ['Sheet1!$A$1,Sheet1!$D$4', ['Sheet1!$A$1', 'Sheet1!$D$4']],
    ["'a,b'!A1,'a,b'!C3", ["'a,b'!A1", "'a,b'!C3"]],
    ["'it''s, here'!A1:B2, Sheet2!C3", ["'it''s, here'!A1:B2", ' Sheet2!C3']],
    ['A1,,B2', ['A1', '', 'B2']],
    ['A1,', ['A1']],
    ['', []],
  ])('splits the reference list %p at the commas outside sheet names', (text, parts) => {
    expect(splitReferenceList(text)).toEqual(parts);
  });
});
