// A pair's cadence as a series of occurrences. Each occurrence is checked
// against both calendars; a conflicting one moves to the nearest free time in
// the same week instead of double-booking.
import type { Cadence } from '../schemas.js';
import { slotsIn } from './slots.js';
import { intersect, subtract, type Interval } from './intervals.js';
import type { Availability } from './slots.js';

const weekMs = 7 * 24 * 3_600_000;

export interface Occurrence {
  /** Idempotency key within the pair: the planned start date (UTC). */
  key: string;
  planned: Interval;
  slot: Interval | null;
  movedFrom: number | null;
  reason: string | null;
}

export function plannedStarts(first: number, cadence: Cadence, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (cadence === 'monthly') {
      const d = new Date(first);
      // Same weekday of the same week of the month (e.g. 2nd Tuesday).
      const nth = Math.floor((d.getUTCDate() - 1) / 7);
      const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + i, 1, d.getUTCHours(), d.getUTCMinutes()));
      const shift = (d.getUTCDay() - target.getUTCDay() + 7) % 7;
      out.push(target.getTime() + (shift + nth * 7) * 24 * 3_600_000);
    } else {
      out.push(first + i * (cadence === 'weekly' ? 1 : 2) * weekMs);
    }
  }
  return out;
}

/** Monday 00:00 UTC of the week holding `ms`. */
function weekOf(ms: number): Interval {
  const d = new Date(ms);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * 24 * 3_600_000;
  return { start: monday, end: monday + weekMs };
}

export function planSeries(people: readonly Availability[], first: number, cadence: Cadence, durationMinutes: number, count: number, granularityMinutes = 15): Occurrence[] {
  const durationMs = durationMinutes * 60_000;
  const booked: Interval[] = [];
  return plannedStarts(first, cadence, count).map((start) => {
    const planned = { start, end: start + durationMs };
    const key = new Date(start).toISOString().slice(0, 10);
    const free = people.reduce<Interval[]>((acc, p) => subtract(intersect(acc, p.working), p.busy), [weekOf(start)]);
    const open = subtract(free, booked);
    const fits = intersect(open, [planned]).some((r) => r.start <= planned.start && r.end >= planned.end);
    if (fits) {
      booked.push(planned);
      return { key, planned, slot: planned, movedFrom: null, reason: null };
    }
    const candidates = slotsIn(open, durationMs, granularityMinutes * 60_000);
    if (candidates.length === 0) return { key, planned, slot: null, movedFrom: null, reason: 'no common free time that week' };
    const nearest = candidates.reduce((best, c) => (Math.abs(c.start - start) < Math.abs(best.start - start) ? c : best));
    booked.push(nearest);
    return { key, planned, slot: nearest, movedFrom: start, reason: null };
  });
}
