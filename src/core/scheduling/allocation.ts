// Bulk scheduling: one slot per pair, nobody double-booked by the run, and no
// pair always last in line. Deterministic for the same input.
//
// One pass: each person's free time is computed once, as compact minute
// ranges (minuteRanges.ts), only for people who are in a pair; then every pair
// of every session length is placed in one queue (the most constrained first,
// longer sessions before shorter ones of the same scarcity, otherwise in an
// order that rotates with the round), each taking the best-scoring start
// still open to both people. A slot's score favours the middle of both
// people's working day, spreads a person's sessions over different days, and
// prefers sooner; the search for a pair's start stops as soon as no later day
// can beat the best found.
import type { Interval } from './intervals.js';
import { intersectMinutes, subtractMinutes, toMinuteRanges, type MinuteRanges } from './minuteRanges.js';
import type { MinuteAvailability } from './scheduleMinutes.js';
import { fnv1a } from '../hash.js';
import { minuteMs } from '../time.js';

export interface PairToPlace {
  pairId: string;
  people: [string, string];
  /** This pair's session length in minutes; the run's length when absent. */
  durationMinutes?: number;
}

export interface PersonAvailability {
  /** Working hours as UTC ranges. */
  working: Interval[];
  busy: Interval[];
}

/** A person's time as ranges of epoch milliseconds, or as compact minute ranges (`scheduleMinutes`). */
export type AvailabilityInput = PersonAvailability | MinuteAvailability;

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

/** A person's time in the run, in whole minutes since the epoch (UTC slot grids are multiples of the step). */
interface PersonState {
  working: MinuteRanges;
  free: MinuteRanges;
  /** Sessions this run gave the person, sorted. */
  claimed: number[];
}

/** The grid every person's time is kept on in one run. */
interface RunGrid {
  step: number;
  /** The window's first minute: day 0 of the run starts here. */
  dayOrigin: number;
  /** No slot starts before this minute (the window, and `notBefore`). */
  earliest: number;
  days: number;
}

interface QueuedPair {
  pair: PairToPlace;
  duration: number;
  a: PersonState;
  b: PersonState;
  mutual: MinuteRanges;
  order: number;
  hash: number;
}

const wholeMinutes = (n: number) => n > 0 && Number.isInteger(n);

export function allocateSlots(
  pairs: readonly PairToPlace[],
  availability: ReadonlyMap<string, AvailabilityInput>,
  window: Interval,
  durationMinutes: number,
  round: string,
  options: AllocationOptions = {},
): Placement[] {
  const step = options.granularityMinutes ?? 15;
  if (!wholeMinutes(step) || !pairs.every((p) => wholeMinutes(p.durationMinutes ?? durationMinutes)))
    throw new RangeError('duration and granularity must be positive whole minutes');
  if (!(window.end > window.start)) throw new RangeError('the window must end after it starts');

  const dayOrigin = Math.ceil(window.start / minuteMs);
  const windowMinutes = [dayOrigin, Math.floor(window.end / minuteMs)];
  const grid: RunGrid = {
    step,
    dayOrigin,
    earliest: Math.max(dayOrigin, Math.ceil((options.notBefore ?? -Infinity) / minuteMs)),
    days: Math.ceil((windowMinutes[1]! - dayOrigin) / dayMinutes) + 1,
  };

  const placements = new Map<string, Placement>();
  const queue = queuePairs(pairs, durationMinutes, peopleOf(availability, windowMinutes), grid, round, placements);
  for (const queued of queue) {
    const { pair, a, b, duration } = queued;
    const best = bestStart(queued, grid);
    if (best === null) {
      placements.set(pair.pairId, {
        pairId: pair.pairId,
        slot: null,
        reason: 'no common time this window: the shared free time went to other sessions booked in this run',
      });
      continue;
    }
    withSession(a.claimed, best.start, best.start + duration);
    withSession(b.claimed, best.start, best.start + duration);
    const slot = { start: best.start * minuteMs, end: (best.start + duration) * minuteMs };
    placements.set(pair.pairId, { pairId: pair.pairId, slot, score: Math.round(best.score * 2.5) / 10 });
  }
  return pairs.map((p) => placements.get(p.pairId)!);
}

/** Claimed sessions never overlap, but two may touch: kept apart (not merged) so each counts on its own day. */
function withSession(claimed: number[], start: number, end: number): void {
  let i = claimed.length;
  while (i > 0 && claimed[i - 2]! > start) i -= 2;
  claimed.splice(i, 0, start, end);
}

/** Compact minute ranges hold numbers; ranges of milliseconds hold objects (empty ranges read the same either way). */
const inMinutes = (a: AvailabilityInput): a is MinuteAvailability =>
  typeof (a.working[0] ?? a.busy[0] ?? 0) === 'number';

/** Each person's working and free time in the window, made when first asked for (people in no pair cost nothing). */
function peopleOf(
  availability: ReadonlyMap<string, AvailabilityInput>,
  window: MinuteRanges,
): (id: string) => PersonState | null {
  const people = new Map<string, PersonState | null>();
  return (id) => {
    let s = people.get(id);
    if (s === undefined) {
      const a = availability.get(id);
      if (a) {
        const compact = inMinutes(a);
        const working = intersectMinutes(compact ? a.working : toMinuteRanges(a.working, 'inward'), window);
        const busy = compact ? a.busy : toMinuteRanges(a.busy, 'outward');
        s = { working, free: subtractMinutes(working, busy), claimed: [] };
      } else s = null;
      people.set(id, s);
    }
    return s;
  };
}

/** Number of slot starts the ranges hold. */
function capacity(ranges: MinuteRanges, duration: number, step: number, earliest: number): number {
  let n = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    const first = Math.ceil(Math.max(ranges[i]!, earliest) / step) * step;
    if (first + duration <= ranges[i + 1]!) n += Math.floor((ranges[i + 1]! - duration - first) / step) + 1;
  }
  return n;
}

/**
 * The pairs that can be placed, scarcest first; the others get their
 * placement (with the reason) at once.
 */
function queuePairs(
  pairs: readonly PairToPlace[],
  defaultDuration: number,
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
    const duration = pair.durationMinutes ?? defaultDuration;
    const mutual = intersectMinutes(a.free, b.free);
    const room = capacity(mutual, duration, grid.step, grid.earliest);
    if (room === 0) {
      const why =
        intersectMinutes(a.working, b.working).length === 0
          ? 'working hours do not overlap'
          : `no shared free stretch of ${duration} minutes`;
      placements.set(pairId, { pairId, slot: null, reason: `no common time this window: ${why}` });
      continue;
    }
    // Scarce pairs go first (log buckets), longer sessions before shorter ones; then the round's hash decides,
    // so first pick rotates between runs.
    const hash = fnv1a(`${round}\u0000${pairId}`);
    queue.push({ pair, duration, a, b, mutual, order: Math.floor(Math.log2(room)), hash });
  }
  return queue.sort(
    (x, y) =>
      x.order - y.order ||
      y.duration - x.duration ||
      x.hash - y.hash ||
      (x.pair.pairId < y.pair.pairId ? -1 : x.pair.pairId > y.pair.pairId ? 1 : 0),
  );
}

function touches(claimed: MinuteRanges, at: number, side: 0 | 1): boolean {
  for (let i = side; i < claimed.length; i += 2) if (claimed[i] === at) return true;
  return false;
}

/** Sessions this run already gave either person, per day of the window. */
function sessionsPerDay({ a, b }: QueuedPair, grid: RunGrid): number[] {
  const perDay = new Array<number>(grid.days).fill(0);
  for (const claimed of [a.claimed, b.claimed])
    for (let i = 0; i < claimed.length; i += 2) perDay[Math.floor((claimed[i]! - grid.dayOrigin) / dayMinutes)]!++;
  return perDay;
}

const points = [0, 0, 0, 0, 0, 0, 0];

/** The best start (in minutes) for one pair given what this run already claimed; null when none is left. */
function bestStart(queued: QueuedPair, grid: RunGrid): { start: number; score: number } | null {
  const { a, b, mutual, duration } = queued;
  const { step, dayOrigin, earliest } = grid;
  const booked = a.claimed.length + b.claimed.length > 0;
  const open = booked ? subtractMinutes(subtractMinutes(mutual, a.claimed), b.claimed) : mutual;
  const perDay = booked ? sessionsPerDay(queued, grid) : null;
  const aw = a.working;
  const bw = b.working;
  let bestStart = -1;
  let bestScore = 0;
  let wa = 0;
  let wb = 0;
  for (let r = 0; r < open.length; r += 2) {
    const rStart = open[r]!;
    const rEnd = open[r + 1]!;
    // The working days (one per person) this free range lies in.
    while (aw[wa + 1]! < rEnd) wa += 2;
    while (bw[wb + 1]! < rEnd) wb += 2;
    const dayFrom = Math.max(aw[wa]!, bw[wb]!);
    const dayTo = Math.min(aw[wa + 1]!, bw[wb + 1]!);
    const first = Math.ceil(Math.max(rStart, earliest) / step) * step;
    const last = Math.floor((rEnd - duration) / step) * step;
    if (first > last) continue;
    // No later day can beat the best so far: comfort is capped and every day later costs.
    if (bestStart >= 0 && comfortCap - Math.floor((first - dayOrigin) / dayMinutes) * quarter.perDayLater <= bestScore)
      break;
    // Sessions of this run are cut out of `open`, so only a slot at a range's edge can touch one.
    const startTouches = first === rStart && (touches(a.claimed, rStart, 1) || touches(b.claimed, rStart, 1));
    const endTouches = last + duration === rEnd && (touches(a.claimed, rEnd, 0) || touches(b.claimed, rEnd, 0));
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
      const dayScore = -day * quarter.perDayLater - (perDay ? perDay[day]! : 0) * quarter.sameDaySession;
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
        if ((start === rStart && startTouches) || (end === rEnd && endTouches)) score -= quarter.backToBack;
        if (bestStart < 0 || score > bestScore || (score === bestScore && start < bestStart)) {
          bestScore = score;
          bestStart = start;
        }
      }
    }
  }
  return bestStart < 0 ? null : { start: bestStart, score: bestScore };
}
