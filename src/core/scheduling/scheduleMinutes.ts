// Graph's getSchedule answers read straight into each person's compact minute
// ranges, for bulk runs: no calendar item objects are made or kept, only two
// small typed arrays per person (working time and busy time in the window).
import { blocks, type BusyOptions } from './busy.js';
import { ScheduleUnavailableError, type ScheduleInformation } from './graphSchedule.js';
import type { Interval } from './intervals.js';
import { normalizeMinutes, toMinuteRanges, unionMinutes, type MinuteRanges } from './minuteRanges.js';
import { graphDateTimeToInstant, UnknownTimeZoneError, zoneRule, type Weekday } from './timeZones.js';
import { expandWorkingHours } from './workingHours.js';
import { minuteMs } from '../time.js';

/** A person's time in a window: working hours shrunk to whole minutes, busy time grown to whole minutes. */
export interface MinuteAvailability {
  working: MinuteRanges;
  busy: MinuteRanges;
}

type GraphWorkingHours = NonNullable<ScheduleInformation['workingHours']>;

/** Working hours over the window as minute ranges, expanded day by day in the person's zone. */
export function workingMinutes(hours: GraphWorkingHours, window: Interval): MinuteRanges {
  const zone = zoneRule(hours.timeZone);
  const days = hours.daysOfWeek as Weekday[];
  const expanded = expandWorkingHours(
    { daysOfWeek: days, startTime: hours.startTime, endTime: hours.endTime, zone },
    window,
  );
  return toMinuteRanges(expanded, 'inward');
}

/**
 * One person's schedule as minute ranges; throws ScheduleUnavailableError (or UnknownTimeZoneError) like
 * personSchedule. `working` expands the working hours (a bulk run shares one expansion among everyone with the
 * same hours and zone).
 */
export function scheduleMinutes(
  info: ScheduleInformation,
  window: Interval,
  options: BusyOptions = {},
  working: (hours: GraphWorkingHours, window: Interval) => MinuteRanges = workingMinutes,
): MinuteAvailability {
  if (info.error)
    throw new ScheduleUnavailableError(
      info.scheduleId,
      info.error.message ?? info.error.responseCode ?? 'free/busy unavailable',
    );
  const hours = info.workingHours;
  if (!hours) throw new ScheduleUnavailableError(info.scheduleId, 'no working hours in the response');
  const before = (options.bufferBeforeMinutes ?? options.bufferMinutes ?? 0) * minuteMs;
  const after = (options.bufferAfterMinutes ?? options.bufferMinutes ?? 0) * minuteMs;
  const items = info.scheduleItems;
  const flat: number[] = [];
  for (const item of items) {
    if (!blocks(item.status, options)) continue;
    const start = graphDateTimeToInstant(item.start.dateTime, item.start.timeZone) - before;
    const end = graphDateTimeToInstant(item.end.dateTime, item.end.timeZone) + after;
    // Only what touches the window matters to a run over that window.
    if (end <= window.start || start >= window.end) continue;
    flat.push(Math.floor(start / minuteMs), Math.ceil(end / minuteMs));
  }
  return { working: working(hours, window), busy: normalizeMinutes(flat) };
}

/**
 * Everyone's minute ranges, collected as getSchedule answers arrive (a window split in parts gives a person one
 * answer per part); people Graph gave nothing usable for are kept with the reason.
 */
export class MinuteAvailabilityBook {
  readonly people = new Map<string, MinuteAvailability>();
  readonly unavailable = new Map<string, string>();
  /** One expansion (read-only, shared) per distinct working hours and zone: a health system has a handful. */
  private readonly workingByHours = new Map<string, MinuteRanges>();
  private readonly working = (hours: GraphWorkingHours, window: Interval): MinuteRanges => {
    const key = JSON.stringify(hours);
    let ranges = this.workingByHours.get(key);
    if (!ranges) this.workingByHours.set(key, (ranges = workingMinutes(hours, window)));
    return ranges;
  };

  constructor(
    private readonly window: Interval,
    private readonly options: BusyOptions = {},
  ) {}

  add(info: ScheduleInformation): void {
    const address = info.scheduleId.toLowerCase();
    if (this.unavailable.has(address)) return;
    let part: MinuteAvailability;
    try {
      part = scheduleMinutes(info, this.window, this.options, this.working);
    } catch (err) {
      if (!(err instanceof ScheduleUnavailableError || err instanceof UnknownTimeZoneError)) throw err;
      this.people.delete(address);
      this.unavailable.set(address, err.message);
      return;
    }
    const known = this.people.get(address);
    this.people.set(
      address,
      known ? { working: unionMinutes(known.working, part.working), busy: unionMinutes(known.busy, part.busy) } : part,
    );
  }
}
