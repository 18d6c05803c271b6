/**
 * The host over the real Office globals. Only this file touches `Office` and `Excel` at run
 * time; call it after `Office.onReady`.
 */
import { createExcelHost, type ExcelDeps, type ExcelFormHost } from './excel-host';

/** Office's theme is dark when its body background is dark. */
function themeIsDark(): boolean {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  const match = background ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background) : null;
  if (!match) return false;
  const [r, g, b] = [match[1], match[2], match[3]].map((hex) => parseInt(hex, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export function officeDeps(): ExcelDeps {
  return {
    run: Excel.run,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    displayLanguage: () => Office.context.displayLanguage,
    prefersDark: themeIsDark,
    documentUrl: () => Office.context.document?.url ?? null,
  };
}

export function createOfficeHost(): ExcelFormHost {
  return createExcelHost(officeDeps());
}
