import { cellsToAreas, chunkAreaAddresses, parseAreasAddress, parseCellRef } from '../../src/host/areas';
import { parseA1, rangeToA1 } from '../../src/core/grid/address';
import { textForExcel } from '../../src/excel/apply-layout';

const at = (a1: string) => {
  const position = parseA1(a1);
  if (!position) throw new Error(a1);
  return position;
};

describe('cellsToAreas', () => {
  test.each([
    [['D7'], ['D7']],
    [['D9', 'D10', 'D11', 'D12', 'D7'], ['D7', 'D9:D12']],
    [['C5', 'D5', 'C6', 'D6'], ['C5:D6']],
    [['C5', 'D5', 'D6'], ['C5', 'D5:D6']],
    [['A1', 'A1'], ['A1']],
  ])('%j → %j', (cells, expected) => {
    expect(cellsToAreas(cells.map(at)).map(rangeToA1)).toEqual(expected);
  });
});

describe('chunkAreaAddresses', () => {
  test('keeps each address under the limit, losing no area', () => {
    const areas = Array.from({ length: 600 }, (_, i) => ({ top: i * 2, bottom: i * 2, left: 3, right: 3 }));
    const chunks = chunkAreaAddresses(areas, 2000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(2000);
    expect(chunks.flatMap((chunk) => parseAreasAddress(chunk))).toEqual(areas);
  });
});

describe('addresses', () => {
  test.each([
    ['D7', null, 'D7'],
    ["'项目绩效目标 (2)'!D7", '项目绩效目标 (2)', 'D7'],
    ['Sheet1!$B$3', 'Sheet1', 'B3'],
  ])('parseCellRef(%s)', (reference, sheet, cell) => {
    const parsed = parseCellRef(reference);
    expect(parsed?.sheet ?? null).toBe(sheet);
    expect(parsed && rangeToA1({ top: parsed.position.row, bottom: parsed.position.row, left: parsed.position.col, right: parsed.position.col })).toBe(cell);
  });

  test('multi-area addresses with quoted sheet names holding commas', () => {
    expect(parseAreasAddress("'a,b'!A1:B2, 'a,b'!D4").map(rangeToA1)).toEqual(['A1:B2', 'D4']);
  });
});


describe('textForExcel', () => {
  test.each([
    ['100%', "'100%"],
    ['180.61', "'180.61"],
    ['2022年1月5日', "'2022年1月5日"],
    ['2022/1/5', "'2022/1/5"],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['TRUE', "'TRUE"],
    ['1次', '1次'],
    ['满意度达到95%', '满意度达到95%'],
    ['衡阳市归国华侨联合会', '衡阳市归国华侨联合会'],
  ])('%s → %s', (text, written) => {
    expect(textForExcel(text, 'General')).toBe(written);
  });

  test('a text-formatted cell keeps any text as it is', () => {
    expect(textForExcel('8866810', '@')).toBe('8866810');
  });
});
