import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, CheckmarkCircle20Filled, Eraser20Regular, TableAdd20Regular, TextBulletListAdd20Regular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import type { PaneStrings } from '../strings';
import { indicatorChoices, type TargetForm } from '../view-model';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '8em' },
  actsOn: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  rows: { '& > summary': { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` }, '& > div': { paddingTop: tokens.spacingVerticalS } },
  // A long sheet name must not widen the pane.
  fullWidth: { width: '100%', minWidth: 0, '& select': { maxWidth: '100%', textOverflow: 'ellipsis' } },
});

const NO_LEVEL2 = '';

export interface ActionsPanelProps {
  readonly strings: PaneStrings;
  readonly forms: readonly TargetForm[];
  /** The active sheet: its form is the target until the user chooses another. */
  readonly activeSheet: string | null;
  readonly busy: boolean;
  readonly liveChecking: boolean;
  readonly onAddTaskRow: (sheet: string) => void;
  readonly onAddIndicatorRow: (sheet: string, level1: string, level2: string | null) => void;
  readonly onClearHighlights: () => void;
  readonly onRecheck: () => void;
  readonly onCheckBeforeSubmit: () => void;
  readonly onLiveCheckingChange: (enabled: boolean) => void;
}

export function ActionsPanel(props: ActionsPanelProps) {
  const { strings, forms, busy, liveChecking } = props;
  const styles = useStyles();
  const headingId = useId();
  const frameworkChoices = useMemo(() => indicatorChoices(), []);
  const [chosen, setChosen] = useState<{ sheet: string; whileActive: string | null } | null>(null);
  // A choice holds while the sheet it was made on stays active; activating another sheet makes its form the target.
  const chosenSheet = chosen && chosen.whileActive === props.activeSheet ? chosen.sheet : null;
  const setChosenSheet = (sheet: string) => setChosen({ sheet, whileActive: props.activeSheet });
  const [chosenLevel1, setChosenLevel1] = useState<number>(0);
  const [chosenLevel2, setChosenLevel2] = useState<string | null>(null);
  const [rowsOpen, setRowsOpen] = useState(false);

  // The chosen form, else the active sheet's, else the first.
  const target = forms.find((form) => form.sheet === chosenSheet) ?? forms.find((form) => form.sheet === props.activeSheet) ?? forms[0];
  const noForm = target === undefined;
  const isDepartment = target?.template === 'department';
  // Choices follow the names the target form writes (完成指标 for 产出指标); by framework position.
  const choices = target?.indicatorChoices ?? frameworkChoices;
  const level1Choice = choices[chosenLevel1] ?? choices[0];
  const level2Options = level1Choice.level2Options;
  const level2 = chosenLevel2 !== null && (chosenLevel2 === NO_LEVEL2 || level2Options.some((option) => option.value === chosenLevel2)) ? chosenLevel2 : (level2Options[0]?.value ?? NO_LEVEL2);

  const chooseLevel1 = (index: number) => {
    setChosenLevel1(index);
    setChosenLevel2(null);
  };

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId}>{strings.actionsHeading}</h2>
      <div className={styles.row}>
        <Button icon={<CheckmarkCircle20Filled />} disabled={busy || noForm} onClick={props.onCheckBeforeSubmit} data-testid="check-before-submit">
          {strings.checkBeforeSubmit}
        </Button>
        <Button icon={<ArrowSync20Regular />} disabled={busy} onClick={props.onRecheck} data-testid="recheck">
          {strings.recheck}
        </Button>
        <Button icon={<Eraser20Regular />} disabled={busy} onClick={props.onClearHighlights} data-testid="clear-highlights">
          {strings.clearHighlights}
        </Button>
      </div>
      <Checkbox
        checked={liveChecking}
        disabled={busy}
        label={strings.liveCheckingLabel}
        onChange={(_, data) => props.onLiveCheckingChange(data.checked === true)}
        data-testid="live-checking"
      />
      {/* Adding rows is one click away, folded: the issues keep the room. */}
      <details className={styles.rows} open={rowsOpen} onToggle={(event) => setRowsOpen(event.currentTarget.open)} data-testid="row-actions">
        <summary>
          {strings.addRowsHeading}
          {target && (
            <span className={styles.actsOn} data-testid="acts-on" data-sheet={target.sheet}>
              {' '}
              {strings.actsOn(target.label)}
            </span>
          )}
        </summary>
        <div className={styles.panel}>
          <Field label={strings.targetFormLabel}>
            <Select className={styles.fullWidth} value={target?.sheet ?? ''} disabled={noForm} onChange={(_, data) => setChosenSheet(data.value)} data-testid="target-form">
              {forms.map((form) => (
                <option key={form.sheet} value={form.sheet}>
                  {form.label}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <Button
              icon={<TableAdd20Regular />}
              disabled={busy || noForm || !isDepartment}
              title={isDepartment ? undefined : strings.addTaskRowOnlyDepartment}
              onClick={() => target && props.onAddTaskRow(target.sheet)}
              data-testid="add-task-row"
            >
              {strings.addTaskRow}
            </Button>
          </div>
          <div className={styles.row}>
            <Field label={strings.level1Label} className={styles.grow}>
              <Select className={styles.fullWidth} value={String(chosenLevel1)} onChange={(_, data) => chooseLevel1(Number(data.value))} data-testid="indicator-level1">
                {choices.map((choice, index) => (
                  <option key={choice.level1.value} value={String(index)} data-name={choice.level1.value}>
                    {choice.level1.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={strings.level2Label} className={styles.grow}>
              <Select className={styles.fullWidth} value={level2} onChange={(_, data) => setChosenLevel2(data.value)} data-testid="indicator-level2">
                {level2Options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
                <option value={NO_LEVEL2}>{strings.level2None}</option>
              </Select>
            </Field>
          </div>
          <div className={styles.row}>
            <Button
              icon={<TextBulletListAdd20Regular />}
              disabled={busy || noForm}
              onClick={() => target && props.onAddIndicatorRow(target.sheet, level1Choice.level1.value, level2 === NO_LEVEL2 ? null : level2)}
              data-testid="add-indicator-row"
            >
              {strings.addIndicatorRow}
            </Button>
          </div>
        </div>
      </details>
    </section>
  );
}
