/**
 * The highlights the add-in owns: custom conditional formats whose formula carries a label,
 * `=N("perf-target-forms:error")=0` — declared in core (src/core/highlights/owned-highlights.ts),
 * shared with the command line's annotated copies.
 */
export { HIGHLIGHT_LABEL_PREFIX, HIGHLIGHT_STYLE, SEVERITIES, highlightFormula, ownedSeverity } from '../core';
