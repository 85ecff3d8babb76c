// What the pair's two people write: their own note for a session, ticking
// action items off, and informal touchpoints.
import { z } from 'zod';
import { NoteInput, TouchpointRequest } from '../../src/core/api.js';
import { pairFor, requireMember, sessionFor } from '../program/access.js';
import { logTouchpoint, saveMyNote, tickActionItem } from '../program/notes.js';
import type { ProgramPorts } from '../program/ports.js';
import { parseInput, type RouteDeclaration } from './route.js';

const ActionItemChange = z.object({ done: z.boolean() });

export function noteRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'put',
      path: '/api/sessions/:id/notes/me',
      access: 'Participant',
      summary: 'Save my shared-learning note for a session (If-Match for updates)',
      async handle({ caller, params, body, headers }) {
        const seen = await sessionFor(ports.store, caller, params.id!);
        requireMember(seen.pair, caller, 'write notes');
        const saved = await saveMyNote(ports, caller, seen, parseInput(NoteInput, body), headers['if-match'] ?? null);
        return { body: saved, headers: { ETag: saved.etag } };
      },
    },
    {
      method: 'patch',
      path: '/api/sessions/:id/action-items/:itemId',
      access: 'Participant',
      summary: 'Tick an action item of the pair off (or back on)',
      async handle({ caller, params, body }) {
        const seen = await sessionFor(ports.store, caller, params.id!);
        requireMember(seen.pair, caller, 'tick off action items');
        const { done } = parseInput(ActionItemChange, body);
        return { body: { item: await tickActionItem(ports, caller, seen, params.itemId!, done) } };
      },
    },
    {
      method: 'post',
      path: '/api/pairs/:id/touchpoints',
      access: 'Participant',
      summary: 'Log an informal touchpoint',
      async handle({ caller, params, body }) {
        const pair = await pairFor(ports.store, caller, params.id!);
        requireMember(pair, caller, 'log touchpoints');
        const touchpoint = await logTouchpoint(ports, caller, pair, parseInput(TouchpointRequest, body));
        return { status: 201, body: { touchpoint } };
      },
    },
  ];
}
