import { createMemoryExcel } from '../../src/office-memory';

/** A stream of edits, each handled in one round trip. How fast it runs is measured in `npm run bench -- --only memory`. */
describe('a stream of edits on the in-memory Excel', () => {
  it('lays out a form, then takes 100 edits, each read back by a change handler in one round trip', async () => {
    const excel = createMemoryExcel({ sheets: ['申报表'] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('申报表');
      const values = Array.from({ length: 60 }, (_, row) => Array.from({ length: 6 }, (_, col) => (col === 5 ? `=SUM(B${row + 1}:E${row + 1})` : row * 10 + col)));
      const range = sheet.getRange('A1:F60');
      range.formulas = values;
      range.format.font.name = '宋体';
      for (const index of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) range.format.borders.getItem(index).style = 'Continuous';
      for (let row = 1; row <= 60; row += 3) sheet.getRange(`A${row}:B${row}`).merge();
      const format = sheet.getRanges('F1:F20, F40:F60').conditionalFormats.add('Custom');
      format.custom.rule.formula = '=F1>100';
      format.custom.format.fill.color = '#FFC7CE';
      await context.sync();
    });
    let handled = 0;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('申报表').onChanged.add(async (args) => {
        await excel.run(async (inner) => {
          inner.workbook.worksheets.getItem('申报表').getUsedRangeOrNullObject(true).load('values,formulas');
          await inner.sync();
          handled += 1;
          void args;
        });
      });
      await context.sync();
    });
    excel.resetSyncCount();
    for (let i = 0; i < 100; i += 1) {
      excel.user.type('申报表', `C${(i % 60) + 1}`, String(i));
      await excel.whenIdle();
    }
    const highlighted = excel.inspect.highlightedCells('申报表').size;
    expect(handled).toBe(100);
    expect(excel.syncCount).toBe(100);
    expect(highlighted).toBeGreaterThan(0);
  });
});
