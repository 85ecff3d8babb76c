// Routes the Outlook task pane needs beyond the tab's: my meetings, which
// session a meeting is, and linking a meeting to one of my pairs.
import { LinkMeetingRequest, MeetingListQuery, MeetingLookupQuery } from '../../src/core/meetings.js';
import { linkMeeting, lookUpMeeting, myMeetings } from '../program/meetings.js';
import type { ProgramPorts } from '../program/ports.js';
import { parseInput, type RouteDeclaration } from './route.js';

export function outlookRoutes(ports: Pick<ProgramPorts, 'store' | 'graph' | 'now'>): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/meetings',
      access: 'Participant',
      summary:
        'My meetings of the next days with their bodies (what the browser-hosted task pane simulates Outlook with)',
      async handle({ caller, query }) {
        const { days } = parseInput(MeetingListQuery, query, 'query');
        return { body: await myMeetings(ports, caller, days) };
      },
    },
    {
      method: 'get',
      path: '/api/sessions/by-event',
      access: 'Participant',
      summary: 'The Reciprocal session a meeting on my calendar is (by its event id or iCalUId), if any',
      async handle({ caller, query }) {
        return { body: await lookUpMeeting(ports, caller, parseInput(MeetingLookupQuery, query, 'query')) };
      },
    },
    {
      method: 'post',
      path: '/api/sessions/link',
      access: 'Participant',
      summary: 'Make a meeting on my calendar a Reciprocal session of one of my pairs',
      async handle({ caller, body }) {
        const { result, created } = await linkMeeting(ports, caller, parseInput(LinkMeetingRequest, body));
        return created ? { status: 201, body: result } : { body: result };
      },
    },
  ];
}
