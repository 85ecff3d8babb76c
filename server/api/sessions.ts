// A booked session: the session page, moving, cancelling, marking held or no-show
// (409 when the status state machine forbids the change).
import { RescheduleSessionRequest, SessionStatusRequest } from '../../src/core/api.js';
import { sessionFor } from '../program/access.js';
import type { ProgramPorts } from '../program/ports.js';
import { cancelSession, moveSession, sessionView, setSessionStatus } from '../program/sessions.js';
import { parseInput, type RouteDeclaration } from './route.js';

export function sessionRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/sessions/:id',
      access: 'Participant',
      summary: "A session: agenda, my note, my partner's note, carried-over action items",
      async handle({ caller, params }) {
        return { body: await sessionView(ports, caller, params.id!) };
      },
    },
    {
      method: 'patch',
      path: '/api/sessions/:id',
      access: 'Participant',
      summary: 'Move a session to a time both people are free (the same Teams meeting moves)',
      async handle({ caller, params, body }) {
        const found = await sessionFor(ports.store, caller, params.id!);
        const { start } = parseInput(RescheduleSessionRequest, body);
        return { body: { session: await moveSession(ports, found, start) } };
      },
    },
    {
      method: 'delete',
      path: '/api/sessions/:id',
      access: 'Participant',
      summary: 'Cancel a session (the Teams meeting is cancelled)',
      async handle({ caller, params }) {
        await cancelSession(ports, (await sessionFor(ports.store, caller, params.id!)).session);
        return { status: 204 };
      },
    },
    {
      method: 'post',
      path: '/api/sessions/:id/status',
      access: 'Participant',
      summary: 'Mark a session held or no-show, or cancel it (the Teams meeting is cancelled)',
      async handle({ caller, params, body }) {
        const { session } = await sessionFor(ports.store, caller, params.id!);
        const { status } = parseInput(SessionStatusRequest, body);
        return { body: { session: await setSessionStatus(ports, session, status) } };
      },
    },
  ];
}
