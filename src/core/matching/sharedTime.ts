// Shared working time of two people across time zones, over one reference week: each
// person's working hours expanded in their own zone into UTC ranges, intersected. A pair
// needs at least an hour on at least three days.
import { expandWorkingHours } from '../scheduling/workingHours.js';
import { zoneRule, type Weekday } from '../scheduling/timeZones.js';
import { intersect, type Interval } from '../scheduling/intervals.js';
import { dayMs, hourMs } from '../time.js';
import type { MatchingProfile } from './profile.js';

/** Monday 13 January 2025, 00:00 UTC: a week without a daylight-saving change in either hemisphere's usual rules. */
const referenceMonday = Date.UTC(2025, 0, 13);
export const minimumSharedDayMs = hourMs;
export const minimumSharedDays = 3;

export interface SharedTime {
  /** Days with at least an hour in common. */
  days: number;
  /** Common time over the week on those days. */
  weeklyMs: number;
  /** The median common time on those days, for people to read. */
  typicalDayMs: number;
}

export const hasEnoughSharedTime = (shared: SharedTime): boolean => shared.days >= minimumSharedDays;

/** A key that is equal for people whose working weeks are the same, so overlaps are computed once per kind of week. */
export const workingWeekKey = (p: Pick<MatchingProfile, 'timeZone' | 'workingHours'>): string =>
  `${p.timeZone}|${p.workingHours.start}|${p.workingHours.end}|${[...p.workingHours.days].sort().join(',')}`;

/** The person's working time in UTC around the reference week (a day either side, so overnight shifts are whole). */
export function referenceWeek(p: Pick<MatchingProfile, 'timeZone' | 'workingHours'>): Interval[] {
  return expandWorkingHours(
    {
      daysOfWeek: p.workingHours.days as readonly Weekday[],
      startTime: p.workingHours.start,
      endTime: p.workingHours.end,
      zone: zoneRule(p.timeZone),
    },
    { start: referenceMonday - dayMs, end: referenceMonday + 8 * dayMs },
  );
}

/** Each stretch of common time that starts inside the reference week counts once; a stretch over a day long counts per day. */
export function sharedTimeOf(a: readonly Interval[], b: readonly Interval[]): SharedTime {
  const dayLengths: number[] = [];
  for (const r of intersect(a, b)) {
    if (r.start < referenceMonday || r.start >= referenceMonday + 7 * dayMs) continue;
    const length = r.end - r.start;
    if (length < minimumSharedDayMs) continue;
    const wholeDays = Math.max(1, Math.floor(length / dayMs));
    for (let d = 0; d < wholeDays; d++) dayLengths.push(length / wholeDays);
  }
  dayLengths.sort((x, y) => x - y);
  return {
    days: dayLengths.length,
    weeklyMs: dayLengths.reduce((sum, ms) => sum + ms, 0),
    typicalDayMs: dayLengths.length === 0 ? 0 : dayLengths[Math.floor(dayLengths.length / 2)]!,
  };
}
