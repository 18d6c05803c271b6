/**
 * The pane's state and its calls to the host, without React: the component subscribes to it
 * (useSyncExternalStore), the tests drive it with a fake host. One host call runs at a time;
 * a failed call becomes a problem shown in a message bar, a finished one may leave a notice.
 */
import type { CheckUpdate, FormHost, InsertOptions } from '../host/form-host';
import { problemFromError, sameProblem, type PaneProblem } from './problems';
import type { PaneStrings } from './strings';
import type { IssueView } from './view-model';

export interface ShownProblem {
  readonly id: number;
  readonly problem: PaneProblem;
}

export interface Notice {
  readonly id: number;
  readonly text: string;
}

export interface PaneState {
  /** The latest check; null until the first arrives. */
  readonly check: CheckUpdate | null;
  readonly problems: readonly ShownProblem[];
  readonly notice: Notice | null;
  readonly busy: boolean;
  readonly liveChecking: boolean;
  /** The sheet last activated (by the user, an insertion or a click on an issue): the row actions act on its form. */
  readonly activeSheet: string | null;
}

export class PaneController {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(
    private readonly host: FormHost,
    private readonly strings: PaneStrings,
  ) {
    this.state = { check: null, problems: [], notice: null, busy: false, liveChecking: host.capabilities().liveChecking, activeSheet: null };
  }

  readonly getState = (): PaneState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(change: Partial<PaneState>): void {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((listener) => listener());
  }

  showProblem(problem: PaneProblem): void {
    if (this.state.problems.some((entry) => sameProblem(entry.problem, problem))) return;
    this.update({ problems: [...this.state.problems, { id: this.nextId++, problem }] });
  }

  dismissProblem(id: number): void {
    this.update({ problems: this.state.problems.filter((entry) => entry.id !== id) });
  }

  /** Listens to the host and starts it; returns the function that stops listening. */
  connect(): () => void {
    const stopCheck = this.host.onCheck((check) => {
      // Updates may arrive out of order; an older one never replaces a newer.
      if (this.state.check === null || check.sequence >= this.state.check.sequence) this.update({ check });
    });
    const stopProblem = this.host.onProblem((problem) => this.showProblem({ kind: 'host', problem }));
    const stopActive = this.host.onActiveSheet((activeSheet) => this.update({ activeSheet }));
    this.host.capabilities().reasons.forEach((problem) => this.showProblem({ kind: 'host', problem }));
    this.host.start().catch((error: unknown) => this.showProblem(problemFromError(error)));
    return () => {
      stopCheck();
      stopProblem();
      stopActive();
    };
  }

  private async perform(action: () => Promise<string | null>): Promise<void> {
    this.update({ busy: true, notice: null });
    try {
      const done = await action();
      this.update(done === null ? { busy: false } : { busy: false, notice: { id: this.nextId++, text: done } });
    } catch (error: unknown) {
      this.update({ busy: false });
      this.showProblem(problemFromError(error));
    }
  }

  insert(options: InsertOptions): Promise<void> {
    return this.perform(async () => {
      const { sheet } = await this.host.insert(options);
      this.update({ activeSheet: sheet });
      return this.strings.insertedInto(sheet);
    });
  }

  select(issue: IssueView): Promise<void> {
    return this.perform(async () => {
      await this.host.select(issue.sheet, issue.cells[0]);
      this.update({ activeSheet: issue.sheet });
      return null;
    });
  }

  fix(issue: IssueView): Promise<void> {
    const { fix } = issue;
    if (!fix) return Promise.resolve();
    return this.perform(async () => {
      await this.host.applyFix(issue.sheet, fix);
      return this.strings.fixApplied(fix.cell);
    });
  }

  addTaskRow(sheet: string): Promise<void> {
    return this.perform(async () => {
      await this.host.addTaskRow(sheet);
      return this.strings.rowAdded;
    });
  }

  addIndicatorRow(sheet: string, level1: string, level2: string | null): Promise<void> {
    return this.perform(async () => {
      await this.host.addIndicatorRow(sheet, level1, level2);
      return this.strings.rowAdded;
    });
  }

  clearHighlights(): Promise<void> {
    return this.perform(async () => {
      await this.host.clearHighlights();
      return this.strings.highlightsCleared;
    });
  }

  recheck(): Promise<void> {
    return this.perform(async () => {
      await this.host.recheck();
      return null;
    });
  }

  checkBeforeSubmit(): Promise<void> {
    return this.perform(async () => {
      await this.host.checkBeforeSubmit();
      return this.strings.checkBeforeSubmitDone;
    });
  }

  setLiveChecking(enabled: boolean): Promise<void> {
    return this.perform(async () => {
      await this.host.setLiveChecking(enabled);
      this.update({ liveChecking: enabled });
      return enabled ? this.strings.liveCheckingOn : this.strings.liveCheckingOff;
    });
  }
}
