/**
 * Problems the pane shows as message bars: a host's `HostError` carries a problem code with
 * its own text; anything else is shown as an unexpected error with its message, never hidden.
 */
import { HostError, type HostProblem } from '../host/form-host';
import type { PaneStrings } from './strings';

export type PaneProblem =
  | { readonly kind: 'host'; readonly problem: HostProblem }
  | { readonly kind: 'unexpected'; readonly detail: string };

function isHostError(error: unknown): error is HostError {
  // instanceof fails when two copies of host.ts are bundled; the shape is the contract.
  return error instanceof HostError || (error instanceof Error && error.name === 'HostError' && 'problem' in error);
}

export function problemFromError(error: unknown): PaneProblem {
  if (isHostError(error)) return { kind: 'host', problem: error.problem };
  if (error instanceof Error) return { kind: 'unexpected', detail: error.message || error.name };
  return { kind: 'unexpected', detail: String(error) };
}

export function problemText(problem: PaneProblem, strings: PaneStrings): string {
  if (problem.kind === 'unexpected') return strings.unexpectedError(problem.detail);
  const describe = strings.problems[problem.problem.code];
  return describe ? describe(problem.problem.params) : strings.unexpectedError(problem.problem.code);
}

/** Two problems that read the same are shown once. */
export function sameProblem(a: PaneProblem, b: PaneProblem): boolean {
  if (a.kind === 'host' && b.kind === 'host') {
    return a.problem.code === b.problem.code && JSON.stringify(a.problem.params) === JSON.stringify(b.problem.params);
  }
  return a.kind === 'unexpected' && b.kind === 'unexpected' && a.detail === b.detail;
}
