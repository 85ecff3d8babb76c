// A stored event as its owner sees it through Graph, and the ids, change keys
// and links Exchange gives every copy of an event.
import { randomBytes } from 'node:crypto';
import { GraphError } from '../../graphErrors.js';
import type { DevTenantStore, DirectoryUser, StoredEvent } from '../../store.js';
import type { GraphRequest, GraphResponse } from '../dispatch.js';
import { graphContext } from '../odata.js';
import { userFromPath } from '../users.js';
import { preferredZone, render } from './dateTimes.js';

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

/** The response for one event, in the zone the caller prefers. */
export function eventEntity(status: number, ownerId: string, event: StoredEvent, req: GraphRequest): GraphResponse {
  return {
    status,
    body: {
      '@odata.context': `${graphContext}#users('${ownerId}')/events/$entity`,
      ...eventResource(event, preferredZone(req)),
    },
  };
}

export function findOwnEvent(store: DevTenantStore, req: GraphRequest): { owner: DirectoryUser; event: StoredEvent } {
  const owner = userFromPath(store, req);
  const event = store.getEvent(owner.id, String(req.params.event));
  if (!event) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return { owner, event };
}

/** The organizer's copy stands for the meeting: changing or deleting it reaches every attendee's copy. */
export function copiesOf(store: DevTenantStore, event: StoredEvent): StoredEvent[] {
  return event.body['isOrganizer'] ? store.eventsByICalUId(event.iCalUId) : [event];
}

export function textPreview(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

export function newEventId(): string {
  return `AAMkAG${randomBytes(54).toString('base64url')}=`;
}

export function newChangeKey(): string {
  return randomBytes(12).toString('base64');
}

export function outlookWebLink(eventId: string): string {
  return `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(eventId)}&exvsurl=1&path=/calendar/item`;
}
