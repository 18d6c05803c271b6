import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Warning16Filled, Wrench16Regular } from '@fluentui/react-icons';
import { memo } from 'react';
import type { PaneStrings } from '../strings';
import type { FormView, IssueView } from '../view-model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  formHeading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  sectionHeading: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}` },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // The fix button sits under the message, not beside it: in a narrow pane the message keeps the width.
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    borderLeft: `3px solid transparent`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  itemError: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  itemWarning: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  itemQuiet: { borderLeftColor: tokens.colorNeutralStroke2, color: tokens.colorNeutralForeground2 },
  toFill: { marginTop: tokens.spacingVerticalS, '& > summary': { cursor: 'pointer', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 } },
  toFillHint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalXS} 0` },
  issueButton: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    textAlign: 'start',
    background: 'none',
    border: 'none',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusSmall,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  icon: { flexShrink: 0, marginTop: '2px' },
  iconError: { color: tokens.colorPaletteRedForeground1 },
  iconWarning: { color: tokens.colorPaletteMarigoldForeground1 },
  iconQuiet: { color: tokens.colorNeutralForeground3 },
  body: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0, overflowWrap: 'anywhere' },
  cell: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  fix: { alignSelf: 'flex-start', margin: `0 0 ${tokens.spacingVerticalS} calc(${tokens.spacingHorizontalS} * 2 + 16px)` },
});

export interface IssueListProps {
  readonly strings: PaneStrings;
  readonly forms: readonly FormView[];
  readonly busy: boolean;
  readonly onSelect: (issue: IssueView) => unknown;
  readonly onFix: (issue: IssueView) => unknown;
}

interface IssueItemProps {
  readonly strings: PaneStrings;
  readonly issue: IssueView;
  /** A cell not filled in yet, listed quietly. */
  readonly quiet?: boolean;
  readonly busy: boolean;
  readonly onSelect: (issue: IssueView) => unknown;
  readonly onFix: (issue: IssueView) => unknown;
}

const IssueItem = memo(function IssueItem({ strings, issue, quiet = false, busy, onSelect, onFix }: IssueItemProps) {
  const styles = useStyles();
  const isError = issue.severity === 'error';
  const severity = quiet ? strings.toFillLabel : isError ? strings.severityError : strings.severityWarning;
  const firstCell = issue.cells[0];
  // A cell to fill is marked by its quiet colour alone (no icon of its own keeps the bundle small).
  const Icon = isError ? ErrorCircle16Filled : Warning16Filled;
  const tone = quiet ? styles.itemQuiet : isError ? styles.itemError : styles.itemWarning;
  const iconTone = quiet ? styles.iconQuiet : isError ? styles.iconError : styles.iconWarning;
  return (
    <li
      className={mergeClasses(styles.item, tone)}
      data-code={issue.code}
      data-cells={issue.cells.join(',')}
      data-sheet={issue.sheet}
      data-severity={issue.severity}
      data-testid={quiet ? 'to-fill-issue' : 'issue'}
    >
      <button
        type="button"
        className={styles.issueButton}
        onClick={() => onSelect(issue)}
        aria-label={`${severity}：${issue.message}（${strings.goToCell(issue.sheet, firstCell)}）`}
        data-testid="issue-select"
      >
        <Icon className={mergeClasses(styles.icon, iconTone)} aria-hidden />
        <span className={styles.body}>
          <span data-testid="issue-message">{issue.message}</span>
          <span className={styles.cell}>{strings.cellLabel(issue.sheet, issue.cells.join(', '))}</span>
        </span>
      </button>
      {issue.fix && (
        <Button
          className={styles.fix}
          size="small"
          icon={<Wrench16Regular />}
          disabled={busy}
          aria-label={issue.fixLabel}
          title={issue.fixLabel}
          onClick={() => onFix(issue)}
          data-testid="issue-fix"
        >
          {strings.fixButton}
        </Button>
      )}
    </li>
  );
});

/** The issues of every form, grouped by section; each issue is a button that selects its cell. */
export function IssueList({ strings, forms, busy, onSelect, onFix }: IssueListProps) {
  const styles = useStyles();
  return (
    <>
      {forms
        .filter((form) => form.sections.length > 0 || form.toFill.length > 0)
        .map((form) => (
          <section key={form.key} className={styles.form} aria-label={strings.issueListLabel(form.title)} data-testid="form-issues" data-sheet={form.sheet}>
            <h3 className={styles.formHeading}>{strings.formHeading(form.title, form.sheet, form.year)}</h3>
            {form.sections.map((section) => (
              <div key={section.key}>
                <h4 className={styles.sectionHeading}>{section.title}</h4>
                <ul className={styles.list}>
                  {section.issues.map((issue) => (
                    <IssueItem key={issue.key} strings={strings} issue={issue} busy={busy} onSelect={onSelect} onFix={onFix} />
                  ))}
                </ul>
              </div>
            ))}
            {form.toFill.length > 0 && (
              <details className={styles.toFill} data-testid="to-fill">
                <summary>{strings.toFillHeading(form.toFill.length)}</summary>
                <p className={styles.toFillHint}>{strings.toFillHint}</p>
                <ul className={styles.list}>
                  {form.toFill.map((issue) => (
                    <IssueItem key={issue.key} strings={strings} issue={issue} quiet busy={busy} onSelect={onSelect} onFix={onFix} />
                  ))}
                </ul>
              </details>
            )}
          </section>
        ))}
    </>
  );
}
