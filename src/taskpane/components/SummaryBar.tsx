import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ErrorCircle20Filled, Warning20Filled } from '@fluentui/react-icons';
import type { PaneStrings } from '../strings';
import type { FormView, PaneSummary } from '../view-model';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  clean: { color: tokens.colorPaletteGreenForeground1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  counts: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  error: { color: tokens.colorPaletteRedForeground1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  warning: { color: tokens.colorPaletteMarigoldForeground1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  toFill: { color: tokens.colorNeutralForeground2, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  formLine: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200, '& > span:last-child': { whiteSpace: 'nowrap' } },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface SummaryBarProps {
  readonly strings: PaneStrings;
  readonly summary: PaneSummary | null;
  readonly forms: readonly FormView[];
}

/** The counts per form; the sentence in the live region is what a screen reader announces after each check. */
export function SummaryBar({ strings, summary, forms }: SummaryBarProps) {
  const styles = useStyles();
  const liveText = summary === null ? strings.checking : summary.forms === 0 ? strings.noFormsYet : strings.summaryLive(summary.errors, summary.warnings, summary.forms, summary.toFill);
  return (
    <section className={styles.bar} aria-label={strings.summaryHeading} data-testid="summary">
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {liveText}
      </div>
      {summary === null && <span aria-hidden>{strings.checking}</span>}
      {summary !== null && summary.forms === 0 && <span>{strings.noFormsYet}</span>}
      {summary !== null && summary.forms > 0 && summary.errors === 0 && summary.toFill === 0 && (
        <span className={styles.clean} data-testid="no-errors">
          <CheckmarkCircle20Filled aria-hidden />
          {strings.noErrors}
        </span>
      )}
      {summary !== null && summary.forms > 0 && (
        <div className={styles.counts} data-testid="summary-counts" data-errors={summary.errors} data-warnings={summary.warnings}>
          <span className={styles.error}>
            <ErrorCircle20Filled aria-hidden />
            {strings.errorCount(summary.errors)}
          </span>
          <span className={styles.warning}>
            <Warning20Filled aria-hidden />
            {strings.warningCount(summary.warnings)}
          </span>
          {summary.toFill > 0 && (
            <span className={styles.toFill} data-testid="to-fill-count" data-count={summary.toFill}>
              {strings.toFillCount(summary.toFill)}
            </span>
          )}
        </div>
      )}
      {forms.length > 1 &&
        forms.map((form) => (
          <div key={form.key} className={styles.formLine}>
            <span>{form.sheet}</span>
            <span>
              {strings.errorCount(form.errors)} · {strings.warningCount(form.warnings)}
            </span>
          </div>
        ))}
    </section>
  );
}
