import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { FormHost } from '../../host/form-host';
import { nextBudgetYear, type Lang, type TemplateId } from '../../core';
import { PaneController } from '../pane-controller';
import type { PaneStrings } from '../strings';
import { buildFormViews, summarize, targetForms, type MessageSource } from '../view-model';
import { ActionsPanel } from './ActionsPanel';
import { InsertPanel } from './InsertPanel';
import { IssueList } from './IssueList';
import { ProblemBars } from './ProblemBars';
import { SummaryBar } from './SummaryBar';

const useStyles = makeStyles({
  // The pane fills its window: the issues scroll in their own box, so the actions below them
  // stay in view however many issues there are (on a short window, the whole pane scrolls).
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    height: '100%',
    boxSizing: 'border-box',
    '& h1': { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
    '& h2': { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  },
  issues: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, flex: '1 1 auto', minHeight: '12em', overflowY: 'auto', paddingRight: tokens.spacingHorizontalXS },
  fixed: { flexShrink: 0 },
});

export interface TaskPaneProps {
  readonly host: FormHost;
  readonly lang: Lang;
  readonly strings: PaneStrings;
  readonly messages: MessageSource;
  /** "Today", for the default budget year. */
  readonly today?: Date;
}

export function TaskPane({ host, lang, strings, messages, today }: TaskPaneProps) {
  const styles = useStyles();
  const [controller] = useState(() => new PaneController(host, strings));
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => controller.connect(), [controller]);

  const forms = useMemo(() => (state.check ? buildFormViews(state.check.result, lang, strings, messages, state.check.fullCheck === true) : []), [state.check, lang, strings, messages]);
  const summary = useMemo(() => (state.check ? summarize(forms) : null), [state.check, forms]);
  const targets = useMemo(() => targetForms(forms), [forms]);
  const templateTitle = useCallback((id: TemplateId) => messages.templateTitle(id, lang), [messages, lang]);
  // The insert block is open while the workbook has no form; once one is inserted it folds away, one click from open.
  const [insertOpen, setInsertOpen] = useState<boolean | null>(null);
  const showInsert = insertOpen ?? forms.length === 0;
  const capabilities = host.capabilities();
  const insertBlocked = capabilities.canInsert ? null : strings.problemTitle;

  return (
    <main className={styles.pane} lang={lang} data-testid="task-pane">
      <h1>{strings.appTitle}</h1>
      <ProblemBars strings={strings} problems={state.problems} onDismiss={(id) => controller.dismissProblem(id)} />
      <InsertPanel
        strings={strings}
        templateTitle={templateTitle}
        defaultYear={nextBudgetYear(today ?? new Date())}
        busy={state.busy}
        disabledReason={insertBlocked}
        open={showInsert}
        onOpenChange={setInsertOpen}
        onInsert={(options) => void controller.insert(options).then(() => setInsertOpen(null))}
      />
      {state.notice && (
        <MessageBar key={state.notice.id} intent="success" data-testid="notice">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.fixed}>
        <SummaryBar strings={strings} summary={summary} forms={forms} />
      </div>
      <div className={styles.issues} data-testid="issue-list">
        <IssueList strings={strings} forms={forms} busy={state.busy} onSelect={(issue) => controller.select(issue)} onFix={(issue) => controller.fix(issue)} />
      </div>
      <ActionsPanel
        activeSheet={state.activeSheet}
        strings={strings}
        forms={targets}
        busy={state.busy}
        liveChecking={state.liveChecking}
        onAddTaskRow={(sheet) => controller.addTaskRow(sheet)}
        onAddIndicatorRow={(sheet, level1, level2) => controller.addIndicatorRow(sheet, level1, level2)}
        onClearHighlights={() => controller.clearHighlights()}
        onRecheck={() => controller.recheck()}
        onCheckBeforeSubmit={() => controller.checkBeforeSubmit()}
        onLiveCheckingChange={(enabled) => controller.setLiveChecking(enabled)}
      />
    </main>
  );
}
