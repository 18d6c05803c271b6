import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, CheckmarkCircle20Filled, Eraser20Regular, TableAdd20Regular, TextBulletListAdd20Regular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import type { PaneStrings } from '../strings';
import { indicatorChoices, type IndicatorChoice, type TargetForm } from '../view-model';

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
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId}>{props.strings.actionsHeading}</h2>
      <CheckActions {...props} />
      <RowActions {...props} />
    </section>
  );
}

/** Check before submitting, check again, clear the highlights, and live checking on or off. */
function CheckActions({ strings, forms, busy, liveChecking, onCheckBeforeSubmit, onRecheck, onClearHighlights, onLiveCheckingChange }: ActionsPanelProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.row}>
        <Button icon={<CheckmarkCircle20Filled />} disabled={busy || forms.length === 0} onClick={onCheckBeforeSubmit} data-testid="check-before-submit">
          {strings.checkBeforeSubmit}
        </Button>
        <Button icon={<ArrowSync20Regular />} disabled={busy} onClick={onRecheck} data-testid="recheck">
          {strings.recheck}
        </Button>
        <Button icon={<Eraser20Regular />} disabled={busy} onClick={onClearHighlights} data-testid="clear-highlights">
          {strings.clearHighlights}
        </Button>
      </div>
      <Checkbox checked={liveChecking} disabled={busy} label={strings.liveCheckingLabel} onChange={(_, data) => onLiveCheckingChange(data.checked === true)} data-testid="live-checking" />
    </>
  );
}

interface SelectOption {
  readonly value: string;
  readonly label: string;
  /** The name the option stands for, when its value is not that name. */
  readonly name?: string;
}

/** A drop-down as wide as the pane allows, over a list of options. */
function OptionSelect({ value, options, disabled, onChange, testId }: { readonly value: string; readonly options: readonly SelectOption[]; readonly disabled?: boolean; readonly onChange: (value: string) => void; readonly testId: string }) {
  const styles = useStyles();
  return (
    <Select className={styles.fullWidth} value={value} disabled={disabled} onChange={(_, data) => onChange(data.value)} data-testid={testId}>
      {options.map((option) => (
        <option key={option.name ?? option.value} value={option.value} data-name={option.name}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}

/** Adding rows to a form: the form to act on, a task row (department forms), an indicator row. */
function RowActions({ strings, forms, activeSheet, busy, onAddTaskRow, onAddIndicatorRow }: ActionsPanelProps) {
  const styles = useStyles();
  const frameworkChoices = useMemo(() => indicatorChoices(), []);
  const [chosen, setChosen] = useState<{ sheet: string; whileActive: string | null } | null>(null);
  // A choice holds while the sheet it was made on stays active; activating another sheet makes its form the target.
  const chosenSheet = chosen && chosen.whileActive === activeSheet ? chosen.sheet : null;
  const [rowsOpen, setRowsOpen] = useState(false);
  // The chosen form, else the active sheet's, else the first.
  const target = forms.find((form) => form.sheet === chosenSheet) ?? forms.find((form) => form.sheet === activeSheet) ?? forms[0];
  const noForm = target === undefined;
  const isDepartment = target?.template === 'department';

  return (
    // Adding rows is one click away, folded: the issues keep the room.
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
          <OptionSelect value={target?.sheet ?? ''} options={forms.map((form) => ({ value: form.sheet, label: form.label }))} disabled={noForm} onChange={(sheet) => setChosen({ sheet, whileActive: activeSheet })} testId="target-form" />
        </Field>
        <div className={styles.row}>
          <Button
            icon={<TableAdd20Regular />}
            disabled={busy || noForm || !isDepartment}
            title={isDepartment ? undefined : strings.addTaskRowOnlyDepartment}
            onClick={() => target && onAddTaskRow(target.sheet)}
            data-testid="add-task-row"
          >
            {strings.addTaskRow}
          </Button>
        </div>
        {/* Choices follow the names the target form writes (完成指标 for 产出指标); by framework position. */}
        <IndicatorRowActions strings={strings} choices={target?.indicatorChoices ?? frameworkChoices} disabled={busy || noForm} onAdd={(level1, level2) => target && onAddIndicatorRow(target.sheet, level1, level2)} />
      </div>
    </details>
  );
}

interface IndicatorRowActionsProps {
  readonly strings: PaneStrings;
  readonly choices: readonly IndicatorChoice[];
  readonly disabled: boolean;
  readonly onAdd: (level1: string, level2: string | null) => void;
}

/** The 一级 and 二级 a new indicator row goes under, and the button that adds it. */
function IndicatorRowActions({ strings, choices, disabled, onAdd }: IndicatorRowActionsProps) {
  const styles = useStyles();
  const [chosenLevel1, setChosenLevel1] = useState<number>(0);
  const [chosenLevel2, setChosenLevel2] = useState<string | null>(null);
  const level1Choice = choices[chosenLevel1] ?? choices[0];
  const level2Options = level1Choice.level2Options;
  const level2 = chosenLevel2 !== null && (chosenLevel2 === NO_LEVEL2 || level2Options.some((option) => option.value === chosenLevel2)) ? chosenLevel2 : (level2Options[0]?.value ?? NO_LEVEL2);
  const chooseLevel1 = (index: number) => {
    setChosenLevel1(index);
    setChosenLevel2(null);
  };

  return (
    <>
      <div className={styles.row}>
        <Field label={strings.level1Label} className={styles.grow}>
          <OptionSelect value={String(chosenLevel1)} options={choices.map((choice, index) => ({ value: String(index), label: choice.level1.label, name: choice.level1.value }))} onChange={(index) => chooseLevel1(Number(index))} testId="indicator-level1" />
        </Field>
        <Field label={strings.level2Label} className={styles.grow}>
          <OptionSelect value={level2} options={[...level2Options, { value: NO_LEVEL2, label: strings.level2None }]} onChange={setChosenLevel2} testId="indicator-level2" />
        </Field>
      </div>
      <div className={styles.row}>
        <Button icon={<TextBulletListAdd20Regular />} disabled={disabled} onClick={() => onAdd(level1Choice.level1.value, level2 === NO_LEVEL2 ? null : level2)} data-testid="add-indicator-row">
          {strings.addIndicatorRow}
        </Button>
      </div>
    </>
  );
}
