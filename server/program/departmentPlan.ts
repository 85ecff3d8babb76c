// Planning a department's next round of sessions: which pairs, in which
// window, which direction and focus next, and one slot each (pure, given the
// free/busy). The Graph reads and the bookings are in schedulingJobs.ts.
import {
  allocateSlots,
  type PairToPlace,
  type PersonAvailability,
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
 * Assigns one slot per pair. Pairs are grouped by session length; the slots
 * placed for one group are busy time for the next, so nobody is double-booked
 * across groups either.
 */
export function allocateDepartment(
  pairs: readonly Pair[],
  availability: ReadonlyMap<string, PersonAvailability>,
  window: Interval,
  round: string,
): Placement[] {
  const placedBusy = new Map<string, Interval[]>();
  const out = new Map<string, Placement>();
  for (const duration of [...new Set(pairs.map((p) => p.durationMinutes))].sort((a, b) => b - a)) {
    const group: PairToPlace[] = pairs
      .filter((p) => p.durationMinutes === duration)
      .map((p) => ({ pairId: p.id, people: [p.members[0].mail.toLowerCase(), p.members[1].mail.toLowerCase()] }));
    const peopleOf = new Map(group.map((g) => [g.pairId, g.people]));
    // Only people already placed in an earlier group need a view with those slots added.
    const view =
      placedBusy.size === 0
        ? availability
        : new Map(
            [...availability].map(([who, a]) => [
              who,
              placedBusy.has(who) ? { working: a.working, busy: [...a.busy, ...placedBusy.get(who)!] } : a,
            ]),
          );
    for (const placement of allocateSlots(group, view, window, duration, `${round}:${duration}`)) {
      out.set(placement.pairId, placement);
      if (!placement.slot) continue;
      for (const who of peopleOf.get(placement.pairId)!)
        placedBusy.set(who, [...(placedBusy.get(who) ?? []), placement.slot]);
    }
  }
  return pairs.map((p) => out.get(p.id)!);
}
