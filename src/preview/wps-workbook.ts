/** The in-memory WPS behind the preview's grid (`preview.html?host=wps`): see preview-workbook.ts. */
import type { MemoryWps } from '../wps-memory';
import { typedText, type PreviewWorkbook } from './preview-workbook';
import { buildWpsSheetView } from './wps-sheet-view';

export function wpsWorkbook(wps: MemoryWps): PreviewWorkbook {
  const { inspect, user } = wps;
  return {
    kind: 'wps',
    onDidChange: (listener) => wps.onDidChange(listener),
    sheetNames: () => inspect.sheetNames(),
    activeSheet: () => inspect.activeSheet(),
    selectedCell: () => {
      const selection = inspect.selection();
      return selection.sheet === inspect.activeSheet() ? selection.address.split(':')[0] : null;
    },
    cellInput: (sheet, address) => {
      const cell = inspect.cell(sheet, address);
      return typedText(cell.value, cell.formula);
    },
    view: (sheet) => buildWpsSheetView(inspect, sheet),
    select: (sheet, address) => user.select(sheet, address),
    // A Stop alert of the cell's validation refuses with its title and message, as WPS shows them.
    type: (sheet, address, input) => user.type(sheet, address, input),
    paste: (sheet, topLeft, block) => user.paste(sheet, topLeft, block),
    activate: (sheet) => user.activate(sheet),
    insertRow: (sheet, row) => user.insertRows(sheet, row, 1),
    deleteRow: (sheet, row) => user.deleteRows(sheet, row, 1),
  };
}
