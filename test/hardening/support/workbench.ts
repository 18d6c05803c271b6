/**
 * The add-in as a user meets it, for the hardening tests: the in-memory Excel, the real
 * adapter over it (live check with no debounce), and what the user sees — the issues the host
 * reports, in words, and the cells it highlights.
 */
import { highlightPlan } from '../../../src/core/check/attention';
import { checkWorkbook } from '../../../src/core/check/check-workbook';
import type { WorkbookCheckResult } from '../../../src/core/check/types';
import type { WorkbookSnapshot } from '../../../src/core/grid/grid';
import { parseA1, toA1 } from '../../../src/core/grid/address';
import type { Issue, Severity } from '../../../src/core/issues/issue';
import { formatIssue, type Lang } from '../../../src/core/messages';
import { createExcelHost, type ExcelFormHost } from '../../../src/excel/excel-host';
import { HIGHLIGHT_STYLE, ownedSeverity } from '../../../src/excel/highlight-labels';
import type { CheckUpdate, HostProblem, InsertOptions } from '../../../src/host/form-host';
import { createMemoryExcel, type MemoryExcel } from '../../../src/office-memory';

export const TODAY = new Date(2022, 0, 10);
export const DEPARTMENT_SHEET = '部门整体支出绩效目标';
export const PROJECT_SHEET = '项目绩效目标';
export const DEPARTMENT_SAMPLE: InsertOptions = { template: 'department', year: 2022, withSample: true };
export const PROJECT_SAMPLE: InsertOptions = { template: 'project', year: 2022, withSample: true };

export interface Workbench {
  readonly excel: MemoryExcel;
  readonly host: ExcelFormHost;
  readonly updates: CheckUpdate[];
  readonly problems: HostProblem[];
  /** Waits until Excel's events are handed out and the live check they started has finished. */
  settle(): Promise<void>;
}

export function workbench(options: { documentUrl?: string } = {}): Workbench {
  const excel = createMemoryExcel();
  const host = createExcelHost({
    run: excel.run,
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
    displayLanguage: () => 'zh-CN',
    prefersDark: () => false,
    documentUrl: () => options.documentUrl ?? 'https://example.invalid/预算.xlsx',
    debounceMs: 0,
    retryDelaysMs: [1, 2],
    checkOptions: () => ({ today: TODAY }),
  });
  const updates: CheckUpdate[] = [];
  const problems: HostProblem[] = [];
  host.onCheck((update) => updates.push(update));
  host.onProblem((problem) => problems.push(problem));
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 3; round++) {
      await excel.whenIdle();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await host.whenIdle();
    }
  };
  return { excel, host, updates, problems, settle };
}

/** A started workbench with the given forms inserted (the sample content by default). */
export async function withForms(...inserts: InsertOptions[]): Promise<Workbench> {
  const bench = workbench();
  await bench.host.start();
  for (const insert of inserts) await bench.host.insert(insert);
  await bench.settle();
  return bench;
}

/** The last check the host published (throws when there was none). */
export function lastResult(bench: Workbench): WorkbookCheckResult {
  const last = bench.host.lastCheck();
  if (!last) throw new Error('the host has published no check');
  return last.result;
}

export interface SeenIssue {
  readonly sheet: string;
  readonly code: Issue['code'];
  readonly severity: Severity;
  readonly cells: readonly string[];
  readonly message: string;
}

/** The issues as the pane lists them: sheet, code, cells and the message in `lang`. */
export function seenIssues(result: WorkbookCheckResult, lang: Lang = 'zh-CN'): SeenIssue[] {
  return result.forms.flatMap(({ form, issues }) =>
    issues.map((issue) => ({ sheet: issue.sheet ?? form.sheet, code: issue.code, severity: issue.severity, cells: [...issue.cells], message: formatIssue(issue, lang) })),
  );
}

/** `code@cell` of the first cell of each issue, as in the rules' tests. */
export function issueKeys(result: WorkbookCheckResult, severity?: Severity): string[] {
  return seenIssues(result)
    .filter((issue) => severity === undefined || issue.severity === severity)
    .map((issue) => `${issue.code}@${issue.cells[0] ?? '?'}`);
}

/** The workbook as the user left it, read from the inspector (not through the adapter). */
export function snapshotOf(excel: MemoryExcel): WorkbookSnapshot {
  return {
    sheets: excel.inspect.sheetNames().map((name) => {
      const used = excel.inspect.usedRange(name);
      if (used === null) return { name, rows: [] };
      const last = /([A-Z]+)(\d+)$/.exec(used);
      const values = excel.inspect.values(name, `A1:${last ? `${last[1]}${last[2]}` : 'A1'}`);
      const merges = excel.inspect.merges(name).map((address) => {
        const [from, to = from] = address.split(':');
        const a = /^([A-Z]+)(\d+)$/.exec(from);
        const b = /^([A-Z]+)(\d+)$/.exec(to);
        if (!a || !b) throw new Error(`merge address ${address}`);
        const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        return { top: Number(a[2]) - 1, left: col(a[1]), bottom: Number(b[2]) - 1, right: col(b[1]) };
      });
      const rows = values.map((row, r) =>
        row.map((value, c) => {
          if (value === '') return null;
          const formula = excel.inspect.cell(name, toA1(r, c)).formula;
          return formula === null ? { value } : { value, formula };
        }),
      );
      return { name, rows, merges };
    }),
  };
}

/** A fresh full check of the workbook as it stands, with the host's own options. */
export function freshCheck(excel: MemoryExcel): WorkbookCheckResult {
  return checkWorkbook(snapshotOf(excel), { today: TODAY });
}

const QUALIFIED = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/;

/**
 * The cells each sheet should show highlighted, by severity: every cell of every issue (a cell
 * with an error and a warning shows the error). A cell may name its sheet (`'项目'!D5`); else
 * the first cell of a workbook-wide issue is on `issue.sheet`, the others on the form's sheet.
 */
export function expectedHighlights(result: WorkbookCheckResult): Map<string, Map<string, Severity>> {
  const bySheet = new Map<string, Map<string, Severity>>();
  // The add-in highlights what the core's plan says: a sum its cell to change, "to fill" cells not yet.
  for (const { form, issues } of highlightPlan(result, { fullCheck: false }).forms) {
    for (const issue of issues) {
      issue.cells.forEach((reference, index) => {
        const qualified = QUALIFIED.exec(reference);
        const sheet = qualified ? (qualified[1]?.replace(/''/g, "'") ?? qualified[2]) : index === 0 && issue.sheet ? issue.sheet : form.sheet;
        const cell = (qualified ? qualified[3] : reference).replace(/\$/g, '');
        let cells = bySheet.get(sheet);
        if (!cells) bySheet.set(sheet, (cells = new Map()));
        if (issue.severity === 'error' || !cells.has(cell)) cells.set(cell, issue.severity);
      });
    }
  }
  return bySheet;
}

function cellsOfArea(area: string): string[] {
  const [from, to = from] = area.split(':');
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end) throw new Error(`not an area: ${area}`);
  const cells: string[] = [];
  for (let row = start.row; row <= end.row; row++) for (let col = start.col; col <= end.col; col++) cells.push(toA1(row, col));
  return cells;
}

/** The cells the add-in's own highlights (conditional formats labelled perf-target-forms:…) cover, by severity. */
export function ownedHighlights(excel: MemoryExcel, sheet: string): Map<string, Severity> {
  const cells = new Map<string, Severity>();
  for (const format of excel.inspect.conditionalFormats(sheet)) {
    const severity = ownedSeverity(format.formula);
    if (!severity) continue;
    for (const area of format.ranges) for (const cell of cellsOfArea(area)) cells.set(cell, cells.get(cell) === 'error' ? 'error' : severity);
  }
  return cells;
}

/** What the user sees in each highlighted cell: the fill of the first conditional format that applies. */
export function visibleFills(excel: MemoryExcel, sheet: string): Map<string, string | null> {
  return excel.inspect.highlightedCells(sheet);
}

export { HIGHLIGHT_STYLE };
