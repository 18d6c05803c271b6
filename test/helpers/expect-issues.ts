/**
 * Assertions on issues as a user sees them: `code@cell` of the cell to fix.
 *
 *   expectIssues(issues, ['sum_mismatch@D7', 'required_missing@C3']);
 *   expectIssues(issues, ['indicator_missing@B41:warning'], { withSeverity: true });
 *   expectNoIssues(issues);                        // nothing at all
 *   expectNoIssues(issues, { severity: 'error' }); // no errors (warnings allowed)
 *
 * Order does not matter; duplicates do.
 */
import type { Issue, Severity } from '../../src/core/issues/issue';

type IssueSource = readonly Issue[] | { readonly issues: readonly Issue[] };

function issuesOf(source: IssueSource): readonly Issue[] {
  return 'issues' in source ? source.issues : source;
}

export function issueKey(issue: Issue, withSeverity = false): string {
  return `${issue.code}@${issue.cells[0] ?? '?'}${withSeverity ? `:${issue.severity}` : ''}`;
}

export function issueKeys(source: IssueSource, withSeverity = false): string[] {
  return issuesOf(source).map((issue) => issueKey(issue, withSeverity));
}

export function expectIssues(source: IssueSource, expected: readonly string[], options: { withSeverity?: boolean } = {}): void {
  expect(issueKeys(source, options.withSeverity).sort()).toEqual([...expected].sort());
}

export function expectNoIssues(source: IssueSource, options: { severity?: Severity } = {}): void {
  const issues = issuesOf(source).filter((issue) => options.severity === undefined || issue.severity === options.severity);
  expect(issues.map((issue) => issueKey(issue, true))).toEqual([]);
}
