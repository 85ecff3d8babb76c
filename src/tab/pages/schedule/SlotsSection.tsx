// The suggested times for the pair: while they load, why there are none (with
// a wider window to try), a failure, or the list to book or move a session to.
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ApiError } from '../../../client/api.js';
import { errorCodes, type SlotResponse, type SlotSuggestion } from '../../../core/api.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { strings } from '../../strings.js';
import { SlotList, SlotListSkeleton } from './SlotList.js';
import type { Step } from './useSchedulePair.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Why no time was suggested, when that is the answer (an empty list, or the server's no_common_time). */
function noCommonTimeReason(slots: Step<SlotResponse>): string | null {
  if (slots.status === 'done' && slots.value.suggestions.length === 0)
    return slots.value.noCommonTimeReason ?? strings.schedule.noCommonTime;
  if (slots.status === 'failed' && slots.error instanceof ApiError && slots.error.code === errorCodes.noCommonTime)
    return slots.error.message;
  return null;
}

export function SlotsSection({
  slots,
  notice,
  locale,
  viewerId,
  busy,
  rebooking,
  onTryWider,
  onRetry,
  onPick,
}: {
  slots: Step<SlotResponse>;
  /** A booking or a change to a session under way. */
  notice: 'booking' | 'updating' | null;
  locale: string;
  viewerId: string;
  busy: boolean;
  /** A picked time moves the session being rebooked instead of booking a new one. */
  rebooking: boolean;
  onTryWider: (() => void) | null;
  onRetry: () => void;
  onPick: (slot: SlotSuggestion) => void;
}) {
  const styles = useStyles();
  const noCommonTime = noCommonTimeReason(slots);
  return (
    <section className={styles.section} aria-labelledby="slots-title" aria-busy={slots.status === 'working'}>
      {slots.status !== 'idle' ? (
        <Text as="h2" id="slots-title" size={500} weight="semibold" style={{ margin: 0 }}>
          {strings.schedule.slotsTitle}
        </Text>
      ) : null}
      {slots.status === 'working' ? <SlotListSkeleton /> : null}
      {notice ? (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{notice === 'booking' ? strings.schedule.booking : strings.schedule.updating}</MessageBarBody>
        </MessageBar>
      ) : null}
      {noCommonTime ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.schedule.noCommonTime}</MessageBarTitle>
            {noCommonTime}
          </MessageBarBody>
          {onTryWider ? (
            <MessageBarActions>
              <Button onClick={onTryWider}>{strings.schedule.widerWindow}</Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      {slots.status === 'failed' && !noCommonTime ? <ErrorMessage error={slots.error} onRetry={onRetry} /> : null}
      {slots.status === 'done' && slots.value.suggestions.length ? (
        <SlotList
          slots={slots.value.suggestions}
          locale={locale}
          viewerId={viewerId}
          busy={busy}
          actionLabel={rebooking ? strings.schedule.rebookHere : strings.schedule.book}
          onPick={onPick}
        />
      ) : null}
    </section>
  );
}
