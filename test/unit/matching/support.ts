// Generated matching instances, a brute-force optimum, and the hard rules re-checked from
// the input alone, for the matcher's property tests and the matching benchmark.
import { DateTime } from 'luxon';
import { MatchingInput, type MatchingProfile } from '../../../src/core/matching/index.js';
import { focusAreas, type CareerStage, type FocusArea } from '../../../src/core/schemas.js';

/** mulberry32: small, seeded, the same numbers on every run. */
export function seeded(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const zones = [
  'America/New_York',
  'America/Chicago',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Asia/Kolkata',
];

export function person(id: string, overrides: Partial<MatchingProfile> = {}): MatchingProfile {
  return {
    id,
    careerStage: 'mid',
    department: 'Transplant',
    managerId: null,
    timeZone: 'America/Chicago',
    workingHours: { start: '08:00', end: '17:00', days: [...weekdays] },
    canTeach: ['technology-adoption', 'clinical-expertise'],
    wantsToLearn: ['technology-adoption', 'clinical-expertise'],
    maxPairs: 1,
    ...overrides,
  };
}

export const instance = (people: MatchingProfile[], extra: Partial<MatchingInput> = {}): MatchingInput =>
  MatchingInput.parse({ people, ...extra });

/** A random round of `size` people: stages, focus areas, zones, managers, earlier pairs, capacity and rules all vary. */
export function randomInstance(random: () => number, size: number): MatchingInput {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // From sparse rounds (few pairs possible) to dense ones (nearly everyone fits everyone).
  const breadth = 0.25 + random() * 0.5;
  const areas = (): FocusArea[] => focusAreas.filter(() => random() < breadth);
  const ids = Array.from({ length: size }, (_, i) => `u${String.fromCharCode(97 + i)}`);
  const people = ids.map((id, i) => {
    const start = pick(['06:00', '08:00', '09:00', '11:00']);
    return person(id, {
      careerStage: pick<CareerStage>(['early', 'mid', 'seasoned']),
      department: pick(['Transplant', 'Pediatrics', 'Oncology']),
      managerId: i > 0 && random() < 0.5 ? ids[Math.floor(random() * i)]! : random() < 0.2 ? 'boss-not-enrolled' : null,
      timeZone: pick(zones),
      workingHours: {
        start,
        end: `${String(+start.slice(0, 2) + 8).padStart(2, '0')}:00`,
        days: weekdays.filter(() => random() < 0.9),
      },
      canTeach: areas(),
      wantsToLearn: areas(),
      maxPairs: random() < 0.6 ? 1 : random() < 0.7 ? 2 : random() < 0.8 ? 3 : 0,
    });
  });
  for (const p of people) if (p.workingHours.days.length === 0) p.workingHours.days = ['monday'];
  const pastPairs = Array.from({ length: Math.floor(random() * size) }, (): [string, string] => [pick(ids), pick(ids)]);
  const rules = { department: pick(['any', 'same', 'cross'] as const), allowRepeats: random() < 0.3 };
  return MatchingInput.parse({ people, pastPairs, rules });
}

/** The best total score over every set of pairs that fits everyone's capacity, by exhaustive search. */
export function bruteForceBest(pairs: readonly { a: number; b: number; score: number }[], capacity: number[]): number {
  const left = [...capacity];
  const suffix = pairs.map((_, e) => pairs.slice(e).reduce((sum, p) => sum + p.score, 0));
  let best = 0;
  const visit = (e: number, total: number): void => {
    if (total > best) best = total;
    if (e === pairs.length || total + suffix[e]! <= best) return;
    const { a, b, score } = pairs[e]!;
    if (left[a]! > 0 && left[b]! > 0) {
      left[a]!--;
      left[b]!--;
      visit(e + 1, total + score);
      left[a]!++;
      left[b]!++;
    }
    visit(e + 1, total);
  };
  visit(0, 0);
  return best;
}

/** Minutes of common working time per shared stretch in the week of 13 January 2025, straight from luxon. */
function sharedStretches(a: MatchingProfile, b: MatchingProfile): number[] {
  const ranges = (p: MatchingProfile) =>
    [-1, 0, 1, 2, 3, 4, 5, 6, 7].flatMap((offset) => {
      const day = DateTime.fromObject({ year: 2025, month: 1, day: 13 }, { zone: p.timeZone }).plus({ days: offset });
      if (!p.workingHours.days.includes(day.toFormat('cccc').toLowerCase() as never)) return [];
      const [sh, sm] = p.workingHours.start.split(':').map(Number) as [number, number];
      const [eh, em] = p.workingHours.end.split(':').map(Number) as [number, number];
      const start = day.set({ hour: sh, minute: sm });
      let end = day.set({ hour: eh, minute: em });
      if (end <= start) end = end.plus({ days: 1 });
      return [[start.toMillis(), end.toMillis()] as const];
    });
  const weekStart = Date.UTC(2025, 0, 13);
  const out: number[] = [];
  for (const [s1, e1] of ranges(a))
    for (const [s2, e2] of ranges(b)) {
      const [s, e] = [Math.max(s1, s2), Math.min(e1, e2)];
      if (e > s && s >= weekStart && s < weekStart + 7 * 86_400_000) out.push((e - s) / 60_000);
    }
  return out;
}

/** True when `upper` sits above `lower` in the manager chain the input describes. */
export function manages(input: MatchingInput, upper: string, lower: string): boolean {
  const managerOf = new Map(input.people.map((p) => [p.id, p.managerId]));
  const seen = new Set<string>();
  for (let m = managerOf.get(lower) ?? null; m !== null && !seen.has(m); m = managerOf.get(m) ?? null) {
    if (m === upper) return true;
    seen.add(m);
  }
  return false;
}

/** Every hard rule a proposed round breaks, re-checked from the input alone (code apart from the matcher's). */
export function ruleViolations(input: MatchingInput, pairs: readonly { a: string; b: string }[]): string[] {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const past = new Set(input.pastPairs.map(([x, y]) => [x, y].sort().join('|')));
  const load = new Map<string, number>();
  const out: string[] = [];
  for (const pair of pairs) {
    const a = byId.get(pair.a)!;
    const b = byId.get(pair.b)!;
    const broken = (rule: string) => out.push(`${a.id}+${b.id}: ${rule}`);
    for (const id of [a.id, b.id]) load.set(id, (load.get(id) ?? 0) + 1);
    if (a.id === b.id) broken('with themselves');
    if (!a.canTeach.some((x) => b.wantsToLearn.includes(x)) || !b.canTeach.some((x) => a.wantsToLearn.includes(x)))
      broken('no two-way exchange');
    if (a.careerStage !== 'mid' && a.careerStage === b.careerStage) broken('same end of a career');
    if (sharedStretches(a, b).filter((minutes) => minutes >= 60).length < 3) broken('too little shared time');
    if (manages(input, a.id, b.id) || manages(input, b.id, a.id)) broken('one reporting line');
    if (!input.rules.allowRepeats && past.has([a.id, b.id].sort().join('|'))) broken('repeat');
    const sameDepartment = a.department === b.department;
    if (
      (input.rules.department === 'same' && !sameDepartment) ||
      (input.rules.department === 'cross' && sameDepartment)
    )
      broken('department rule');
  }
  for (const [id, count] of load) if (count > byId.get(id)!.maxPairs) out.push(`${id}: over capacity`);
  return out;
}
