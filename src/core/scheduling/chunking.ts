// The fewest free/busy requests for many people: getSchedule takes at most 20
// schedules and a window under 62 days; $batch takes at most 20 requests.
import type { Interval } from './intervals.js';
import { dayMs } from '../time.js';

export const freeBusyLimits = { schedulesPerRequest: 20, maxWindowDays: 62, requestsPerBatch: 20 } as const;

export interface FreeBusyRequest {
  schedules: string[];
  window: Interval;
}

export function splitWindow(window: Interval, maxDays: number = freeBusyLimits.maxWindowDays): Interval[] {
  const out: Interval[] = [];
  for (let s = window.start; s < window.end; s += maxDays * dayMs)
    out.push({ start: s, end: Math.min(window.end, s + maxDays * dayMs) });
  return out;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** getSchedule requests grouped into $batch payloads. */
export function planFreeBusy(people: readonly string[], window: Interval): FreeBusyRequest[][] {
  const distinct = [...new Set(people)];
  const requests = splitWindow(window).flatMap((w) =>
    chunk(distinct, freeBusyLimits.schedulesPerRequest).map((schedules) => ({ schedules, window: w })),
  );
  return chunk(requests, freeBusyLimits.requestsPerBatch);
}

/** ceil(ceil(U/20) * ceil(D/62) / 20): the fewest HTTP requests possible. */
export function freeBusyFloor(distinctPeople: number, windowDays: number): number {
  return Math.ceil((Math.ceil(distinctPeople / 20) * Math.ceil(windowDays / 62)) / 20);
}
