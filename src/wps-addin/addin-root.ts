/// <reference types="wps-jsapi" />
/**
 * The members of a WPS add-in's root object (`window.Application` in the add-in's pages) that
 * the ribbon calls and the spreadsheet adapter does not: task panes, the storage the add-in's
 * pages share, and the ribbon object WPS hands to `OnAddinLoad`. Declared here with the types
 * WPS documents for them on the `wps` namespace (wps-jsapi, `index.d.ts`: CreateTaskPane,
 * GetTaskPane, PluginStorage; `lib.kso.d.ts`: KsoRibbonUI, KsoRibbonControl); the assertions
 * at the end fail to compile if those declarations stop fitting these.
 */

/** A task pane made by `CreateTaskPane` ("创建完这个taskpane后，需要将Visible属性置为true"). */
export interface AddinTaskPane {
  /** Identifies the pane to `GetTaskPane` from any of the add-in's pages. */
  readonly ID: number;
  Visible: boolean;
}

/** Shared by every page of one add-in ("每个wps加载项都有一个不同网页间共享的PluginStorage对象"). */
export interface AddinStorage {
  /** WPS declares `string`; a key never set reads as nothing, so the caller checks. */
  getItem(key: string): string | number | boolean | null | undefined;
  setItem(key: string, value: number | boolean | string): void;
}

export interface AddinRibbonUI {
  InvalidateControl(controlId?: string): void;
}

/** What WPS passes to a ribbon callback (`onAction`, `getImage`): the control's id from ribbon.xml. */
export interface AddinRibbonControl {
  readonly Id: string;
}

export interface AddinRoot {
  /** `title` is marked optional in WPS's comment but required by its declaration: always pass it. */
  CreateTaskPane(url: string, title: string): AddinTaskPane;
  GetTaskPane(id: number): AddinTaskPane | null;
  readonly PluginStorage: AddinStorage;
  /** Kept by `OnAddinLoad`, as WPS's own add-in templates do, to refresh the ribbon later. */
  ribbonUI?: AddinRibbonUI;
}

/** The page's window inside WPS, which puts the add-in root on `window.Application`. */
export interface WpsAddinWindow extends Window {
  readonly Application?: AddinRoot;
}

// Compile-time checks against the public declarations: WPS's objects must fit ours.
type Fits<Actual extends Expected, Expected> = [Actual, Expected];
export type RootFitsWps = Fits<Pick<typeof wps, 'CreateTaskPane' | 'GetTaskPane' | 'PluginStorage'>, Omit<AddinRoot, 'ribbonUI'>>;
export type RibbonFitsWps = Fits<Kso.KsoRibbonUI, AddinRibbonUI>;
export type ControlFitsWps = Fits<Kso.KsoRibbonControl, AddinRibbonControl>;
