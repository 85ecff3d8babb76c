// Publishing a round: the pairs, then an intro to each person, then the round
// marked published with its next date. Every step is keyed (pair id from the
// round and the two people; the outbox key intro|pair|person), so publishing
// again after a crash or a second click finishes what is missing and repeats
// nothing.
import { errorCodes } from '../../src/core/api.js';
import { nextRoundOn, type Profile, type Round, type RoundPair } from '../../src/core/enrollment/index.js';
import { fnv1aId } from '../../src/core/hash.js';
import type { Cadence, Pair, Participant } from '../../src/core/schemas.js';
import { introCard } from './enrollmentCards.js';
import { EnrollmentStore } from './enrollmentStore.js';
import { enqueueMessage } from './operations/outbox.js';
import { nowIso, type ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';

type PublishPorts = Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'teamsAppId'>;

/** The pair's id: the same round and the same two people always give the same id. */
export const roundPairId = (roundId: string, a: string, b: string): string =>
  `pair-${fnv1aId(`${roundId}|${a < b ? `${a}|${b}` : `${b}|${a}`}`)}`;

const participantOf = (p: Profile): Participant => ({
  userId: p.userId,
  displayName: p.displayName,
  mail: p.mail,
  department: p.department || 'Unknown',
  careerStage: p.careerStage,
  timeZone: p.workingHours?.timeZone ?? 'UTC',
});

/** Both want the same cadence: that one; otherwise every other week. The shorter preferred length. */
const cadenceOf = (x: Profile, y: Profile): Cadence => (x.cadence === y.cadence ? x.cadence : 'biweekly');

function pairOf(roundId: string, x: Profile, y: Profile, startedOn: string): Pair {
  const members = [participantOf(x), participantOf(y)].sort((m, n) => m.userId.localeCompare(n.userId)) as [
    Participant,
    Participant,
  ];
  return {
    id: roundPairId(roundId, x.userId, y.userId),
    members,
    cadence: cadenceOf(x, y),
    durationMinutes: Math.min(x.durationMinutes, y.durationMinutes) as Pair['durationMinutes'],
    status: 'active',
    startedOn,
    endedOn: null,
  };
}

async function publishPair(ports: PublishPorts, round: Round, proposed: RoundPair, profiles: Map<string, Profile>) {
  const x = profiles.get(proposed.a);
  const y = profiles.get(proposed.b);
  // Someone who left between proposal and publishing has no profile: their pair is not made.
  if (!x || !y) return null;
  const pair = await ports.store.createPair(pairOf(round.id, x, y, round.publishedAt ?? nowIso(ports)));
  for (const m of [x, y]) await ports.store.upsertParticipant(participantOf(m));
  for (const [me, partner] of [
    [x, y],
    [y, x],
  ] as const)
    await enqueueMessage(ports, {
      kind: 'intro',
      subject: pair.id,
      recipient: me.userId,
      dueAt: nowIso(ports),
      card: introCard(ports.teamsAppId, { pairId: pair.id, me, partner, reasons: proposed.reasons }),
    });
  return pair.id;
}

export async function publishRound(ports: PublishPorts, id: string): Promise<Round> {
  const store = new EnrollmentStore(ports.store);
  const found = await store.round(id);
  if (!found) throw new ApiProblem(errorCodes.notFound, 'There is no such round.');
  let { round } = found;
  if (round.status === 'published') return round;
  if (round.status === 'proposed') {
    // Recorded before the first pair, with the round's etag: a second owner publishing at once gets a 412,
    // and a restart finds `publishing` and finishes the job.
    round = { ...round, status: 'publishing', publishedAt: nowIso(ports) };
    try {
      await store.saveRound(found.itemId, round, found.etag);
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 412) throw err;
      return publishRound(ports, id);
    }
  }
  const profiles = new Map<string, Profile>();
  for (const p of [...(await store.profilesWithStatus('active')), ...(await store.profilesWithStatus('paused'))])
    profiles.set(p.userId, p);
  const pairIds: string[] = [];
  for (const proposed of round.pairs) {
    const pairId = await publishPair(ports, round, proposed, profiles);
    if (pairId) pairIds.push(pairId);
  }
  const published: Round = {
    ...round,
    status: 'published',
    pairIds,
    nextRoundOn: nextRoundOn(round.publishedAt ?? nowIso(ports), round.cadence),
  };
  await store.saveRound(found.itemId, published);
  return published;
}
