// Planning a department's next round of sessions: which pairs, in which
// window, which direction and focus next, and one slot each (pure, given the
// free/busy). The Graph reads and the bookings are in schedulingJobs.ts.
import {
  allocateSlots,
  type AvailabilityInput,
  type PairToPlace,
  type Placement,
} from '../../src/core/scheduling/allocation.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import {
  reverseFocusAreas,
  traditionalFocusAreas,
  type Direction,
  type FocusArea,
  type Pair,
  type Session,
} from '../../src/core/schemas.js';
import { dayMs } from '../../src/core/time.js';

/** The run's window: from the next UTC midnight, `days` long. */
export function nextWindow(now: number, days: number): Interval {
  const start = Math.floor(now / dayMs) * dayMs + dayMs;
  return { start, end: start + days * dayMs };
}

/** Pairs whose people belong to the department (either of them), active only. */
export function pairsOfDepartment(pairs: readonly Pair[], department: string): Pair[] {
  const wanted = department.trim().toLowerCase();
  return pairs
    .filter((p) => p.status === 'active' && p.members.some((m) => m.department.trim().toLowerCase() === wanted))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The direction the pair has had less of so far, and a focus area rotating through that direction's list. */
export function nextSessionFocus(
  pairId: string,
  history: readonly Session[],
): { direction: Direction; focusAreas: FocusArea[] } {
  const past = history.filter((s) => s.pairId === pairId && s.status !== 'cancelled');
  const count = (direction: Direction) => past.filter((s) => s.direction === direction).length;
  const direction: Direction = count('reverse') <= count('traditional') ? 'reverse' : 'traditional';
  const list = direction === 'reverse' ? reverseFocusAreas : traditionalFocusAreas;
  return { direction, focusAreas: [list[count(direction) % list.length]!] };
}

/**
 * Assigns one slot per pair, every session length in one pass (longer
 * sessions before shorter ones of the same scarcity), so nobody is
 * double-booked across lengths either.
 */
export function allocateDepartment(
  pairs: readonly Pair[],
  availability: ReadonlyMap<string, AvailabilityInput>,
  window: Interval,
  round: string,
): Placement[] {
  const toPlace: PairToPlace[] = pairs.map((p) => ({
    pairId: p.id,
    people: [p.members[0].mail.toLowerCase(), p.members[1].mail.toLowerCase()],
    durationMinutes: p.durationMinutes,
  }));
  return allocateSlots(toPlace, availability, window, 30, round);
}
