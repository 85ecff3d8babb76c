import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useBusyNotice } from '../host/TabRuntimeProvider.js';
import { shellStrings as strings } from '../shellStrings.js';

/** Shown while a throttled request to Microsoft 365 is being retried. */
export function BusyBanner() {
  const busy = useBusyNotice();
  if (!busy) return null;
  return (
    <MessageBar intent="warning" role="status" aria-live="polite">
      <MessageBarBody>{strings.busy}</MessageBarBody>
    </MessageBar>
  );
}
