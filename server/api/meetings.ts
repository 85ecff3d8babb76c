// Routes for the tab opened in a Teams meeting (side panel, details tab,
// meeting chat tab): which of my sessions this meeting is.
import { MeetingRecognitionQuery } from '../../src/core/api.js';
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
  ];
}
