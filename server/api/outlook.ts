// Routes the Outlook task pane needs beyond the tab's: which Reciprocal
// session (if any) a meeting on the caller's calendar is, and linking a
// meeting that is not a session yet to one of the caller's pairs. The meeting
// is read from the caller's own calendar through Graph, so an id from someone
// else's mailbox finds nothing.
import { createHash } from 'node:crypto';
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  Agenda,
  AgendaTemplates,
  agendaToHtml,
  buildAgenda,
  defaultAgendaTemplates,
} from '../../src/core/agenda/index.js';
import {
  LinkMeetingRequest,
  MeetingListQuery,
  MeetingLookupQuery,
  sessionCategory,
  type CalendarMeeting,
  type MeetingLookup,
  type MeetingOnCalendar,
  type MeetingSession,
} from '../../src/core/meetings.js';
import { carriedOverActionItems, escapeHtml } from '../../src/core/notes/model.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import type { GraphGateway } from '../graph/client.js';
import { pairPropertyId } from '../graph/calendar.js';
import type { ProgramStore } from '../graph/programStore.js';
import { ApiProblem, parseInput, type Caller, type RouteDeclaration } from './route.js';

export interface OutlookDeps {
  store: ProgramStore;
  graph: GraphGateway;
  now: () => number;
}

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
type GraphEvent = z.infer<typeof GraphEvent>;

const eventSelect = 'id,iCalUId,subject,start,end,isOrganizer,isCancelled,organizer,attendees,categories,onlineMeeting';

/** Graph's dateTimeTimeZone, asked for in UTC, as an ISO instant. */
function utcInstant(value: z.infer<typeof GraphDateTime>): string {
  if (value.timeZone.toUpperCase() !== 'UTC')
    throw new ApiProblem(502, 'upstream_unavailable', `Microsoft 365 answered a time in ${value.timeZone}, not UTC`);
  const ms = Date.parse(`${value.dateTime.replace(/(\.\d{3})\d*$/, '$1').replace(/Z$/, '')}Z`);
  if (!Number.isFinite(ms))
    throw new ApiProblem(502, 'upstream_unavailable', `Microsoft 365 answered an unreadable time "${value.dateTime}"`);
  return new Date(ms).toISOString();
}

const sameAddress = (a: string | null | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/** Stable, short key for a meeting across everyone's copies of it. */
const meetingKey = (iCalUId: string) => createHash('sha256').update(iCalUId).digest('hex').slice(0, 16);

function agendaHtmlOf(stored: unknown): string | null {
  const agenda = Agenda.safeParse(stored);
  return agenda.success ? agendaToHtml(agenda.data) : null;
}

const escapeText = (text: string) => `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;

function withoutAgenda(s: Session & { agenda?: unknown }): Session {
  const { agenda: _agenda, ...session } = s;
  return session;
}

export function outlookRoutes(d: OutlookDeps): RouteDeclaration[] {
  const { store } = d;
  const graph: Client = d.graph.client;

  async function callerEvent(caller: Caller, eventId: string, field: string): Promise<GraphEvent> {
    try {
      const raw: unknown = await graph
        .api(`/users/${encodeURIComponent(caller.userId)}/events/${encodeURIComponent(eventId)}`)
        .header('Prefer', 'outlook.timezone="UTC"')
        .query({ $select: eventSelect, $expand: `singleValueExtendedProperties($filter=id eq '${pairPropertyId}')` })
        .get();
      const parsed = GraphEvent.safeParse(raw);
      if (!parsed.success)
        throw new ApiProblem(
          502,
          'upstream_unavailable',
          `Microsoft 365 answered an event without ${parsed.error.issues[0]!.path.join('.')}`,
        );
      return parsed.data;
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === 404)
        throw new ApiProblem(
          404,
          'not_found',
          'That meeting is not on your calendar (it may have been deleted, or it is not saved yet).',
          field,
        );
      if (err instanceof GraphError && err.statusCode === 400)
        throw new ApiProblem(400, 'invalid_request', `${field}: is not an event id Microsoft 365 recognizes`, field);
      throw err;
    }
  }

  function meetingOf(e: GraphEvent): MeetingOnCalendar {
    return {
      eventId: e.id,
      iCalUId: e.iCalUId,
      subject: e.subject ?? '',
      start: utcInstant(e.start),
      end: utcInstant(e.end),
      isOrganizer: e.isOrganizer,
      organizerAddress: e.organizer?.emailAddress.address ?? '',
      categories: e.categories,
      markedPairId:
        e.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === pairPropertyId.toLowerCase())?.value ??
        null,
    };
  }

  /** The caller's session for a meeting: null when there is none or it belongs to a pair they are not in. */
  async function sessionFor(caller: Caller, iCalUId: string): Promise<MeetingSession | null> {
    const session = await store.sessionByICalUId(iCalUId);
    if (!session) return null;
    const pair = await store.pair(session.pairId);
    if (!pair || !pair.members.some((m) => m.userId === caller.userId)) return null;
    return { session: withoutAgenda(session), pair, agendaHtml: agendaHtmlOf(session.agenda) };
  }

  /** The organizer's copy of the meeting (its id is what moving and cancelling a session use). */
  async function organizerEventId(organizerId: string, meeting: MeetingOnCalendar): Promise<string | null> {
    const response = z.object({ value: z.array(z.object({ id: z.string(), iCalUId: z.string() })) }).safeParse(
      await graph
        .api(`/users/${encodeURIComponent(organizerId)}/calendarView`)
        .query({ startDateTime: meeting.start, endDateTime: meeting.end, $select: 'id,iCalUId', $top: '100' })
        .get(),
    );
    return response.success ? (response.data.value.find((e) => e.iCalUId === meeting.iCalUId)?.id ?? null) : null;
  }

  async function agendaFor(pair: Pair, request: LinkMeetingRequest, start: string, minutes: number) {
    const previous = (await store.sessionsOfPair(pair.id))
      .filter((s) => s.start < start && s.status !== 'cancelled')
      .at(-1);
    const carried = previous ? carriedOverActionItems(await store.notesOfSession(previous.id)) : [];
    const names = new Map(pair.members.map((m) => [m.userId, m.displayName]));
    const templates = AgendaTemplates.safeParse(await store.agendaTemplates());
    return buildAgenda({
      people: [pair.members[0], pair.members[1]],
      direction: request.direction,
      focusAreas: request.focusAreas,
      durationMinutes: minutes,
      carriedOverActionItems: carried
        .filter((c) => !c.done)
        .map((c) => ({ text: c.text, authorName: names.get(c.authorId) })),
      templates: templates.success ? templates.data : defaultAgendaTemplates,
    });
  }

  return [
    {
      method: 'get',
      path: '/api/meetings',
      access: 'Participant',
      summary:
        'My meetings of the next days with their bodies (what the browser-hosted task pane simulates Outlook with)',
      async handle({ caller, query }) {
        const { days } = parseInput(MeetingListQuery, query, 'query');
        const from = d.now() - 24 * 3_600_000;
        const raw: unknown = await graph
          .api(`/users/${encodeURIComponent(caller.userId)}/calendarView`)
          .header('Prefer', 'outlook.timezone="UTC"')
          .query({
            startDateTime: new Date(from).toISOString(),
            endDateTime: new Date(from + (days + 1) * 24 * 3_600_000).toISOString(),
            $select: `${eventSelect},body`,
            $top: '100',
          })
          .get();
        const parsed = z.object({ value: z.array(GraphEvent) }).safeParse(raw);
        if (!parsed.success)
          throw new ApiProblem(
            502,
            'upstream_unavailable',
            `Microsoft 365 answered a calendar without ${parsed.error.issues[0]!.path.join('.')}`,
          );
        const meetings: CalendarMeeting[] = parsed.data.value
          .filter((e) => !e.isCancelled)
          .map((e) => ({
            ...meetingOf(e),
            bodyHtml: e.body?.contentType.toLowerCase() === 'html' ? e.body.content : escapeText(e.body?.content ?? ''),
          }))
          .sort((a, b) => a.start.localeCompare(b.start));
        return { body: meetings };
      },
    },
    {
      method: 'get',
      path: '/api/sessions/by-event',
      access: 'Participant',
      summary: 'The Reciprocal session a meeting on my calendar is (by its event id or iCalUId), if any',
      async handle({ caller, query }) {
        const q = parseInput(MeetingLookupQuery, query, 'query');
        const meeting = q.eventId ? meetingOf(await callerEvent(caller, q.eventId, 'query.eventId')) : null;
        if (meeting && q.iCalUId && q.iCalUId !== meeting.iCalUId)
          throw new ApiProblem(
            400,
            'invalid_request',
            'query.iCalUId: is not the iCalUId of that event',
            'query.iCalUId',
          );
        const body: MeetingLookup = { meeting, match: await sessionFor(caller, meeting?.iCalUId ?? q.iCalUId!) };
        return { body };
      },
    },
    {
      method: 'post',
      path: '/api/sessions/link',
      access: 'Participant',
      summary: 'Make a meeting on my calendar a Reciprocal session of one of my pairs',
      async handle({ caller, body }) {
        const request = parseInput(LinkMeetingRequest, body);
        const pair = await store.pair(request.pairId);
        if (!pair || !pair.members.some((m) => m.userId === caller.userId))
          throw new ApiProblem(404, 'not_found', `no pair ${request.pairId} that you are in`, 'body.pairId');
        if (pair.status !== 'active')
          throw new ApiProblem(409, 'conflict', `this pair is ${pair.status}`, 'body.pairId');
        const event = await callerEvent(caller, request.eventId, 'body.eventId');
        if (event.isCancelled) throw new ApiProblem(409, 'conflict', 'this meeting is cancelled', 'body.eventId');
        const meeting = meetingOf(event);

        const existing = await store.sessionByICalUId(meeting.iCalUId);
        if (existing) {
          if (existing.pairId !== pair.id)
            throw new ApiProblem(409, 'conflict', 'this meeting is already a session of another pair', 'body.eventId');
          return {
            body: {
              session: withoutAgenda(existing),
              pair,
              agendaHtml: agendaHtmlOf(existing.agenda),
            } satisfies MeetingSession,
          };
        }

        const organizer = pair.members.find((m) => sameAddress(meeting.organizerAddress, m.mail));
        if (!organizer)
          throw new ApiProblem(
            409,
            'conflict',
            `${meeting.organizerAddress || 'someone outside the pair'} organizes this meeting; a session is organized by one of the pair`,
            'body.eventId',
          );
        const partner = pair.members.find((m) => m.userId !== organizer.userId)!;
        if (!event.attendees.some((a) => sameAddress(a.emailAddress.address, partner.mail))) {
          throw new ApiProblem(
            409,
            'conflict',
            `${partner.displayName} is not invited to this meeting; invite them first`,
            'body.eventId',
          );
        }
        const minutes = Math.round((Date.parse(meeting.end) - Date.parse(meeting.start)) / 60_000);
        if (minutes < 15 || minutes > 240)
          throw new ApiProblem(
            409,
            'conflict',
            `a session is 15 minutes to 4 hours; this meeting is ${minutes} minutes`,
            'body.eventId',
          );

        // Categories are per mailbox: mark the caller's copy so Outlook shows it as a session.
        if (!meeting.categories.includes(sessionCategory)) {
          await graph
            .api(`/users/${encodeURIComponent(caller.userId)}/events/${encodeURIComponent(event.id)}`)
            .patch({ categories: [...meeting.categories, sessionCategory] });
        }
        const key = meetingKey(meeting.iCalUId);
        const session: Session = {
          id: `${pair.id}~linked-${key}`,
          pairId: pair.id,
          occurrence: `linked-${key}`,
          eventId: meeting.isOrganizer ? event.id : await organizerEventId(organizer.userId, meeting),
          iCalUId: meeting.iCalUId,
          organizerId: organizer.userId,
          direction: request.direction,
          focusAreas: request.focusAreas,
          start: meeting.start,
          end: meeting.end,
          status: 'scheduled',
          joinUrl: event.onlineMeeting?.joinUrl ?? null,
        };
        const agenda = await agendaFor(pair, request, meeting.start, minutes);
        await store.recordSession(session, agenda);
        const result: MeetingSession = { session, pair, agendaHtml: agendaToHtml(agenda) };
        return { status: 201, body: result };
      },
    },
  ];
}
