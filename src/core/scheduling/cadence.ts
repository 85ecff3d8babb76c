// A pair's cadence as a series of occurrences. Each occurrence is checked
// against both calendars; a conflicting one moves to the nearest free time in
// the same week instead of double-booking.
import type { Cadence } from '../schemas.js';
import { intersect, subtract, type Interval } from './intervals.js';
import { slotsIn, type Availability } from './slots.js';
import { zoneRule, type WallClock, type ZoneRule } from './timeZones.js';

export interface Occurrence {
  /** Idempotency key within the pair: the planned date in the series' zone (YYYY-MM-DD). */
  key: string;
  planned: Interval;
  slot: Interval | null;
  /** The planned start when the occurrence had to move; null when it kept its time. */
  movedFrom: number | null;
  reason: string | null;
}

export interface SeriesOptions {
  granularityMinutes?: number;
  /**
   * The zone the series keeps its wall-clock time in (normally the
   * organizer's): a weekly 09:00 stays 09:00 across daylight-saving changes,
   * and "the same week" runs Monday to Sunday there. Defaults to UTC.
   */
  zone?: ZoneRule;
  /** No occurrence moves to before this instant. */
  notBefore?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateKey = (w: WallClock) => `${w.year}-${pad(w.month)}-${pad(w.day)}`;

/** Calendar date arithmetic on a wall clock (time of day kept). */
function addDays(w: WallClock, days: number): WallClock {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The same weekday of the same week of the month (2nd Tuesday; a 5th becomes the last), months later. */
function sameWeekdayOfMonth(w: WallClock, months: number): WallClock {
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const nth = Math.floor((w.day - 1) / 7);
  const first = new Date(Date.UTC(w.year, w.month - 1 + months, 1));
  const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  let day = 1 + ((weekday - first.getUTCDay() + 7) % 7) + nth * 7;
  while (day > daysInMonth) day -= 7;
  return { ...w, year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day };
}

/** Planned start instants of a series, keeping the first one's wall-clock time in `zone`. */
export function plannedStarts(
  first: number,
  cadence: Cadence,
  count: number,
  zone: ZoneRule = zoneRule('UTC'),
): number[] {
  const wall = zone.toWallClock(first);
  return Array.from({ length: count }, (_, i) => {
    const local =
      cadence === 'monthly' ? sameWeekdayOfMonth(wall, i) : addDays(wall, i * (cadence === 'weekly' ? 7 : 14));
    return zone.toInstant(local);
  });
}

/** Monday 00:00 to the next Monday 00:00 in `zone`, around `ms`. */
function weekOf(ms: number, zone: ZoneRule): Interval {
  const w = zone.toWallClock(ms);
  const monday = addDays({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0 }, -(w.weekday - 1));
  return { start: zone.toInstant(monday), end: zone.toInstant(addDays(monday, 7)) };
}

export function planSeries(
  people: readonly Availability[],
  first: number,
  cadence: Cadence,
  durationMinutes: number,
  count: number,
  options: SeriesOptions = {},
): Occurrence[] {
  const zone = options.zone ?? zoneRule('UTC');
  const durationMs = durationMinutes * 60_000;
  const stepMs = (options.granularityMinutes ?? 15) * 60_000;
  const notBefore = options.notBefore ?? -Infinity;
  // Occurrences already placed: a moved one must not land on another of the same series.
  const placed: Interval[] = [];
  return plannedStarts(first, cadence, count, zone).map((start): Occurrence => {
    const planned = { start, end: start + durationMs };
    const key = dateKey(zone.toWallClock(start));
    const week = weekOf(start, zone);
    const free = subtract(
      people.reduce<Interval[]>((acc, p) => subtract(intersect(acc, p.working), p.busy), [week]),
      placed,
    );
    const fits = start >= notBefore && free.some((r) => r.start <= planned.start && r.end >= planned.end);
    if (fits) {
      placed.push(planned);
      return { key, planned, slot: planned, movedFrom: null, reason: null };
    }
    const candidates = slotsIn(free, durationMs, stepMs, notBefore);
    if (candidates.length === 0)
      return { key, planned, slot: null, movedFrom: null, reason: 'no common free time that week' };
    // Nearest to the planned time; the earlier one on a tie.
    const nearest = candidates.reduce((best, c) =>
      Math.abs(c.start - start) < Math.abs(best.start - start) ? c : best,
    );
    placed.push(nearest);
    return { key, planned, slot: nearest, movedFrom: start, reason: null };
  });
}
