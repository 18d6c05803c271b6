/** What the last successful read found: the sheets in tab order, their reads, and which hold forms. */
import { type WorkbookCheckResult } from '../core';
import type { SheetInfo, SheetRead, SheetReadOptions, WorkbookReadRequest } from './sheet-reads';

const CHECK_READ: SheetReadOptions = { cells: true, highlights: true };

export class KnownSheets<R extends SheetRead = SheetRead> {
  sheets: readonly SheetInfo[] = [];
  reads = new Map<string, R>();
  formSheetIds = new Set<string>();
  everRead = false;

  /** The read a check needs: everything the first time; then the form sheets whole and the changed ones. */
  request(changed: ReadonlySet<string> | 'all'): WorkbookReadRequest {
    const ids = changed === 'all' || !this.everRead ? ('all' as const) : new Set([...this.formSheetIds, ...changed]);
    return { ids, formIds: this.formSheetIds, knownIds: new Set(this.sheets.map((sheet) => sheet.id)), options: CHECK_READ };
  }

  idByName(name: string): string | null {
    return this.sheets.find((sheet) => sheet.name === name)?.id ?? null;
  }

  remember(sheets: readonly SheetInfo[], reads: ReadonlyMap<string, R>, result: WorkbookCheckResult, full: boolean): void {
    const listed = new Set(sheets.map((sheet) => sheet.id));
    const kept = full ? new Map<string, R>() : new Map([...this.reads].filter(([id]) => listed.has(id)));
    for (const [id, read] of reads) kept.set(id, read);
    this.reads = kept;
    this.sheets = sheets;
    this.everRead = true;
    const formNames = new Set(result.forms.map((form) => form.form.sheet));
    this.formSheetIds = new Set(sheets.filter((sheet) => formNames.has(sheet.name)).map((sheet) => sheet.id));
  }

  forget(sheetId: string): void {
    this.formSheetIds.delete(sheetId);
  }
}
