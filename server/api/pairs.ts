// A participant's pairs: the list, one pair, its mutual free slots, and
// booking a session (or a series), its history. Another pair's id answers 404.
import { BookSessionRequest, SlotRequest } from '../../src/core/api.js';
import { pairFor, requireActive } from '../program/access.js';
import { suggestSlots } from '../program/availability.js';
import { bookSeries } from '../program/booking.js';
import { pairHistory } from '../program/pairHistory.js';
import { myPairs, summarizePair } from '../program/pairs.js';
import type { ProgramPorts } from '../program/ports.js';
import { parseInput, type RouteDeclaration } from './route.js';

export function pairRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/pairs',
      access: 'Participant',
      summary: "The caller's pairs with balance, next and last session, open action items",
      async handle({ caller }) {
        return { body: await myPairs(ports, caller) };
      },
    },
    {
      method: 'get',
      path: '/api/pairs/:id',
      access: 'Participant',
      summary: "One of the caller's pairs",
      async handle({ caller, params }) {
        return { body: await summarizePair(ports, await pairFor(ports.store, caller, params.id!), caller.userId) };
      },
    },
    {
      method: 'get',
      path: '/api/pairs/:id/history',
      access: 'Participant',
      summary:
        "Every past and upcoming session of one of the caller's pairs (ended ones too), with notes' presence and action items",
      async handle({ caller, params }) {
        return { body: await pairHistory(ports, caller, params.id!) };
      },
    },
    {
      method: 'post',
      path: '/api/pairs/:id/slots',
      access: 'Participant',
      summary: 'Ranked mutual free slots for a pair',
      async handle({ caller, params, body }) {
        const pair = await pairFor(ports.store, caller, params.id!);
        return { body: await suggestSlots(ports, pair, parseInput(SlotRequest, body)) };
      },
    },
    {
      method: 'post',
      path: '/api/pairs/:id/sessions',
      access: 'Participant',
      summary: "Book a session (or a series at the pair's cadence) as Teams meetings",
      async handle({ caller, params, body }) {
        const pair = await pairFor(ports.store, caller, params.id!);
        requireActive(pair);
        return { status: 201, body: await bookSeries(ports, caller, pair, parseInput(BookSessionRequest, body)) };
      },
    },
  ];
}
