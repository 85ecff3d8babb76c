// Bulk scheduling: one slot per pair, nobody double-booked by the run, and no
// pair always last in line. Deterministic for the same input.
import { intersect, subtract, type Interval } from './intervals.js';
import { slotsIn } from './slots.js';

export interface PairToPlace {
  pairId: string;
  people: [string, string];
}

export interface PersonAvailability {
  working: Interval[];
  busy: Interval[];
}

export type Placement = { pairId: string; slot: Interval } | { pairId: string; slot: null; reason: string };

/** FNV-1a: a stable, dependency-free string hash (core runs in the browser too). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Order pairs by a hash of id and round so each run's "first pick" rotates. */
function fairOrder(pairs: readonly PairToPlace[], round: string): PairToPlace[] {
  const key = new Map(pairs.map((p) => [p.pairId, fnv1a(`${round}:${p.pairId}`)]));
  return [...pairs].sort((a, b) => key.get(a.pairId)! - key.get(b.pairId)! || a.pairId.localeCompare(b.pairId));
}

export function allocateSlots(pairs: readonly PairToPlace[], availability: ReadonlyMap<string, PersonAvailability>, window: Interval, durationMinutes: number, round: string, granularityMinutes = 15): Placement[] {
  const durationMs = durationMinutes * 60_000;
  const stepMs = granularityMinutes * 60_000;
  const claimed = new Map<string, Interval[]>();
  const free = new Map<string, Interval[]>();
  const freeOf = (person: string) => {
    let f = free.get(person);
    if (!f) {
      const a = availability.get(person);
      f = a ? subtract(intersect(a.working, [window]), a.busy) : [];
      free.set(person, f);
    }
    return f;
  };
  const placements = new Map<string, Placement>();
  for (const pair of fairOrder(pairs, round)) {
    const [a, b] = pair.people;
    if (!availability.has(a) || !availability.has(b)) {
      placements.set(pair.pairId, { pairId: pair.pairId, slot: null, reason: 'free/busy unavailable for one of the pair' });
      continue;
    }
    const shared = subtract(subtract(intersect(freeOf(a), freeOf(b)), claimed.get(a) ?? []), claimed.get(b) ?? []);
    const first = slotsIn(shared, durationMs, stepMs)[0];
    if (!first) {
      placements.set(pair.pairId, { pairId: pair.pairId, slot: null, reason: 'no common free time in the window' });
      continue;
    }
    for (const p of [a, b]) claimed.set(p, [...(claimed.get(p) ?? []), first]);
    placements.set(pair.pairId, { pairId: pair.pairId, slot: first });
  }
  return pairs.map((p) => placements.get(p.pairId)!);
}
