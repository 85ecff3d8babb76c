// A person's working hours, expanded day by day in their own zone into UTC
// ranges, so a daylight-saving change moves them the way it moves the person.
import { normalize, type Interval } from './intervals.js';
import { weekdayNumber, type Weekday, type ZoneRule } from './timeZones.js';
import { dayMs } from '../time.js';

export interface WorkingHours {
  daysOfWeek: readonly Weekday[];
  /** "08:00" or Graph's "08:00:00.0000000" */
  startTime: string;
  endTime: string;
  zone: ZoneRule;
}

function clock(time: string): { hour: number; minute: number } {
  const m = /^(\d\d?):(\d\d)/.exec(time);
  if (!m || +m[1]! > 24 || +m[2]! > 59) throw new RangeError(`not a time of day: "${time}"`);
  return { hour: +m[1]!, minute: +m[2]! };
}

/** "08:00–17:00 America/Chicago": how a person's hours read in a message. */
export function describeWorkingHours(hours: WorkingHours): string {
  const hhmm = (t: string) => {
    const c = clock(t);
    return `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
  };
  return `${hhmm(hours.startTime)}–${hhmm(hours.endTime)} ${hours.zone.label}`;
}

export function expandWorkingHours(hours: WorkingHours, window: Interval): Interval[] {
  if (!(window.end > window.start)) return [];
  const days = new Set(hours.daysOfWeek.map(weekdayNumber));
  if (days.size === 0) return [];
  const start = clock(hours.startTime);
  const end = clock(hours.endTime);
  // An end at or before the start runs past midnight (a night shift; 00:00-00:00 is the whole day).
  const overnight = end.hour * 60 + end.minute <= start.hour * 60 + start.minute;
  const out: Interval[] = [];
  // Local dates from the day before the window opens to the day after it closes.
  const first = hours.zone.toWallClock(window.start - dayMs);
  const firstDate = Date.UTC(first.year, first.month - 1, first.day);
  const dayCount = Math.ceil((window.end - window.start) / dayMs) + 3;
  for (let i = 0; i < dayCount; i++) {
    const date = new Date(firstDate + i * dayMs);
    const weekday = ((date.getUTCDay() + 6) % 7) + 1;
    if (!days.has(weekday)) continue;
    const next = overnight ? new Date(firstDate + (i + 1) * dayMs) : date;
    // Plain object literals: this runs for every person and day of a bulk run.
    const s = hours.zone.toInstant({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: start.hour,
      minute: start.minute,
    });
    const e = hours.zone.toInstant({
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: end.hour,
      minute: end.minute,
    });
    const clipped = { start: Math.max(s, window.start), end: Math.min(e, window.end) };
    if (clipped.end > clipped.start) out.push(clipped);
  }
  return normalize(out);
}
