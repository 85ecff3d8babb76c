// A person's working hours, expanded day by day in their own zone into UTC
// ranges, so a daylight-saving change moves them the way it moves the person.
import { normalize, type Interval } from './intervals.js';
import { weekdayNumber, type Weekday, type ZoneRule } from './timeZones.js';

export interface WorkingHours {
  daysOfWeek: readonly Weekday[];
  /** "08:00" or Graph's "08:00:00.0000000" */
  startTime: string;
  endTime: string;
  zone: ZoneRule;
}

function clock(time: string): { hour: number; minute: number } {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return { hour: h, minute: m };
}

export function expandWorkingHours(hours: WorkingHours, window: Interval): Interval[] {
  const days = new Set(hours.daysOfWeek.map(weekdayNumber));
  const start = clock(hours.startTime);
  const end = clock(hours.endTime);
  const overnight = end.hour * 60 + end.minute <= start.hour * 60 + start.minute;
  const out: Interval[] = [];
  // Walk local dates from a day before the window to a day after it.
  let cursor = hours.zone.toWallClock(window.start - 36 * 3_600_000);
  for (let guard = 0; guard < 400; guard++) {
    const dayStart = hours.zone.toInstant({ year: cursor.year, month: cursor.month, day: cursor.day, hour: 0, minute: 0 });
    if (dayStart > window.end + 24 * 3_600_000) break;
    const weekday = hours.zone.toWallClock(dayStart + 12 * 3_600_000).weekday;
    if (days.has(weekday)) {
      const s = hours.zone.toInstant({ year: cursor.year, month: cursor.month, day: cursor.day, ...start });
      const next = new Date(Date.UTC(cursor.year, cursor.month - 1, cursor.day + (overnight ? 1 : 0)));
      const e = hours.zone.toInstant({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), ...end });
      const clipped = { start: Math.max(s, window.start), end: Math.min(e, window.end) };
      if (clipped.end > clipped.start) out.push(clipped);
    }
    const tomorrow = new Date(Date.UTC(cursor.year, cursor.month - 1, cursor.day + 1));
    cursor = { year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate(), hour: 0, minute: 0, weekday: 0 };
  }
  return normalize(out);
}
