/**
 * What the preview's grid needs of the spreadsheet beside the pane, whichever host stands in:
 * the in-memory Excel (`excelWorkbook`) or the in-memory WPS (`wps-workbook.ts`). Reads are
 * plain inspections; writes are what the person does (select, type, paste, rows), so each
 * raises the host's own events and the pane's live check follows as in the real application.
 */
import type { FormHost } from '../host/form-host';
import type { MemoryExcel } from '../office-memory';
import { buildSheetView } from './memory-sheet-view';
import type { SheetView } from './sheet-view';
import type { CommitOutcome } from './Spreadsheet';

export type PreviewHostKind = 'excel' | 'wps';

export interface PreviewWorkbook {
  readonly kind: PreviewHostKind;
  onDidChange(listener: () => void): () => void;
  sheetNames(): string[];
  activeSheet(): string;
  /** The selected cell of the active sheet (the top-left of its selection). */
  selectedCell(): string | null;
  /** What the formula bar shows for a cell: its formula, or its value as one would type it. */
  cellInput(sheet: string, address: string): string;
  view(sheet: string): SheetView;
  select(sheet: string, address: string): void;
  type(sheet: string, address: string, input: string): CommitOutcome;
  paste(sheet: string, topLeft: string, block: readonly (readonly (string | null)[])[]): void;
  activate(sheet: string): void;
  insertRow(sheet: string, row1Based: number): void;
  deleteRow(sheet: string, row1Based: number): void;
}

/** A workbook and the adapter over it, as preview-main.tsx wires them for each host. */
export interface PreviewSetup {
  readonly workbook: PreviewWorkbook;
  readonly host: FormHost;
}

/** What a host reads of the page: the language shown, and `?theme=dark` (Office's theme has no counterpart here). */
export interface PreviewEnvironment {
  readonly displayLanguage: () => string;
  readonly prefersDark: () => boolean;
}

/** A value as one would type it (the formula bar). */
export function typedText(value: string | number | boolean | null, formula: string | null): string {
  if (formula) return formula;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function excelWorkbook(memory: MemoryExcel): PreviewWorkbook {
  const { inspect, user } = memory;
  return {
    kind: 'excel',
    onDidChange: (listener) => memory.onDidChange(listener),
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
    view: (sheet) => buildSheetView(inspect, sheet),
    select: (sheet, address) => user.select(sheet, address),
    type: (sheet, address, input) => {
      const result = user.type(sheet, address, input);
      return result.accepted ? { accepted: true } : { accepted: false, title: result.title, message: result.message };
    },
    paste: (sheet, topLeft, block) => user.paste(sheet, topLeft, block),
    activate: (sheet) => user.activate(sheet),
    insertRow: (sheet, row) => user.insertRows(sheet, row, 1),
    deleteRow: (sheet, row) => user.deleteRows(sheet, row, 1),
  };
}
