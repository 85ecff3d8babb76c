// When a proactive message may reach a person: inside their working hours and
// never in the quiet hours of their own time zone (21:00-07:00 local). Pure
// instants in, instants out; the zone and working hours come from the
// recipient's mailbox settings (or the organization's zone).
import { DateTime } from 'luxon';

/** Luxon weekdays: 1 = Monday ... 7 = Sunday. */
export interface DeliveryHours {
  zone: string;
  days: readonly number[];
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
}

export const quietHours = { startMinute: 21 * 60, endMinute: 7 * 60 } as const;

/** Weekdays 09:00-17:00: what a person without readable mailbox settings gets. */
export const defaultDeliveryHours = (zone: string): DeliveryHours => ({
  zone,
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
});

/** Any day, outside quiet hours only: the fallback when working hours leave no room. */
export const awakeHours = (zone: string): DeliveryHours => ({
  zone,
  days: [1, 2, 3, 4, 5, 6, 7],
  startMinute: quietHours.endMinute,
  endMinute: quietHours.startMinute,
});

const minuteMs = 60_000;

/** The local day's allowed span [start, end) as instants: working hours cut to outside quiet hours. */
function allowedSpan(day: DateTime, hours: DeliveryHours): { start: number; end: number } | null {
  if (!hours.days.includes(day.weekday)) return null;
  const from = Math.max(hours.startMinute, quietHours.endMinute);
  const to = Math.min(hours.endMinute, quietHours.startMinute);
  if (to <= from) return null;
  const start = day.plus({ minutes: from }).toMillis();
  const end = day.plus({ minutes: to }).toMillis();
  return end > start ? { start, end } : null;
}

/** Whether a person may get a message at `ms`. */
export function mayDeliverAt(ms: number, hours: DeliveryHours): boolean {
  const span = allowedSpan(DateTime.fromMillis(ms, { zone: hours.zone }).startOf('day'), hours);
  return span !== null && ms >= span.start && ms < span.end;
}

/** Whether `ms` falls in the quiet hours of `zone`. */
export function inQuietHours(ms: number, zone: string): boolean {
  const local = DateTime.fromMillis(ms, { zone });
  const minute = local.hour * 60 + local.minute;
  return minute >= quietHours.startMinute || minute < quietHours.endMinute;
}

/** The latest allowed instant at or before `target` (whole minutes), no earlier than `floor`; null if none. */
export function latestDeliveryAtOrBefore(target: number, floor: number, hours: DeliveryHours): number | null {
  for (
    let day = DateTime.fromMillis(target, { zone: hours.zone }).startOf('day');
    day.toMillis() + 2 * 86_400_000 > floor;
    day = day.minus({ days: 1 })
  ) {
    const span = allowedSpan(day, hours);
    if (!span || span.start > target) continue;
    const at = Math.floor(Math.min(target, span.end - minuteMs) / minuteMs) * minuteMs;
    if (at >= span.start) return at >= floor ? at : null;
  }
  return null;
}

/** The earliest allowed instant at or after `target`, on a whole multiple of `stepMs`, before `ceiling`; null if none. */
export function earliestDeliveryAtOrAfter(
  target: number,
  ceiling: number,
  hours: DeliveryHours,
  stepMs = minuteMs,
): number | null {
  for (
    let day = DateTime.fromMillis(target, { zone: hours.zone }).startOf('day');
    day.toMillis() < ceiling;
    day = day.plus({ days: 1 })
  ) {
    const span = allowedSpan(day, hours);
    if (!span || span.end <= target) continue;
    const at = Math.ceil(Math.max(target, span.start) / stepMs) * stepMs;
    if (at < span.end) return at < ceiling ? at : null;
  }
  return null;
}
