// The `reminder` planner: a configurable time before each scheduled session
// (default 24 h), moved to the latest moment inside the recipient's working
// hours (never in the quiet hours of their zone) before that; when the
// working week leaves no room, the latest waking moment. The card carries the
// agenda, the open action items, "Join" and "Move".
import type { Agenda } from '../../../src/core/agenda/index.js';
import { carriedOverActionItems } from '../../../src/core/notes/model.js';
import type { Session } from '../../../src/core/schemas.js';
import {
  awakeHours,
  earliestDeliveryAtOrAfter,
  latestDeliveryAtOrBefore,
  type DeliveryHours,
} from '../../../src/core/sessions/index.js';
import { dayMs, hourMs, minuteMs } from '../../../src/core/time.js';
import { previousSession } from '../agenda.js';
import { reminderCard } from './cards.js';
import {
  hoursSource,
  inWindow,
  isoOf,
  links,
  memo,
  otherMember,
  sessionsAhead,
  type PlanPorts,
  type PlannerSettings,
} from './planning.js';
import type { DueMessage, DuePlanner } from './types.js';

/** How much earlier than the lead a reminder may go, to stay in working hours (over a long weekend). */
const earliestShiftMs = 4 * dayMs;

/** When a person's reminder of a session starting at `start` is due, or null when no moment suits. */
export function reminderDueAt(start: number, leadMs: number, hours: DeliveryHours): number | null {
  const target = start - leadMs;
  const floor = target - earliestShiftMs;
  const ceiling = start - 15 * minuteMs;
  return (
    latestDeliveryAtOrBefore(target, floor, hours) ??
    earliestDeliveryAtOrAfter(target, ceiling, hours) ??
    latestDeliveryAtOrBefore(target, floor, awakeHours(hours.zone)) ??
    earliestDeliveryAtOrAfter(target, ceiling, awakeHours(hours.zone))
  );
}

const agendaLines = (agenda: unknown): string[] => {
  const sections = (agenda as Partial<Agenda> | null)?.sections;
  return Array.isArray(sections) ? sections.map((s) => `${s.title} (${s.minutes} min)`) : [];
};

/** The card's content, or null when the session was cancelled or moved since the list was read. */
async function reminderContent(ports: PlanPorts, session: Session) {
  const [stored, previous] = await Promise.all([
    ports.store.session(session.id),
    previousSession(ports.store, session.pairId, session.start),
  ]);
  if (!stored || stored.status !== 'scheduled' || stored.start !== session.start) return null;
  const open = previous ? carriedOverActionItems(await ports.store.notesOfSession(previous.id)) : [];
  return { agendaLines: agendaLines(stored?.agenda ?? null), openActionItems: open.map((i) => i.text) };
}

export function reminderPlanner(settings: PlannerSettings): DuePlanner {
  const hoursOf = hoursSource(settings);
  const leadMs = settings.reminderLeadHours * hourMs;
  const refreshMs = settings.sessionsRefreshMs ?? 15 * 60_000;
  const lookAheadMs = leadMs + earliestShiftMs + hourMs;
  const ahead = sessionsAhead(refreshMs, lookAheadMs + refreshMs + hourMs);
  const dueAtOf = memo<number | null>();
  /** The earliest of a session's two due instants, so most ticks skip it without asking for anyone's hours. */
  const firstDueOf = memo<number>();
  return {
    kinds: ['reminder'],
    async plan(ports, window) {
      const candidates = await ahead.withPairs(
        ports,
        window.from,
        window.to + lookAheadMs,
        (s) => s.status === 'scheduled',
      );
      const link = links(ports.teamsAppId);
      const due: DueMessage[] = [];
      for (const { session, pair } of candidates) {
        if (pair.status !== 'active') continue;
        const start = Date.parse(session.start);
        const firstDue = firstDueOf(`${session.id}|${start}`, () => start - leadMs - earliestShiftMs);
        if (firstDue >= window.to) continue;
        let content: Awaited<ReturnType<typeof reminderContent>> | undefined;
        for (const member of pair.members) {
          const hours = await hoursOf(ports).of(member.userId);
          const dueAt = dueAtOf(
            `${start}|${hours.zone}|${hours.days.join()}|${hours.startMinute}|${hours.endMinute}`,
            () => reminderDueAt(start, leadMs, hours),
          );
          if (dueAt === null || !inWindow(dueAt, window)) continue;
          if (content === undefined) content = await reminderContent(ports, session);
          if (content === null) break;
          due.push({
            kind: 'reminder',
            subject: session.id,
            recipient: member.userId,
            dueAt: isoOf(dueAt),
            expiresAt: session.start,
            card: reminderCard({
              partnerName: otherMember(pair, member.userId).displayName,
              start: session.start,
              zone: hours.zone,
              ...content,
              joinUrl: session.joinUrl,
              moveUrl: link.schedule(pair.id),
              openSessionUrl: link.session(session.id),
            }),
          });
        }
      }
      return due;
    },
  };
}
