import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../client/api.js';
import { errorCodes } from '../core/api.js';
import { uiStrings } from './strings.js';

/** The sentence a person should read for a failure; server messages are shown for request errors only. */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return uiStrings.errors.generic;
  switch (error.code) {
    case errorCodes.notFound:
      return uiStrings.errors.notFound;
    case errorCodes.forbidden:
      return uiStrings.errors.forbidden;
    case errorCodes.throttled:
      return uiStrings.errors.throttled;
    case errorCodes.upstreamUnavailable:
      return error.status === 0 ? uiStrings.errors.offline : uiStrings.errors.unavailable;
    default:
      return error.message || uiStrings.errors.generic;
  }
}

export function ErrorMessage({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {errorText(error)}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{uiStrings.errors.retry}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
