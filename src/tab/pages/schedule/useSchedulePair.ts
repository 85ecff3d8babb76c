import { useCallback, useState } from 'react';
import { SlotResponse, type BookSessionResponse, type SlotRequest, type SlotSuggestion } from '../../../core/api.js';
import type { Direction, FocusArea, Session, SessionDuration } from '../../../core/schemas.js';
import { PairHistory } from '../../../core/sessions/feedback.js';
import { dayMs, hourMs } from '../../../core/time.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { withoutCompiling } from '../../../client/parsing.js';

export interface ScheduleChoices {
  durationMinutes: SessionDuration;
  direction: Direction;
  focusAreas: FocusArea[];
  windowDays: number;
  occurrences: number;
  preferences: SlotPreferences;
}

export type SlotPreferences = SlotRequest['preferences'];

/** What people would choose: keep lunch free; mornings and Monday/Friday are theirs to tick. */
export const defaultSlotPreferences: SlotPreferences = {
  avoidLunch: true,
  preferMornings: false,
  avoidMondayFriday: false,
};

/** Suggestions (and the choices they answer) outlive leaving the page, Back then Forward, in this tab only. */
const keptSlotsMs = 10 * 60_000;
const keptSlotsKey = (pairId: string) => `reciprocal.slots.${pairId}`;
interface KeptSlots {
  at: number;
  value: SlotResponse;
  choices: ScheduleChoices;
}

/** The suggestions last shown for this pair in this tab, if recent. */
export function keptSlots(pairId: string): KeptSlots | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(keptSlotsKey(pairId)) ?? 'null') as KeptSlots | null;
    if (!kept || Date.now() - kept.at > keptSlotsMs) return null;
    const value = SlotResponse.safeParse(kept.value, withoutCompiling);
    return value.success ? { ...kept, value: value.data } : null;
  } catch {
    return null;
  }
}

function keepSlots(pairId: string, kept: Omit<KeptSlots, 'at'> | null): void {
  try {
    if (kept) sessionStorage.setItem(keptSlotsKey(pairId), JSON.stringify({ at: Date.now(), ...kept }));
    else sessionStorage.removeItem(keptSlotsKey(pairId));
  } catch {
    // Storage may be full or blocked; kept suggestions are only a convenience.
  }
}

export type Step<T> =
  { status: 'idle' } | { status: 'working' } | { status: 'done'; value: T } | { status: 'failed'; error: unknown };

/** One pair's scheduling: suggestions, booking, rebooking and cancelling. */
export function useSchedulePair(pairId: string) {
  const { api } = useTabRuntime();
  const summary = useResource(() => api.pair(pairId), [api, pairId]);
  // Every session of the pair, for the list of upcoming ones (the summary names only the next).
  const history = useResource(
    () => api.json(PairHistory, 'GET', `/api/pairs/${encodeURIComponent(pairId)}/history`),
    [api, pairId],
  );
  const [slots, setSlotsState] = useState<Step<SlotResponse>>(() => {
    const kept = keptSlots(pairId);
    return kept ? { status: 'done', value: kept.value } : { status: 'idle' };
  });
  const setSlots = useCallback(
    (next: Step<SlotResponse>, choices?: ScheduleChoices) => {
      setSlotsState(next);
      if (next.status === 'done' && choices) keepSlots(pairId, { value: next.value, choices });
      else if (next.status === 'idle') keepSlots(pairId, null);
    },
    [pairId],
  );
  const [booking, setBooking] = useState<Step<BookSessionResponse>>({ status: 'idle' });
  const [change, setChange] = useState<
    Step<{ kind: 'rebooked'; session: Session } | { kind: 'cancelled'; sessionId: string }>
  >({ status: 'idle' });
  const { reload: reloadSummary } = summary;
  const { reload: reloadHistory } = history;
  const reload = useCallback(() => {
    reloadSummary();
    reloadHistory();
  }, [reloadSummary, reloadHistory]);

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
          preferences: choices.preferences,
        });
        setSlots({ status: 'done', value }, choices);
      } catch (error) {
        setSlots({ status: 'failed', error });
      }
    },
    [api, pairId, setSlots],
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
    [api, pairId, reload, setSlots],
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
    [api, reload, setSlots],
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

  return { summary, history, slots, booking, change, findSlots, book, rebook, cancel };
}
