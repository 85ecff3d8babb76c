// Routes for the tab opened in a Teams meeting (side panel, details tab,
// meeting chat tab): which of my sessions this meeting is, and its agenda,
// which either person edits before the meeting.
import { AgendaEditRequest } from '../../src/core/agendaEdit.js';
import { MeetingRecognitionQuery } from '../../src/core/api.js';
import { requireMember, sessionFor } from '../program/access.js';
import { agendaOf, editAgenda } from '../program/agendaEdit.js';
import { recognizeMeeting } from '../program/meetingRecognition.js';
import type { ProgramPorts } from '../program/ports.js';
import { parseInput, type RouteDeclaration } from './route.js';

export function meetingRoutes(
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'delegatedGraph'>,
): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/meetings/session',
      access: 'Participant',
      summary:
        'Which of my sessions a Teams meeting is (by its chat thread id, join URL or iCalUId); else the meeting to link',
      async handle({ caller, query }) {
        return { body: await recognizeMeeting(ports, caller, parseInput(MeetingRecognitionQuery, query, 'query')) };
      },
    },
    {
      method: 'get',
      path: '/api/sessions/:id/agenda',
      access: 'Participant',
      summary: "A session's agenda with its eTag, and whether it may still be edited (before the meeting)",
      async handle({ caller, params }) {
        const seen = await sessionFor(ports.store, caller, params.id!);
        const body = await agendaOf(ports, caller, seen);
        return { body, headers: { ETag: body.etag } };
      },
    },
    {
      method: 'put',
      path: '/api/sessions/:id/agenda',
      access: 'Participant',
      summary: "Edit a session's agenda before the meeting (If-Match: its eTag; 412 with the current one)",
      async handle({ caller, params, body, headers }) {
        const seen = await sessionFor(ports.store, caller, params.id!);
        requireMember(seen.pair, caller, 'edit agendas');
        const edit = parseInput(AgendaEditRequest, body);
        const saved = await editAgenda(ports, caller, seen, edit, headers['if-match'] ?? null);
        return { body: saved, headers: { ETag: saved.etag } };
      },
    },
  ];
}
