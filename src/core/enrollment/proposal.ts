// The owner's hand on a round's proposal: re-running the matcher around the
// pairs they locked (locked pairs stay, their people's capacity shrinks) and
// away from the pairs they dropped (never proposed again in this round; their
// people are free), and swapping partners between two pairs within the rules.
import {
  blockerOf,
  buildRound,
  pairReasons,
  pairScore,
  proposeRound,
  type Blocker,
  type MatchingProfile,
  type RoundRules,
} from '../matching/index.js';
import type { PeoplePair, RoundPair } from './rounds.js';

/** The two ids in order: how a pair is named everywhere in a round. */
export const peoplePair = (a: string, b: string): PeoplePair => (a < b ? [a, b] : [b, a]);
export const samePeople = (x: readonly [string, string], y: readonly [string, string]): boolean => {
  const [a, b] = peoplePair(x[0], x[1]);
  const [c, d] = peoplePair(y[0], y[1]);
  return a === c && b === d;
};

export interface ProposalInput {
  /** The round's people. */
  people: MatchingProfile[];
  /** Managers outside the round, so reporting lines are followed through them (never paired). */
  standIns: MatchingProfile[];
  pastPairs: PeoplePair[];
  rules: RoundRules;
  locked: RoundPair[];
  dropped: PeoplePair[];
}

export interface Proposal {
  pairs: RoundPair[];
  unmatched: Array<{ id: string; reason: string }>;
}

const byPeople = (x: RoundPair, y: RoundPair) => (x.a + '|' + x.b < y.a + '|' + y.b ? -1 : 1);

/** The matcher's pairing of everyone the locks leave capacity for, plus the locked pairs. */
export function proposeAroundLocks(input: ProposalInput): Proposal {
  const lockedCount = new Map<string, number>();
  for (const p of input.locked) for (const id of [p.a, p.b]) lockedCount.set(id, (lockedCount.get(id) ?? 0) + 1);
  const people = input.people.map((p) => ({ ...p, maxPairs: Math.max(0, p.maxPairs - (lockedCount.get(p.id) ?? 0)) }));
  const excluded: PeoplePair[] = [...input.locked.map((p) => peoplePair(p.a, p.b)), ...input.dropped];
  // Without repeats, an excluded pair is kept out as an earlier pair would be; with repeats allowed it is
  // filtered out after the matching (its people may then stay unmatched).
  const pastPairs = input.rules.allowRepeats ? input.pastPairs : [...input.pastPairs, ...excluded];
  const match = proposeRound({
    people: [...people, ...input.standIns.map((s) => ({ ...s, maxPairs: 0 }))],
    pastPairs,
    rules: input.rules,
  });
  const fresh = match.pairs
    .filter((p) => !excluded.some((x) => samePeople(x, [p.a, p.b])))
    .map((p) => ({ ...p, locked: false }));
  const pairs = [...input.locked, ...fresh].sort(byPeople);
  const paired = new Set(pairs.flatMap((p) => [p.a, p.b]));
  const inRound = new Set(input.people.map((p) => p.id));
  const reasonOf = new Map(match.unmatched.map((u) => [u.id, u.reason]));
  const unmatched = input.people
    .filter((p) => inRound.has(p.id) && !paired.has(p.id))
    .map((p) => ({ id: p.id, reason: reasonOf.get(p.id) ?? 'their proposed partner was dropped from this round' }));
  return { pairs, unmatched };
}

const blockerWords: Record<Blocker, string> = {
  'career-stage': 'both are at the same end of their careers (early with early, or seasoned with seasoned)',
  exchange: 'they have no two-way exchange (each must teach something the other wants to learn)',
  department: "the round's department rule or one person's department preference does not allow it",
  'shared-time': 'they share under an hour of working time on 3 days a week',
  'reporting-line': 'one is in the other’s reporting line',
  repeat: 'they were paired in an earlier round and this round allows no repeats',
};

/** Either the two new pairs of a swap, scored, with reasons and locked, or why the swap breaks a rule. */
export function swapPartners(
  input: Pick<ProposalInput, 'people' | 'standIns' | 'pastPairs' | 'rules'>,
  first: RoundPair,
  second: RoundPair,
): { pairs: [RoundPair, RoundPair] } | { problem: string } {
  const round = buildRound({
    people: [...input.people, ...input.standIns.map((s) => ({ ...s, maxPairs: 0 }))],
    pastPairs: input.pastPairs,
    rules: input.rules,
  });
  const made = [peoplePair(first.a, second.b), peoplePair(second.a, first.b)].map(([a, b]) => {
    const i = round.indexOf.get(a);
    const j = round.indexOf.get(b);
    if (i === undefined || j === undefined) return { problem: `${a} or ${b} is not in this round` };
    const blocker = blockerOf(round, Math.min(i, j), Math.max(i, j));
    if (blocker) return { problem: `${a} and ${b} cannot be paired: ${blockerWords[blocker]}` };
    return { pair: { a, b, score: pairScore(round, i, j), reasons: pairReasons(round, i, j), locked: true } };
  });
  for (const m of made) if ('problem' in m) return { problem: m.problem! };
  return { pairs: made.map((m) => (m as { pair: RoundPair }).pair) as [RoundPair, RoundPair] };
}

/** The same words with each person's id replaced by their name (the matcher speaks in ids). */
export function inNames(text: string, names: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [id, name] of names) if (out.includes(id)) out = out.split(id).join(name);
  return out;
}
