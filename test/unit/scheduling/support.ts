// Shorthands for the scheduling tables: instants, ranges and people.
import {
  describeWorkingHours,
  expandWorkingHours,
  zoneRule,
  type Availability,
  type Interval,
  type Weekday,
} from '../../../src/core/scheduling/index.js';

export const t = (iso: string): number => Date.parse(iso);
export const iv = (from: string, to: string): Interval => ({ start: t(from), end: t(to) });
/** Ranges as [from, to] in "YYYY-MM-DDTHH:mm" UTC, easy to read in a table. */
export const isoRanges = (rs: readonly Interval[]): string[][] =>
  rs.map((r) => [new Date(r.start).toISOString().slice(0, 16), new Date(r.end).toISOString().slice(0, 16)]);
export const weekdays: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

export function person(
  displayName: string,
  zone: string,
  window: Interval,
  busy: Interval[] = [],
  startTime = '08:00',
  endTime = '17:00',
): Availability {
  const hours = { daysOfWeek: weekdays, startTime, endTime, zone: zoneRule(zone) };
  return { displayName, working: expandWorkingHours(hours, window), busy, workingHours: describeWorkingHours(hours) };
}

/** The custom zone in the published getSchedule response (Megan's). */
export const publishedCustomZone = {
  '@odata.type': '#microsoft.graph.customTimeZone',
  bias: 480,
  name: 'Customized Time Zone',
  standardOffset: { time: '02:00:00.0000000', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11, year: 0 },
  daylightOffset: {
    daylightBias: -60,
    time: '02:00:00.0000000',
    dayOccurrence: 2,
    dayOfWeek: 'sunday',
    month: 3,
    year: 0,
  },
} as const;
