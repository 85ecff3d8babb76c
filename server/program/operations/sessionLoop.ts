// The `session-loop` planner: when a session's end passes, each of its two
// people gets the card asking whether it happened, how useful it was and one
// line learned; due at the end, or when the recipient's quiet hours are over.
// Someone who already answered (in the tab) gets none. Teams attendance is
// read first (./attendance.ts): a session both people joined is marked held
// and nobody is asked about it.
import { awakeHours, earliestDeliveryAtOrAfter } from '../../../src/core/sessions/index.js';
import { dayMs, hourMs } from '../../../src/core/time.js';
import { feedbackOfSession } from '../sessionLoop.js';
import { goalsOf } from '../../graph/growthStore.js';
import { openGoalsCardItems } from '../growth/goalCard.js';
import { attendanceSweep, heldByAttendance } from './attendance.js';
import { sessionLoopCard } from './cards.js';
import {
  hoursSource,
  inWindow,
  isoOf,
  links,
  memo,
  otherMember,
  sessionsAhead,
  type PlannerSettings,
} from './planning.js';
import type { DueMessage, DuePlanner } from './types.js';

/** A session ends at most 1 h after it starts; quiet hours can hold its card back up to 10 h more. */
const lookBackMs = 12 * hourMs;
/** Unanswered after a week, the card is pointless. */
const keepMs = 7 * dayMs;

export function sessionLoopPlanner(settings: PlannerSettings): DuePlanner {
  const hoursOf = hoursSource(settings);
  const refreshMs = settings.sessionsRefreshMs ?? 15 * 60_000;
  const ahead = sessionsAhead(refreshMs, lookBackMs + refreshMs + hourMs);
  const dueAtOf = memo<number | null>();
  const attendance = attendanceSweep(refreshMs);
  return {
    kinds: ['session-loop'],
    async plan(ports, window) {
      await attendance.markAttended(ports, window);
      const candidates = await ahead.withPairs(
        ports,
        window.from - lookBackMs,
        window.to,
        (s) => s.status !== 'cancelled' && Date.parse(s.end) < window.to,
      );
      const link = links(ports.teamsAppId);
      const due: DueMessage[] = [];
      for (const { session, pair } of candidates) {
        const end = Date.parse(session.end);
        const planned: Array<{ personId: string; dueAt: number; zone: string }> = [];
        for (const member of pair.members) {
          const { zone } = await hoursOf(ports).of(member.userId);
          const dueAt = dueAtOf(`${end}|${zone}`, () => earliestDeliveryAtOrAfter(end, end + keepMs, awakeHours(zone)));
          if (dueAt !== null && inWindow(dueAt, window)) planned.push({ personId: member.userId, dueAt, zone });
        }
        if (planned.length === 0) continue;
        const current = await ports.store.session(session.id);
        if (!current || current.status === 'cancelled' || current.end !== session.end) continue;
        if (current.status === 'held' && (await heldByAttendance(ports, session.id))) continue;
        const answered = new Set((await feedbackOfSession(ports.store, session.id)).map((a) => a.personId));
        for (const p of planned.filter((x) => !answered.has(x.personId)))
          due.push({
            kind: 'session-loop',
            subject: session.id,
            recipient: p.personId,
            dueAt: isoOf(p.dueAt),
            expiresAt: isoOf(end + keepMs),
            card: sessionLoopCard({
              sessionId: session.id,
              partnerName: otherMember(pair, p.personId).displayName,
              start: session.start,
              zone: p.zone,
              openSessionUrl: link.session(session.id),
              goalItems: openGoalsCardItems(await goalsOf(ports.store, p.personId)),
            }),
          });
      }
      return due;
    },
  };
}
