// The task pane's own routes (server/api/outlook.ts) on top of the shared API
// client: same token, retries and error codes; responses parsed with zod.
import type { ApiClient } from '../client/api.js';
import { CalendarMeeting, MeetingLookup, MeetingSession, type LinkMeetingRequest } from '../core/meetings.js';

export class MeetingApi {
  constructor(private readonly api: ApiClient) {}

  /** My meetings of the next two weeks (for the browser-hosted pane's simulated item). */
  meetings() {
    return this.api.json(CalendarMeeting.array(), 'GET', '/api/meetings');
  }

  lookup(eventId: string) {
    return this.api.json(MeetingLookup, 'GET', `/api/sessions/by-event?eventId=${encodeURIComponent(eventId)}`);
  }

  link(request: LinkMeetingRequest) {
    return this.api.json(MeetingSession, 'POST', '/api/sessions/link', { body: request });
  }
}
