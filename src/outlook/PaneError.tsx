import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { SignInRequired } from '../client/auth.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { MeetingItemError } from './meetingItem.js';

/** Outlook's and sign-in's own messages are meant for people; API errors read as the tab shows them. */
export function PaneError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof SignInRequired || error instanceof MeetingItemError) {
    return (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>{error.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return <ErrorMessage error={error} {...(onRetry ? { onRetry } : {})} />;
}
