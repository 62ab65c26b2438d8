import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** The outcome of an action, shown next to the control that caused it. Text only, never HTML. */
export interface Status {
  intent: 'success' | 'error' | 'warning' | 'info';
  text: string;
}

export function StatusBar({ status }: { status: Status }) {
  return (
    <MessageBar intent={status.intent} role="status">
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  );
}
