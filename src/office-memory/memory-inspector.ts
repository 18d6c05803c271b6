/** Plain-data views of the workbook for tests and the preview: no batch, no sync. */
import { toA1, rectA1, rectIntersection } from './address';
import type { CellInspection, MemoryInspector } from './memory-types';
import { rectOnSheet } from './range-proxies';
import { ruleObject } from './validation-proxies';
import { apiValue, type ConditionalFormatData, type SheetData, type WorkbookModel } from './workbook-model';

/** A1 → the conditional format that colours the cell (the first by priority whose rule holds). */
function appliedFormats(model: WorkbookModel, sheet: SheetData): Map<string, ConditionalFormatData> {
  const out = new Map<string, ConditionalFormatData>();
  const used = model.usedRect(sheet, false);
  for (const format of sheet.conditionalFormats) {
    for (const range of format.ranges) {
      const area = used ? rectIntersection(range, { top: 0, left: 0, bottom: Math.max(used.bottom, range.top), right: Math.max(used.right, range.left) }) : range;
      if (!area) continue;
      for (let row = area.top; row <= area.bottom; row += 1) {
        for (let col = area.left; col <= area.right; col += 1) {
          const key = toA1(row, col);
          if (out.has(key)) continue;
          const applied = model.conditionalFormatAt(sheet, row, col);
          if (applied) out.set(key, applied);
        }
      }
    }
  }
  return out;
}

function inspectCell(model: WorkbookModel, sheet: SheetData, address: string): CellInspection {
  const { top: row, left: col } = rectOnSheet(sheet, address);
  const format = model.formatAt(sheet, row, col);
  const merge = model.mergeAt(sheet, row, col);
  const { top, bottom, left, right } = format.borders;
  return {
    value: apiValue(model.valueAt(sheet, row, col)),
    formula: model.cell(sheet, row, col)?.formula ?? null,
    numberFormat: model.numberFormatAt(sheet, row, col),
    text: model.textAt(sheet, row, col),
    format: {
      fill: format.fill,
      font: { ...format.font },
      horizontalAlignment: format.horizontalAlignment,
      verticalAlignment: format.verticalAlignment,
      wrapText: format.wrapText,
      borders: { top: { ...top }, bottom: { ...bottom }, left: { ...left }, right: { ...right } },
      locked: format.locked,
    },
    mergedArea: merge ? rectA1(merge) : null,
  };
}

type FormatInspection = Pick<MemoryInspector, 'validations' | 'conditionalFormats' | 'highlightedCells' | 'pageLayout'>;

function formatInspection(model: WorkbookModel, sheetOf: (name: string) => SheetData): FormatInspection {
  return {
    validations: (sheetName) =>
      sheetOf(sheetName).validations.map(({ ranges, rule, prompt, errorAlert }) => ({
        ranges: ranges.map(rectA1),
        type: rule.type,
        operator: rule.operator,
        formula1: rule.formula1,
        formula2: rule.formula2,
        rule: ruleObject(rule),
        prompt: { ...prompt },
        errorAlert: { ...errorAlert },
      })),
    conditionalFormats: (sheetName) =>
      sheetOf(sheetName).conditionalFormats.map((format, priority) => ({
        id: String(priority),
        type: format.type,
        priority,
        formula: format.formula,
        formula2: format.formula2,
        operator: format.operator,
        fill: format.fill,
        fontColor: format.fontColor,
        stopIfTrue: format.stopIfTrue,
        ranges: format.ranges.map(rectA1),
      })),
    highlightedCells: (sheetName) => new Map([...appliedFormats(model, sheetOf(sheetName))].map(([key, format]) => [key, format.fill])),
    pageLayout: (sheetName) => {
      const layout = sheetOf(sheetName).pageLayout;
      return {
        ...layout,
        zoom: { ...layout.zoom },
        printArea: layout.printArea ? layout.printArea.map(rectA1) : null,
        printTitleRows: layout.printTitleRows ? rectA1(layout.printTitleRows) : null,
      };
    },
  };
}

export function createInspector(model: WorkbookModel): MemoryInspector {
  const sheetOf = (name: string): SheetData => model.requireSheetByName(name);
  return {
    sheetNames: () => model.sheets.map((sheet) => sheet.name),
    cell: (sheetName, address) => inspectCell(model, sheetOf(sheetName), address),
    values: (sheetName, address) => {
      const sheet = sheetOf(sheetName);
      return model.grid(sheet, rectOnSheet(sheet, address), (row, col) => apiValue(model.valueAt(sheet, row, col)));
    },
    merges: (sheetName) =>
      [...sheetOf(sheetName).merges]
        .sort((a, b) => a.top - b.top || a.left - b.left)
        .map(rectA1),
    names: (sheetName) => sheetOf(sheetName).names.map((item) => ({ ...item })),
    ...formatInspection(model, sheetOf),
    columnWidth: (sheetName, column) => model.columnWidthAt(sheetOf(sheetName), column),
    rowHeight: (sheetName, row) => model.rowHeightAt(sheetOf(sheetName), row),
    usedRange: (sheetName) => {
      const used = model.usedRect(sheetOf(sheetName), false);
      return used ? rectA1(used) : null;
    },
    selection: () => {
      const sheet = model.activeSheet();
      return { sheet: sheet.name, address: rectA1(sheet.selection) };
    },
    activeSheet: () => model.activeSheet().name,
  };
}
