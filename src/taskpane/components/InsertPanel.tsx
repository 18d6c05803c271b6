import { Button, Checkbox, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { AddSquare20Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { InsertOptions } from '../../host/form-host';
import { MAX_BUDGET_YEAR, MIN_BUDGET_YEAR, type TemplateId, TEMPLATE_IDS } from '../../core';
import { SAMPLE_YEARS } from '../sample-years';
import type { PaneStrings } from '../strings';
import { parseBudgetYear } from '../view-model';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  year: { width: '7em' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface InsertPanelProps {
  readonly strings: PaneStrings;
  readonly templateTitle: (id: TemplateId) => string;
  readonly defaultYear: number;
  readonly busy: boolean;
  readonly disabledReason: string | null;
  /** Folded to one button once the workbook holds a form. */
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onInsert: (options: InsertOptions) => void;
}

export function InsertPanel({ strings, templateTitle, defaultYear, busy, disabledReason, open, onOpenChange, onInsert }: InsertPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const [template, setTemplate] = useState<TemplateId>('department');
  const [yearText, setYearText] = useState(String(defaultYear));
  const [yearEdited, setYearEdited] = useState(false);
  const [withSample, setWithSample] = useState(false);
  const year = parseBudgetYear(yearText);
  const yearProblem = year !== null ? undefined : yearText.trim() === '' ? strings.yearMissing : strings.yearInvalid(MIN_BUDGET_YEAR, MAX_BUDGET_YEAR);

  // The sample is the 2022 form: unless the user chose a year, insert it for its own year,
  // so that its 填表日期 fits and the form checks as the reference does.
  const chooseSample = (checked: boolean) => {
    setWithSample(checked);
    if (!yearEdited) setYearText(String(checked ? SAMPLE_YEARS[template] : defaultYear));
  };

  if (!open) {
    return (
      <section className={styles.panel} aria-labelledby={headingId}>
        <h2 id={headingId} className={styles.hidden}>
          {strings.insertHeading}
        </h2>
        <div>
          <Button icon={<AddSquare20Regular />} onClick={() => onOpenChange(true)} aria-expanded={false} data-testid="insert-expand">
            {strings.insertAnother}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId}>{strings.insertHeading}</h2>
      <Field label={strings.templateGroupLabel}>
        <RadioGroup value={template} onChange={(_, data) => setTemplate(TEMPLATE_IDS.find((id) => id === data.value) ?? 'department')}>
          {TEMPLATE_IDS.map((id) => (
            <Radio key={id} value={id} label={templateTitle(id)} data-testid={`template-${id}`} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={strings.yearLabel} hint={yearProblem ? undefined : strings.yearHint} validationState={yearProblem ? 'error' : 'none'} validationMessage={yearProblem} data-testid="year-field">
          <Input
            className={styles.year}
            type="number"
            inputMode="numeric"
            value={yearText}
            onChange={(_, data) => {
              setYearText(data.value);
              setYearEdited(true);
            }}
            data-testid="year"
          />
        </Field>
      </div>
      <Checkbox checked={withSample} onChange={(_, data) => chooseSample(data.checked === true)} label={strings.withSampleLabel} data-testid="with-sample" />
      <div>
        <Button
          appearance="primary"
          icon={<AddSquare20Regular />}
          disabled={busy || year === null || disabledReason !== null}
          title={disabledReason ?? undefined}
          onClick={() => year !== null && onInsert({ template, year, withSample })}
          data-testid="insert"
        >
          {busy ? strings.inserting : strings.insertButton}
        </Button>
      </div>
    </section>
  );
}
