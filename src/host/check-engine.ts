/**
 * The check engine (the extractor and the rules, the larger part of the adapter) is a chunk of
 * its own, loaded by the first check: the pane renders without waiting for it, and it downloads
 * while the pane starts. Later checks find it loaded.
 */
import type { checkWorkbook } from '../core';

export interface CheckEngine {
  readonly checkWorkbook: typeof checkWorkbook;
}

let engine: Promise<CheckEngine> | null = null;

export function loadCheckEngine(): Promise<CheckEngine> {
  engine ??= import(/* webpackChunkName: "check-engine", webpackExports: ["checkWorkbook"] */ '../core');
  return engine;
}
