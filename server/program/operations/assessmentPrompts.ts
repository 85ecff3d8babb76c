// The `assessment-prompt` planner: when a pairing round ends (a round with a
// cadence the day the next one falls due; one without, when its last pair
// ended: src/core/growth/roundEnd.ts), each person of the round's pairs gets
// the self-assessment card once (key: kind, round id, person), on the first
// whole hour from then inside their working hours. People who left the
// program or muted the kind are not planned (the scheduler checks mutes again
// before sending).
import type { Pair } from '../../../src/core/schemas.js';
import { roundEndsAt, roundParticipants } from '../../../src/core/growth/roundEnd.js';
import { earliestDeliveryAtOrAfter } from '../../../src/core/sessions/index.js';
import { dayMs, hourMs } from '../../../src/core/time.js';
import { EnrollmentStore } from '../enrollmentStore.js';
import { assessmentCard } from '../growth/assessmentCard.js';
import { allMutes } from './mutes.js';
import { holdsWholeHour, hoursSource, inWindow, isoOf, type PlannerSettings } from './planning.js';
import type { DueMessage, DuePlanner } from './types.js';

/** How long after a round ends its prompt may still be planned and sent. */
const promptDaysMs = 7 * dayMs;

export function assessmentPromptPlanner(settings: PlannerSettings): DuePlanner {
  const hoursOf = hoursSource(settings);
  return {
    kinds: ['assessment-prompt'],
    async plan(ports, window) {
      if (!holdsWholeHour(window)) return [];
      const enrollment = new EnrollmentStore(ports.store);
      const published = (await enrollment.rounds()).filter((r) => r.status === 'published' && r.pairIds.length > 0);
      if (published.length === 0) return [];
      const pairs = new Map<string, Pair>((await ports.store.allPairs()).map((p) => [p.id, p]));
      const ended = published.flatMap((round) => {
        const end = roundEndsAt(round, pairs);
        // Delivery falls within a week of the end: a round that ended earlier than that is past prompting.
        return end !== null && end < window.to && end + promptDaysMs > window.from ? [{ round, end }] : [];
      });
      if (ended.length === 0) return [];
      const [active, paused, isMuted] = await Promise.all([
        enrollment.profilesWithStatus('active'),
        enrollment.profilesWithStatus('paused'),
        allMutes(ports),
      ]);
      const enrolled = new Set([...active, ...paused].map((p) => p.userId));
      const due: DueMessage[] = [];
      for (const { round, end } of ended) {
        for (const personId of roundParticipants(round, pairs)) {
          if (!enrolled.has(personId) || isMuted(personId, 'assessment-prompt')) continue;
          const hours = await hoursOf(ports).of(personId);
          const dueAt = earliestDeliveryAtOrAfter(end, end + promptDaysMs, hours, hourMs);
          if (dueAt === null || !inWindow(dueAt, window)) continue;
          due.push({
            kind: 'assessment-prompt',
            subject: round.id,
            recipient: personId,
            dueAt: isoOf(dueAt),
            expiresAt: isoOf(dueAt + promptDaysMs),
            card: assessmentCard({
              occasion: 'round-end',
              intro:
                'Your pairing round has ended. Before the next one, take a minute to rate your confidence again: it shows what you learned.',
            }),
          });
        }
      }
      return due;
    },
  };
}
