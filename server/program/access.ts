// Who may see and change what. A participant sees only their own pairs; any
// other pair's id answers 404 (as if it did not exist), so ids do not leak.
// The program owner sees every pair but writes no notes.
import { errorCodes } from '../../src/core/api.js';
import type { Pair, Participant } from '../../src/core/schemas.js';
import { hasRole, type Caller } from '../auth/caller.js';
import type { ProgramStore } from '../graph/programStore.js';
import type { StoredSession } from '../graph/programRecords.js';
import { ApiProblem } from './problem.js';

export const isMember = (pair: Pair, userId: string): boolean => pair.members.some((m) => m.userId === userId);

/** The other person of the pair from `viewerId`'s side (the second member for someone outside it). */
export const partnerOf = (pair: Pair, viewerId: string): Participant =>
  pair.members.find((m) => m.userId !== viewerId) ?? pair.members[1];

/** A pair the caller may see: one of theirs, or any for the program owner. */
export async function pairFor(store: Pick<ProgramStore, 'pair'>, caller: Caller, id: string): Promise<Pair> {
  const pair = await store.pair(id);
  if (!pair || !(isMember(pair, caller.userId) || hasRole(caller, 'ProgramOwner')))
    throw new ApiProblem(errorCodes.notFound, `no pair ${id} that you can see`);
  return pair;
}

/** A session the caller may see, with its pair. */
export async function sessionFor(
  store: Pick<ProgramStore, 'pair' | 'session'>,
  caller: Caller,
  id: string,
): Promise<{ session: StoredSession; pair: Pair }> {
  const session = await store.session(id);
  if (!session) throw new ApiProblem(errorCodes.notFound, `no session ${id} that you can see`);
  return { session, pair: await pairFor(store, caller, session.pairId) };
}

/** Only the two people of a pair write to it (`doing`: "write notes", "log touchpoints"). */
export function requireMember(pair: Pair, caller: Caller, doing: string): void {
  if (!isMember(pair, caller.userId))
    throw new ApiProblem(errorCodes.forbidden, `only the two people of a pair ${doing}`);
}

/** Only an active pair books or links sessions. */
export function requireActive(pair: Pair, field?: string): void {
  if (pair.status !== 'active')
    throw new ApiProblem(errorCodes.conflict, `this pair is ${pair.status}`, field ? { field } : {});
}
