import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { FormHost } from '../../host/form-host';
import type { Lang } from '../../core';
import type { PaneStrings } from '../strings';
import type { MessageSource } from '../view-model';
import { PaneErrorBoundary } from './PaneErrorBoundary';
import { TaskPane } from './TaskPane';

export interface AppProps {
  readonly host: FormHost;
  readonly lang: Lang;
  readonly strings: PaneStrings;
  readonly messages: MessageSource;
  readonly dark: boolean;
}

export function App({ host, lang, strings, messages, dark }: AppProps) {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={lang} style={{ height: '100%' }}>
      <PaneErrorBoundary strings={strings}>
        <TaskPane host={host} lang={lang} strings={strings} messages={messages} />
      </PaneErrorBoundary>
    </FluentProvider>
  );
}
