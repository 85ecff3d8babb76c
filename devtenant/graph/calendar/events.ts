// One event: create, get, update (the organizer's change reaches every copy)
// and delete (the organizer's delete cancels the meeting).
import { badRequest } from '../../graphErrors.js';
import type { StoredEvent } from '../../store.js';
import type { GraphRequest, GraphResponse, GraphRoute } from '../dispatch.js';
import { applySelect, graphContext, parseSelect } from '../odata.js';
import { userSegment } from '../users.js';
import { instant, preferredZone } from './dateTimes.js';
import { createEvent } from './eventCreate.js';
import { EventUpdate, endAfterStart, parseCalendarPayload } from './eventPayloads.js';
import { copiesOf, eventEntity, eventResource, findOwnEvent, newChangeKey, textPreview } from './eventResource.js';
import { calendarMailbox, type CalendarOptions } from './options.js';

function getEvent({ store }: CalendarOptions, req: GraphRequest): GraphResponse {
  const { owner, event } = findOwnEvent(store, req);
  const select = parseSelect(req.query);
  const resource = eventResource(event, preferredZone(req));
  const expandsProps = /singleValueExtendedProperties/.test(req.query.get('$expand') ?? '');
  if (!expandsProps) delete resource['singleValueExtendedProperties'];
  // Graph returns `locations` with a selected `location` (they are one property seen two ways).
  const selected = select?.includes('location') && !select.includes('locations') ? [...select, 'locations'] : select;
  return {
    status: 200,
    body: {
      '@odata.context': `${graphContext}#users('${owner.id}')/events/$entity`,
      ...applySelect(resource, selected, ['@odata.etag', 'id']),
    },
  };
}

/** The patch as it lands on one copy; categories and showAs are the copy owner's own. */
function patchedBody(copy: StoredEvent, patch: EventUpdate, isTarget: boolean, stamp: string) {
  const b = copy.body;
  if (patch.subject !== undefined) b['subject'] = patch.subject;
  if (patch.body) {
    b['body'] = { contentType: patch.body.contentType.toLowerCase(), content: patch.body.content };
    b['bodyPreview'] = textPreview(patch.body.content);
  }
  if (patch.location)
    b['location'] = { displayName: patch.location.displayName, locationType: 'default', uniqueIdType: 'unknown' };
  if (patch.categories && isTarget) b['categories'] = patch.categories;
  if (patch.showAs && isTarget) b['showAs'] = patch.showAs;
  if (patch.start) b['originalStartTimeZone'] = patch.start.timeZone;
  if (patch.end) b['originalEndTimeZone'] = patch.end.timeZone;
  b['lastModifiedDateTime'] = stamp;
  b['changeKey'] = newChangeKey();
  return b;
}

function updateEvent({ store, now }: CalendarOptions, req: GraphRequest): GraphResponse {
  const { owner, event } = findOwnEvent(store, req);
  if (req.body && typeof req.body === 'object' && 'transactionId' in req.body)
    throw badRequest('The transactionId of an event cannot be changed.', 'ErrorInvalidRequest');
  const patch = parseCalendarPayload(EventUpdate, req.body);
  const copies = copiesOf(store, event);
  const startMs = patch.start ? instant(patch.start) : event.startMs;
  const endMs = patch.end ? instant(patch.end) : event.endMs;
  endAfterStart(startMs, endMs);
  const stamp = now().toISOString();
  for (const copy of copies)
    store.updateEvent({ ...copy, startMs, endMs, body: patchedBody(copy, patch, copy.id === event.id, stamp) });
  return eventEntity(200, owner.id, store.getEvent(owner.id, event.id)!, req);
}

function deleteEvent({ store }: CalendarOptions, req: GraphRequest): GraphResponse {
  const { event } = findOwnEvent(store, req);
  // Demo mailboxes process the organizer's cancellation at once.
  for (const c of copiesOf(store, event)) store.deleteEvent(c.id);
  return { status: 204 };
}

/**
 * The organizer's cancel: the meeting goes from every calendar, as delete does,
 * and the cancellation message (`Comment`) is kept (collection
 * `eventCancellations`) so tests can read what attendees were told. An
 * attendee's cancel is refused with 400, as Graph does.
 * https://learn.microsoft.com/graph/api/event-cancel
 */
function cancelEvent({ store }: CalendarOptions, req: GraphRequest): GraphResponse {
  const { event } = findOwnEvent(store, req);
  if (!event.body['isOrganizer'])
    throw badRequest(
      "Your request can't be completed. You need to be an organizer to cancel a meeting.",
      'ErrorAccessDenied',
    );
  const body = (req.body ?? {}) as Record<string, unknown>;
  const comment =
    typeof body['Comment'] === 'string' ? body['Comment'] : typeof body['comment'] === 'string' ? body['comment'] : '';
  store.putDocument('eventCancellations', event.iCalUId, {
    iCalUId: event.iCalUId,
    subject: event.body['subject'] ?? '',
    comment,
  });
  for (const c of copiesOf(store, event)) store.deleteEvent(c.id);
  return { status: 202 };
}

export function eventRoutes(o: CalendarOptions): GraphRoute[] {
  const eventPath = new RegExp(`^${userSegment}(?:/calendar)?/events/(?<event>[^/]+)$`);
  const mailbox = calendarMailbox;
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^${userSegment}(?:/calendar)?/events$`),
      kind: 'events.create',
      mailbox,
      handle: (req) => createEvent(o, req),
    },
    { method: 'GET', pattern: eventPath, kind: 'events.get', mailbox, handle: (req) => getEvent(o, req) },
    { method: 'PATCH', pattern: eventPath, kind: 'events.update', mailbox, handle: (req) => updateEvent(o, req) },
    { method: 'DELETE', pattern: eventPath, kind: 'events.delete', mailbox, handle: (req) => deleteEvent(o, req) },
    // Cancel needs what delete needs (Calendars.ReadWrite), so it shares delete's permission rule.
    {
      method: 'POST',
      pattern: new RegExp(`^${userSegment}(?:/calendar)?/events/(?<event>[^/]+)/cancel$`),
      kind: 'events.delete',
      mailbox,
      handle: (req) => cancelEvent(o, req),
    },
  ];
}
