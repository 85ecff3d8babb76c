// Reads a Graph getSchedule response (the published shape) into plain
// availability: the only place Graph's types meet the slot math.
import { z } from 'zod';
import { busyRanges, type BusyOptions, type CalendarItem } from './busy.js';
import type { Interval } from './intervals.js';
import { CustomTimeZone, graphDateTimeToInstant, zoneRule, type ZoneRule, type Weekday } from './timeZones.js';
import { expandWorkingHours } from './workingHours.js';

const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });
const Weekdays = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

export const ScheduleInformation = z.object({
  scheduleId: z.string(),
  availabilityView: z.string().optional(),
  scheduleItems: z
    .array(
      z.object({
        status: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']),
        start: DateTimeTimeZone,
        end: DateTimeTimeZone,
        isPrivate: z.boolean().optional(),
        subject: z.string().optional(),
        location: z.string().optional(),
      }),
    )
    .default([]),
  workingHours: z
    .object({
      daysOfWeek: z.array(Weekdays),
      startTime: z.string(),
      endTime: z.string(),
      timeZone: z.union([CustomTimeZone, z.object({ name: z.string() })]),
    })
    .optional(),
  error: z.object({ message: z.string().optional(), responseCode: z.string().optional() }).nullable().optional(),
});
export type ScheduleInformation = z.infer<typeof ScheduleInformation>;

export const GetScheduleResponse = z.object({ value: z.array(ScheduleInformation) });

export interface PersonSchedule {
  scheduleId: string;
  zone: ZoneRule;
  working: Interval[];
  items: CalendarItem[];
  busy: Interval[];
}

export class ScheduleUnavailableError extends Error {
  constructor(readonly scheduleId: string, reason: string) {
    super(`${scheduleId}: ${reason}`);
    this.name = 'ScheduleUnavailableError';
  }
}

export function personSchedule(info: ScheduleInformation, window: Interval, options: BusyOptions = {}): PersonSchedule {
  if (info.error) throw new ScheduleUnavailableError(info.scheduleId, info.error.message ?? info.error.responseCode ?? 'free/busy unavailable');
  if (!info.workingHours) throw new ScheduleUnavailableError(info.scheduleId, 'no working hours in the response');
  const zone = zoneRule(info.workingHours.timeZone);
  const working = expandWorkingHours({ daysOfWeek: info.workingHours.daysOfWeek as Weekday[], startTime: info.workingHours.startTime, endTime: info.workingHours.endTime, zone }, window);
  const items: CalendarItem[] = info.scheduleItems.map((i) => ({ status: i.status, start: graphDateTimeToInstant(i.start.dateTime, i.start.timeZone), end: graphDateTimeToInstant(i.end.dateTime, i.end.timeZone) }));
  return { scheduleId: info.scheduleId, zone, working, items, busy: busyRanges(items, options) };
}
