/**
 * The script of the add-in's entry page (index.html), which WPS loads with ribbon.xml: it puts
 * the ribbon's callbacks where ribbon.xml names them, on the page's global object, as the page
 * loads (a plain script in <head>, so they exist before WPS calls `OnAddinLoad`). Opened in a
 * plain browser, the page only says what it is.
 */
import type { AddinRoot, WpsAddinWindow } from './addin-root';
import { createRibbon, RIBBON } from './ribbon';

/** The page was opened outside WPS: there is no `window.Application`. */
export class NotInWpsError extends Error {
  constructor() {
    super('window.Application is missing: this page is loaded by WPS Spreadsheets as the add-in’s entry');
    this.name = 'NotInWpsError';
  }
}

const page = window as WpsAddinWindow;

function addinRoot(): AddinRoot {
  if (!page.Application) throw new NotInWpsError();
  return page.Application;
}

Object.assign(window, createRibbon(addinRoot, () => new URL(RIBBON.panePage, window.location.href).href));

if (!page.Application) {
  document.addEventListener('DOMContentLoaded', () => document.getElementById('outside-wps')?.removeAttribute('hidden'));
}
