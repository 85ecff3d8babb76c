// "Ask for a change" on an intro card: the person's request reaches the program
// owner (listed on the rounds page). One request per person per pair; asking
// again keeps the first.
import { PairId } from '../../src/core/ids.js';
import type { ChangeRequest } from '../../src/core/enrollment/index.js';
import { isMember, partnerOf } from './access.js';
import { EnrollmentStore } from './enrollmentStore.js';
import { nowIso, type ProgramPorts } from './ports.js';

export type ChangeRequestOutcome = 'recorded' | 'already-asked' | 'no-such-pair';

export async function askForChange(
  ports: Pick<ProgramPorts, 'store' | 'now'>,
  userId: string,
  pairId: unknown,
  reason: string,
): Promise<ChangeRequestOutcome> {
  const id = PairId.safeParse(pairId);
  const pair = id.success ? await ports.store.pair(id.data) : null;
  // Not one of theirs reads as not there: pair ids do not leak through cards either.
  if (!pair || !isMember(pair, userId)) return 'no-such-pair';
  const me = pair.members.find((m) => m.userId === userId)!;
  const created = await new EnrollmentStore(ports.store).addChangeRequest({
    pairId: pair.id,
    requestedBy: userId,
    requestedByName: me.displayName,
    partnerName: partnerOf(pair, userId).displayName,
    roundId: null,
    reason: reason.trim().slice(0, 1000),
    requestedAt: nowIso(ports),
  });
  return created ? 'recorded' : 'already-asked';
}

export async function changeRequests(ports: Pick<ProgramPorts, 'store'>): Promise<ChangeRequest[]> {
  return (await new EnrollmentStore(ports.store).changeRequests()).sort((a, b) =>
    b.requestedAt.localeCompare(a.requestedAt),
  );
}
