// The program owner's routes: every pair, creating and changing pairs, the
// directory search to find people to pair, and the agenda templates.
import { z } from 'zod';
import { AgendaTemplates } from '../../src/core/agenda/index.js';
import { CreatePairRequest, NoteInput, UpdatePairRequest } from '../../src/core/api.js';
import { searchPeople } from '../program/directory.js';
import { requireId } from '../program/access.js';
import { PairId } from '../../src/core/ids.js';
import { agendaTemplates, createPair, programPairs, saveAgendaTemplates, updatePair } from '../program/pairs.js';
import type { ProgramPorts } from '../program/ports.js';
import { parseInput, type RouteDeclaration } from './route.js';

const PeopleSearch = z.string().trim().max(64);
/** The templates plus the flagged spans the owner says are not patient identifiers (as a note confirms them). */
const AgendaTemplatesUpdate = AgendaTemplates.extend({ phiConfirmations: NoteInput.shape.phiConfirmations });

export function programRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/program/pairs',
      access: 'ProgramOwner',
      summary: 'Every pair in the program',
      async handle({ caller }) {
        return { body: await programPairs(ports, caller) };
      },
    },
    {
      method: 'post',
      path: '/api/pairs',
      access: 'ProgramOwner',
      summary: 'Create a pair',
      async handle({ body }) {
        return { status: 201, body: await createPair(ports, parseInput(CreatePairRequest, body)) };
      },
    },
    {
      method: 'patch',
      path: '/api/pairs/:id',
      access: 'ProgramOwner',
      summary: "Change a pair's cadence or end it",
      async handle({ params, body }) {
        return {
          body: {
            pair: await updatePair(
              ports,
              requireId(PairId, params.id, 'params.id'),
              parseInput(UpdatePairRequest, body),
            ),
          },
        };
      },
    },
    {
      method: 'get',
      path: '/api/directory/people',
      access: 'ProgramOwner',
      summary: 'Search the directory for people to pair',
      async handle({ query }) {
        const search = parseInput(PeopleSearch, query['search'] ?? '', 'query.search');
        return { body: await searchPeople(ports.graph.client, search) };
      },
    },
    {
      method: 'get',
      path: '/api/program/agenda-templates',
      access: 'ProgramOwner',
      summary: 'The agenda templates in use',
      async handle() {
        return { body: await agendaTemplates(ports) };
      },
    },
    {
      method: 'put',
      path: '/api/program/agenda-templates',
      access: 'ProgramOwner',
      summary: 'Edit the agenda templates (behind the PHI guard)',
      async handle({ body }) {
        const { phiConfirmations, ...templates } = parseInput(AgendaTemplatesUpdate, body);
        return { body: await saveAgendaTemplates(ports, templates, phiConfirmations) };
      },
    },
  ];
}
