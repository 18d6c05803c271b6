/**
 * The ribbon's callbacks, named in ribbon.xml and called by WPS on the add-in's entry page
 * (index.html): `OnAddinLoad` when WPS loads the add-in, `OnAction` when the button is
 * clicked, `GetImage` for its icon. The button opens the task pane once and then shows or
 * hides the same pane: its ID is kept in the add-in's PluginStorage, which every page of the
 * add-in shares, as WPS's own spreadsheet add-in template does.
 */
import type { AddinRibbonControl, AddinRibbonUI, AddinRoot } from './addin-root';

/** The ids and file names ribbon.xml and the build share. */
export const RIBBON = {
  buttonId: 'ptfShowTaskPane',
  paneKey: 'perf-target-forms:taskpane-id',
  panePage: 'taskpane.html',
  icon: 'images/icon.svg',
  paneTitle: '绩效目标申报助手',
} as const;

export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: AddinRibbonUI): boolean;
  OnAction(control: AddinRibbonControl): boolean;
  GetImage(control: AddinRibbonControl): string;
}

/** The pane's ID as stored, or null when no pane was made yet (IDs are numbers; storage may hand back text). */
function storedPaneId(root: AddinRoot): number | null {
  const stored = root.PluginStorage.getItem(RIBBON.paneKey);
  const id = typeof stored === 'number' ? stored : typeof stored === 'string' && stored.trim() !== '' ? Number(stored) : Number.NaN;
  return Number.isFinite(id) ? id : null;
}

/** Shows the pane, or hides it when it shows; makes it on the first click. */
export function toggleTaskPane(root: AddinRoot, paneUrl: string): void {
  const id = storedPaneId(root);
  const existing = id === null ? null : root.GetTaskPane(id);
  if (existing) {
    existing.Visible = !existing.Visible;
    return;
  }
  const pane = root.CreateTaskPane(paneUrl, RIBBON.paneTitle);
  root.PluginStorage.setItem(RIBBON.paneKey, pane.ID);
  pane.Visible = true;
}

/** `root` is looked up on each call: WPS defines `window.Application` before it calls back. */
export function createRibbon(root: () => AddinRoot, paneUrl: () => string): RibbonCallbacks {
  return {
    OnAddinLoad(ribbonUI) {
      root().ribbonUI = ribbonUI;
      return true;
    },
    OnAction(control) {
      if (control.Id === RIBBON.buttonId) toggleTaskPane(root(), paneUrl());
      return true;
    },
    GetImage() {
      return RIBBON.icon;
    },
  };
}
