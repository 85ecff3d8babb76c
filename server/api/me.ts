// Who the caller is: directory facts from Graph, program facts (career stage,
// time zone) from the program's Participants list. Someone not yet enrolled
// gets the time zone of their mailbox settings.
import { z } from 'zod';
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { ianaName } from '../../src/core/scheduling/index.js';
import type { Me, Participant } from '../../src/core/schemas.js';
import { errorCodes } from '../../src/core/api.js';
import { ApiProblem, type RouteDeclaration } from './route.js';

const DirectoryUser = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  mail: z.string().nullable(),
  userPrincipalName: z.string(),
  department: z.string().nullable().optional(),
});

export interface ParticipantLookup {
  participant(userId: string): Promise<Participant | null>;
}

const MailboxSettings = z.object({ timeZone: z.string().nullable().optional() });

/** The mailbox's time zone as an IANA name, or null when it is unset, unknown or not readable. */
async function mailboxTimeZone(graph: Client, userId: string): Promise<string | null> {
  try {
    const settings = MailboxSettings.safeParse(
      await graph
        .api(`/users/${encodeURIComponent(userId)}/mailboxSettings`)
        .select(['timeZone'])
        .get(),
    );
    return settings.success && settings.data.timeZone ? ianaName(settings.data.timeZone) : null;
  } catch (err) {
    // Busy or down is worth the caller's retry; anything else only means we do not know the zone.
    if (err instanceof GraphError && (err.statusCode === 429 || err.statusCode >= 500)) throw err;
    return null;
  }
}

export function meRoutes(deps: { graph: Client; participants: ParticipantLookup | null }): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/me',
      access: 'signed-in',
      summary: 'The caller: id, name, department, career stage, roles',
      async handle({ caller }) {
        const [directoryEntry, participant] = await Promise.all([
          deps.graph
            .api(`/users/${encodeURIComponent(caller.userId)}`)
            .select(['id', 'displayName', 'mail', 'userPrincipalName', 'department'])
            .get() as Promise<unknown>,
          deps.participants ? deps.participants.participant(caller.userId) : null,
        ]);
        const parsed = DirectoryUser.safeParse(directoryEntry);
        if (!parsed.success)
          throw new ApiProblem(
            502,
            errorCodes.upstreamUnavailable,
            'The directory returned a user this app does not understand.',
          );
        const user = parsed.data;
        const timeZone = participant ? participant.timeZone : await mailboxTimeZone(deps.graph, caller.userId);
        const me: Me = {
          id: caller.userId,
          displayName: user.displayName ?? caller.displayName,
          mail: user.mail ?? user.userPrincipalName,
          department: user.department ?? participant?.department ?? null,
          careerStage: participant?.careerStage ?? null,
          timeZone,
          roles: [...caller.roles],
        };
        return { body: me };
      },
    },
  ];
}
