/**
 * The Excel host over the in-memory Excel, as tests use it: a fresh workbook, the host with a
 * short debounce, and `settle()` that waits until Excel's events are handed out and every
 * check they start has finished.
 */
import { createMemoryExcel, type MemoryExcel } from '../../../src/office-memory';
import { createExcelHost, type ExcelDeps, type ExcelFormHost } from '../../../src/excel/excel-host';
import type { CheckUpdate, HostProblem } from '../../../src/host/form-host';
import type { Issue } from '../../../src/core/issues/issue';
import { HIGHLIGHT_LABEL_PREFIX } from '../../../src/excel/highlight-labels';
import { parseAreasAddress } from '../../../src/host/areas';
import { toA1 } from '../../../src/core/grid/address';

export interface TestHost {
  readonly memory: MemoryExcel;
  readonly host: ExcelFormHost;
  readonly updates: CheckUpdate[];
  readonly problems: HostProblem[];
  /** Waits until the workbook's events are delivered and the host is idle. */
  settle(): Promise<void>;
}

export function hostOver(memory: MemoryExcel, overrides: Partial<ExcelDeps> = {}): TestHost {
  const host = createExcelHost({
    run: memory.run,
    isSetSupported: (name, version) => memory.isSetSupported(name, version),
    displayLanguage: () => 'zh-CN',
    prefersDark: () => false,
    documentUrl: () => 'https://example.invalid/预算.xlsx',
    debounceMs: 5,
    retryDelaysMs: [1, 2, 4],
    checkOptions: () => ({ today: new Date(2022, 0, 10) }),
    ...overrides,
  });
  const updates: CheckUpdate[] = [];
  const problems: HostProblem[] = [];
  host.onCheck((update) => updates.push(update));
  host.onProblem((problem) => problems.push(problem));
  const settle = async () => {
    for (let round = 0; round < 3; round++) {
      await memory.whenIdle();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await host.whenIdle();
    }
  };
  return { memory, host, updates, problems, settle };
}

export function newHost(overrides: Partial<ExcelDeps> = {}, apiVersion?: string): TestHost {
  return hostOver(createMemoryExcel(apiVersion ? { apiVersion } : {}), overrides);
}

/** `code@cell` keys of every issue of the last check, by sheet. */
export function issueKeysOf(update: CheckUpdate | null, severity?: Issue['severity']): string[] {
  if (!update) return [];
  return update.result.forms.flatMap((form) =>
    form.issues.filter((issue) => severity === undefined || issue.severity === severity).map((issue) => `${form.form.sheet}!${issue.code}@${issue.cells[0]}`),
  );
}

/**
 * A1 → fill, for the cells the add-in's own highlights colour (not the form's native checks or
 * the user's rules). Its rules always hold and stand above the others, so each cell of their
 * ranges shows the first one's fill.
 */
export function ownedFills(memory: MemoryExcel, sheet: string): Map<string, string | null> {
  const fills = new Map<string, string | null>();
  for (const format of memory.inspect.conditionalFormats(sheet)) {
    if (!format.formula.includes(HIGHLIGHT_LABEL_PREFIX)) continue;
    for (const area of format.ranges.flatMap((range) => parseAreasAddress(range))) {
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) if (!fills.has(toA1(r, c))) fills.set(toA1(r, c), format.fill);
      }
    }
  }
  return fills;
}
