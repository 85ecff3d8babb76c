// The `nudge` planner: a pair with no session for 30 days (configurable) and
// none booked gets a card to both people with "Find a time"; due on the first
// whole hour of day 30 that is inside each person's working hours. The
// `partner-left` / `pair-ended` planner re-plans what ending a pair enqueued
// (../pairEnding.ts), so a crash between recording and enqueueing loses nothing.
import type { Pair, Session } from '../../../src/core/schemas.js';
import { earliestDeliveryAtOrAfter } from '../../../src/core/sessions/index.js';
import { dayMs, hourMs } from '../../../src/core/time.js';
import { pairEventMessages, pairEvents } from '../pairEnding.js';
import { nudgeCard } from './cards.js';
import {
  holdsWholeHour,
  hoursSource,
  inWindow,
  isoOf,
  links,
  memo,
  otherMember,
  pairsById,
  type PlannerSettings,
} from './planning.js';
import type { DueMessage, DuePlanner } from './types.js';

/** Sessions that break a silence: held, or booked and not cancelled (an unmarked past one counts: they likely met). */
const breaksSilence = (s: Session) => s.status === 'held' || s.status === 'scheduled';

/**
 * When the pair's current silence began (its start, or the end of its last
 * session), or null when a session is booked ahead of `at`.
 */
export function silenceStart(pair: Pair, sessions: readonly Session[], at: number): number | null {
  let since = Date.parse(pair.startedOn);
  for (const s of sessions.filter(breaksSilence)) {
    if (Date.parse(s.start) > at) return null;
    since = Math.max(since, Date.parse(s.end));
  }
  return since;
}

export function nudgePlanner(settings: PlannerSettings): DuePlanner {
  const hoursOf = hoursSource(settings);
  const quietMs = settings.nudgeQuietDays * dayMs;
  const dueAtOf = memo<number | null>();
  return {
    kinds: ['nudge'],
    async plan(ports, window) {
      if (!holdsWholeHour(window)) return [];
      const [pairs, sessions] = await Promise.all([ports.store.allPairs(), ports.store.allSessions()]);
      const byPair = new Map<string, Session[]>();
      for (const s of sessions) byPair.set(s.pairId, [...(byPair.get(s.pairId) ?? []), s]);
      const link = links(ports.teamsAppId);
      const due: DueMessage[] = [];
      for (const pair of pairs.filter((p) => p.status === 'active')) {
        const since = silenceStart(pair, byPair.get(pair.id) ?? [], window.to);
        if (since === null || since + quietMs >= window.to) continue;
        for (const member of pair.members) {
          const hours = await hoursOf(ports).of(member.userId);
          const from = since + quietMs;
          const dueAt = dueAtOf(`${from}|${JSON.stringify(hours)}`, () =>
            earliestDeliveryAtOrAfter(from, from + 7 * dayMs, hours, hourMs),
          );
          if (dueAt === null || !inWindow(dueAt, window)) continue;
          due.push({
            kind: 'nudge',
            subject: `${pair.id}|${isoOf(since).slice(0, 10)}`,
            recipient: member.userId,
            dueAt: isoOf(dueAt),
            expiresAt: isoOf(dueAt + 7 * dayMs),
            card: nudgeCard(
              otherMember(pair, member.userId).displayName,
              settings.nudgeQuietDays,
              link.schedule(pair.id),
            ),
          });
        }
      }
      return due;
    },
  };
}

export const pairEventPlanner: DuePlanner = {
  kinds: ['partner-left', 'pair-ended'],
  async plan(ports, window) {
    const events = await pairEvents(ports.store, window);
    const pairs = await pairsById(
      ports,
      events.map((e) => e.pairId),
    );
    return events.flatMap((e) => {
      const pair = pairs.get(e.pairId);
      return pair ? pairEventMessages(ports.teamsAppId, pair, e) : [];
    });
  },
};
