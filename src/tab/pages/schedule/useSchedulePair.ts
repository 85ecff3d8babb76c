import { useCallback, useState } from 'react';
import type { BookSessionResponse, SlotResponse, SlotSuggestion } from '../../../core/api.js';
import type { Direction, FocusArea, Session, SessionDuration } from '../../../core/schemas.js';
import { dayMs, hourMs } from '../../../core/time.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

export interface ScheduleChoices {
  durationMinutes: SessionDuration;
  direction: Direction;
  focusAreas: FocusArea[];
  windowDays: number;
  occurrences: number;
}

export type Step<T> =
  { status: 'idle' } | { status: 'working' } | { status: 'done'; value: T } | { status: 'failed'; error: unknown };

/** One pair's scheduling: suggestions, booking, rebooking and cancelling. */
export function useSchedulePair(pairId: string) {
  const { api } = useTabRuntime();
  const summary = useResource(() => api.pair(pairId), [api, pairId]);
  const [slots, setSlots] = useState<Step<SlotResponse>>({ status: 'idle' });
  const [booking, setBooking] = useState<Step<BookSessionResponse>>({ status: 'idle' });
  const [change, setChange] = useState<
    Step<{ kind: 'rebooked'; session: Session } | { kind: 'cancelled'; sessionId: string }>
  >({ status: 'idle' });
  const { reload } = summary;

  const findSlots = useCallback(
    async (choices: ScheduleChoices, now = new Date()) => {
      setSlots({ status: 'working' });
      setChange({ status: 'idle' });
      try {
        const windowStart = new Date(now.getTime() + hourMs);
        const windowEnd = new Date(now.getTime() + choices.windowDays * dayMs);
        const value = await api.slots(pairId, {
          durationMinutes: choices.durationMinutes,
          windowStart: windowStart.toISOString(),
          windowEnd: windowEnd.toISOString(),
          maxSuggestions: 8,
        });
        setSlots({ status: 'done', value });
      } catch (error) {
        setSlots({ status: 'failed', error });
      }
    },
    [api, pairId],
  );

  const book = useCallback(
    async (slot: SlotSuggestion, choices: ScheduleChoices) => {
      setBooking({ status: 'working' });
      setChange({ status: 'idle' });
      try {
        const value = await api.book(pairId, {
          start: slot.start,
          durationMinutes: choices.durationMinutes,
          direction: choices.direction,
          focusAreas: choices.focusAreas,
          occurrences: choices.occurrences,
        });
        setBooking({ status: 'done', value });
        setSlots({ status: 'idle' });
        reload();
      } catch (error) {
        setBooking({ status: 'failed', error });
      }
    },
    [api, pairId, reload],
  );

  const rebook = useCallback(
    async (sessionId: string, slot: SlotSuggestion) => {
      setChange({ status: 'working' });
      setBooking({ status: 'idle' });
      try {
        const session = await api.reschedule(sessionId, slot.start);
        setChange({ status: 'done', value: { kind: 'rebooked', session } });
        setSlots({ status: 'idle' });
        setBooking({ status: 'idle' });
        reload();
      } catch (error) {
        setChange({ status: 'failed', error });
      }
    },
    [api, reload],
  );

  const cancel = useCallback(
    async (sessionId: string) => {
      setChange({ status: 'working' });
      try {
        await api.cancel(sessionId);
        setChange({ status: 'done', value: { kind: 'cancelled', sessionId } });
        setBooking({ status: 'idle' });
        reload();
      } catch (error) {
        setChange({ status: 'failed', error });
      }
    },
    [api, reload],
  );

  return { summary, slots, booking, change, findSlots, book, rebook, cancel };
}
