// Reads a Graph getSchedule response (the published shape) into plain
// availability: the only place Graph's types meet the slot math.
import type * as Graph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { busyRanges, type BusyOptions, type CalendarItem } from './busy.js';
import type { Interval } from './intervals.js';
import {
  CustomTimeZone,
  graphDateTimeToInstant,
  zoneRule,
  type GraphTimeZone,
  type ZoneRule,
  type Weekday,
} from './timeZones.js';
import { describeWorkingHours, expandWorkingHours, type WorkingHours } from './workingHours.js';

const DateTimeTimeZone = z.object({
  dateTime: z
    .string()
    .regex(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/,
      'expected a date-time like 2019-03-15T12:00:00.0000000',
    ),
  timeZone: z.string().min(1),
});
const Weekdays = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d(:\d\d(\.\d+)?)?$/, 'expected a time like 08:00:00.0000000');

const isCustom = (tz: unknown) =>
  typeof tz === 'object' &&
  tz !== null &&
  ('bias' in tz || (tz as Record<string, unknown>)['@odata.type'] === '#microsoft.graph.customTimeZone');
const NamedTimeZone = z.object({ name: z.string().min(1) });

/** A custom zone (bias and rules) or a named one (Windows or IANA); errors name the custom zone's field. */
const WorkingHoursTimeZone = z.unknown().transform((tz, ctx): GraphTimeZone => {
  const parsed = (isCustom(tz) ? CustomTimeZone : NamedTimeZone).safeParse(tz);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

export const ScheduleInformation = z.object({
  scheduleId: z.string().min(1),
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
      startTime: TimeOfDay,
      endTime: TimeOfDay,
      // A custom zone (bias and rules) or a named one (Windows or IANA).
      timeZone: WorkingHoursTimeZone,
    })
    .optional(),
  error: z.object({ message: z.string().optional(), responseCode: z.string().optional() }).nullable().optional(),
});
export type ScheduleInformation = z.infer<typeof ScheduleInformation>;

export const GetScheduleResponse = z.object({ value: z.array(ScheduleInformation) });
export type GetScheduleResponse = z.infer<typeof GetScheduleResponse>;

// What the schema reads is what Graph's published type describes (checked when compiling).
const readsGraphShape = (info: ScheduleInformation): Graph.ScheduleInformation => info;
void readsGraphShape;

export interface PersonSchedule {
  scheduleId: string;
  zone: ZoneRule;
  /** "08:00–17:00 America/Los_Angeles", for messages. */
  workingHours: string;
  working: Interval[];
  items: CalendarItem[];
  busy: Interval[];
}

export class ScheduleUnavailableError extends Error {
  constructor(
    readonly scheduleId: string,
    reason: string,
  ) {
    super(`${scheduleId}: ${reason}`);
    this.name = 'ScheduleUnavailableError';
  }
}

export function personSchedule(info: ScheduleInformation, window: Interval, options: BusyOptions = {}): PersonSchedule {
  if (info.error)
    throw new ScheduleUnavailableError(
      info.scheduleId,
      info.error.message ?? info.error.responseCode ?? 'free/busy unavailable',
    );
  if (!info.workingHours) throw new ScheduleUnavailableError(info.scheduleId, 'no working hours in the response');
  const zone = zoneRule(info.workingHours.timeZone);
  const hours: WorkingHours = {
    daysOfWeek: info.workingHours.daysOfWeek as Weekday[],
    startTime: info.workingHours.startTime,
    endTime: info.workingHours.endTime,
    zone,
  };
  const working = expandWorkingHours(hours, window);
  const items: CalendarItem[] = info.scheduleItems.map((i) => ({
    status: i.status,
    start: graphDateTimeToInstant(i.start.dateTime, i.start.timeZone),
    end: graphDateTimeToInstant(i.end.dateTime, i.end.timeZone),
  }));
  return {
    scheduleId: info.scheduleId,
    zone,
    workingHours: describeWorkingHours(hours),
    working,
    items,
    busy: busyRanges(items, options),
  };
}
