// The task pane's own routes (server/api/outlook.ts) on top of the shared API
// client: same token, retries and error codes; responses parsed with zod.
import type { z } from 'zod';
import { ApiError, type ApiClient } from '../client/api.js';
import { CalendarMeeting, MeetingLookup, MeetingSession, type LinkMeetingRequest } from '../core/meetings.js';

export class MeetingApi {
  constructor(private readonly api: ApiClient) {}

  private async json<S extends z.ZodType>(
    schema: S,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const response = await this.api.send(method, path, body === undefined ? {} : { body });
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(
        response.status,
        'invalid_response',
        `Unexpected answer from ${method} ${path}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'bad shape'}`,
      );
    }
    return parsed.data;
  }

  /** My meetings of the next two weeks (for the browser-hosted pane's simulated item). */
  meetings() {
    return this.json(CalendarMeeting.array(), 'GET', '/api/meetings');
  }

  lookup(eventId: string) {
    return this.json(MeetingLookup, 'GET', `/api/sessions/by-event?eventId=${encodeURIComponent(eventId)}`);
  }

  link(request: LinkMeetingRequest) {
    return this.json(MeetingSession, 'POST', '/api/sessions/link', request);
  }
}
