import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { PaneStrings } from '../strings';
import type { ShownProblem } from '../pane-controller';
import { problemText } from '../problems';

export interface ProblemBarsProps {
  readonly strings: PaneStrings;
  readonly problems: readonly ShownProblem[];
  readonly onDismiss: (id: number) => void;
}

export function ProblemBars({ strings, problems, onDismiss }: ProblemBarsProps) {
  return (
    <>
      {problems.map(({ id, problem }) => (
        <MessageBar
          key={id}
          intent={problem.kind === 'host' && problem.problem.code === 'cell_edit_mode' ? 'warning' : 'error'}
          data-testid="problem"
          data-problem={problem.kind === 'host' ? problem.problem.code : 'unexpected'}
        >
          <MessageBarBody>
            <MessageBarTitle>{strings.problemTitle}</MessageBarTitle>
            {problemText(problem, strings)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<Dismiss20Regular />} onClick={() => onDismiss(id)} />}
          />
        </MessageBar>
      ))}
    </>
  );
}
