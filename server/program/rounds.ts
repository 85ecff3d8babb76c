// Pairing rounds: the owner starts one (audience and rules), edits the
// matcher's proposal (lock, drop, swap, re-run around the locks), and
// publishes it. Publishing is idempotent: each pair's id derives from the
// round and its two people, every write is keyed, and the round records
// `publishing` before the first pair, so publishing again after a crash
// finishes the job and creates nothing twice.
import { errorCodes } from '../../src/core/api.js';
import {
  inNames,
  nextRoundOn,
  peoplePair,
  proposeAroundLocks,
  samePeople,
  swapPartners,
  type Profile,
  type Round,
  type RoundEdit,
  type RoundPair,
  type RoundSummary,
  type StartRoundRequest,
} from '../../src/core/enrollment/index.js';
import { fnv1aId } from '../../src/core/hash.js';
import { EnrollmentStore } from './enrollmentStore.js';
import { nowIso, type ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';
import { roundPeople, type RoundPeople } from './roundPeople.js';

export type RoundPorts = Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'teamsAppId'>;

const roundStore = (ports: Pick<ProgramPorts, 'store'>) => new EnrollmentStore(ports.store);

/** The proposal in people's names (the matcher speaks in ids). */
function named(pairs: RoundPair[], unmatched: Round['unmatched'], names: ReadonlyMap<string, string>) {
  return {
    pairs: pairs.map((p) => ({ ...p, reasons: p.reasons.map((r) => inNames(r, names)) })),
    unmatched: unmatched.map((u) => ({ ...u, reason: inNames(u.reason, names) })),
  };
}

const roundPerson = (p: Profile) => ({
  id: p.userId,
  displayName: p.displayName,
  department: p.department,
  careerStage: p.careerStage,
  canTeach: p.canTeach.map((x) => x.area),
  wantsToLearn: p.wantsToLearn.map((x) => x.area),
});

function propose(who: RoundPeople, rules: Round['rules'], locked: RoundPair[], dropped: Round['dropped']) {
  const here = new Set(who.people.map((p) => p.id));
  // A locked pair whose person has since paused or left is not kept.
  const keep = locked.filter((p) => here.has(p.a) && here.has(p.b));
  const proposal = proposeAroundLocks({ ...who, rules, locked: keep, dropped });
  return named(proposal.pairs, proposal.unmatched, new Map(who.profiles.map((p) => [p.userId, p.displayName])));
}

export async function startRound(ports: RoundPorts, request: StartRoundRequest): Promise<Round> {
  const who = await roundPeople(ports, request.audience);
  const createdAt = nowIso(ports);
  const round: Round = {
    id: `round-${fnv1aId(`${createdAt}|${JSON.stringify(request)}`)}`,
    status: 'proposed',
    audience: request.audience,
    rules: request.rules,
    cadence: request.cadence,
    createdAt,
    publishedAt: null,
    nextRoundOn: null,
    people: who.profiles.map(roundPerson),
    ...propose(who, request.rules, [], []),
    dropped: [],
    pairIds: [],
  };
  return roundStore(ports).createRound(round);
}

const noSuchRound = () => new ApiProblem(errorCodes.notFound, 'There is no such round.');

async function loadRound(ports: Pick<ProgramPorts, 'store'>, id: string) {
  const found = await roundStore(ports).round(id);
  if (!found) throw noSuchRound();
  return found;
}

export async function roundById(ports: Pick<ProgramPorts, 'store'>, id: string): Promise<Round> {
  return (await loadRound(ports, id)).round;
}

export async function roundSummaries(ports: Pick<ProgramPorts, 'store'>): Promise<RoundSummary[]> {
  return (await roundStore(ports).rounds())
    .map(({ id, status, audience, cadence, createdAt, publishedAt, nextRoundOn, pairs, unmatched }) => ({
      id,
      status,
      audience,
      cadence,
      createdAt,
      publishedAt,
      nextRoundOn,
      pairs: pairs.length,
      unmatched: unmatched.length,
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Saves the round unless someone changed it since it was read (a 412 asks the owner to reload). */
async function save(ports: Pick<ProgramPorts, 'store'>, itemId: string, round: Round, etag: string): Promise<Round> {
  try {
    await roundStore(ports).saveRound(itemId, round, etag);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 412)
      throw new ApiProblem(
        errorCodes.preconditionFailed,
        'This round changed since you loaded it: reload and try again.',
      );
    throw err;
  }
  return round;
}

function findPair(round: Round, people: readonly [string, string], field: string): RoundPair {
  const pair = round.pairs.find((p) => samePeople([p.a, p.b], people));
  if (!pair)
    throw new ApiProblem(errorCodes.invalidRequest, `${field}: these two are not a pair in this round`, { field });
  return pair;
}

const requireProposed = (round: Round) => {
  if (round.status !== 'proposed')
    throw new ApiProblem(errorCodes.conflict, 'This round is published: its pairs can no longer change.');
};

function applyEdit(round: Round, edit: RoundEdit, who: () => Promise<RoundPeople>): Promise<Round> | Round {
  if (edit.action === 'cadence') {
    return {
      ...round,
      cadence: edit.cadence,
      nextRoundOn: round.publishedAt ? nextRoundOn(round.publishedAt, edit.cadence) : null,
    };
  }
  requireProposed(round);
  if (edit.action === 'lock') {
    const pair = findPair(round, edit.pair, 'body.pair');
    return { ...round, pairs: round.pairs.map((p) => (p === pair ? { ...p, locked: edit.locked } : p)) };
  }
  if (edit.action === 'drop') {
    const pair = findPair(round, edit.pair, 'body.pair');
    const unmatched = [pair.a, pair.b].map((id) => ({
      id,
      reason: 'their pair was dropped by the program owner (re-run to pair them again)',
    }));
    return {
      ...round,
      pairs: round.pairs.filter((p) => p !== pair),
      dropped: [...round.dropped, peoplePair(pair.a, pair.b)],
      unmatched: [...round.unmatched, ...unmatched],
    };
  }
  return swapIn(round, edit.first, edit.second, who);
}

async function swapIn(
  round: Round,
  firstPeople: [string, string],
  secondPeople: [string, string],
  who: () => Promise<RoundPeople>,
) {
  const first = findPair(round, firstPeople, 'body.first');
  const second = findPair(round, secondPeople, 'body.second');
  if (first === second)
    throw new ApiProblem(errorCodes.invalidRequest, 'body.second: choose two different pairs', {
      field: 'body.second',
    });
  const people = await who();
  const swapped = swapPartners({ ...people, rules: round.rules }, first, second);
  const names = new Map(round.people.map((p) => [p.id, p.displayName]));
  if ('problem' in swapped)
    throw new ApiProblem(errorCodes.conflict, inNames(swapped.problem, names), { field: 'body.second' });
  const made = named(swapped.pairs, [], names).pairs;
  return { ...round, pairs: [...round.pairs.filter((p) => p !== first && p !== second), ...made] };
}

export async function editRound(ports: RoundPorts, id: string, edit: RoundEdit): Promise<Round> {
  const { round, itemId, etag } = await loadRound(ports, id);
  const edited = await applyEdit(round, edit, () => roundPeople(ports, round.audience));
  return save(ports, itemId, edited, etag);
}

/** The matcher again, around the locked pairs and away from the dropped ones, on everyone's current profile. */
export async function rerunRound(ports: RoundPorts, id: string): Promise<Round> {
  const { round, itemId, etag } = await loadRound(ports, id);
  requireProposed(round);
  const who = await roundPeople(ports, round.audience);
  const locked = round.pairs.filter((p) => p.locked);
  return save(
    ports,
    itemId,
    { ...round, people: who.profiles.map(roundPerson), ...propose(who, round.rules, locked, round.dropped) },
    etag,
  );
}

export { publishRound } from './roundPublishing.js';

/** Takes a person out of every round not yet published (they left): their pairs go, partners become unmatched. */
export async function removeFromProposals(ports: Pick<ProgramPorts, 'store'>, userId: string): Promise<number> {
  const store = roundStore(ports);
  let removed = 0;
  for (const r of await store.rounds()) {
    if (r.status !== 'proposed' || !r.people.some((p) => p.id === userId)) continue;
    const found = await store.round(r.id);
    if (!found) continue;
    const { round, itemId } = found;
    const partners = round.pairs
      .filter((p) => p.a === userId || p.b === userId)
      .map((p) => (p.a === userId ? p.b : p.a));
    await store.saveRound(itemId, {
      ...round,
      people: round.people.filter((p) => p.id !== userId),
      pairs: round.pairs.filter((p) => p.a !== userId && p.b !== userId),
      unmatched: [
        ...round.unmatched.filter((u) => u.id !== userId),
        ...partners.map((id) => ({
          id,
          reason: 'their proposed partner left the program (re-run to pair them again)',
        })),
      ],
    });
    removed++;
  }
  return removed;
}
