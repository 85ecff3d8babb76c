// A booked session: the session page, moving, cancelling, marking held or no-show
// (409 when the status state machine forbids the change), and the session loop
// (each person's answer after it; the owner's list of what needs attention).
import { RescheduleSessionRequest, SessionStatusRequest } from '../../src/core/api.js';
import { SessionFeedbackRequest } from '../../src/core/sessions/index.js';
import { sessionFor } from '../program/access.js';
import { partnersLeft } from '../program/pairEnding.js';
import type { ProgramPorts } from '../program/ports.js';
import { recordSessionFeedback, sessionDisagreements, sessionLoopView } from '../program/sessionLoop.js';
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
    {
      method: 'get',
      path: '/api/sessions/:id/loop',
      access: 'Participant',
      summary:
        'My answer after a session (held / no-show / moved, usefulness, learned) and what my partner said happened',
      async handle({ caller, params }) {
        return { body: await sessionLoopView(ports, caller.userId, params.id!) };
      },
    },
    {
      method: 'put',
      path: '/api/sessions/:id/loop',
      access: 'Participant',
      summary: 'Answer the session loop: either person\'s "held" marks the session held',
      async handle({ caller, params, body }) {
        const answer = parseInput(SessionFeedbackRequest, body);
        return { body: await recordSessionFeedback(ports, caller.userId, params.id!, answer) };
      },
    },
    {
      method: 'get',
      path: '/api/session-loop/attention',
      access: 'ProgramOwner',
      summary: 'Sessions the two people marked differently, and pairs whose partner left',
      async handle() {
        const [disagreements, left] = await Promise.all([sessionDisagreements(ports), partnersLeft(ports)]);
        return { body: { disagreements, partnersLeft: left } };
      },
    },
  ];
}
