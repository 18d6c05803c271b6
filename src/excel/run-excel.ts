/**
 * `Excel.run` behind one function: retries while the user is editing a cell, translates
 * Excel's errors into HostErrors, and keeps the add-in's own writes from raising events.
 */
import type { ApiLevel } from './api-sets';
import { excelErrorCode, problem, translateExcelError, type ErrorContext } from './problems';
import { HostError } from '../host/form-host';
import type { Schedule } from '../host/schedule';

export { defaultSchedule, type Schedule } from '../host/schedule';

/** Backoff while Excel is in cell-edit mode (the user is typing in a cell): then `cell_edit_mode`. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [100, 250, 500, 1000, 2000];

export type ExcelRun = typeof Excel.run;

export interface RunEnvironment {
  readonly run: ExcelRun;
  readonly api: ApiLevel;
  readonly schedule: Schedule;
  readonly retryDelaysMs: readonly number[];
}

function delay(schedule: Schedule, ms: number): Promise<void> {
  return new Promise((resolve) => {
    schedule(resolve, ms);
  });
}

export interface RunOptions extends ErrorContext {
  /**
   * Ask Excel to hold the batch until the user leaves cell-edit mode (`Excel.run`'s
   * `delayForCellEdit`), instead of refusing it. The retry below stays for hosts that ignore it.
   */
  readonly delayForCellEdit?: boolean;
}

/**
 * Runs one batch. The batch is run again from the start when Excel refuses it because a cell
 * is being edited (nothing of a refused batch was applied); after the last delay the caller
 * gets `cell_edit_mode`. Other Excel errors are translated (see `translateExcelError`).
 */
export async function runExcel<T>(env: RunEnvironment, batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
  const { delayForCellEdit, ...errorContext } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      const run = (context: Excel.RequestContext) => batch(context);
      return await (delayForCellEdit ? env.run({ delayForCellEdit: true }, run) : env.run(run));
    } catch (error) {
      if (excelErrorCode(error) === 'InvalidOperationInCellEditMode') {
        if (attempt < env.retryDelaysMs.length) {
          await delay(env.schedule, env.retryDelaysMs[attempt]);
          continue;
        }
        throw new HostError(problem('cell_edit_mode', { attempts: attempt + 1 }), { cause: error });
      }
      throw translateExcelError(error, errorContext);
    }
  }
}

/** Turns Excel's events off and on again around the add-in's own writes, within a batch. */
export interface EventSwitch {
  /** Queues `runtime.enableEvents = false` (ExcelApi 1.8; nothing below it). */
  suspend(): void;
  /** Queues `runtime.enableEvents = true`; call it before the batch's last sync. */
  resume(): void;
}

/**
 * Runs a batch that writes to the workbook, letting it turn events off (ExcelApi 1.8) around
 * its writes so that they do not start live checks. If the batch fails while events are off,
 * a second small batch turns them back on before the error goes on to the caller.
 */
export async function runOwnWrite<T>(env: RunEnvironment, batch: (context: Excel.RequestContext, events: EventSwitch) => Promise<T>, options: RunOptions = {}): Promise<T> {
  const canSuspend = env.api.has('enableEvents');
  let suspended = false;
  try {
    return await runExcel(
      env,
      async (context) => {
        const events: EventSwitch = {
          suspend: () => {
            if (!canSuspend) return;
            context.runtime.enableEvents = false;
            suspended = true;
          },
          resume: () => {
            if (canSuspend) context.runtime.enableEvents = true;
          },
        };
        const result = await batch(context, events);
        suspended = false;
        return result;
      },
      options,
    );
  } catch (error) {
    if (suspended) await restoreEvents(env);
    throw error;
  }
}

async function restoreEvents(env: RunEnvironment): Promise<void> {
  await runExcel(env, async (context) => {
    context.runtime.enableEvents = true;
    await context.sync();
  });
}
