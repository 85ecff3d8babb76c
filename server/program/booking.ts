// Booking sessions as Teams meetings, idempotently: the session id and the
// event's transactionId both derive from pair + occurrence, so a retry or a
// restart finds what the first try made.
import { agendaToText, type Agenda } from '../../src/core/agenda/index.js';
import { errorCodes, type BookSessionRequest } from '../../src/core/api.js';
import {
  graphDateTimeToInstant,
  planSeries,
  UnknownTimeZoneError,
  type Availability,
  type Interval,
} from '../../src/core/scheduling/index.js';
import type { Cadence, Direction, FocusArea, Pair, Session } from '../../src/core/schemas.js';
import { dayMs } from '../../src/core/time.js';
import type { Caller } from '../auth/caller.js';
import { createSessionEvent, transactionIdFor, type CreatedEvent } from '../graph/calendar.js';
import type { GraphGateway } from '../graph/client.js';
import { withoutAgenda } from '../graph/programRecords.js';
import { isMember, requireActive } from './access.js';
import { programAgendaSource, type SessionAgenda } from './agenda.js';
import { postAgendaToChats } from './agendaPosting.js';
import { pairAvailability } from './availability.js';
import type { ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';
import { openGoalsForAgenda } from './growth/goals.js';

/** Where sessions are kept (the program store's Sessions list). */
export interface SessionRecorder {
  session(id: string): Promise<Session | null>;
  recordSession(session: Session, agenda?: unknown): Promise<unknown>;
  allSessions(): Promise<Session[]>;
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
  booking: OccurrenceBooking,
): Promise<BookedOccurrence> {
  const id = sessionIdFor(booking.pair.id, booking.occurrence);
  const existing = await sessions.session(id);
  if (existing && existing.status === 'scheduled' && existing.eventId) return { session: existing, created: false };
  const [first, second] = booking.pair.members;
  const event = await createSessionEvent(graph.client, {
    organizerId: booking.organizerId,
    attendees: booking.pair.members.map((m) => ({ address: m.mail, name: m.displayName })),
    subject: `Reciprocal: ${first.displayName} & ${second.displayName}`,
    html: booking.agenda.html,
    start: booking.slot.start,
    end: booking.slot.end,
    pairId: booking.pair.id,
    occurrence: booking.occurrence,
    transactionId: transactionIdFor(booking.pair.id, booking.occurrence),
  });
  const session: Session = {
    id,
    pairId: booking.pair.id,
    occurrence: booking.occurrence,
    eventId: event.id,
    iCalUId: event.iCalUId,
    organizerId: booking.organizerId,
    direction: booking.direction,
    focusAreas: booking.focusAreas,
    ...meetingTimes(event, booking.slot),
    status: 'scheduled',
    joinUrl: event.joinUrl,
  };
  await sessions.recordSession(session, booking.agenda.agenda);
  return { session, created: !existing };
}

/**
 * The session keeps its meeting's actual time. After a crash between creating
 * the event and recording the session, a rerun may plan another slot, but the
 * same transactionId gives back the event made before, at its own time.
 * Graph answers start/end as `{dateTime, timeZone}`: UTC unless a
 * `Prefer: outlook.timezone` header asks otherwise, and a zone may be a
 * Windows or an IANA name (https://learn.microsoft.com/graph/api/event-get,
 * https://learn.microsoft.com/graph/api/resources/datetimetimezone). Graph
 * always returns them on an event; were they missing or unreadable, the
 * requested slot is the best we know.
 */
export function meetingTimes(
  event: Pick<CreatedEvent, 'start' | 'end'>,
  slot: Interval,
): Pick<Session, 'start' | 'end'> {
  let start = slot.start;
  let end = slot.end;
  if (event.start && event.end) {
    try {
      start = graphDateTimeToInstant(event.start.dateTime, event.start.timeZone);
      end = graphDateTimeToInstant(event.end.dateTime, event.end.timeZone);
    } catch (err) {
      if (!(err instanceof RangeError || err instanceof UnknownTimeZoneError)) throw err;
      start = slot.start;
      end = slot.end;
    }
  }
  if (!(end > start)) ({ start, end } = slot);
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

export interface BookedSeries {
  sessions: Array<{ session: Session; movedFrom: string | null }>;
  agendaText: string;
  agendaPostedTo: string[];
}

const cadenceDays: Record<Cadence, number> = { weekly: 7, biweekly: 14, monthly: 31 };

/**
 * Books a session, or a series at the pair's cadence, organized by the caller
 * when they are one of the pair. An occurrence with no common time that week
 * moves within its week or is left out; the first one must fit.
 */
export async function bookSeries(
  ports: ProgramPorts,
  caller: Caller,
  pair: Pair,
  request: BookSessionRequest,
): Promise<BookedSeries> {
  requireActive(pair);
  const first = Date.parse(request.start);
  if (first < ports.now())
    throw new ApiProblem(errorCodes.invalidRequest, 'body.start: is in the past', { field: 'body.start' });
  const horizon = {
    start: first - dayMs,
    end: first + (request.occurrences * cadenceDays[pair.cadence] + 7) * dayMs,
  };
  const people = await pairAvailability(ports.graph, pair, horizon, { bufferMinutes: 0, treatTentativeAsBusy: true });
  const organizer = pair.members.find((m) => m.userId === caller.userId) ?? pair.members[0];
  // The series keeps the organizer's local time across daylight-saving changes.
  const zone = people.find((p) => p.member.userId === organizer.userId)!.zone;
  const series = planSeries(
    people.map((p): Availability => ({ displayName: p.member.displayName, working: p.working, busy: p.busy })),
    first,
    pair.cadence,
    request.durationMinutes,
    request.occurrences,
    { zone, notBefore: ports.now() },
  );
  if (!series[0]?.slot) throw new ApiProblem(errorCodes.noCommonTime, series[0]?.reason ?? 'no common time that week');
  const agenda = await programAgendaSource(ports.store, (pair) => openGoalsForAgenda(ports, pair))(
    pair,
    request.direction,
    request.focusAreas,
    request.durationMinutes,
  );
  const booked: BookedSeries['sessions'] = [];
  for (const occurrence of series) {
    if (!occurrence.slot) continue;
    const { session } = await bookOccurrence(ports.graph, ports.store, {
      pair,
      occurrence: occurrence.key,
      slot: occurrence.slot,
      organizerId: organizer.userId,
      direction: request.direction,
      focusAreas: request.focusAreas,
      agenda,
    });
    booked.push({
      session: withoutAgenda(session),
      movedFrom: occurrence.movedFrom === null ? null : new Date(occurrence.movedFrom).toISOString(),
    });
  }
  const postedTo = ['the Teams meeting invitation'];
  if (isMember(pair, caller.userId) && booked[0])
    postedTo.push(...(await postAgendaToChats(ports, caller, pair, agenda.agenda as Agenda, booked[0].session)));
  return { sessions: booked, agendaText: agendaToText(agenda.agenda as Agenda), agendaPostedTo: postedTo };
}
