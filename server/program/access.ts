// Who may see and change what. A participant sees only their own pairs; any
// other pair's id answers 404 with the very body a missing one gets, so ids do
// not leak. Ids are checked against their grammar (src/core/ids.ts) before any
// store call: ours are minted by us, so anything else is a 400.
// The program owner sees every pair but writes no notes.
import type { z } from 'zod';
import { errorCodes } from '../../src/core/api.js';
import { PairId, SessionId } from '../../src/core/ids.js';
import type { Pair, Participant } from '../../src/core/schemas.js';
import { hasRole, type Caller } from '../auth/caller.js';
import type { ProgramStore } from '../graph/programStore.js';
import type { StoredSession } from '../graph/programRecords.js';
import { ApiProblem } from './problem.js';

export const isMember = (pair: Pair, userId: string): boolean => pair.members.some((m) => m.userId === userId);

/** The other person of the pair from `viewerId`'s side (the second member for someone outside it). */
export const partnerOf = (pair: Pair, viewerId: string): Participant =>
  pair.members.find((m) => m.userId !== viewerId) ?? pair.members[1];

/** `value` when it matches the id grammar `schema`; otherwise a 400 naming `field` (never echoing the value). */
export function requireId(schema: z.ZodType<string>, value: unknown, field: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiProblem(errorCodes.invalidRequest, `${field}: ${parsed.error.issues[0]!.message}`, { field });
  return parsed.data;
}

// One body for "not yours" and "does not exist": no id, no hint which it was.
const noSuchPair = () => new ApiProblem(errorCodes.notFound, 'There is no such pair that you can see.');
const noSuchSession = () => new ApiProblem(errorCodes.notFound, 'There is no such session that you can see.');

const maySee = (pair: Pair, caller: Caller) => isMember(pair, caller.userId) || hasRole(caller, 'ProgramOwner');

/** A pair the caller may see: one of theirs, or any for the program owner. `field` names the id in a 400. */
export async function pairFor(
  store: Pick<ProgramStore, 'pair'>,
  caller: Caller,
  id: string,
  field = 'params.id',
): Promise<Pair> {
  const pair = await store.pair(requireId(PairId, id, field));
  if (!pair || !maySee(pair, caller)) throw noSuchPair();
  return pair;
}

/** A session the caller may see, with its pair. */
export async function sessionFor(
  store: Pick<ProgramStore, 'pair' | 'session'>,
  caller: Caller,
  id: string,
  field = 'params.id',
): Promise<{ session: StoredSession; pair: Pair }> {
  const session = await store.session(requireId(SessionId, id, field));
  const pair = session ? await store.pair(session.pairId) : null;
  if (!session || !pair || !maySee(pair, caller)) throw noSuchSession();
  return { session, pair };
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
