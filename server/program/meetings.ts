// What the Outlook task pane needs beyond the tab: which Reciprocal session
// (if any) a meeting on the caller's calendar is, and linking a meeting that is
// not a session yet to one of the caller's pairs. The meeting is read from the
// caller's own calendar through Graph, so an id from someone else's mailbox finds nothing.
import { createHash } from 'node:crypto';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { Agenda, agendaToHtml } from '../../src/core/agenda/index.js';
import { errorCodes } from '../../src/core/api.js';
import {
  sessionCategory,
  type CalendarMeeting,
  type LinkMeetingRequest,
  type MeetingLookup,
  type MeetingOnCalendar,
  type MeetingSession,
} from '../../src/core/meetings.js';
import { escapeHtml } from '../../src/core/notes/model.js';
import type { Pair, Participant, Session } from '../../src/core/schemas.js';
import { dayMs, minuteMs } from '../../src/core/time.js';
import type { Caller } from '../auth/caller.js';
import { pairPropertyId } from '../graph/calendar.js';
import { withoutAgenda } from '../graph/programRecords.js';
import { isMember, requireActive } from './access.js';
import { programAgendaSource } from './agenda.js';
import type { ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';
import { openGoalsForAgenda } from './growth/goals.js';

export type MeetingPorts = Pick<ProgramPorts, 'store' | 'graph' | 'now'>;

const GraphDateTime = z.object({ dateTime: z.string(), timeZone: z.string() });
const GraphEvent = z.object({
  id: z.string(),
  iCalUId: z.string(),
  subject: z.string().nullish(),
  start: GraphDateTime,
  end: GraphDateTime,
  isOrganizer: z.boolean().default(false),
  isCancelled: z.boolean().default(false),
  organizer: z.object({ emailAddress: z.object({ address: z.string().nullish() }) }).nullish(),
  attendees: z.array(z.object({ emailAddress: z.object({ address: z.string().nullish() }) })).default([]),
  categories: z.array(z.string()).default([]),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
  singleValueExtendedProperties: z.array(z.object({ id: z.string(), value: z.string() })).optional(),
  body: z.object({ contentType: z.string(), content: z.string() }).nullish(),
});
export type GraphEvent = z.infer<typeof GraphEvent>;

const eventSelect = 'id,iCalUId,subject,start,end,isOrganizer,isCancelled,organizer,attendees,categories,onlineMeeting';

const upstream = (message: string) => new ApiProblem(errorCodes.upstreamUnavailable, message);
const meetingConflict = (message: string, field = 'body.eventId') =>
  new ApiProblem(errorCodes.conflict, message, { field });

/** Graph's dateTimeTimeZone, asked for in UTC, as an ISO instant. */
function utcInstant(value: z.infer<typeof GraphDateTime>): string {
  if (value.timeZone.toUpperCase() !== 'UTC')
    throw upstream(`Microsoft 365 answered a time in ${value.timeZone}, not UTC`);
  const ms = Date.parse(`${value.dateTime.replace(/(\.\d{3})\d*$/, '$1').replace(/Z$/, '')}Z`);
  if (!Number.isFinite(ms)) throw upstream(`Microsoft 365 answered an unreadable time "${value.dateTime}"`);
  return new Date(ms).toISOString();
}

const sameAddress = (a: string | null | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/** Stable, short key for a meeting across everyone's copies of it. */
const meetingKey = (iCalUId: string) => createHash('sha256').update(iCalUId).digest('hex').slice(0, 16);

export function agendaHtmlOf(stored: unknown): string | null {
  const agenda = Agenda.safeParse(stored);
  return agenda.success ? agendaToHtml(agenda.data) : null;
}

const escapeText = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;

export function meetingOf(event: GraphEvent): MeetingOnCalendar {
  return {
    eventId: event.id,
    iCalUId: event.iCalUId,
    subject: event.subject ?? '',
    start: utcInstant(event.start),
    end: utcInstant(event.end),
    isOrganizer: event.isOrganizer,
    organizerAddress: event.organizer?.emailAddress.address ?? '',
    categories: event.categories,
    markedPairId:
      event.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === pairPropertyId.toLowerCase())?.value ??
      null,
  };
}

/** An event on the caller's own calendar; `field` names the input that gave its id. */
async function callerEvent(ports: MeetingPorts, caller: Caller, eventId: string, field: string): Promise<GraphEvent> {
  try {
    const raw: unknown = await ports.graph.client
      .api(`/users/${encodeURIComponent(caller.userId)}/events/${encodeURIComponent(eventId)}`)
      .header('Prefer', 'outlook.timezone="UTC"')
      .query({ $select: eventSelect, $expand: `singleValueExtendedProperties($filter=id eq '${pairPropertyId}')` })
      .get();
    const parsed = GraphEvent.safeParse(raw);
    if (!parsed.success)
      throw upstream(`Microsoft 365 answered an event without ${parsed.error.issues[0]!.path.join('.')}`);
    return parsed.data;
  } catch (err) {
    if (err instanceof GraphError && err.statusCode === 404)
      throw new ApiProblem(
        errorCodes.notFound,
        'That meeting is not on your calendar (it may have been deleted, or it is not saved yet).',
        { field },
      );
    if (err instanceof GraphError && err.statusCode === 400)
      throw new ApiProblem(errorCodes.invalidRequest, `${field}: is not an event id Microsoft 365 recognizes`, {
        field,
      });
    throw err;
  }
}

/** The caller's session for a meeting: null when there is none or it belongs to a pair they are not in. */
export async function meetingSession(
  ports: MeetingPorts,
  caller: Caller,
  iCalUId: string,
): Promise<MeetingSession | null> {
  const session = await ports.store.sessionByICalUId(iCalUId);
  if (!session) return null;
  const pair = await ports.store.pair(session.pairId);
  if (!pair || !isMember(pair, caller.userId)) return null;
  return { session: withoutAgenda(session), pair, agendaHtml: agendaHtmlOf(session.agenda) };
}

/** The organizer's copy of the meeting (its id is what moving and cancelling a session use). */
async function organizerEventId(
  ports: MeetingPorts,
  organizerId: string,
  meeting: MeetingOnCalendar,
): Promise<string | null> {
  const response = z.object({ value: z.array(z.object({ id: z.string(), iCalUId: z.string() })) }).safeParse(
    await ports.graph.client
      .api(`/users/${encodeURIComponent(organizerId)}/calendarView`)
      .query({ startDateTime: meeting.start, endDateTime: meeting.end, $select: 'id,iCalUId', $top: '100' })
      .get(),
  );
  return response.success ? (response.data.value.find((e) => e.iCalUId === meeting.iCalUId)?.id ?? null) : null;
}

/** The caller's events (cancelled ones left out) from `from` for `days` days, earliest first. */
export async function callerCalendar(
  ports: MeetingPorts,
  caller: Caller,
  window: { from: number; days: number; withBodies: boolean },
): Promise<GraphEvent[]> {
  const raw: unknown = await ports.graph.client
    .api(`/users/${encodeURIComponent(caller.userId)}/calendarView`)
    .header('Prefer', 'outlook.timezone="UTC"')
    .query({
      startDateTime: new Date(window.from).toISOString(),
      endDateTime: new Date(window.from + window.days * dayMs).toISOString(),
      $select: window.withBodies ? `${eventSelect},body` : eventSelect,
      $top: '100',
    })
    .get();
  const parsed = z.object({ value: z.array(GraphEvent) }).safeParse(raw);
  if (!parsed.success)
    throw upstream(`Microsoft 365 answered a calendar without ${parsed.error.issues[0]!.path.join('.')}`);
  return parsed.data.value
    .filter((e) => !e.isCancelled)
    .sort((a, b) => a.start.dateTime.localeCompare(b.start.dateTime));
}

/** The caller's meetings from yesterday to `days` ahead, with their bodies (what the browser-hosted task pane shows). */
export async function myMeetings(ports: MeetingPorts, caller: Caller, days: number): Promise<CalendarMeeting[]> {
  const events = await callerCalendar(ports, caller, { from: ports.now() - dayMs, days: days + 1, withBodies: true });
  return events.map((e) => ({
    ...meetingOf(e),
    bodyHtml: e.body?.contentType.toLowerCase() === 'html' ? e.body.content : escapeText(e.body?.content ?? ''),
  }));
}

/** Which session a meeting on the caller's calendar is, by its event id (checked against `iCalUId` if both) or iCalUId. */
export async function lookUpMeeting(
  ports: MeetingPorts,
  caller: Caller,
  query: { eventId?: string; iCalUId?: string },
): Promise<MeetingLookup> {
  const meeting = query.eventId ? meetingOf(await callerEvent(ports, caller, query.eventId, 'query.eventId')) : null;
  if (meeting && query.iCalUId && query.iCalUId !== meeting.iCalUId)
    throw new ApiProblem(errorCodes.invalidRequest, 'query.iCalUId: is not the iCalUId of that event', {
      field: 'query.iCalUId',
    });
  return { meeting, match: await meetingSession(ports, caller, meeting?.iCalUId ?? query.iCalUId!) };
}

/** A meeting can be a session when one of the pair organizes it, the other is invited, and it is 15 minutes to 4 hours. */
function sessionShape(
  pair: Pair,
  event: GraphEvent,
  meeting: MeetingOnCalendar,
): { organizer: Participant; minutes: number } {
  const organizer = pair.members.find((m) => sameAddress(meeting.organizerAddress, m.mail));
  if (!organizer)
    throw meetingConflict(
      `${meeting.organizerAddress || 'someone outside the pair'} organizes this meeting; a session is organized by one of the pair`,
    );
  const partner = pair.members.find((m) => m.userId !== organizer.userId)!;
  if (!event.attendees.some((a) => sameAddress(a.emailAddress.address, partner.mail)))
    throw meetingConflict(`${partner.displayName} is not invited to this meeting; invite them first`);
  const minutes = Math.round((Date.parse(meeting.end) - Date.parse(meeting.start)) / minuteMs);
  if (minutes < 15 || minutes > 240)
    throw meetingConflict(`a session is 15 minutes to 4 hours; this meeting is ${minutes} minutes`);
  return { organizer, minutes };
}

/**
 * Makes a meeting on the caller's calendar a session of one of their pairs.
 * `created` is false when it already was one (of the same pair).
 */
export async function linkMeeting(
  ports: MeetingPorts,
  caller: Caller,
  request: LinkMeetingRequest,
): Promise<{ result: MeetingSession; created: boolean }> {
  const pair = await ports.store.pair(request.pairId);
  if (!pair || !isMember(pair, caller.userId))
    throw new ApiProblem(errorCodes.notFound, `no pair ${request.pairId} that you are in`, { field: 'body.pairId' });
  requireActive(pair, 'body.pairId');
  const event = await callerEvent(ports, caller, request.eventId, 'body.eventId');
  if (event.isCancelled) throw meetingConflict('this meeting is cancelled');
  const meeting = meetingOf(event);

  const existing = await ports.store.sessionByICalUId(meeting.iCalUId);
  if (existing) {
    if (existing.pairId !== pair.id) throw meetingConflict('this meeting is already a session of another pair');
    return {
      result: { session: withoutAgenda(existing), pair, agendaHtml: agendaHtmlOf(existing.agenda) },
      created: false,
    };
  }
  const { organizer, minutes } = sessionShape(pair, event, meeting);
  // Categories are per mailbox: mark the caller's copy so Outlook shows it as a session.
  if (!meeting.categories.includes(sessionCategory)) {
    await ports.graph.client
      .api(`/users/${encodeURIComponent(caller.userId)}/events/${encodeURIComponent(event.id)}`)
      .patch({ categories: [...meeting.categories, sessionCategory] });
  }
  const key = meetingKey(meeting.iCalUId);
  const session: Session = {
    id: `${pair.id}~linked-${key}`,
    pairId: pair.id,
    occurrence: `linked-${key}`,
    eventId: meeting.isOrganizer ? event.id : await organizerEventId(ports, organizer.userId, meeting),
    iCalUId: meeting.iCalUId,
    organizerId: organizer.userId,
    direction: request.direction,
    focusAreas: request.focusAreas,
    start: meeting.start,
    end: meeting.end,
    status: 'scheduled',
    joinUrl: event.onlineMeeting?.joinUrl ?? null,
  };
  const { agenda, html } = await programAgendaSource(ports.store, (pair) => openGoalsForAgenda(ports, pair))(
    pair,
    request.direction,
    request.focusAreas,
    minutes,
    meeting.start,
  );
  await ports.store.recordSession(session, agenda);
  return { result: { session, pair, agendaHtml: html }, created: true };
}
