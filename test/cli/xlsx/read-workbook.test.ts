/**
 * The ExcelJS reader behind annotated copies: validations over whole columns, which ExcelJS
 * would expand cell by cell, are dropped before it loads the package. (What both readers
 * read the same is in readers.test.ts.)
 */
import JSZip from 'jszip';
import { sqrefCellCount } from '../../../src/cli/xlsx/huge-validations';
import { readWorkbookBytes } from '../../../src/cli/xlsx/read-workbook';
import { workbookToBuffer } from '../../../src/cli/xlsx/save-workbook';
import { templateWorkbook } from '../../../src/cli/xlsx/write-plan';

describe('validations over whole columns (ExcelJS would expand them cell by cell)', () => {
  it.each([
    ['D5:D10', 6],
    ['D5:F6 H1', 7],
    ['D:D', 1_048_576],
    ['$A$1:$B$2', 4],
    ['3:4', 2 * 16_384],
  ])('counts the cells of %s', (sqref, cells) => {
    expect(sqrefCellCount(sqref)).toBe(cells);
  });

  it('reads a form whose sheet has a validation over a whole column quickly and the same', async () => {
    const bytes = await workbookToBuffer(templateWorkbook('project', { year: 2022, withSample: true }));
    const zip = await JSZip.loadAsync(bytes);
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(part)!.async('string');
    const huge = '<dataValidation type="decimal" operator="greaterThanOrEqual" allowBlank="1" sqref="H1:H1048576 J:K"><formula1>0</formula1></dataValidation>';
    zip.file(part, xml.replace(/<dataValidations count="\d+">/, (open) => `${open}${huge}`));
    const withHuge = await zip.generateAsync({ type: 'nodebuffer' });

    const started = Date.now();
    const read = await readWorkbookBytes(withHuge);
    expect(Date.now() - started).toBeLessThan(3000);
    const plain = await readWorkbookBytes(bytes);
    if (!read.ok || !plain.ok) throw new Error('unreadable');
    expect(read.snapshot).toEqual(plain.snapshot);
    // The form's own validations are kept.
    expect(read.workbook.worksheets[0].getCell('D6').dataValidation).toMatchObject({ type: 'decimal' });
  });
});
