// Graph's time zones as rules that turn wall-clock times into instants and
// back: Windows names (mapped to IANA with windows-iana, rules from the platform's
// IANA data through Intl), IANA names, and Graph's custom time zones (bias plus standard and
// daylight transition rules, as getSchedule returns for a customized zone).
import { findIana } from 'windows-iana';
import { z } from 'zod';
import { dayMs, hourMs, minuteMs } from '../time.js';

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

/** Graph's standardTimeZoneOffset: a yearly rule ("2nd Sunday of March at 02:00"); month 0 means no transition. */
const Transition = z
  .object({
    time: z.string().regex(/^\d\d:\d\d(:\d\d(\.\d+)?)?$/, 'expected a time like 02:00:00.0000000'),
    dayOccurrence: z.number().int().min(0).max(5),
    dayOfWeek: z.enum(weekdays),
    month: z.number().int().min(0).max(12),
    /** 0: every year; otherwise the rule holds in that year only. */
    year: z.number().int().min(0),
  })
  .refine((t) => t.month === 0 || t.dayOccurrence >= 1, {
    message: 'dayOccurrence must be 1-5 (5 = last)',
    path: ['dayOccurrence'],
  });

export const CustomTimeZone = z.object({
  '@odata.type': z.literal('#microsoft.graph.customTimeZone').optional(),
  name: z.string().optional(),
  /** Minutes WEST of UTC in standard time: UTC = local + bias. */
  bias: z
    .number()
    .int()
    .min(-24 * 60)
    .max(24 * 60),
  standardOffset: Transition.optional(),
  daylightOffset: z
    .intersection(
      Transition,
      z.object({
        daylightBias: z
          .number()
          .int()
          .min(-24 * 60)
          .max(24 * 60),
      }),
    )
    .optional(),
});
export type CustomTimeZone = z.infer<typeof CustomTimeZone>;

export class UnknownTimeZoneError extends Error {
  constructor(name: string) {
    super(`unknown time zone "${name}"`);
    this.name = 'UnknownTimeZoneError';
  }
}

// CLDR (and so windows-iana) lists some zones under names IANA has since
// replaced; people recognize the current ones.
const renamedZones: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
};

const ianaNames = new Map<string, string>();
/**
 * One formatter per IANA zone, made when the name is first checked and reused for its offset tables. The locale is
 * explicit: asking for the host's default locale (as luxon does once per process) costs more than all the zone
 * tables of a department's first getSchedule answers together.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's formatter, or null when the platform's tz data does not know the name. */
function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Minutes east of UTC in an IANA zone at an instant, from the platform's tz data. */
function platformOffset(formatter: Intl.DateTimeFormat, ms: number): number {
  const at = Math.floor(ms / 1000) * 1000;
  const field: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) if (part.type !== 'literal') field[part.type] = Number(part.value);
  const wall = Date.UTC(field.year!, field.month! - 1, field.day!, field.hour! % 24, field.minute!, field.second!);
  return Math.round((wall - at) / minuteMs);
}

/** IANA name for a Windows or IANA name ("UTC" included). */
export function ianaName(name: string): string {
  const known = ianaNames.get(name);
  if (known) return known;
  let zone: string;
  if (/^(UTC|Etc\/UTC|GMT|Coordinated Universal Time|tzone:\/\/Microsoft\/Utc)$/i.test(name.trim())) zone = 'UTC';
  else {
    const candidate = findIana(name)?.[0] ?? name;
    zone = renamedZones[candidate] ?? candidate;
    if (!zoneFormatter(zone)) throw new UnknownTimeZoneError(name);
  }
  ianaNames.set(name, zone);
  return zone;
}

/** Offsets of a zone through one UTC year: the offset at 1 January and every change after it. */
interface YearOffsets {
  initial: number;
  changes: Array<{ at: number; offset: number }>;
}

function offsetFromChanges(table: YearOffsets, ms: number): number {
  let offset = table.initial;
  for (const c of table.changes) {
    if (c.at > ms) break;
    offset = c.offset;
  }
  return offset;
}

/** A rule's wall-clock arithmetic given only its offset function. */
function ruleFrom(label: string, offsetAt: (ms: number) => number): ZoneRule {
  return {
    label,
    offsetAt,
    toInstant: (w) => {
      const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
      // The offsets in force on either side of any change near this wall time.
      const before = offsetAt(asUtc - 18 * hourMs);
      const after = offsetAt(asUtc + 18 * hourMs);
      const withBefore = asUtc - before * minuteMs;
      const withAfter = asUtc - after * minuteMs;
      const beforeHolds = offsetAt(withBefore) === before;
      const afterHolds = offsetAt(withAfter) === after;
      // Repeated hour: the earlier instant. Skipped hour: read with the earlier offset, which lands after the change.
      if (beforeHolds && afterHolds) return Math.min(withBefore, withAfter);
      return afterHolds && !beforeHolds ? withAfter : withBefore;
    },
    toWallClock: (ms) => {
      const d = new Date(ms + offsetAt(ms) * minuteMs);
      return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        weekday: ((d.getUTCDay() + 6) % 7) + 1,
      };
    },
  };
}

/** Offsets by UTC year, each year's table built once, the last one used kept at hand. */
function offsetsByYear(build: (year: number) => YearOffsets): (ms: number) => number {
  const years = new Map<number, YearOffsets>();
  let lastFrom = 0;
  let lastTo = -1;
  let last: YearOffsets = { initial: 0, changes: [] };
  return (ms) => {
    if (!(ms >= lastFrom && ms < lastTo)) {
      const year = new Date(ms).getUTCFullYear();
      let table = years.get(year);
      if (!table) {
        table = build(year);
        years.set(year, table);
      }
      last = table;
      lastFrom = Date.UTC(year, 0, 1);
      lastTo = Date.UTC(year + 1, 0, 1);
    }
    return offsetFromChanges(last, ms);
  };
}

/**
 * An IANA zone. The platform's tz data (through Intl) is slow per call; the changes of each year are found once (weekly samples, then
 * a binary search to the minute) and answered from that table afterwards.
 */
function ianaRule(zone: string): ZoneRule {
  const formatter = zoneFormatter(zone);
  if (!formatter) throw new UnknownTimeZoneError(zone);
  const tzOffset = (ms: number) => platformOffset(formatter, ms);
  const tableFor = (year: number): YearOffsets => {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    const table: YearOffsets = { initial: tzOffset(from), changes: [] };
    let previous = table.initial;
    for (let lo = from; lo < to; lo += 7 * dayMs) {
      const hi = Math.min(lo + 7 * dayMs, to);
      const end = tzOffset(hi - minuteMs);
      if (end === previous) continue;
      // Find the first minute with the new offset.
      let a = lo;
      let b = hi - minuteMs;
      while (b - a > minuteMs) {
        const mid = a + Math.floor((b - a) / 2 / minuteMs) * minuteMs;
        if (tzOffset(mid) === previous) a = mid;
        else b = mid;
      }
      table.changes.push({ at: b, offset: end });
      previous = end;
    }
    return table;
  };
  return ruleFrom(zone, offsetsByYear(tableFor));
}

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Day of month of the n-th (5 = last) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: Weekday, occurrence: number): number {
  const firstWeekday = ((new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7) + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  let day = 1 + ((weekdayNumber(weekday) - firstWeekday + 7) % 7) + (occurrence - 1) * 7;
  while (day > daysInMonth) day -= 7;
  return day;
}

/**
 * Graph's custom time zone. Standard time is UTC - bias; daylight time is
 * UTC - (bias + daylightBias). Daylight starts at its wall time read in
 * standard time and ends at the standard rule's wall time read in daylight time.
 */
function customRule(tz: CustomTimeZone): ZoneRule {
  const standard = -tz.bias;
  const daylightStart = tz.daylightOffset;
  const daylightEnd = tz.standardOffset;
  const daylight =
    daylightStart &&
    daylightEnd &&
    daylightStart.month !== 0 &&
    daylightEnd.month !== 0 &&
    daylightStart.daylightBias !== 0
      ? -(tz.bias + daylightStart.daylightBias)
      : null;
  const tableFor = (year: number): YearOffsets => {
    const table: YearOffsets = { initial: standard, changes: [] };
    const applies = (rule: { year: number }) => rule.year === 0 || rule.year === year;
    if (daylight !== null && daylightStart && daylightEnd && applies(daylightStart) && applies(daylightEnd)) {
      const at = (rule: z.infer<typeof Transition>, offset: number) =>
        Date.UTC(year, rule.month - 1, nthWeekday(year, rule.month, rule.dayOfWeek, rule.dayOccurrence)) +
        (minutesOf(rule.time) - offset) * minuteMs;
      const starts = at(daylightStart, standard);
      const ends = at(daylightEnd, daylight);
      // Northern hemisphere: daylight inside the year; southern: daylight across New Year.
      if (starts < ends) table.changes.push({ at: starts, offset: daylight }, { at: ends, offset: standard });
      else {
        table.initial = daylight;
        table.changes.push({ at: ends, offset: standard }, { at: starts, offset: daylight });
      }
    }
    return table;
  };
  return ruleFrom(tz.name ?? 'Custom time zone', offsetsByYear(tableFor));
}

export type GraphTimeZone = { name: string } | CustomTimeZone;

const rulesByName = new Map<string, ZoneRule>();

function namedRule(name: string): ZoneRule {
  let rule = rulesByName.get(name);
  if (!rule) {
    rule = ianaRule(ianaName(name));
    rulesByName.set(name, rule);
  }
  return rule;
}

/** The rule for a Graph time zone: `{name}` (Windows or IANA) or a custom zone. */
export function zoneRule(tz: GraphTimeZone | string): ZoneRule {
  if (typeof tz === 'string') return namedRule(tz);
  if ('bias' in tz && typeof tz.bias === 'number') return customRule(CustomTimeZone.parse(tz));
  return namedRule((tz as { name: string }).name);
}

const graphDateTime = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/;
/** Graph's own form, "2019-03-15T12:00:00.0000000": read digit by digit (free/busy of a whole department has many). */
const graphLocalForm = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/;
const digits = (text: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
};

/** Graph's `{dateTime, timeZone}` (normally no offset in dateTime) as an instant. */
export function graphDateTimeToInstant(dateTime: string, timeZone: string): number {
  let year: number, month: number, day: number, hour: number, minute: number, second: number;
  let offset: string | undefined;
  if (graphLocalForm.test(dateTime)) {
    year = digits(dateTime, 0, 4);
    month = digits(dateTime, 5, 2);
    day = digits(dateTime, 8, 2);
    hour = digits(dateTime, 11, 2);
    minute = digits(dateTime, 14, 2);
    second = digits(dateTime, 17, 2);
  } else {
    const m = graphDateTime.exec(dateTime.trim());
    if (!m) throw new RangeError(`not a Graph dateTime: "${dateTime}"`);
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    hour = Number(m[4]);
    minute = Number(m[5]);
    second = m[6] ? Number(m[6]) : 0;
    offset = m[7];
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (offset)
    return offset === 'Z'
      ? asUtc
      : asUtc -
          (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * minuteMs;
  if (ianaName(timeZone) === 'UTC') return asUtc;
  return namedRule(timeZone).toInstant({ year, month, day, hour, minute, second });
}

/** "UTC-07:00" for an offset in minutes east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
