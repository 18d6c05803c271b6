/**
 * The highlights the add-in and the annotated copies own: custom conditional formats whose
 * formula carries a label, `=N("perf-target-forms:error")=0`. N() of a text is 0, so the rule is
 * always true over its range; the label lets any later session (or the command line) find and
 * remove them without a saved registry, and the user's own formats are never touched.
 */
import type { Severity } from '../issues/issue';

export const HIGHLIGHT_LABEL_PREFIX = 'perf-target-forms:';

/** Excel's colours for "bad" (error) and "neutral" (warning) cells. */
export const HIGHLIGHT_STYLE: Readonly<Record<Severity, { readonly fill: string; readonly font: string }>> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
};

export function highlightFormula(severity: Severity): string {
  return `=N("${HIGHLIGHT_LABEL_PREFIX}${severity}")=0`;
}

const OWNED_PATTERN = /N\(\s*"perf-target-forms:(error|warning)"\s*\)/i;

/** The severity of an owned highlight's formula, or null for any other conditional format. */
export function ownedSeverity(formula: string | null | undefined): Severity | null {
  if (!formula) return null;
  const match = OWNED_PATTERN.exec(formula);
  return match ? (match[1].toLowerCase() as Severity) : null;
}
