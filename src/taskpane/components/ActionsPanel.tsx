import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, Eraser20Regular, TableAdd20Regular, TextBulletListAdd20Regular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import type { PaneStrings } from '../strings';
import { indicatorChoices, type TargetForm } from '../view-model';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '8em' },
});

const NO_LEVEL2 = '';

export interface ActionsPanelProps {
  readonly strings: PaneStrings;
  readonly forms: readonly TargetForm[];
  readonly busy: boolean;
  readonly liveChecking: boolean;
  readonly onAddTaskRow: (sheet: string) => void;
  readonly onAddIndicatorRow: (sheet: string, level1: string, level2: string | null) => void;
  readonly onClearHighlights: () => void;
  readonly onRecheck: () => void;
  readonly onLiveCheckingChange: (enabled: boolean) => void;
}

export function ActionsPanel(props: ActionsPanelProps) {
  const { strings, forms, busy, liveChecking } = props;
  const styles = useStyles();
  const headingId = useId();
  const choices = useMemo(() => indicatorChoices(), []);
  const [chosenSheet, setChosenSheet] = useState<string | null>(null);
  const [level1, setLevel1] = useState(choices[0].level1);
  const level2Options = choices.find((choice) => choice.level1 === level1)?.level2Options ?? [];
  const [level2, setLevel2] = useState<string>(level2Options[0] ?? NO_LEVEL2);

  // The chosen form, or the first one while nothing is chosen or the chosen sheet is gone.
  const target = forms.find((form) => form.sheet === chosenSheet) ?? forms[0];
  const noForm = target === undefined;
  const isDepartment = target?.template === 'department';

  const chooseLevel1 = (name: string) => {
    setLevel1(name);
    setLevel2(choices.find((choice) => choice.level1 === name)?.level2Options[0] ?? NO_LEVEL2);
  };

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId}>{strings.actionsHeading}</h2>
      <Field label={strings.targetFormLabel}>
        <Select value={target?.sheet ?? ''} disabled={noForm} onChange={(_, data) => setChosenSheet(data.value)} data-testid="target-form">
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
          <Select value={level1} onChange={(_, data) => chooseLevel1(data.value)} data-testid="indicator-level1">
            {choices.map((choice) => (
              <option key={choice.level1} value={choice.level1}>
                {choice.level1}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.level2Label} className={styles.grow}>
          <Select value={level2} onChange={(_, data) => setLevel2(data.value)} data-testid="indicator-level2">
            {level2Options.map((name) => (
              <option key={name} value={name}>
                {name}
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
          onClick={() => target && props.onAddIndicatorRow(target.sheet, level1, level2 === NO_LEVEL2 ? null : level2)}
          data-testid="add-indicator-row"
        >
          {strings.addIndicatorRow}
        </Button>
      </div>
      <div className={styles.row}>
        <Button icon={<Eraser20Regular />} disabled={busy} onClick={props.onClearHighlights} data-testid="clear-highlights">
          {strings.clearHighlights}
        </Button>
        <Button icon={<ArrowSync20Regular />} disabled={busy} onClick={props.onRecheck} data-testid="recheck">
          {strings.recheck}
        </Button>
      </div>
      <Checkbox
        checked={liveChecking}
        disabled={busy}
        label={strings.liveCheckingLabel}
        onChange={(_, data) => props.onLiveCheckingChange(data.checked === true)}
        data-testid="live-checking"
      />
    </section>
  );
}
