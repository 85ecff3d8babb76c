import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { PairSummary } from '../../../core/api.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { strings } from '../../strings.js';
import { BookingConfirmation } from './BookingConfirmation.js';
import { ScheduleForm } from './ScheduleForm.js';
import { SlotsSection } from './SlotsSection.js';
import { upcomingSessions, UpcomingSessions } from './UpcomingSessions.js';
import { widerWindow } from './slotWindow.js';
import { defaultSlotPreferences, keptSlots, useSchedulePair, type ScheduleChoices } from './useSchedulePair.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The form as it opens: the pair's length, the direction that has had fewer sessions first, two weeks ahead. */
function firstChoices(summary: PairSummary): ScheduleChoices {
  return {
    durationMinutes: summary.pair.durationMinutes,
    direction: summary.balance.reverse <= summary.balance.traditional ? 'reverse' : 'traditional',
    focusAreas: [],
    windowDays: 14,
    occurrences: 1,
    preferences: defaultSlotPreferences,
  };
}

export default function SchedulePage() {
  const styles = useStyles();
  const { pairId = '' } = useParams();
  const { context, me } = useTabRuntime();
  const { summary, history, slots, booking, change, findSlots, book, rebook, cancel } = useSchedulePair(pairId);
  const [edited, setChoices] = useState<ScheduleChoices | null>(() => keptSlots(pairId)?.choices ?? null);
  const [rebooking, setRebooking] = useState<string | null>(null);
  // Until the person changes them, the choices the pair's data first gave (in the first render when it is here).
  const first = useRef<ScheduleChoices | null>(null);
  if (first.current === null && summary.data) first.current = firstChoices(summary.data);
  const choices = edited ?? first.current;

  if (!summary.data || !choices) {
    return summary.status === 'failed' ? (
      <ErrorMessage error={summary.error} onRetry={summary.reload} />
    ) : (
      <PageSkeleton rows={2} />
    );
  }
  const { partner, pair, nextSession } = summary.data;
  const working = slots.status === 'working' || booking.status === 'working' || change.status === 'working';
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
        <UpcomingSessions
          sessions={upcomingSessions(history.data?.sessions ?? null, nextSession)}
          history={history}
          locale={context.locale}
          timeZone={me.timeZone}
          busy={working}
          rebooking={rebooking}
          onRebook={(id) => setRebooking(rebooking === id ? null : id)}
          onCancel={(id) => {
            setRebooking(null);
            void cancel(id);
          }}
        />
      </section>

      {booking.status === 'done' ? <BookingConfirmation booked={booking.value} locale={context.locale} /> : null}
      {booking.status === 'failed' ? <ErrorMessage error={booking.error} /> : null}

      <ScheduleForm
        choices={choices}
        cadence={pair.cadence}
        onChange={setChoices}
        onSubmit={() => void findSlots(choices)}
        busy={working}
        rebooking={rebooking !== null}
      />

      <SlotsSection
        slots={slots}
        notice={booking.status === 'working' ? 'booking' : change.status === 'working' ? 'updating' : null}
        locale={context.locale}
        viewerId={me.id}
        busy={working}
        rebooking={rebooking !== null}
        onTryWider={wider ? tryWider : null}
        onRetry={() => void findSlots(choices)}
        onPick={(slot) => {
          if (rebooking) {
            const id = rebooking;
            setRebooking(null);
            void rebook(id, slot);
          } else void book(slot, choices);
        }}
      />
    </div>
  );
}
