/**
 * Listening to WPS (`Application.ApiEvent`) and keeping the add-in's own writes quiet.
 *
 * Every write of the add-in runs inside `OwnWrites.run`: `Application.EnableEvents` is false
 * (no event handler runs while it is, VBA "Application.EnableEvents property") and screen
 * updating paused; a SheetChange that still arrives while the write runs is dropped too.
 *
 * A SheetChange's target tells what the edit may have done: one cell typed changes no
 * conditional format or merge; whole rows inserted or deleted move them with the cells; a block
 * of cells (a paste) may bring its own; whole columns are not followed (the sheet's merges are
 * searched again).
 */
import type { FormatMove } from '../host/live-check-scheduler';
import { parseAreasAddress } from '../host/areas';
import { isWholeColumns, wholeRows } from './wps-cells';
import type { MergeBook } from './wps-merges';
import type { WpsApplication, WpsEventHandlers, WpsRange, WpsWorksheet } from './wps-api';

export class OwnWrites {
  private depth = 0;
  constructor(private readonly application: WpsApplication) {}

  get active(): boolean {
    return this.depth > 0;
  }

  run<T>(write: () => T): T {
    const application = this.application;
    const outermost = this.depth === 0;
    const events = outermost ? application.EnableEvents : false;
    this.depth++;
    if (outermost) {
      application.EnableEvents = false;
      application.ScreenUpdating = false;
    }
    try {
      return write();
    } finally {
      this.depth--;
      if (outermost) {
        application.ScreenUpdating = true;
        application.EnableEvents = events;
      }
    }
  }
}

export interface EditListener {
  /** Cells of `sheet` changed; `move`: what it may have done to the sheet's conditional formats. */
  edited(sheet: string, move: FormatMove): void;
  activated(sheet: string): void;
}

/** What a SheetChange over `address` may have moved, noted in the merge book on the way. */
export function moveOf(sheet: string, address: string, merges: MergeBook): FormatMove {
  const rows = wholeRows(address);
  if (rows) {
    merges.noteRows(sheet, rows.top, rows.bottom - rows.top + 1);
    return 'shifted';
  }
  if (isWholeColumns(address)) {
    merges.noteUnknown(sheet);
    return 'shifted';
  }
  const areas = parseAreasAddress(address);
  const single = areas.length === 1 && areas[0].top === areas[0].bottom && areas[0].left === areas[0].right;
  if (single) return 'none';
  if (areas.length === 0) merges.noteUnknown(sheet);
  for (const area of areas) merges.notePasted(sheet, area);
  return 'copied';
}

/** The add-in's listeners on `Application.ApiEvent`, added once and removed on dispose. */
export class WpsEvents {
  private subscribed = false;
  private readonly handlers: WpsEventHandlers;

  constructor(
    private readonly application: WpsApplication,
    private readonly own: OwnWrites,
    merges: MergeBook,
    listener: EditListener,
  ) {
    this.handlers = {
      SheetChange: (sheet: WpsWorksheet, target: WpsRange) => {
        if (this.own.active) return;
        const name = sheet.Name;
        listener.edited(name, moveOf(name, target.Address(false, false), merges));
      },
      SheetActivate: (sheet: WpsWorksheet) => listener.activated(sheet.Name),
    };
  }

  subscribe(): void {
    if (this.subscribed) return;
    const events = this.application.ApiEvent;
    events.AddApiEventListener('SheetChange', this.handlers.SheetChange);
    events.AddApiEventListener('SheetActivate', this.handlers.SheetActivate);
    this.subscribed = true;
  }

  dispose(): void {
    if (!this.subscribed) return;
    const events = this.application.ApiEvent;
    events.RemoveApiEventListener('SheetChange', this.handlers.SheetChange);
    events.RemoveApiEventListener('SheetActivate', this.handlers.SheetActivate);
    this.subscribed = false;
  }
}
