/** `preview.html?host=wps`: the WPS adapter over the in-memory WPS, as the WPS add-in's pane runs over WPS. */
import { createWpsHost } from '../wps/wps-host';
import { createMemoryWps } from '../wps-memory';
import type { PreviewEnvironment, PreviewSetup } from './preview-workbook';
import { wpsWorkbook } from './wps-workbook';

export function createWpsPreview(environment: PreviewEnvironment): PreviewSetup {
  const wps = createMemoryWps();
  const host = createWpsHost({ application: wps.Application, ...environment });
  return { workbook: wpsWorkbook(wps), host };
}
