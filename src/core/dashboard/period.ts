// A dashboard's period in whole weeks (Monday 00:00 in the organization's
// zone). Figures for two periods that differ by seconds would otherwise differ
// by a handful of sessions, and subtracting one from the other would reveal a
// count suppressed for describing fewer than 5 people. Snapped, two requests
// either cover the same weeks (and answer the same) or differ by whole weeks,
// whose own figures are suppressed the same way.
import { DateTime } from 'luxon';

export interface WeekPeriod {
  from: number;
  to: number;
}

const weekStart = (ms: number, zone: string): number => DateTime.fromMillis(ms, { zone }).startOf('week').toMillis();

/**
 * Both ends moved back to the start of their week; a period within one week
 * becomes that whole week. `to` stays exclusive.
 */
export function snapPeriodToWeeks(period: WeekPeriod, zone: string): WeekPeriod {
  if (!DateTime.now().setZone(zone).isValid) throw new RangeError(`unknown time zone ${zone}`);
  const from = weekStart(period.from, zone);
  const to = weekStart(period.to, zone);
  return { from, to: to > from ? to : DateTime.fromMillis(from, { zone }).plus({ weeks: 1 }).toMillis() };
}

/** The start of the week after the one holding `ms`: a default end that includes the current week. */
export const startOfNextWeek = (ms: number, zone: string): number =>
  DateTime.fromMillis(weekStart(ms, zone), { zone }).plus({ weeks: 1 }).toMillis();

/** A date (`2026-03-09`) as midnight in the organization's zone; an instant with an offset as itself. */
export function periodBoundary(text: string, zone: string): number {
  return /^\d{4}-\d\d-\d\d$/.test(text) ? DateTime.fromISO(text, { zone }).toMillis() : Date.parse(text);
}
