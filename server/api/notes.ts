// What the pair's two people write: their own note for a session, ticking
// action items off, and informal touchpoints.
import { z } from 'zod';
import { NoteInput, TouchpointRequest } from '../../src/core/api.js';
import { pairFor, requireMember, sessionFor } from '../program/access.js';
import { NoteDraftInput } from '../../src/core/notes/draft.js';
import { keepNoteDraft, myNoteDraft, settleNoteDraft } from '../program/noteDrafts.js';
import { logTouchpoint, saveMyNote, tickActionItem } from '../program/notes.js';
import type { ProgramPorts } from '../program/ports.js';
import { parseInput, type RouteDeclaration } from './route.js';

const ActionItemChange = z.object({ done: z.boolean() });

const draftPath = '/api/sessions/:id/notes/me/draft';

/** My unsaved draft for a session, kept in the tenant once the PHI guard passed it (server/program/noteDrafts.ts). */
function noteDraftRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: draftPath,
      access: 'Participant',
      summary: 'My unsaved note draft for a session, if one is kept',
      async handle({ caller, params }) {
        const seen = await sessionFor(ports.store, caller, params.id!);
        return { body: { draft: await myNoteDraft(ports, caller, seen) } };
      },
    },
    {
      method: 'put',
      path: draftPath,
      access: 'Participant',
      summary: 'Keep my unsaved note draft for a session (refused with 422 while the PHI guard flags it)',
      async handle({ caller, params, body }) {
        const seen = await sessionFor(ports.store, caller, params.id!);
        requireMember(seen.pair, caller, 'write notes');
        return { body: { draft: await keepNoteDraft(ports, caller, seen, parseInput(NoteDraftInput, body)) } };
      },
    },
    {
      method: 'delete',
      path: draftPath,
      access: 'Participant',
      summary: 'Discard my unsaved note draft for a session',
      async handle({ caller, params }) {
        const seen = await sessionFor(ports.store, caller, params.id!);
        requireMember(seen.pair, caller, 'write notes');
        await settleNoteDraft(ports, seen.session.id, caller.userId);
        return { status: 204 };
      },
    },
  ];
}

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
        await settleNoteDraft(ports, seen.session.id, caller.userId);
        return { body: saved, headers: { ETag: saved.etag } };
      },
    },
    ...noteDraftRoutes(ports),
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
