// Booking one occurrence of a pair's sessions as a Teams meeting, idempotently:
// the session id and the event's transactionId both derive from pair +
// occurrence, so a retry or a restart finds what the first try made.
import { agendaToHtml, AgendaTemplates, buildAgenda, defaultAgendaTemplates } from '../../src/core/agenda/index.js';
import { carriedOverActionItems } from '../../src/core/notes/model.js';
import type { Direction, FocusArea, Pair, Session, SharedLearningNote } from '../../src/core/schemas.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import { createSessionEvent, transactionIdFor } from '../graph/calendar.js';
import type { GraphGateway } from '../graph/client.js';

/** Where sessions are kept (the program store's Sessions list). */
export interface SessionRecorder {
  session(id: string): Promise<Session | null>;
  recordSession(session: Session, agenda?: unknown): Promise<unknown>;
  allSessions(): Promise<Session[]>;
}

/** The agenda for a session, as the model to store and the HTML for the meeting body. */
export interface SessionAgenda {
  agenda: unknown;
  html: string;
}
export type AgendaSource = (
  pair: Pair,
  direction: Direction,
  focusAreas: readonly FocusArea[],
  durationMinutes: number,
) => Promise<SessionAgenda>;

/** What the agenda needs from the program store: its templates and the pair's last session's notes. */
export interface AgendaHistory {
  agendaTemplates(): Promise<unknown | null>;
  sessionsOfPair(pairId: string): Promise<Session[]>;
  notesOfSession(sessionId: string): Promise<SharedLearningNote[]>;
}

/** The program's agenda: stored templates (or the defaults) and the open action items of the pair's last session. */
export function programAgendaSource(history: AgendaHistory): AgendaSource {
  return async (pair, direction, focusAreas, durationMinutes) => {
    const stored = AgendaTemplates.safeParse(await history.agendaTemplates());
    const previous = (await history.sessionsOfPair(pair.id))
      .filter((s) => s.status !== 'cancelled')
      .sort((a, b) => a.start.localeCompare(b.start))
      .at(-1);
    const carried = previous ? carriedOverActionItems(await history.notesOfSession(previous.id)) : [];
    const names = new Map(pair.members.map((m) => [m.userId, m.displayName]));
    const agenda = buildAgenda({
      people: [pair.members[0], pair.members[1]],
      direction,
      focusAreas,
      durationMinutes,
      carriedOverActionItems: carried.map((c) => ({ text: c.text, authorName: names.get(c.authorId) })),
      templates: stored.success ? stored.data : defaultAgendaTemplates,
    });
    return { agenda, html: agendaToHtml(agenda) };
  };
}

export const sessionIdFor = (pairId: string, occurrence: string) => `${pairId}~${occurrence}`;

export interface OccurrenceBooking {
  pair: Pair;
  occurrence: string;
  slot: Interval;
  organizerId: string;
  direction: Direction;
  focusAreas: FocusArea[];
  agenda: SessionAgenda;
}

export interface BookedOccurrence {
  session: Session;
  /** False when an earlier try had already booked it (nothing new was created). */
  created: boolean;
}

/**
 * Books one occurrence. The store is checked first; the event is created with
 * the deterministic transactionId (Graph returns the earlier event for a
 * repeat), then the session is recorded under its deterministic id.
 */
export async function bookOccurrence(
  graph: GraphGateway,
  sessions: SessionRecorder,
  b: OccurrenceBooking,
): Promise<BookedOccurrence> {
  const id = sessionIdFor(b.pair.id, b.occurrence);
  const existing = await sessions.session(id);
  if (existing && existing.status === 'scheduled' && existing.eventId) return { session: existing, created: false };
  const [first, second] = b.pair.members;
  const event = await createSessionEvent(graph.client, {
    organizerId: b.organizerId,
    attendees: b.pair.members.map((m) => ({ address: m.mail, name: m.displayName })),
    subject: `Reciprocal: ${first.displayName} & ${second.displayName}`,
    html: b.agenda.html,
    start: b.slot.start,
    end: b.slot.end,
    pairId: b.pair.id,
    occurrence: b.occurrence,
    transactionId: transactionIdFor(b.pair.id, b.occurrence),
  });
  const session: Session = {
    id,
    pairId: b.pair.id,
    occurrence: b.occurrence,
    eventId: event.id,
    iCalUId: event.iCalUId,
    organizerId: b.organizerId,
    direction: b.direction,
    focusAreas: b.focusAreas,
    start: new Date(b.slot.start).toISOString(),
    end: new Date(b.slot.end).toISOString(),
    status: 'scheduled',
    joinUrl: event.joinUrl,
  };
  await sessions.recordSession(session, b.agenda.agenda);
  return { session, created: !existing };
}
