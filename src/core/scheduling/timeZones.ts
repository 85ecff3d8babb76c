// Graph's time zones as rules that turn wall-clock times into instants and
// back: Windows names (mapped to IANA with windows-iana, rules from luxon's
// IANA data), IANA names, and Graph's custom time zones (bias plus standard and
// daylight transition rules, as getSchedule returns for a customized zone).
import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';
import { z } from 'zod';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

export interface ZoneRule {
  /** A label for people: IANA name or the custom zone's name. */
  label: string;
  /** Minutes east of UTC at an instant. */
  offsetAt(ms: number): number;
  /** The instant a wall-clock time names (the earlier one in a repeated hour; shifted forward in a skipped hour). */
  toInstant(local: WallClock): number;
  /** Wall clock and ISO weekday (1 = Monday) at an instant. */
  toWallClock(ms: number): WallClock & { weekday: number };
}

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayNumber = (d: Weekday): number => weekdays.indexOf(d) + 1;

const Transition = z.object({
  time: z.string().regex(/^\d\d:\d\d(:\d\d(\.\d+)?)?$/),
  dayOccurrence: z.number().int().min(1).max(5),
  dayOfWeek: z.enum(weekdays),
  month: z.number().int().min(1).max(12),
  year: z.number().int().min(0),
});
export const CustomTimeZone = z.object({
  '@odata.type': z.literal('#microsoft.graph.customTimeZone').optional(),
  name: z.string().optional(),
  bias: z.number().int(),
  standardOffset: Transition.extend({ standardBias: z.number().int().optional() }).optional(),
  daylightOffset: Transition.extend({ daylightBias: z.number().int() }).optional(),
});
export type CustomTimeZone = z.infer<typeof CustomTimeZone>;

export class UnknownTimeZoneError extends Error {
  constructor(name: string) {
    super(`unknown time zone "${name}"`);
    this.name = 'UnknownTimeZoneError';
  }
}

/** IANA name for a Windows or IANA name ("UTC" included). */
export function ianaName(name: string): string {
  if (/^(UTC|Etc\/UTC|GMT|tzone:\/\/Microsoft\/Utc)$/i.test(name)) return 'UTC';
  const zone = findIana(name)?.[0] ?? name;
  if (!DateTime.local().setZone(zone).isValid) throw new UnknownTimeZoneError(name);
  return zone;
}

function ianaRule(zone: string): ZoneRule {
  return {
    label: zone,
    offsetAt: (ms) => DateTime.fromMillis(ms, { zone }).offset,
    toInstant: (w) => DateTime.fromObject({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second ?? 0 }, { zone }).toMillis(),
    toWallClock: (ms) => {
      const d = DateTime.fromMillis(ms, { zone });
      return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second, weekday: d.weekday };
    },
  };
}

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Day of month of the n-th (5 = last) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: Weekday, occurrence: number): number {
  const first = DateTime.utc(year, month, 1);
  const target = weekdayNumber(weekday);
  let day = 1 + ((target - first.weekday + 7) % 7) + (occurrence - 1) * 7;
  const daysInMonth = first.daysInMonth!;
  while (day > daysInMonth) day -= 7;
  return day;
}

function customRule(tz: CustomTimeZone): ZoneRule {
  const standardMinutes = -(tz.bias + (tz.standardOffset?.standardBias ?? 0));
  const daylight = tz.daylightOffset && tz.standardOffset && tz.daylightOffset.month !== 0 ? { start: tz.daylightOffset, end: tz.standardOffset, minutes: -(tz.bias + tz.daylightOffset.daylightBias) } : null;
  /** UTC instants where daylight time starts and ends in a year. */
  const transitions = (year: number) => {
    if (!daylight) return null;
    // Daylight starts at its wall time in standard time; standard resumes at its wall time in daylight time.
    const startDay = nthWeekday(year, daylight.start.month, daylight.start.dayOfWeek, daylight.start.dayOccurrence);
    const endDay = nthWeekday(year, daylight.end.month, daylight.end.dayOfWeek, daylight.end.dayOccurrence);
    const start = Date.UTC(year, daylight.start.month - 1, startDay) + (minutesOf(daylight.start.time) - standardMinutes) * 60_000;
    const end = Date.UTC(year, daylight.end.month - 1, endDay) + (minutesOf(daylight.end.time) - daylight.minutes) * 60_000;
    return { start, end };
  };
  const offsetAt = (ms: number): number => {
    if (!daylight) return standardMinutes;
    const t = transitions(new Date(ms).getUTCFullYear())!;
    const inDaylight = t.start < t.end ? ms >= t.start && ms < t.end : ms >= t.start || ms < t.end;
    return inDaylight ? daylight.minutes : standardMinutes;
  };
  return {
    label: tz.name ?? 'Custom time zone',
    offsetAt,
    toInstant: (w) => {
      const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
      // Try the offset in force just before, then re-check: picks the earlier instant of a repeated hour.
      const guess = asUtc - offsetAt(asUtc - standardMinutes * 60_000) * 60_000;
      const refined = asUtc - offsetAt(guess) * 60_000;
      return offsetAt(refined) === offsetAt(guess) ? Math.min(guess, refined) : refined;
    },
    toWallClock: (ms) => {
      const d = DateTime.fromMillis(ms + offsetAt(ms) * 60_000, { zone: 'UTC' });
      return { year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second, weekday: d.weekday };
    },
  };
}

export type GraphTimeZone = { name: string } | CustomTimeZone;

/** The rule for a Graph time zone: `{name}` (Windows or IANA) or a custom zone. */
export function zoneRule(tz: GraphTimeZone | string): ZoneRule {
  if (typeof tz === 'string') return ianaRule(ianaName(tz));
  if ('bias' in tz && typeof tz.bias === 'number') return customRule(CustomTimeZone.parse(tz));
  return ianaRule(ianaName((tz as { name: string }).name));
}

/** Graph's `{dateTime, timeZone}` (no offset in dateTime) as an instant. */
export function graphDateTimeToInstant(dateTime: string, timeZone: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(dateTime);
  if (!m) throw new RangeError(`not a Graph dateTime: "${dateTime}"`);
  if (/(Z|[+-]\d\d:\d\d)$/.test(dateTime)) return Date.parse(dateTime);
  const [, y, mo, d, h, mi, s] = m;
  return zoneRule(timeZone).toInstant({ year: +y!, month: +mo!, day: +d!, hour: +h!, minute: +mi!, second: s ? +s : 0 });
}
