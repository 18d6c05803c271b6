import fc from 'fast-check';
import { createMemoryExcel } from '../../src/office-memory';
import { shiftFormula } from '../../src/office-memory/formula';

const cellRef = fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.constantFrom('A', 'B', 'C', 'D'), absolute: fc.boolean() });

const reference = fc.oneof(
  cellRef.map(({ row, col, absolute }) => (absolute ? `$${col}$${row}` : `${col}${row}`)),
  fc.tuple(cellRef, fc.integer({ min: 0, max: 10 })).map(([{ row, col }, height]) => `${col}${row}:${col}${row + height}`),
);

describe('inserting then deleting the same rows', () => {
  it('gives every formula back unchanged', () => {
    fc.assert(
      fc.property(fc.array(reference, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 35 }), fc.integer({ min: 1, max: 5 }), (refs, at, count) => {
        const formula = `=SUM(${refs.join(',')})`;
        const inserted = shiftFormula(formula, 'Sheet1', { sheet: 'Sheet1', axis: 'rows', at, count });
        return shiftFormula(inserted, 'Sheet1', { sheet: 'Sheet1', axis: 'rows', at, count: -count }) === formula;
      }),
      { numRuns: 200 },
    );
  });

  it('gives the workbook back: values, formulas, merges, validations and conditional formats', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), async (row, count) => {
        const excel = createMemoryExcel();
        excel.user.paste('Sheet1', 'A1', Array.from({ length: 8 }, (_, i) => [i + 1, `第${i + 1}行`]));
        excel.user.type('Sheet1', 'C9', '=SUM(A1:A8)');
        await excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem('Sheet1');
          sheet.getRange('B2:C3').merge();
          sheet.getRange('A2:A7').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } };
          const format = sheet.getRanges('A1:A4, A6').conditionalFormats.add('Custom');
          format.custom.rule.formula = '=A1>3';
          format.custom.format.fill.color = '#FFC7CE';
          await context.sync();
        });
        const before = {
          values: excel.inspect.values('Sheet1', 'A1:C12'),
          formula: excel.inspect.cell('Sheet1', 'C9').formula,
          merges: excel.inspect.merges('Sheet1'),
          validations: excel.inspect.validations('Sheet1'),
          formats: excel.inspect.conditionalFormats('Sheet1'),
          highlights: excel.inspect.highlightedCells('Sheet1'),
        };
        excel.user.insertRows('Sheet1', row, count);
        excel.user.deleteRows('Sheet1', row, count);
        expect({
          values: excel.inspect.values('Sheet1', 'A1:C12'),
          formula: excel.inspect.cell('Sheet1', 'C9').formula,
          merges: excel.inspect.merges('Sheet1'),
          validations: excel.inspect.validations('Sheet1'),
          formats: excel.inspect.conditionalFormats('Sheet1'),
          highlights: excel.inspect.highlightedCells('Sheet1'),
        }).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});

describe('errors', () => {
  it('are shaped like OfficeExtension.Error', async () => {
    const excel = createMemoryExcel();
    let caught: unknown;
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      try {
        void range.values;
      } catch (error) {
        caught = error;
      }
    });
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: 'RichApi.Error', code: 'PropertyNotLoaded', debugInfo: { code: 'PropertyNotLoaded', errorLocation: 'Range.values' }, traceMessages: [] });
  });
});
