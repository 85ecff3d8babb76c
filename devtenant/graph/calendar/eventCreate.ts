// POST /events: the organizer's copy, a copy on each demo attendee's calendar,
// a Teams meeting when asked, and one event per transactionId however often
// (or however concurrently) the request is retried.
import { randomBytes } from 'node:crypto';
import type { DevTenantStore, DirectoryUser, StoredEvent } from '../../store.js';
import type { GraphRequest, GraphResponse } from '../dispatch.js';
import { userFromPath } from '../users.js';
import { instant } from './dateTimes.js';
import { EventCreate, endAfterStart, parseCalendarPayload } from './eventPayloads.js';
import { eventEntity, newChangeKey, newEventId, outlookWebLink, textPreview } from './eventResource.js';
import { openOnlineMeeting, teamsMeeting } from './onlineMeetings.js';
import type { CalendarOptions } from './options.js';

/** The properties every copy of a new event shares. */
function sharedEventBody(
  store: DevTenantStore,
  input: EventCreate,
  organizer: DirectoryUser,
  made: { stamp: string; iCalUId: string; joinUrl: string | null },
): Record<string, unknown> {
  const { stamp, iCalUId, joinUrl } = made;
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
  const attendees = input.attendees.map((a) => ({
    type: a.type,
    status: { response: 'none', time: '0001-01-01T00:00:00Z' },
    emailAddress: {
      name: a.emailAddress.name ?? store.findUser(a.emailAddress.address)?.displayName ?? a.emailAddress.address,
      address: a.emailAddress.address,
    },
  }));
  return {
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
    organizer: { emailAddress: { name: organizer.displayName, address: organizer.mail } },
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
}

/** One mailbox's copy of the event: the organizer's, or an attendee's. */
function calendarCopy(
  shared: Record<string, unknown>,
  input: EventCreate,
  when: { iCalUId: string; startMs: number; endMs: number },
  whose: { owner: string; transactionId: string | null; isOrganizer: boolean; response: string; time: string },
): StoredEvent {
  const id = newEventId();
  return {
    id,
    owner: whose.owner,
    iCalUId: when.iCalUId,
    transactionId: whose.transactionId,
    startMs: when.startMs,
    endMs: when.endMs,
    body: {
      id,
      changeKey: newChangeKey(),
      ...shared,
      transactionId: whose.transactionId,
      isOrganizer: whose.isOrganizer,
      responseRequested: input.responseRequested,
      showAs: input.showAs,
      responseStatus: { response: whose.response, time: whose.time },
      webLink: outlookWebLink(id),
    },
  };
}

export function createEvent({ store, tenantId, now }: CalendarOptions, req: GraphRequest): GraphResponse {
  const owner = userFromPath(store, req);
  const input = parseCalendarPayload(EventCreate, req.body);
  const earlier = input.transactionId ? store.eventByTransaction(owner.id, input.transactionId) : null;
  if (earlier) return eventEntity(201, owner.id, earlier, req);
  const startMs = instant(input.start);
  const endMs = instant(input.end);
  endAfterStart(startMs, endMs);
  const stamp = now().toISOString();
  const iCalUId = `040000008200E00074C5B7101A82E00800000000${randomBytes(28).toString('hex').toUpperCase()}`;
  const meeting = input.isOnlineMeeting ? teamsMeeting(tenantId, owner.id) : null;
  const shared = sharedEventBody(store, input, owner, { stamp, iCalUId, joinUrl: meeting?.joinUrl ?? null });
  const when = { iCalUId, startMs, endMs };
  const transactionId = input.transactionId ?? null;
  const events = [
    calendarCopy(shared, input, when, {
      owner: owner.id,
      transactionId,
      isOrganizer: true,
      response: 'organizer',
      time: '0001-01-01T00:00:00Z',
    }),
  ];
  // Demo mailboxes accept meeting requests at once, so the time shows busy for attendees too.
  for (const a of input.attendees) {
    const attendee = store.findUser(a.emailAddress.address);
    if (!attendee || attendee.id === owner.id) continue;
    const whose = { owner: attendee.id, transactionId: null, isOrganizer: false, response: 'accepted', time: stamp };
    events.push(calendarCopy(shared, input, when, whose));
  }
  try {
    store.insertEvents(events);
  } catch (err) {
    // Two retries racing with the same transactionId: the loser returns the winner's event.
    const winner = input.transactionId ? store.eventByTransaction(owner.id, input.transactionId) : null;
    if (!winner) throw err;
    return eventEntity(201, owner.id, winner, req);
  }
  if (meeting) {
    const details = { organizer: owner, subject: input.subject, startMs, endMs, created: stamp };
    openOnlineMeeting(
      store,
      tenantId,
      meeting,
      details,
      input.attendees.map((a) => a.emailAddress.address),
    );
  }
  return eventEntity(201, owner.id, events[0]!, req);
}
