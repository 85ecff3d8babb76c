// Who the caller is (see describeCaller in server/program/directory.ts).
import type { Client } from '@microsoft/microsoft-graph-client';
import { describeCaller, type ParticipantLookup } from '../program/directory.js';
import type { RouteDeclaration } from './route.js';

export function meRoutes(ports: { graph: Client; participants: ParticipantLookup | null }): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/me',
      access: 'signed-in',
      summary: 'The caller: id, name, department, career stage, roles',
      async handle({ caller }) {
        return { body: await describeCaller(ports, caller) };
      },
    },
  ];
}
