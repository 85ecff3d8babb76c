// Whether two enrolled people may be paired this round, and if not, the first rule that
// stops them. Hard rules: a two-way exchange, career stages that make a mentorship, the
// round's department rule, shared working time, never inside one reporting line, no repeat
// of an earlier pair unless the round allows it. People are indexed in id order.
import { focusAreas, type CareerStage, type FocusArea } from '../schemas.js';
import type { MatchingInput, MatchingProfile, RoundRules } from './profile.js';
import { hasEnoughSharedTime, referenceWeek, sharedTimeOf, workingWeekKey, type SharedTime } from './sharedTime.js';

/** Why a pair is not possible, in the order the rules are checked. */
export const blockers = ['career-stage', 'exchange', 'department', 'shared-time', 'reporting-line', 'repeat'] as const;
export type Blocker = (typeof blockers)[number];

const stageRank: Record<CareerStage, number> = { early: 0, mid: 1, seasoned: 2 };

export const focusMask = (areas: readonly FocusArea[]): number =>
  areas.reduce((mask, area) => mask | (1 << focusAreas.indexOf(area)), 0);

export interface Round {
  people: MatchingProfile[];
  rules: RoundRules;
  indexOf: Map<string, number>;
  stage: Int8Array;
  department: Int32Array;
  /** 1 for people who want a partner from their own department only. */
  ownDepartmentOnly: Uint8Array;
  teaches: Int32Array;
  wants: Int32Array;
  /** Each person's kind of working week (see workingWeekKey). */
  week: Int32Array;
  weeks: ReturnType<typeof referenceWeek>[];
  sharedTimeCache: Map<number, SharedTime>;
  /** Per pair of kinds of week: the weekly shared working minutes, -1 when not enough for a pair, -2 until computed. */
  weekSharedMinutes: Int32Array;
  /** Everyone enrolled above each person in their reporting line (CSR over people: chainStart[i] .. chainStart[i+1]-1). */
  chainStart: Int32Array;
  chain: Int32Array;
  pastPairs: Set<number>;
  /** 1 for people in any earlier pair: most are in none, and this spares the set look-up. */
  pairedBefore: Uint8Array;
}

/** The manager chain up to the top, stopping at a cycle (bad directory data must not hang a round). */
function chainOf(id: string, managerOf: ReadonlyMap<string, string | null>): Set<string> {
  const chain = new Set<string>();
  let next = managerOf.get(id) ?? null;
  while (next !== null && next !== id && !chain.has(next)) {
    chain.add(next);
    next = managerOf.get(next) ?? null;
  }
  return chain;
}

/** Each person's enrolled managers up to the top. A manager who did not enrol ends the chain: their own manager is unknown. */
function reportingLines(people: readonly MatchingProfile[], indexOf: ReadonlyMap<string, number>) {
  const managerOf = new Map(people.map((p) => [p.id, p.managerId]));
  const chainStart = new Int32Array(people.length + 1);
  const chain: number[] = [];
  people.forEach((p, i) => {
    for (const id of chainOf(p.id, managerOf)) {
      const m = indexOf.get(id);
      if (m !== undefined) chain.push(m);
    }
    chainStart[i + 1] = chain.length;
  });
  return { chainStart, chain: Int32Array.from(chain) };
}

const inChain = (round: Round, person: number, other: number): boolean => {
  for (let c = round.chainStart[person]!; c < round.chainStart[person + 1]!; c++)
    if (round.chain[c] === other) return true;
  return false;
};

export const pairKey = (i: number, j: number, n: number): number => (i < j ? i * n + j : j * n + i);

export function buildRound(input: MatchingInput): Round {
  const people = [...input.people].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const n = people.length;
  const indexOf = new Map(people.map((p, i) => [p.id, i]));
  const weekIndex = new Map<string, number>();
  const weeks: ReturnType<typeof referenceWeek>[] = [];
  const week = new Int32Array(n);
  people.forEach((p, i) => {
    const key = workingWeekKey(p);
    let w = weekIndex.get(key);
    if (w === undefined) {
      w = weeks.length;
      weekIndex.set(key, w);
      weeks.push(referenceWeek(p));
    }
    week[i] = w;
  });
  const departments = [...new Set(people.map((p) => p.department))];
  const pastPairs = new Set<number>();
  const pairedBefore = new Uint8Array(n);
  for (const [a, b] of input.pastPairs) {
    const i = indexOf.get(a);
    const j = indexOf.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    pastPairs.add(pairKey(i, j, n));
    pairedBefore[i] = pairedBefore[j] = 1;
  }
  return {
    people,
    rules: input.rules,
    indexOf,
    stage: Int8Array.from(people, (p) => stageRank[p.careerStage]),
    department: Int32Array.from(people, (p) => departments.indexOf(p.department)),
    ownDepartmentOnly: Uint8Array.from(people, (p) => (p.crossDepartment === false ? 1 : 0)),
    teaches: Int32Array.from(people, (p) => focusMask(p.canTeach)),
    wants: Int32Array.from(people, (p) => focusMask(p.wantsToLearn)),
    week,
    weeks,
    sharedTimeCache: new Map(),
    weekSharedMinutes: new Int32Array(weeks.length * weeks.length).fill(-2),
    ...reportingLines(people, indexOf),
    pastPairs,
    pairedBefore,
  };
}

export function sharedTimeOfPair(round: Round, i: number, j: number): SharedTime {
  const a = round.week[i]!;
  const b = round.week[j]!;
  const key = a < b ? a * round.weeks.length + b : b * round.weeks.length + a;
  let shared = round.sharedTimeCache.get(key);
  if (!shared) {
    shared = sharedTimeOf(round.weeks[a]!, round.weeks[b]!);
    round.sharedTimeCache.set(key, shared);
  }
  return shared;
}

/** Early with early or seasoned with seasoned leaves no one on the other side; mid-career stands on either. */
export const stagesFit = (x: number, y: number): boolean => x === 1 || y === 1 || x !== y;

/** Weekly shared working minutes of i and j, or -1 when they share too little to be paired. */
export function sharedMinutes(round: Round, i: number, j: number): number {
  const key = round.week[i]! * round.weeks.length + round.week[j]!;
  let minutes = round.weekSharedMinutes[key]!;
  if (minutes === -2) {
    const shared = sharedTimeOfPair(round, i, j);
    minutes = round.weekSharedMinutes[key] = hasEnoughSharedTime(shared) ? Math.round(shared.weeklyMs / 60_000) : -1;
  }
  return minutes;
}

/** The first rule about the two people's circumstances (not their profiles) that stops i and j, or null. */
export function circumstanceBlocker(round: Round, i: number, j: number): Blocker | null {
  const rule = round.rules.department;
  const sameDepartment = round.department[i] === round.department[j];
  if (rule !== 'any' && sameDepartment !== (rule === 'same')) return 'department';
  if (!sameDepartment && (round.ownDepartmentOnly[i] || round.ownDepartmentOnly[j])) return 'department';
  if (sharedMinutes(round, i, j) < 0) return 'shared-time';
  if (inChain(round, i, j) || inChain(round, j, i)) return 'reporting-line';
  if (
    !round.rules.allowRepeats &&
    round.pairedBefore[i] &&
    round.pairedBefore[j] &&
    round.pastPairs.has(pairKey(i, j, round.people.length))
  )
    return 'repeat';
  return null;
}

/** The first rule that stops i and j from being paired (in the order of `blockers`), or null when they may be. */
export function blockerOf(round: Round, i: number, j: number): Blocker | null {
  if (!stagesFit(round.stage[i]!, round.stage[j]!)) return 'career-stage';
  if ((round.teaches[i]! & round.wants[j]!) === 0 || (round.teaches[j]! & round.wants[i]!) === 0) return 'exchange';
  return circumstanceBlocker(round, i, j);
}
