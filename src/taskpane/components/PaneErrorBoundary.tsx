import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { PaneStrings } from '../strings';

interface Props {
  readonly strings: PaneStrings;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** A render error shows a message with a reload button instead of a blank pane. */
export class PaneErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console too, for whoever opens the developer tools to report it.
    console.error('Task pane render error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { strings } = this.props;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="pane-crash">
        <MessageBarBody>
          <MessageBarTitle>{strings.crashTitle}</MessageBarTitle>
          {strings.crashBody} ({error.message})
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => window.location.reload()}>{strings.reload}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
