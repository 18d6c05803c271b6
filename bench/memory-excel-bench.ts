/**
 * The in-memory Excel's own speed, which every adapter test and the preview pay: laying out a
 * 60 × 6 sheet (formulas, fonts, borders, merges, a conditional format over two areas), then
 * a stream of 100 typed values, each read back by a change handler in one sync. Medians of a
 * few rounds, each on a fresh workbook.
 */
import { createMemoryExcel } from '../src/office-memory';
import { median, round } from './stats';

export interface MemoryExcelBench {
  /** Laying out the sheet, in one sync. */
  readonly layoutMs: number;
  /** 100 typed values, each handled (used range read) before the next. */
  readonly editsMs: number;
  readonly edits: number;
  /** Syncs the 100 edits took: one each. */
  readonly syncs: number;
}

const EDITS = 100;
const ROUNDS = 5;
const SHEET = '申报表';

async function layOut(excel: ReturnType<typeof createMemoryExcel>): Promise<void> {
  await excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(SHEET);
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
}

async function oneRound(): Promise<{ layoutMs: number; editsMs: number; syncs: number }> {
  const excel = createMemoryExcel({ sheets: [SHEET] });
  const layoutStarted = performance.now();
  await layOut(excel);
  const layoutMs = performance.now() - layoutStarted;
  let handled = 0;
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem(SHEET).onChanged.add(async () => {
      await excel.run(async (inner) => {
        inner.workbook.worksheets.getItem(SHEET).getUsedRangeOrNullObject(true).load('values,formulas');
        await inner.sync();
        handled += 1;
      });
    });
    await context.sync();
  });
  excel.resetSyncCount();
  const editsStarted = performance.now();
  for (let i = 0; i < EDITS; i += 1) {
    excel.user.type(SHEET, `C${(i % 60) + 1}`, String(i));
    await excel.whenIdle();
  }
  const editsMs = performance.now() - editsStarted;
  if (handled !== EDITS) throw new Error(`the change handler ran ${handled} times for ${EDITS} edits`);
  return { layoutMs, editsMs, syncs: excel.syncCount };
}

export async function benchMemoryExcel(): Promise<MemoryExcelBench> {
  await oneRound(); // warm-up
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await oneRound());
  return {
    layoutMs: round(median(rounds.map((r) => r.layoutMs)), 2),
    editsMs: round(median(rounds.map((r) => r.editsMs)), 2),
    edits: EDITS,
    syncs: rounds[rounds.length - 1].syncs,
  };
}
