// People as the directory knows them: the caller (GET /api/me), a person about
// to join a pair, and the program owner's people search.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { errorCodes, type DirectoryPerson } from '../../src/core/api.js';
import { ianaName } from '../../src/core/scheduling/index.js';
import type { Me, Participant } from '../../src/core/schemas.js';
import type { Caller } from '../auth/caller.js';
import { findUser, managerOf, searchUsers } from '../graph/directory.js';
import { missingPermissionOf } from '../graph/middleware/missingPermission.js';
import { ApiProblem } from './problem.js';

const MailboxSettings = z.object({ timeZone: z.string().nullable().optional() });

/**
 * The mailbox's time zone as an IANA name, or null when it is unset or unknown,
 * or the mailbox cannot be read (no Exchange Online mailbox). A missing
 * MailboxSettings.Read is thrown, named by the Graph gateway: a pair planned
 * in UTC because the app may not read its zones would be wrong all along.
 */
export async function mailboxTimeZone(graph: Client, userId: string): Promise<string | null> {
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
    if (missingPermissionOf(err)) throw err;
    return null;
  }
}

/** Program facts about a person (career stage, time zone), from the Participants list. */
export interface ParticipantLookup {
  participant(userId: string): Promise<Participant | null>;
}

const CallerEntry = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  mail: z.string().nullable(),
  userPrincipalName: z.string(),
  department: z.string().nullable().optional(),
});

/**
 * The caller: directory facts from Graph, program facts from the Participants
 * list. Someone not yet enrolled gets the time zone of their mailbox settings.
 */
export async function describeCaller(
  ports: { graph: Client; participants: ParticipantLookup | null },
  caller: Caller,
): Promise<Me> {
  const [directoryEntry, participant] = await Promise.all([
    ports.graph
      .api(`/users/${encodeURIComponent(caller.userId)}`)
      .select(['id', 'displayName', 'mail', 'userPrincipalName', 'department'])
      .get() as Promise<unknown>,
    ports.participants ? ports.participants.participant(caller.userId) : null,
  ]);
  const parsed = CallerEntry.safeParse(directoryEntry);
  if (!parsed.success)
    throw new ApiProblem(errorCodes.upstreamUnavailable, 'The directory returned a user this app does not understand.');
  const user = parsed.data;
  return {
    id: caller.userId,
    displayName: user.displayName ?? caller.displayName,
    mail: user.mail ?? user.userPrincipalName,
    department: user.department ?? participant?.department ?? null,
    careerStage: participant?.careerStage ?? null,
    timeZone: participant ? participant.timeZone : await callerZone(ports.graph, caller.userId),
    roles: [...caller.roles],
  };
}

/**
 * Someone not enrolled sees times in their browser's zone until the zone is
 * known: signing in must not fail because the tenant withheld
 * MailboxSettings.Read (pairing such a person does fail, naming it).
 */
async function callerZone(graph: Client, userId: string): Promise<string | null> {
  try {
    return await mailboxTimeZone(graph, userId);
  } catch (err) {
    if (missingPermissionOf(err)) return null;
    throw err;
  }
}

/** A person about to join a pair, from the directory; a 400 naming body.members when they cannot. */
export async function participantFromDirectory(
  graph: Client,
  userId: string,
  careerStage: Participant['careerStage'],
): Promise<Participant> {
  const user = await findUser(graph, userId);
  if (!user)
    throw new ApiProblem(errorCodes.invalidRequest, `body.members: no person ${userId} in the directory`, {
      field: 'body.members',
    });
  const timeZone = (await mailboxTimeZone(graph, userId)) ?? 'UTC';
  if (!user.department)
    throw new ApiProblem(
      errorCodes.invalidRequest,
      `body.members: ${user.displayName} has no department in the directory`,
      { field: 'body.members' },
    );
  return {
    userId: user.id,
    displayName: user.displayName,
    mail: user.mail,
    department: user.department,
    careerStage,
    timeZone,
  };
}

/** The manager's id, or null for someone without one. */
export const managerIdOf = async (graph: Client, userId: string): Promise<string | null> =>
  (await managerOf(graph, userId))?.id ?? null;

/** People to pair, by the start of their display name, each with their manager. */
export async function searchPeople(graph: Client, search: string): Promise<DirectoryPerson[]> {
  const users = await searchUsers(graph, search);
  return Promise.all(
    users.map(async (u) => ({
      id: u.id,
      displayName: u.displayName,
      mail: u.mail,
      department: u.department,
      jobTitle: u.jobTitle,
      managerId: await managerIdOf(graph, u.id),
    })),
  );
}

/** The caller's department in the directory (what decides which dashboard a lead may see). */
export async function departmentOf(graph: Client, userId: string): Promise<string | null> {
  const user = z
    .object({ department: z.string().nullable().optional() })
    .parse(await graph.api(`/users/${userId}`).select(['department']).get());
  return user.department ?? null;
}
