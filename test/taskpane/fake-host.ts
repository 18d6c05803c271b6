/**
 * A FormHost for the pane's tests: records every call, lets a test publish check results and
 * problems, and fails a chosen method with a HostError.
 */
import type { WorkbookCheckResult } from '../../src/core/check/types';
import type { IssueFix } from '../../src/core/issues/issue';
import {
  HostError,
  type CheckUpdate,
  type FormHost,
  type HostCapabilities,
  type HostProblem,
  type InsertOptions,
  type InsertResult,
} from '../../src/host/form-host';

export type FakeCall =
  | { readonly method: 'start' | 'clearHighlights' | 'recheck' | 'checkBeforeSubmit' }
  | { readonly method: 'insert'; readonly options: InsertOptions }
  | { readonly method: 'select'; readonly sheet: string; readonly cell: string }
  | { readonly method: 'applyFix'; readonly sheet: string; readonly fix: IssueFix }
  | { readonly method: 'addTaskRow'; readonly sheet: string }
  | { readonly method: 'addIndicatorRow'; readonly sheet: string; readonly level1: string; readonly level2: string | null }
  | { readonly method: 'setLiveChecking'; readonly enabled: boolean };

export interface FakeHostOptions {
  readonly language?: string;
  readonly dark?: boolean;
  readonly capabilities?: Partial<HostCapabilities>;
}

export class FakeHost implements FormHost {
  readonly calls: FakeCall[] = [];
  private readonly checkListeners = new Set<(update: CheckUpdate) => void>();
  private readonly problemListeners = new Set<(problem: HostProblem) => void>();
  private readonly failures = new Map<string, HostProblem>();
  private sequence = 0;

  constructor(private readonly options: FakeHostOptions = {}) {}

  capabilities(): HostCapabilities {
    return { canInsert: true, liveChecking: true, multiAreaHighlights: true, reasons: [], ...this.options.capabilities };
  }
  displayLanguage(): string {
    return this.options.language ?? 'zh-CN';
  }
  prefersDark(): boolean {
    return this.options.dark ?? false;
  }

  /** The next call of `method` throws a HostError with this problem. */
  failNext(method: FakeCall['method'], problem: HostProblem): void {
    this.failures.set(method, problem);
  }

  publish(result: WorkbookCheckResult): CheckUpdate {
    return this.publishUpdate({ sequence: ++this.sequence, result });
  }

  /** Delivers an update as it is, for updates that arrive out of order. */
  publishUpdate(update: CheckUpdate): CheckUpdate {
    this.checkListeners.forEach((listener) => listener(update));
    return update;
  }

  raise(problem: HostProblem): void {
    this.problemListeners.forEach((listener) => listener(problem));
  }

  get listenerCount(): number {
    return this.checkListeners.size + this.problemListeners.size + this.activeListeners.size;
  }

  private async record(call: FakeCall): Promise<void> {
    this.calls.push(call);
    const problem = this.failures.get(call.method);
    if (problem) {
      this.failures.delete(call.method);
      throw new HostError(problem);
    }
  }

  start(): Promise<void> {
    return this.record({ method: 'start' });
  }
  async insert(options: InsertOptions): Promise<InsertResult> {
    await this.record({ method: 'insert', options });
    return { sheet: options.template === 'department' ? '部门整体支出绩效目标' : '项目绩效目标' };
  }
  select(sheet: string, cell: string): Promise<void> {
    return this.record({ method: 'select', sheet, cell });
  }
  applyFix(sheet: string, fix: IssueFix): Promise<void> {
    return this.record({ method: 'applyFix', sheet, fix });
  }
  addTaskRow(sheet: string): Promise<void> {
    return this.record({ method: 'addTaskRow', sheet });
  }
  addIndicatorRow(sheet: string, level1: string, level2: string | null): Promise<void> {
    return this.record({ method: 'addIndicatorRow', sheet, level1, level2 });
  }
  clearHighlights(): Promise<void> {
    return this.record({ method: 'clearHighlights' });
  }
  setLiveChecking(enabled: boolean): Promise<void> {
    return this.record({ method: 'setLiveChecking', enabled });
  }
  recheck(): Promise<void> {
    return this.record({ method: 'recheck' });
  }
  checkBeforeSubmit(): Promise<void> {
    return this.record({ method: 'checkBeforeSubmit' });
  }
  onCheck(listener: (update: CheckUpdate) => void): () => void {
    this.checkListeners.add(listener);
    return () => this.checkListeners.delete(listener);
  }
  private readonly activeListeners = new Set<(sheet: string) => void>();
  /** Tells the pane the user activated a sheet. */
  activate(sheet: string): void {
    this.activeListeners.forEach((listener) => listener(sheet));
  }
  onActiveSheet(listener: (sheet: string) => void): () => void {
    this.activeListeners.add(listener);
    return () => this.activeListeners.delete(listener);
  }
  onProblem(listener: (problem: HostProblem) => void): () => void {
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }
}
