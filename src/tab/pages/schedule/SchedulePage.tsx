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
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { ApiError } from '../../../client/api.js';
import { errorCodes } from '../../../core/api.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { strings } from '../../strings.js';
import { BookingConfirmation } from './BookingConfirmation.js';
import { ScheduleForm } from './ScheduleForm.js';
import { SlotList, SlotListSkeleton } from './SlotList.js';
import { UpcomingSession } from './UpcomingSession.js';
import { widerWindow } from './slotWindow.js';
import { useSchedulePair, type ScheduleChoices } from './useSchedulePair.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export default function SchedulePage() {
  const styles = useStyles();
  const { pairId = '' } = useParams();
  const { context } = useTabRuntime();
  const { summary, slots, booking, change, findSlots, book, rebook, cancel } = useSchedulePair(pairId);
  const [choices, setChoices] = useState<ScheduleChoices | null>(null);
  const [rebooking, setRebooking] = useState<string | null>(null);

  useEffect(() => {
    if (summary.data && !choices) {
      const reverseFirst = summary.data.balance.reverse <= summary.data.balance.traditional;
      setChoices({
        durationMinutes: summary.data.pair.durationMinutes,
        direction: reverseFirst ? 'reverse' : 'traditional',
        focusAreas: [],
        windowDays: 14,
        occurrences: 1,
      });
    }
  }, [summary.data, choices]);

  if (!summary.data || !choices) {
    return summary.status === 'failed' ? (
      <ErrorMessage error={summary.error} onRetry={summary.reload} />
    ) : (
      <PageSkeleton rows={2} />
    );
  }
  const { partner, pair, nextSession } = summary.data;
  const working = slots.status === 'working' || booking.status === 'working' || change.status === 'working';
  const noCommonTime =
    slots.status === 'done' && slots.value.suggestions.length === 0
      ? (slots.value.noCommonTimeReason ?? strings.schedule.noCommonTime)
      : slots.status === 'failed' && slots.error instanceof ApiError && slots.error.code === errorCodes.noCommonTime
        ? slots.error.message
        : null;
  const wider = widerWindow(choices.windowDays);
  const tryWider = () => {
    if (!wider) return;
    const next = { ...choices, windowDays: wider };
    setChoices(next);
    void findSlots(next);
  };

  return (
    <div className={styles.page}>
      <RouterLink to="/tab" style={{ color: tokens.colorBrandForegroundLink }}>
        {strings.schedule.back}
      </RouterLink>
      <div className={styles.title}>
        <PersonAvatar name={partner.displayName} size={48} />
        <Text as="h1" size={600} weight="semibold" style={{ margin: 0 }}>
          {strings.schedule.title(partner.displayName)}
        </Text>
      </div>

      {change.status === 'done' ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {change.value.kind === 'cancelled' ? strings.schedule.cancelled : strings.schedule.rebooked}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {change.status === 'failed' ? <ErrorMessage error={change.error} /> : null}

      <section className={styles.section} aria-labelledby="upcoming-title">
        <Text as="h2" id="upcoming-title" size={500} weight="semibold" style={{ margin: 0 }}>
          {strings.schedule.upcoming}
        </Text>
        {nextSession ? (
          <UpcomingSession
            session={nextSession}
            locale={context.locale}
            busy={working}
            rebooking={rebooking === nextSession.id}
            onRebook={() => setRebooking(rebooking === nextSession.id ? null : nextSession.id)}
            onCancel={() => {
              setRebooking(null);
              void cancel(nextSession.id);
            }}
          />
        ) : (
          <Text>{strings.schedule.noUpcoming}</Text>
        )}
      </section>

      {booking.status === 'done' ? <BookingConfirmation booked={booking.value} locale={context.locale} /> : null}
      {booking.status === 'failed' ? <ErrorMessage error={booking.error} /> : null}

      <ScheduleForm
        choices={choices}
        cadence={pair.cadence}
        onChange={setChoices}
        onSubmit={() => void findSlots(choices)}
        busy={working}
      />

      <section className={styles.section} aria-labelledby="slots-title" aria-busy={slots.status === 'working'}>
        {slots.status !== 'idle' ? (
          <Text as="h2" id="slots-title" size={500} weight="semibold" style={{ margin: 0 }}>
            {strings.schedule.slotsTitle}
          </Text>
        ) : null}
        {slots.status === 'working' ? <SlotListSkeleton /> : null}
        {booking.status === 'working' || change.status === 'working' ? (
          <MessageBar intent="info" role="status">
            <MessageBarBody>
              {booking.status === 'working' ? strings.schedule.booking : strings.schedule.updating}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {noCommonTime ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{strings.schedule.noCommonTime}</MessageBarTitle>
              {noCommonTime}
            </MessageBarBody>
            {wider ? (
              <MessageBarActions>
                <Button onClick={tryWider}>{strings.schedule.widerWindow}</Button>
              </MessageBarActions>
            ) : null}
          </MessageBar>
        ) : null}
        {slots.status === 'failed' && !noCommonTime ? (
          <ErrorMessage error={slots.error} onRetry={() => void findSlots(choices)} />
        ) : null}
        {slots.status === 'done' && slots.value.suggestions.length ? (
          <SlotList
            slots={slots.value.suggestions}
            locale={context.locale}
            busy={working}
            actionLabel={rebooking ? strings.schedule.rebookHere : strings.schedule.book}
            onPick={(slot) => {
              if (rebooking) {
                const id = rebooking;
                setRebooking(null);
                void rebook(id, slot);
              } else void book(slot, choices);
            }}
          />
        ) : null}
      </section>
    </div>
  );
}
