// Who the caller is: directory facts from Graph, program facts (career stage,
// time zone) from the program's Participants list.
import { z } from 'zod';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Me, Participant } from '../../src/core/schemas.js';
import type { RouteDeclaration } from './route.js';

const DirectoryUser = z.object({ id: z.string(), displayName: z.string().nullable(), mail: z.string().nullable(), userPrincipalName: z.string(), department: z.string().nullable().optional() });

export interface ParticipantLookup {
  participant(userId: string): Promise<Participant | null>;
}

export function meRoutes(deps: { graph: Client; participants: ParticipantLookup | null }): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/me',
      access: 'signed-in',
      summary: 'The caller: id, name, department, career stage, roles',
      async handle({ caller }) {
        const user = DirectoryUser.parse(await deps.graph.api(`/users/${caller.userId}`).select(['id', 'displayName', 'mail', 'userPrincipalName', 'department']).get());
        const participant = deps.participants ? await deps.participants.participant(caller.userId) : null;
        const me: Me = {
          id: caller.userId,
          displayName: user.displayName ?? caller.displayName,
          mail: user.mail ?? user.userPrincipalName,
          department: user.department ?? participant?.department ?? null,
          careerStage: participant?.careerStage ?? null,
          timeZone: participant?.timeZone ?? null,
          roles: [...caller.roles],
        };
        return { body: me };
      },
    },
  ];
}
