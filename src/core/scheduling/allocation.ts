// Bulk scheduling: one slot per pair, nobody double-booked by the run, and no
// pair always last in line. Deterministic for the same input.
//
// Each person's free time is computed once; pairs are then placed one by one
// (the most constrained first, otherwise in an order that rotates with the
// round), each taking the best-scoring slot still open to both people. A
// slot's score favours the middle of both people's working day, spreads a
// person's sessions over different days, and prefers sooner.
import { intersect, subtract, type Interval } from './intervals.js';
import { fnv1a } from '../hash.js';
import { minuteMs } from '../time.js';

export interface PairToPlace {
  pairId: string;
  people: [string, string];
}

export interface PersonAvailability {
  /** Working hours as UTC ranges. */
  working: Interval[];
  busy: Interval[];
}

export type Placement =
  { pairId: string; slot: Interval; score: number } | { pairId: string; slot: null; reason: string };

export interface AllocationOptions {
  granularityMinutes?: number;
  /** No slot starts before this instant (now plus minimum notice). */
  notBefore?: number;
}

const dayMinutes = 24 * 60;
/** Minutes from the edge of a working day beyond which a slot counts as fully comfortable. */
const comfortCap = 120;
// Score points, in quarters so that all arithmetic stays in small integers:
// comfort gives up to 30 points (one quarter point per comfortable minute).
const quarter = { perDayLater: 6, sameDaySession: 48, backToBack: 32 } as const;

/** A person's ranges in whole minutes from the run's origin (small integers keep the hot loop free of boxed numbers). */
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
function capacity(ranges: readonly Interval[], duration: number, step: number, earliest: number): number {
  let n = 0;
  for (const r of ranges) {
    const first = Math.ceil(Math.max(r.start, earliest) / step) * step;
    if (first + duration <= r.end) n += Math.floor((r.end - duration - first) / step) + 1;
  }
  return n;
}

function endsAt(claimed: readonly Interval[], at: number): boolean {
  for (const c of claimed) if (c.end === at) return true;
  return false;
}

function startsAt(claimed: readonly Interval[], at: number): boolean {
  for (const c of claimed) if (c.start === at) return true;
  return false;
}

/** The grid every person's time is kept on in one run: whole minutes from a UTC-aligned origin. */
interface RunGrid {
  origin: number;
  step: number;
  duration: number;
  /** The window's first minute. */
  dayOrigin: number;
  /** No slot starts before this minute (the window, and `notBefore`). */
  earliest: number;
}

interface QueuedPair {
  pair: PairToPlace;
  a: PersonState;
  b: PersonState;
  mutual: Interval[];
  order: number;
  hash: number;
}

export function allocateSlots(
  pairs: readonly PairToPlace[],
  availability: ReadonlyMap<string, PersonAvailability>,
  window: Interval,
  durationMinutes: number,
  round: string,
  options: AllocationOptions = {},
): Placement[] {
  const step = options.granularityMinutes ?? 15;
  const duration = durationMinutes;
  if (!(duration > 0) || !(step > 0) || !Number.isInteger(duration) || !Number.isInteger(step))
    throw new RangeError('duration and granularity must be positive whole minutes');
  if (!(window.end > window.start)) throw new RangeError('the window must end after it starts');

  // Minutes from an origin on the UTC slot grid; free time shrinks to whole minutes, so it never grows.
  const origin = Math.floor(window.start / (step * minuteMs)) * step * minuteMs;
  const dayOrigin = Math.ceil((window.start - origin) / minuteMs);
  const grid: RunGrid = {
    origin,
    step,
    duration,
    dayOrigin,
    earliest: Math.max(dayOrigin, Math.ceil(((options.notBefore ?? -Infinity) - origin) / minuteMs)),
  };

  const placements = new Map<string, Placement>();
  const queue = queuePairs(pairs, peopleOf(availability, window, origin), grid, round, placements);
  for (const queued of queue) {
    const { pair, a, b } = queued;
    const best = bestStart(queued, grid);
    if (best === null) {
      placements.set(pair.pairId, {
        pairId: pair.pairId,
        slot: null,
        reason: 'no common time this window: the shared free time went to other sessions booked in this run',
      });
      continue;
    }
    const claim = { start: best.start, end: best.start + duration };
    const day = Math.floor((best.start - dayOrigin) / dayMinutes);
    for (const p of [a, b]) {
      insertSorted(p.claimed, claim);
      p.perDay.set(day, (p.perDay.get(day) ?? 0) + 1);
    }
    const slot = { start: origin + claim.start * minuteMs, end: origin + claim.end * minuteMs };
    placements.set(pair.pairId, { pairId: pair.pairId, slot, score: Math.round(best.score * 2.5) / 10 });
  }
  return pairs.map((p) => placements.get(p.pairId)!);
}

/** Each person's working and free time in the window, on the run's minute grid, made when first asked for. */
function peopleOf(
  availability: ReadonlyMap<string, PersonAvailability>,
  window: Interval,
  origin: number,
): (id: string) => PersonState | null {
  const toMinutes = (ranges: readonly Interval[]): Interval[] => {
    const out: Interval[] = [];
    for (const r of ranges) {
      const start = Math.ceil((r.start - origin) / minuteMs);
      const end = Math.floor((r.end - origin) / minuteMs);
      if (end > start) out.push({ start, end });
    }
    return out;
  };
  const people = new Map<string, PersonState | null>();
  return (id) => {
    let s = people.get(id);
    if (s === undefined) {
      const a = availability.get(id);
      if (a) {
        const working = intersect(a.working, [window]);
        s = { working: toMinutes(working), free: toMinutes(subtract(working, a.busy)), claimed: [], perDay: new Map() };
      } else s = null;
      people.set(id, s);
    }
    return s;
  };
}

/**
 * The pairs that can be placed, scarcest first; the others get their
 * placement (with the reason) at once.
 */
function queuePairs(
  pairs: readonly PairToPlace[],
  stateOf: (id: string) => PersonState | null,
  grid: RunGrid,
  round: string,
  placements: Map<string, Placement>,
): QueuedPair[] {
  const queue: QueuedPair[] = [];
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
      const missing = [a ? null : idA, b ? null : idB].filter((x) => x !== null);
      placements.set(pairId, { pairId, slot: null, reason: `free/busy unavailable for ${missing.join(' and ')}` });
      continue;
    }
    const mutual = intersect(a.free, b.free);
    const room = capacity(mutual, grid.duration, grid.step, grid.earliest);
    if (room === 0) {
      const why =
        intersect(a.working, b.working).length === 0
          ? 'working hours do not overlap'
          : `no shared free stretch of ${grid.duration} minutes`;
      placements.set(pairId, { pairId, slot: null, reason: `no common time this window: ${why}` });
      continue;
    }
    // Scarce pairs go first (log buckets); inside a bucket the round's hash decides, so first pick rotates between runs.
    queue.push({ pair, a, b, mutual, order: Math.floor(Math.log2(room)), hash: fnv1a(`${round}\u0000${pairId}`) });
  }
  return queue.sort(
    (x, y) =>
      x.order - y.order ||
      x.hash - y.hash ||
      (x.pair.pairId < y.pair.pairId ? -1 : x.pair.pairId > y.pair.pairId ? 1 : 0),
  );
}

const points = [0, 0, 0, 0, 0, 0, 0];

/** The best start (in grid minutes) for one pair given what this run already claimed; null when none is left. */
function bestStart({ a, b, mutual }: QueuedPair, grid: RunGrid): { start: number; score: number } | null {
  const { step, duration, dayOrigin, earliest } = grid;
  const open = a.claimed.length + b.claimed.length > 0 ? subtract(subtract(mutual, a.claimed), b.claimed) : mutual;
  let bestStart = -1;
  let bestScore = 0;
  let wa = 0;
  let wb = 0;
  for (const r of open) {
    // The working days (one per person) this free range lies in.
    while (a.working[wa]!.end < r.end) wa++;
    while (b.working[wb]!.end < r.end) wb++;
    const dayFrom = Math.max(a.working[wa]!.start, b.working[wb]!.start);
    const dayTo = Math.min(a.working[wa]!.end, b.working[wb]!.end);
    const first = Math.ceil(Math.max(r.start, earliest) / step) * step;
    const last = Math.floor((r.end - duration) / step) * step;
    if (first > last) continue;
    // No later day can beat the best so far: comfort is capped and every day later costs.
    if (bestStart >= 0 && comfortCap - Math.floor((first - dayOrigin) / dayMinutes) * quarter.perDayLater <= bestScore)
      break;
    // Sessions of this run are cut out of `open`, so only a slot at a range's edge can touch one.
    const startTouches = first === r.start && (endsAt(a.claimed, r.start) || endsAt(b.claimed, r.start));
    const endTouches = last + duration === r.end && (startsAt(a.claimed, r.end) || startsAt(b.claimed, r.end));
    // Within one day of the window the score is concave in the start (it
    // rises, levels off, falls), apart from touching a session at the
    // range's edges; so the best start is one of a few points.
    const peak = Math.floor((dayFrom + dayTo - duration) / 2 / step) * step;
    const plateau = Math.ceil((dayFrom + comfortCap) / step) * step;
    const lastDay = Math.floor((last - dayOrigin) / dayMinutes);
    for (let day = Math.floor((first - dayOrigin) / dayMinutes); day <= lastDay; day++) {
      const segFirst = Math.max(first, Math.ceil((dayOrigin + day * dayMinutes) / step) * step);
      const segLast = Math.min(last, Math.ceil((dayOrigin + (day + 1) * dayMinutes) / step) * step - step);
      if (segFirst > segLast) continue;
      const dayScore =
        -day * quarter.perDayLater - ((a.perDay.get(day) ?? 0) + (b.perDay.get(day) ?? 0)) * quarter.sameDaySession;
      points[0] = segFirst;
      points[1] = segFirst + step;
      points[2] = peak;
      points[3] = peak + step;
      points[4] = plateau;
      points[5] = segLast - step;
      points[6] = segLast;
      for (let i = 0; i < 7; i++) {
        const start = points[i]!;
        if (start < segFirst || start > segLast) continue;
        const end = start + duration;
        let score = Math.min(start - dayFrom, dayTo - end, comfortCap) + dayScore;
        if ((start === r.start && startTouches) || (end === r.end && endTouches)) score -= quarter.backToBack;
        if (bestStart < 0 || score > bestScore || (score === bestScore && start < bestStart)) {
          bestScore = score;
          bestStart = start;
        }
      }
    }
  }
  return bestStart < 0 ? null : { start: bestStart, score: bestScore };
}
