// Mutual free slots: inside both people's working hours, clear of both
// calendars, starting on granularity boundaries of UTC, each exactly `duration` long.
import { intersect, normalize, subtract, type Interval } from './intervals.js';

export interface Availability {
  displayName: string;
  /** Working hours as UTC ranges over the window. */
  working: Interval[];
  busy: Interval[];
}

export interface SlotQuery {
  window: Interval;
  durationMinutes: number;
  granularityMinutes?: number;
  /** No slot may start before now + minimumNoticeMinutes. */
  now?: number;
  minimumNoticeMinutes?: number;
}

export type SlotResult = { slots: Interval[]; reason: null } | { slots: []; reason: string };

export function freeRanges(person: Availability, window: Interval): Interval[] {
  return subtract(intersect(person.working, [window]), person.busy);
}

export function slotsIn(ranges: readonly Interval[], durationMs: number, stepMs: number, earliest = -Infinity): Interval[] {
  const out: Interval[] = [];
  for (const r of normalize(ranges)) {
    let s = Math.ceil(Math.max(r.start, earliest) / stepMs) * stepMs;
    for (; s + durationMs <= r.end; s += stepMs) out.push({ start: s, end: s + durationMs });
  }
  return out;
}

export function mutualFreeSlots(people: readonly Availability[], query: SlotQuery): SlotResult {
  if (people.length === 0) throw new RangeError('mutualFreeSlots needs at least one person');
  const durationMs = query.durationMinutes * 60_000;
  const stepMs = (query.granularityMinutes ?? 15) * 60_000;
  if (!(durationMs > 0) || !(stepMs > 0)) throw new RangeError('duration and granularity must be positive');
  const window = query.window;
  const earliest = query.now !== undefined ? query.now + (query.minimumNoticeMinutes ?? 0) * 60_000 : -Infinity;

  const sharedWorking = people.reduce<Interval[]>((acc, p) => intersect(acc, p.working), [window]);
  if (sharedWorking.length === 0) {
    return { slots: [], reason: `no common time this window: ${people.map((p) => p.displayName).join(' and ')} have no working hours in common between ${new Date(window.start).toISOString()} and ${new Date(window.end).toISOString()}` };
  }
  const mutual = people.reduce<Interval[]>((acc, p) => subtract(acc, p.busy), sharedWorking);
  const slots = slotsIn(mutual, durationMs, stepMs, earliest);
  if (slots.length > 0) return { slots, reason: null };
  if (mutual.length === 0) return { slots: [], reason: 'no common time this window: their calendars are full whenever their working hours overlap' };
  if (mutual.every((r) => r.end <= earliest)) return { slots: [], reason: 'no common time this window: the shared free time is too soon (minimum notice)' };
  const longest = Math.max(...mutual.map((r) => r.end - r.start)) / 60_000;
  return { slots: [], reason: `no common time this window: the longest shared free stretch is ${Math.floor(longest)} minutes, shorter than ${query.durationMinutes}` };
}
