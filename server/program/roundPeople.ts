// Who a round is for, as the matcher needs them: the active profiles of its
// audience (everyone, a department, an Entra group's members), the managers
// above them who are not in it (so reporting lines are followed to the top),
// and every pair made before.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { errorCodes } from '../../src/core/api.js';
import {
  matchingProfileOf,
  peoplePair,
  standIn,
  type PeoplePair,
  type Profile,
  type RoundAudience,
} from '../../src/core/enrollment/index.js';
import type { MatchingProfile } from '../../src/core/matching/index.js';
import { managerIdOf } from './directory.js';
import { EnrollmentStore } from './enrollmentStore.js';
import type { ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';

const MemberPage = z.object({
  value: z.array(
    z.object({
      '@odata.type': z.string().optional(),
      id: z.string(),
      displayName: z.string().nullish(),
      mail: z.string().nullish(),
      userPrincipalName: z.string().nullish(),
      department: z.string().nullish(),
      jobTitle: z.string().nullish(),
    }),
  ),
  '@odata.nextLink': z.string().optional(),
});
export type GroupMember = z.infer<typeof MemberPage>['value'][number];

/**
 * The user members of an Entra group (GET /groups/{id}/members, GroupMember.Read.All), following
 * @odata.nextLink. Members may be users, groups, devices or service principals; only users are
 * kept. Without permission to read a member's type Graph still lists it "with limited information"
 * (only @odata.type and id): https://learn.microsoft.com/graph/api/group-list-members
 */
export async function groupMembers(graph: Client, groupId: string, field = 'body.groupId'): Promise<GroupMember[]> {
  let page: z.infer<typeof MemberPage>;
  try {
    page = MemberPage.parse(
      await graph
        .api(`/groups/${encodeURIComponent(groupId)}/members`)
        .select(['id', 'displayName', 'mail', 'userPrincipalName', 'department', 'jobTitle'])
        .top(999)
        .get(),
    );
  } catch (err) {
    if (err instanceof GraphError && (err.statusCode === 404 || err.statusCode === 400))
      throw new ApiProblem(errorCodes.invalidRequest, `${field}: there is no group ${groupId} in the directory`, {
        field,
      });
    throw err;
  }
  const out = [...page.value];
  while (page['@odata.nextLink']) {
    page = MemberPage.parse(await graph.api(page['@odata.nextLink']).get());
    out.push(...page.value);
  }
  return out.filter((m) => (m['@odata.type'] ?? '#microsoft.graph.user') === '#microsoft.graph.user');
}

/** The active profiles a round's audience names. */
export async function audienceProfiles(
  ports: Pick<ProgramPorts, 'store' | 'graph'>,
  audience: RoundAudience,
): Promise<Profile[]> {
  const active = await new EnrollmentStore(ports.store).profilesWithStatus('active');
  if (audience.kind === 'everyone') return active;
  if (audience.kind === 'department') return active.filter((p) => p.department === audience.department);
  const members = new Set(
    (await groupMembers(ports.graph.client, audience.groupId, 'body.audience.groupId')).map((m) => m.id),
  );
  return active.filter((p) => members.has(p.userId));
}

const maxChainDepth = 12;

/** Managers above the round's people who are not in it, up to the top (read from Graph `manager`, each once). */
export async function managerStandIns(graph: Client, people: readonly MatchingProfile[]): Promise<MatchingProfile[]> {
  const known = new Map<string, string | null>(people.map((p) => [p.id, p.managerId]));
  const out: MatchingProfile[] = [];
  let frontier = [...new Set(people.flatMap((p) => (p.managerId && !known.has(p.managerId) ? [p.managerId] : [])))];
  for (let depth = 0; depth < maxChainDepth && frontier.length > 0; depth++) {
    const managers = await Promise.all(frontier.map(async (id) => [id, await managerIdOf(graph, id)] as const));
    for (const [id, managerId] of managers) {
      known.set(id, managerId);
      out.push(standIn(id, managerId));
    }
    frontier = [...new Set(managers.flatMap(([, m]) => (m && !known.has(m) ? [m] : [])))];
  }
  return out;
}

/** Every pair made before, by its two people. */
export async function pastPairs(ports: Pick<ProgramPorts, 'store'>): Promise<PeoplePair[]> {
  return (await ports.store.allPairs()).map((p) => peoplePair(p.members[0].userId, p.members[1].userId));
}

export interface RoundPeople {
  profiles: Profile[];
  people: MatchingProfile[];
  standIns: MatchingProfile[];
  pastPairs: PeoplePair[];
}

export async function roundPeople(
  ports: Pick<ProgramPorts, 'store' | 'graph'>,
  audience: RoundAudience,
): Promise<RoundPeople> {
  const profiles = await audienceProfiles(ports, audience);
  const people = profiles.map(matchingProfileOf);
  const [standIns, past] = await Promise.all([managerStandIns(ports.graph.client, people), pastPairs(ports)]);
  return { profiles, people, standIns, pastPairs: past };
}
