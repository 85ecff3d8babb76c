// Calendars: getSchedule, findMeetingTimes, events (create with transactionId
// idempotency and Teams meetings, get, update, delete) and calendarView.
// Events are stored in UTC and rendered in the zone the caller prefers.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';
import { z } from 'zod';
import { GraphError, badRequest } from '../graphErrors.js';
import type { DevTenantStore, DirectoryUser, StoredEvent } from '../store.js';
import type { GraphRequest, GraphRoute } from './dispatch.js';
import { applySelect, page, parseSelect, parseTop } from './odata.js';
import { userFromPath, userSegment } from './users.js';

const graphContext = 'https://graph.microsoft.com/v1.0/$metadata';
const dayMs = 24 * 3_600_000;
export const getScheduleLimits = { schedules: 20, days: 62 } as const;

/** Windows or IANA name -> IANA zone; Graph accepts both. */
export function ianaZone(name: string): string {
  if (name === 'UTC' || name === 'tzone://Microsoft/Utc') return 'UTC';
  const fromWindows = findIana(name)?.[0];
  const zone = fromWindows ?? name;
  if (!DateTime.now().setZone(zone).isValid)
    throw new GraphError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
    );
  return zone;
}

const DateTimeTimeZone = z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1).default('UTC') });
type DateTimeTimeZone = z.infer<typeof DateTimeTimeZone>;

export function instant(dt: DateTimeTimeZone): number {
  const zone = ianaZone(dt.timeZone);
  const hasOffset = /(Z|[+-]\d\d:\d\d)$/.test(dt.dateTime);
  const parsed = DateTime.fromISO(dt.dateTime, hasOffset ? { setZone: true } : { zone });
  if (!parsed.isValid)
    throw badRequest(`Cannot convert the literal '${dt.dateTime}' to the expected type 'Edm.DateTimeOffset'.`);
  return parsed.toMillis();
}

export function render(ms: number, timeZoneName: string): { dateTime: string; timeZone: string } {
  const local = DateTime.fromMillis(ms, { zone: ianaZone(timeZoneName) });
  return { dateTime: `${local.toFormat("yyyy-LL-dd'T'HH:mm:ss")}.0000000`, timeZone: timeZoneName };
}

/** `Prefer: outlook.timezone="Pacific Standard Time"`, else UTC. */
function preferredZone(req: GraphRequest): string {
  const m = /outlook\.timezone="([^"]+)"/i.exec(req.headers['prefer'] ?? '');
  return m?.[1] ?? 'UTC';
}

const Attendee = z.object({
  emailAddress: z.object({ address: z.string().min(3), name: z.string().optional() }),
  type: z.enum(['required', 'optional', 'resource']).default('required'),
});
const ItemBody = z.object({
  contentType: z.enum(['html', 'text', 'HTML', 'Text']).default('html'),
  content: z.string().max(1_000_000),
});
const Location = z.object({ displayName: z.string().default('') }).passthrough();
const ExtendedProperty = z.object({ id: z.string().min(1), value: z.string() });

const EventCreate = z.object({
  subject: z.string().max(255).default(''),
  body: ItemBody.optional(),
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
  location: Location.optional(),
  attendees: z.array(Attendee).max(500).default([]),
  isOnlineMeeting: z.boolean().default(false),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']).optional(),
  categories: z.array(z.string().max(255)).max(50).default([]),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).default('busy'),
  isAllDay: z.boolean().default(false),
  transactionId: z.string().max(255).optional(),
  singleValueExtendedProperties: z.array(ExtendedProperty).max(20).optional(),
  allowNewTimeProposals: z.boolean().default(true),
  responseRequested: z.boolean().default(true),
  importance: z.enum(['low', 'normal', 'high']).default('normal'),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).default('normal'),
});

// Written out rather than EventCreate.partial(): zod applies defaults inside .partial(), and a PATCH must not reset what it does not name.
const EventUpdate = z.object({
  subject: z.string().max(255).optional(),
  body: ItemBody.optional(),
  start: DateTimeTimeZone.optional(),
  end: DateTimeTimeZone.optional(),
  location: Location.optional(),
  attendees: z.array(Attendee).max(500).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']).optional(),
  categories: z.array(z.string().max(255)).max(50).optional(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).optional(),
  isAllDay: z.boolean().optional(),
  singleValueExtendedProperties: z.array(ExtendedProperty).max(20).optional(),
  allowNewTimeProposals: z.boolean().optional(),
  responseRequested: z.boolean().optional(),
  importance: z.enum(['low', 'normal', 'high']).optional(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).optional(),
  isCancelled: z.boolean().optional(),
});

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw badRequest(`Invalid property '${issue.path.join('.')}': ${issue.message}`, 'ErrorInvalidRequest');
}

function textPreview(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

function newEventId(): string {
  return `AAMkAG${randomBytes(54).toString('base64url')}=`;
}

/** A Teams meeting: its join URL names the meeting chat's thread. */
function teamsMeeting(tenantId: string, organizerId: string): { joinUrl: string; threadId: string } {
  const thread = Buffer.from(randomUUID()).toString('base64').replace(/=+$/, '');
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerId }));
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`,
    threadId: `19:meeting_${thread}@thread.v2`,
  };
}

/** A stored event as Graph renders it for its owner, in the given zone. */
export function eventResource(e: StoredEvent, zone: string): Record<string, unknown> {
  const b = e.body;
  return {
    '@odata.etag': `W/"${String(b['changeKey'])}"`,
    ...b,
    start: render(e.startMs, zone),
    end: render(e.endMs, zone),
  };
}

export interface CalendarOptions {
  store: DevTenantStore;
  tenantId: string;
  now: () => Date;
}

export function calendarRoutes({ store, tenantId, now }: CalendarOptions): GraphRoute[] {
  const mailbox = (p: Record<string, string>) => p.user ?? p.me ?? null;

  function createEvent(req: GraphRequest): { status: number; body: unknown } {
    const owner = userFromPath(store, req);
    const input = parse(EventCreate, req.body);
    if (input.transactionId) {
      const existing = store.eventByTransaction(owner.id, input.transactionId);
      if (existing)
        return {
          status: 201,
          body: {
            '@odata.context': `${graphContext}#users('${owner.id}')/events/$entity`,
            ...eventResource(existing, preferredZone(req)),
          },
        };
    }
    const startMs = instant(input.start);
    const endMs = instant(input.end);
    if (!(endMs > startMs)) throw badRequest('The end time must be after the start time.', 'ErrorInvalidRequest');
    const stamp = now().toISOString();
    const iCalUId = `040000008200E00074C5B7101A82E00800000000${randomBytes(28).toString('hex').toUpperCase()}`;
    const content = input.body?.content ?? '';
    const contentType = (input.body?.contentType ?? 'html').toLowerCase();
    const location = {
      displayName: input.location?.displayName ?? '',
      locationType: 'default',
      ...(input.location?.displayName
        ? { uniqueId: input.location.displayName, uniqueIdType: 'private' }
        : { uniqueIdType: 'unknown' }),
    };
    const online = input.isOnlineMeeting;
    const meeting = online ? teamsMeeting(tenantId, owner.id) : null;
    const joinUrl = meeting?.joinUrl ?? null;
    const attendees = input.attendees.map((a) => ({
      type: a.type,
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: {
        name: a.emailAddress.name ?? store.findUser(a.emailAddress.address)?.displayName ?? a.emailAddress.address,
        address: a.emailAddress.address,
      },
    }));
    const shared = {
      createdDateTime: stamp,
      lastModifiedDateTime: stamp,
      categories: input.categories,
      originalStartTimeZone: input.start.timeZone,
      originalEndTimeZone: input.end.timeZone,
      iCalUId,
      reminderMinutesBeforeStart: 15,
      isReminderOn: true,
      hasAttachments: false,
      hideAttendees: false,
      subject: input.subject,
      bodyPreview: textPreview(content),
      importance: input.importance,
      sensitivity: input.sensitivity,
      isAllDay: input.isAllDay,
      isCancelled: false,
      isDraft: false,
      seriesMasterId: null,
      type: 'singleInstance',
      onlineMeetingUrl: null,
      isOnlineMeeting: online,
      onlineMeetingProvider: online ? (input.onlineMeetingProvider ?? 'teamsForBusiness') : 'unknown',
      allowNewTimeProposals: input.allowNewTimeProposals,
      body: {
        contentType,
        content:
          contentType === 'html' && !/^<html/i.test(content)
            ? `<html><head></head><body>${content}</body></html>`
            : content,
      },
      location,
      locations: location.displayName ? [location] : [],
      recurrence: null,
      attendees,
      organizer: { emailAddress: { name: owner.displayName, address: owner.mail } },
      onlineMeeting: joinUrl
        ? {
            joinUrl,
            conferenceId: String(100_000_000 + (parseInt(iCalUId.slice(-6), 16) % 900_000_000)),
            tollNumber: '+1 425 555 0123',
          }
        : null,
      ...(input.singleValueExtendedProperties
        ? { singleValueExtendedProperties: input.singleValueExtendedProperties }
        : {}),
    };
    const events: StoredEvent[] = [];
    const organizerId = newEventId();
    events.push({
      id: organizerId,
      owner: owner.id,
      iCalUId,
      transactionId: input.transactionId ?? null,
      startMs,
      endMs,
      body: {
        id: organizerId,
        changeKey: randomBytes(12).toString('base64'),
        ...shared,
        transactionId: input.transactionId ?? null,
        isOrganizer: true,
        responseRequested: input.responseRequested,
        showAs: input.showAs,
        responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
        webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(organizerId)}&exvsurl=1&path=/calendar/item`,
      },
    });
    // Demo mailboxes accept meeting requests at once, so the time shows busy for attendees too.
    for (const a of input.attendees) {
      const attendee = store.findUser(a.emailAddress.address);
      if (!attendee || attendee.id === owner.id) continue;
      const id = newEventId();
      events.push({
        id,
        owner: attendee.id,
        iCalUId,
        transactionId: null,
        startMs,
        endMs,
        body: {
          id,
          changeKey: randomBytes(12).toString('base64'),
          ...shared,
          transactionId: null,
          isOrganizer: false,
          responseRequested: input.responseRequested,
          showAs: input.showAs,
          responseStatus: { response: 'accepted', time: stamp },
          webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
        },
      });
    }
    try {
      store.insertEvents(events);
    } catch (err) {
      // Two retries racing with the same transactionId: the loser returns the winner's event.
      const existing = input.transactionId ? store.eventByTransaction(owner.id, input.transactionId) : null;
      if (!existing) throw err;
      return {
        status: 201,
        body: {
          '@odata.context': `${graphContext}#users('${owner.id}')/events/$entity`,
          ...eventResource(existing, preferredZone(req)),
        },
      };
    }
    if (meeting) {
      // Teams gives every online meeting a chat; the organizer and the invited are in it.
      store.insertChat(meeting.threadId, null, {
        id: meeting.threadId,
        topic: input.subject,
        createdDateTime: stamp,
        lastUpdatedDateTime: stamp,
        chatType: 'meeting',
        webUrl: joinUrl,
        tenantId,
        onlineMeetingInfo: { joinWebUrl: joinUrl, organizer: { id: owner.id } },
        viewpoint: null,
      });
      store.setMeta(
        `onlineMeeting:${joinUrl}`,
        JSON.stringify({
          id: Buffer.from(`${owner.id}:${meeting.threadId}`).toString('base64url'),
          organizerId: owner.id,
          threadId: meeting.threadId,
          subject: input.subject,
          startMs,
          endMs,
          created: stamp,
          attendees: input.attendees.map((a) => a.emailAddress.address),
        }),
      );
    }
    return {
      status: 201,
      body: {
        '@odata.context': `${graphContext}#users('${owner.id}')/events/$entity`,
        ...eventResource(events[0]!, preferredZone(req)),
      },
    };
  }

  function findOwnEvent(req: GraphRequest): { owner: DirectoryUser; event: StoredEvent } {
    const owner = userFromPath(store, req);
    const event = store.getEvent(owner.id, String(req.params.event));
    if (!event) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return { owner, event };
  }

  function updateEvent(req: GraphRequest): { status: number; body: unknown } {
    const { owner, event } = findOwnEvent(req);
    if (req.body && typeof req.body === 'object' && 'transactionId' in req.body)
      throw badRequest('The transactionId of an event cannot be changed.', 'ErrorInvalidRequest');
    const patch = parse(EventUpdate, req.body);
    const copies = event.body['isOrganizer'] ? store.eventsByICalUId(event.iCalUId) : [event];
    const startMs = patch.start ? instant(patch.start) : event.startMs;
    const endMs = patch.end ? instant(patch.end) : event.endMs;
    if (!(endMs > startMs)) throw badRequest('The end time must be after the start time.', 'ErrorInvalidRequest');
    const stamp = now().toISOString();
    for (const copy of copies) {
      const b = copy.body;
      if (patch.subject !== undefined) b['subject'] = patch.subject;
      if (patch.body) {
        b['body'] = { contentType: patch.body.contentType.toLowerCase(), content: patch.body.content };
        b['bodyPreview'] = textPreview(patch.body.content);
      }
      if (patch.location)
        b['location'] = { displayName: patch.location.displayName, locationType: 'default', uniqueIdType: 'unknown' };
      if (patch.categories && copy.id === event.id) b['categories'] = patch.categories;
      if (patch.showAs && copy.id === event.id) b['showAs'] = patch.showAs;
      if (patch.start) b['originalStartTimeZone'] = patch.start.timeZone;
      if (patch.end) b['originalEndTimeZone'] = patch.end.timeZone;
      b['lastModifiedDateTime'] = stamp;
      b['changeKey'] = randomBytes(12).toString('base64');
      store.updateEvent({ ...copy, startMs, endMs, body: b });
    }
    const updated = store.getEvent(owner.id, event.id)!;
    return {
      status: 200,
      body: {
        '@odata.context': `${graphContext}#users('${owner.id}')/events/$entity`,
        ...eventResource(updated, preferredZone(req)),
      },
    };
  }

  function scheduleFor(
    address: string,
    fromMs: number,
    toMs: number,
    zone: string,
    interval: number,
  ): Record<string, unknown> {
    const user = store.findUser(address);
    if (!user) {
      return {
        scheduleId: address,
        availabilityView: '',
        scheduleItems: [],
        error: { message: `The mailbox ${address} could not be found.`, responseCode: 'ErrorMailboxNotFound' },
      };
    }
    const events = store
      .eventsInRange(user.id, fromMs, toMs)
      .filter((e) => e.body['showAs'] !== 'free' && !e.body['isCancelled']);
    const code: Record<string, number> = { tentative: 1, busy: 2, oof: 3, workingElsewhere: 0 };
    const slots = Math.ceil((toMs - fromMs) / (interval * 60_000));
    let view = '';
    for (let i = 0; i < slots; i++) {
      const s = fromMs + i * interval * 60_000;
      const e = Math.min(toMs, s + interval * 60_000);
      let worst = 0;
      for (const ev of events)
        if (ev.startMs < e && ev.endMs > s) worst = Math.max(worst, code[String(ev.body['showAs'])] ?? 2);
      view += String(worst);
    }
    const wh = user.workingHours;
    return {
      scheduleId: address,
      availabilityView: view,
      scheduleItems: events.map((ev) => ({
        isPrivate: ev.body['sensitivity'] === 'private',
        status: ev.body['showAs'],
        subject: ev.body['sensitivity'] === 'private' ? '' : ev.body['subject'],
        location: (ev.body['location'] as { displayName?: string } | undefined)?.displayName ?? '',
        isMeeting: ((ev.body['attendees'] as unknown[]) ?? []).length > 0,
        isRecurring: false,
        isException: false,
        isReminderSet: true,
        start: render(ev.startMs, zone),
        end: render(ev.endMs, zone),
      })),
      workingHours: {
        daysOfWeek: wh.daysOfWeek,
        startTime: `${wh.startTime}.0000000`,
        endTime: `${wh.endTime}.0000000`,
        timeZone: { name: user.windowsTimeZone },
      },
    };
  }

  const GetSchedule = z.object({
    schedules: z.array(z.string().min(1)).min(1),
    startTime: DateTimeTimeZone,
    endTime: DateTimeTimeZone,
    availabilityViewInterval: z.coerce.number().int().min(5).max(1440).default(30),
  });

  const FindMeetingTimes = z.object({
    attendees: z.array(Attendee).default([]),
    timeConstraint: z.object({
      activityDomain: z.enum(['work', 'personal', 'unrestricted', 'unknown']).default('work'),
      timeSlots: z.array(z.object({ start: DateTimeTimeZone, end: DateTimeTimeZone })).min(1),
    }),
    meetingDuration: z
      .string()
      .regex(/^PT(\d+H)?(\d+M)?$/)
      .default('PT30M'),
    maxCandidates: z.coerce.number().int().min(1).max(100).default(20),
    isOrganizerOptional: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
    returnSuggestionReasons: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
    minimumAttendeePercentage: z.coerce.number().optional(),
    locationConstraint: z.unknown().optional(),
  });

  function insideWorkingHours(u: DirectoryUser, startMs: number, endMs: number): boolean {
    const zone = ianaZone(u.windowsTimeZone);
    const s = DateTime.fromMillis(startMs, { zone });
    const e = DateTime.fromMillis(endMs, { zone });
    const day = s.setLocale('en-US').toFormat('cccc').toLowerCase();
    if (!u.workingHours.daysOfWeek.includes(day) || !s.hasSame(e.minus({ milliseconds: 1 }), 'day')) return false;
    const hhmm = (d: DateTime) => d.toFormat('HH:mm:ss');
    return hhmm(s) >= u.workingHours.startTime && (hhmm(e) <= u.workingHours.endTime || hhmm(e) === '00:00:00');
  }

  function findMeetingTimes(req: GraphRequest): { status: number; body: unknown } {
    const organizer = userFromPath(store, req);
    const input = parse(FindMeetingTimes, req.body);
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(input.meetingDuration)!;
    const durationMs = (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60_000;
    if (durationMs <= 0) throw badRequest('meetingDuration must be positive.');
    const zone = input.timeConstraint.timeSlots[0]!.start.timeZone;
    const people = [
      organizer,
      ...input.attendees
        .map((a) => store.findUser(a.emailAddress.address))
        .filter((u): u is DirectoryUser => u !== null),
    ];
    const suggestions: Array<Record<string, unknown>> = [];
    const step = 30 * 60_000;
    for (const slot of input.timeConstraint.timeSlots) {
      const fromMs = instant(slot.start);
      const toMs = instant(slot.end);
      const busy = people.map((p) =>
        store
          .eventsInRange(p.id, fromMs, toMs)
          .filter((e) => ['busy', 'oof', 'tentative'].includes(String(e.body['showAs']))),
      );
      for (
        let s = Math.ceil(fromMs / step) * step;
        s + durationMs <= toMs && suggestions.length < input.maxCandidates;
        s += step
      ) {
        const e = s + durationMs;
        if (input.timeConstraint.activityDomain === 'work' && !people.every((p) => insideWorkingHours(p, s, e)))
          continue;
        if (busy.some((list) => list.some((ev) => ev.startMs < e && ev.endMs > s))) continue;
        suggestions.push({
          confidence: 100,
          order: suggestions.length + 1,
          organizerAvailability: 'free',
          suggestionReason: 'Suggested because it is one of the nearest times when all attendees are available.',
          attendeeAvailability: input.attendees.map((a) => ({
            availability: 'free',
            attendee: { emailAddress: { address: a.emailAddress.address } },
          })),
          locations: [],
          meetingTimeSlot: { start: render(s, zone), end: render(e, zone) },
        });
      }
    }
    return {
      status: 200,
      body: {
        '@odata.context': `${graphContext}#microsoft.graph.meetingTimeSuggestionsResult`,
        emptySuggestionsReason: suggestions.length === 0 ? 'AttendeesUnavailable' : '',
        meetingTimeSuggestions: suggestions,
      },
    };
  }

  const eventPath = String.raw`${userSegment}(?:/calendar)?/events/(?<event>[^/]+)`;
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^${userSegment}/calendar/getSchedule$`, 'i'),
      kind: 'getSchedule',
      mailbox,
      handle: (req) => {
        userFromPath(store, req);
        const input = parse(GetSchedule, req.body);
        if (input.schedules.length > getScheduleLimits.schedules) {
          throw badRequest(
            `The number of schedules (${input.schedules.length}) exceeds the maximum of ${getScheduleLimits.schedules} per request.`,
            'ErrorInvalidParameter',
          );
        }
        const fromMs = instant(input.startTime);
        const toMs = instant(input.endTime);
        if (!(toMs > fromMs)) throw badRequest('The end time must be after the start time.', 'ErrorInvalidParameter');
        if (toMs - fromMs > getScheduleLimits.days * dayMs) {
          throw badRequest(
            `The requested time window exceeds the maximum of ${getScheduleLimits.days} days.`,
            'ErrorInvalidParameter',
          );
        }
        const zone = req.headers['prefer'] ? preferredZone(req) : input.startTime.timeZone;
        ianaZone(zone);
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#Collection(microsoft.graph.scheduleInformation)`,
            value: input.schedules.map((s) => scheduleFor(s, fromMs, toMs, zone, input.availabilityViewInterval)),
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${userSegment}/findMeetingTimes$`, 'i'),
      kind: 'findMeetingTimes',
      mailbox,
      handle: findMeetingTimes,
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${userSegment}/onlineMeetings$`),
      kind: 'onlineMeetings.list',
      handle: (req) => {
        const user = userFromPath(store, req);
        const joinWebUrl = /^JoinWebUrl eq '((?:[^']|'')*)'$/i
          .exec(req.query.get('$filter') ?? '')?.[1]
          ?.replace(/''/g, "'");
        if (!joinWebUrl)
          throw badRequest("Filter on JoinWebUrl is required, e.g. $filter=JoinWebUrl eq '<url>'.", 'InvalidArgument');
        const saved = store.getMeta(`onlineMeeting:${joinWebUrl}`);
        const m = saved
          ? (JSON.parse(saved) as {
              id: string;
              organizerId: string;
              threadId: string;
              subject: string;
              startMs: number;
              endMs: number;
              created: string;
              attendees: string[];
            })
          : null;
        const visible =
          m && (m.organizerId === user.id || m.attendees.some((a) => a.toLowerCase() === user.mail.toLowerCase()));
        const value = visible
          ? [
              {
                id: m.id,
                creationDateTime: m.created,
                startDateTime: new Date(m.startMs).toISOString(),
                endDateTime: new Date(m.endMs).toISOString(),
                joinWebUrl,
                subject: m.subject,
                chatInfo: { threadId: m.threadId, messageId: '0', replyChainMessageId: null },
                participants: {
                  organizer: {
                    identity: { user: { id: m.organizerId } },
                    upn: store.findUser(m.organizerId)?.userPrincipalName ?? '',
                  },
                  attendees: m.attendees.map((a) => ({
                    upn: a,
                    identity: { user: { id: store.findUser(a)?.id ?? null } },
                  })),
                },
              },
            ]
          : [];
        return { status: 200, body: { '@odata.context': `${graphContext}#users('${user.id}')/onlineMeetings`, value } };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${userSegment}(?:/calendar)?/events$`),
      kind: 'events.create',
      mailbox,
      handle: createEvent,
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${eventPath}$`),
      kind: 'events.get',
      mailbox,
      handle: (req) => {
        const { owner, event } = findOwnEvent(req);
        const select = parseSelect(req.query);
        const resource = eventResource(event, preferredZone(req));
        const expandsProps = /singleValueExtendedProperties/.test(req.query.get('$expand') ?? '');
        if (!expandsProps) delete resource['singleValueExtendedProperties'];
        // Graph returns `locations` with a selected `location` (they are one property seen two ways).
        const selected =
          select?.includes('location') && !select.includes('locations') ? [...select, 'locations'] : select;
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#users('${owner.id}')/events/$entity`,
            ...applySelect(resource, selected, ['@odata.etag', 'id']),
          },
        };
      },
    },
    { method: 'PATCH', pattern: new RegExp(`^${eventPath}$`), kind: 'events.update', mailbox, handle: updateEvent },
    {
      method: 'DELETE',
      pattern: new RegExp(`^${eventPath}$`),
      kind: 'events.delete',
      mailbox,
      handle: (req) => {
        const { event } = findOwnEvent(req);
        // The organizer's delete cancels the meeting; demo mailboxes process the cancellation at once.
        const copies = event.body['isOrganizer'] ? store.eventsByICalUId(event.iCalUId) : [event];
        for (const c of copies) store.deleteEvent(c.id);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${userSegment}(?:/calendar)?/(?<view>calendarView|events)$`),
      kind: 'events.list',
      mailbox,
      handle: (req) => {
        const owner = userFromPath(store, req);
        const isView = req.params.view === 'calendarView';
        const startRaw = req.query.get('startDateTime') ?? req.query.get('startdatetime');
        const endRaw = req.query.get('endDateTime') ?? req.query.get('enddatetime');
        if (isView && (!startRaw || !endRaw)) {
          throw badRequest(
            'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
            'ErrorInvalidParameter',
          );
        }
        const fromMs = startRaw ? instant({ dateTime: startRaw, timeZone: 'UTC' }) : 0;
        const toMs = endRaw ? instant({ dateTime: endRaw, timeZone: 'UTC' }) : 8_640_000_000_000_000;
        const zone = preferredZone(req);
        const select = parseSelect(req.query);
        const txFilter = /^transactionId eq '((?:[^']|'')*)'$/
          .exec(req.query.get('$filter') ?? '')?.[1]
          ?.replace(/''/g, "'");
        let events = store.eventsInRange(owner.id, fromMs, toMs);
        if (txFilter !== undefined) events = events.filter((e) => e.transactionId === txFilter);
        const resources = events.map((e) => {
          const r = eventResource(e, zone);
          delete r['singleValueExtendedProperties'];
          return applySelect(r, select, ['@odata.etag', 'id']);
        });
        const top = parseTop(req.query, 10, 1000);
        const path = `/users/${owner.id}/${isView ? 'calendarView' : 'events'}`;
        const { value, nextLink } = page(resources, req.query, req.baseUrl, path, top);
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#users('${owner.id}')/${isView ? 'calendarView' : 'events'}`,
            ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
            value,
          },
        };
      },
    },
  ];
}

/** Deterministic id helper shared by the seed. */
export function stableHex(text: string, length = 32): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
