// Bulk scheduling: one slot per pair, nobody double-booked by the run, and no
// pair always last in line. Deterministic for the same input.
//
// Each person's free time is computed once; pairs are then placed one by one
// (the most constrained first, otherwise in an order that rotates with the
// round), each taking the best-scoring slot still open to both people. A
// slot's score favours the middle of both people's working day, spreads a
// person's sessions over different days, and prefers sooner.
import { intersect, subtract, type Interval } from './intervals.js';

export interface PairToPlace {
  pairId: string;
  people: [string, string];
}

export interface PersonAvailability {
  /** Working hours as UTC ranges. */
  working: Interval[];
  busy: Interval[];
}

export type Placement = { pairId: string; slot: Interval; score: number } | { pairId: string; slot: null; reason: string };

export interface AllocationOptions {
  granularityMinutes?: number;
  /** No slot starts before this instant (now plus minimum notice). */
  notBefore?: number;
}

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
/** Time from the edge of a working day beyond which a slot counts as fully comfortable. */
const comfortCapMs = 120 * minuteMs;
const weights = { comfort: 30, perDayLater: 1.5, sameDaySession: 12, backToBack: 8 } as const;

/** FNV-1a: a stable, dependency-free string hash (core runs in the browser too). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface PersonState {
  working: Interval[];
  free: Interval[];
  /** Sessions this run gave the person, sorted. */
  claimed: Interval[];
  /** Sessions this run gave the person, per day of the window. */
  perDay: Map<number, number>;
}

function insertSorted(list: Interval[], item: Interval): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.start > item.start) i--;
  list.splice(i, 0, item);
}

/** Number of slot starts the ranges hold. */
function capacity(ranges: readonly Interval[], durationMs: number, stepMs: number, earliest: number): number {
  let n = 0;
  for (const r of ranges) {
    const first = Math.ceil(Math.max(r.start, earliest) / stepMs) * stepMs;
    if (first + durationMs <= r.end) n += Math.floor((r.end - durationMs - first) / stepMs) + 1;
  }
  return n;
}

export function allocateSlots(pairs: readonly PairToPlace[], availability: ReadonlyMap<string, PersonAvailability>, window: Interval, durationMinutes: number, round: string, options: AllocationOptions = {}): Placement[] {
  const durationMs = durationMinutes * minuteMs;
  const stepMs = (options.granularityMinutes ?? 15) * minuteMs;
  if (!(durationMs > 0) || !(stepMs > 0)) throw new RangeError('duration and granularity must be positive');
  const earliest = Math.max(window.start, options.notBefore ?? -Infinity);

  const people = new Map<string, PersonState>();
  const stateOf = (id: string): PersonState | null => {
    let s = people.get(id);
    if (!s) {
      const a = availability.get(id);
      if (!a) return null;
      const working = intersect(a.working, [window]);
      s = { working, free: subtract(working, a.busy), claimed: [], perDay: new Map() };
      people.set(id, s);
    }
    return s;
  };

  const placements = new Map<string, Placement>();
  const queue: Array<{ pair: PairToPlace; a: PersonState; b: PersonState; mutual: Interval[]; order: number; hash: number }> = [];
  const seen = new Set<string>();
  for (const pair of pairs) {
    const { pairId } = pair;
    if (seen.has(pairId)) throw new RangeError(`pair ${pairId} is listed more than once`);
    seen.add(pairId);
    const [idA, idB] = pair.people;
    if (idA === idB) {
      placements.set(pairId, { pairId, slot: null, reason: 'a pair needs two different people' });
      continue;
    }
    const a = stateOf(idA);
    const b = stateOf(idB);
    if (!a || !b) {
      placements.set(pairId, { pairId, slot: null, reason: `free/busy unavailable for ${[!a && idA, !b && idB].filter(Boolean).join(' and ')}` });
      continue;
    }
    const mutual = intersect(a.free, b.free);
    const room = capacity(mutual, durationMs, stepMs, earliest);
    if (room === 0) {
      const why = intersect(a.working, b.working).length === 0 ? 'working hours do not overlap' : `no shared free stretch of ${durationMinutes} minutes`;
      placements.set(pairId, { pairId, slot: null, reason: `no common time this window: ${why}` });
      continue;
    }
    // Scarce pairs go first (log buckets); inside a bucket the round's hash decides, so first pick rotates between runs.
    queue.push({ pair, a, b, mutual, order: Math.floor(Math.log2(room)), hash: fnv1a(`${round}\u0000${pairId}`) });
  }
  queue.sort((x, y) => x.order - y.order || x.hash - y.hash || (x.pair.pairId < y.pair.pairId ? -1 : x.pair.pairId > y.pair.pairId ? 1 : 0));

  const points = new Float64Array(7);
  for (const { pair, a, b, mutual } of queue) {
    const open = a.claimed.length + b.claimed.length > 0 ? subtract(subtract(mutual, a.claimed), b.claimed) : mutual;
    let bestStart = Infinity;
    let bestScore = -Infinity;
    let wa = 0;
    let wb = 0;
    for (const r of open) {
      // The working days (one per person) this free range lies in.
      while (a.working[wa]!.end < r.end) wa++;
      while (b.working[wb]!.end < r.end) wb++;
      const dayFrom = Math.max(a.working[wa]!.start, b.working[wb]!.start);
      const dayTo = Math.min(a.working[wa]!.end, b.working[wb]!.end);
      const first = Math.ceil(Math.max(r.start, earliest) / stepMs) * stepMs;
      const last = Math.floor((r.end - durationMs) / stepMs) * stepMs;
      if (first > last) continue;
      // Within one day of the window the score is concave in the start (it
      // rises, levels off, falls), except that the range's ends may touch a
      // session of this run; so the best start is one of a few points.
      const peak = (dayFrom + dayTo - durationMs) / 2;
      const lastDay = Math.floor((last - window.start) / dayMs);
      for (let day = Math.floor((first - window.start) / dayMs); day <= lastDay; day++) {
        const segFirst = Math.max(first, Math.ceil((window.start + day * dayMs) / stepMs) * stepMs);
        const segLast = Math.min(last, Math.ceil((window.start + (day + 1) * dayMs) / stepMs) * stepMs - stepMs);
        if (segFirst > segLast) continue;
        const dayScore = -day * weights.perDayLater - ((a.perDay.get(day) ?? 0) + (b.perDay.get(day) ?? 0)) * weights.sameDaySession;
        points[0] = segFirst;
        points[1] = segFirst + stepMs;
        points[2] = Math.floor(peak / stepMs) * stepMs;
        points[3] = points[2] + stepMs;
        points[4] = Math.ceil((dayFrom + comfortCapMs) / stepMs) * stepMs;
        points[5] = segLast - stepMs;
        points[6] = segLast;
        for (let i = 0; i < points.length; i++) {
          const start = points[i]!;
          if (start < segFirst || start > segLast) continue;
          const end = start + durationMs;
          let score = (Math.min(start - dayFrom, dayTo - end, comfortCapMs) / comfortCapMs) * weights.comfort + dayScore;
          if (touches(a.claimed, start, end) || touches(b.claimed, start, end)) score -= weights.backToBack;
          if (score > bestScore || (score === bestScore && start < bestStart)) {
            bestScore = score;
            bestStart = start;
          }
        }
      }
    }
    const best: Interval | null = bestStart === Infinity ? null : { start: bestStart, end: bestStart + durationMs };
    if (!best) {
      placements.set(pair.pairId, { pairId: pair.pairId, slot: null, reason: 'no common time this window: the shared free time went to other sessions booked in this run' });
      continue;
    }
    const day = Math.floor((best.start - window.start) / dayMs);
    for (const p of [a, b]) {
      insertSorted(p.claimed, best);
      p.perDay.set(day, (p.perDay.get(day) ?? 0) + 1);
    }
    placements.set(pair.pairId, { pairId: pair.pairId, slot: best, score: Math.round(bestScore * 10) / 10 });
  }
  return pairs.map((p) => placements.get(p.pairId)!);
}

/** Whether a run session ends where the slot starts or starts where it ends. */
function touches(claimed: readonly Interval[], start: number, end: number): boolean {
  for (const c of claimed) if (c.end === start || c.start === end) return true;
  return false;
}
