// Why a pair was proposed, and why someone was left without one, in words a program owner
// can check against the profiles.
import { focusAreas, focusAreaLabels } from '../schemas.js';
import { hourMs } from '../time.js';
import type { CandidateGraph } from './candidates.js';
import { blockerOf, blockers, pairKey, sharedTimeOfPair, type Blocker, type Round } from './feasibility.js';
import { minimumSharedDays } from './sharedTime.js';

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const areasInWords = (mask: number): string =>
  listInWords(focusAreas.filter((_, bit) => mask & (1 << bit)).map((area) => focusAreaLabels[area]));

const stageInWords = ['early career', 'mid career', 'seasoned'] as const;

const hoursInWords = (ms: number): string => `${Math.round((ms / hourMs) * 2) / 2} h`;

export function pairReasons(round: Round, i: number, j: number): string[] {
  const a = round.people[i]!;
  const b = round.people[j]!;
  const shared = sharedTimeOfPair(round, i, j);
  const reasons = [
    `${a.id} teaches ${areasInWords(round.teaches[i]! & round.wants[j]!)}, which ${b.id} wants to learn`,
    `${b.id} teaches ${areasInWords(round.teaches[j]! & round.wants[i]!)}, which ${a.id} wants to learn`,
    round.stage[i] === round.stage[j]
      ? `both ${stageInWords[round.stage[i]!]}`
      : `${stageInWords[round.stage[i]!]} with ${stageInWords[round.stage[j]!]}`,
    `${hoursInWords(shared.typicalDayMs)} shared working time on ${shared.days} days a week`,
    a.department === b.department ? `same department (${a.department})` : 'different departments',
  ];
  if (round.pastPairs.has(pairKey(i, j, round.people.length)))
    reasons.push('paired before (this round allows repeats)');
  return reasons;
}

function blockerInWords(round: Round, person: number, blocker: Blocker, count: number): string {
  const colleagues = `${count} ${count === 1 ? 'colleague' : 'colleagues'}`;
  switch (blocker) {
    case 'department':
      if (round.rules.department === 'same')
        return `${colleagues} in other departments (this round pairs within a department)`;
      if (round.rules.department === 'cross' && !round.ownDepartmentOnly[person])
        return `${colleagues} in the same department (this round pairs across departments)`;
      return `${colleagues} in other departments (a partner from another department is not welcome to one of the two)`;
    case 'career-stage':
      return `${colleagues} also ${stageInWords[round.stage[person]!]}`;
    case 'exchange':
      return `${colleagues} without a two-way exchange (each must teach something the other wants to learn)`;
    case 'shared-time':
      return `${colleagues} with under an hour of shared working time on ${minimumSharedDays} days a week`;
    case 'reporting-line':
      return `${colleagues} in their reporting line`;
    case 'repeat':
      return `${colleagues} already paired with them in an earlier round`;
  }
}

export function unmatchedReason(round: Round, graph: CandidateGraph, person: number): string {
  const p = round.people[person]!;
  if (p.maxPairs === 0) return 'not taking a pair this round (maxPairs is 0)';
  const partners = graph.degree[person]!;
  if (partners > 0) {
    return `each of their ${partners} possible ${partners === 1 ? 'partner was' : 'partners were'} placed in pairs that add more to the round's total score`;
  }
  // Counted only for people left without a pair: a handful, against everyone.
  const counts = new Map<Blocker, number>();
  round.people.forEach((other, j) => {
    if (j === person || other.maxPairs === 0) return;
    const blocker = person < j ? blockerOf(round, person, j) : blockerOf(round, j, person);
    if (blocker !== null) counts.set(blocker, (counts.get(blocker) ?? 0) + 1);
  });
  const stopped = blockers
    .filter((blocker) => counts.has(blocker))
    .map((blocker) => blockerInWords(round, person, blocker, counts.get(blocker)!));
  if (stopped.length === 0) return 'no other colleague is taking a pair this round';
  return `no colleague can be paired with them: ${stopped.join('; ')}`;
}
