// Mutual free slots: inside both people's working hours, clear of both
// calendars, starting on granularity boundaries of UTC, each exactly `duration` long.
import { intersect, normalize, subtract, type Interval } from './intervals.js';

export interface Availability {
  displayName: string;
  /** Working hours as UTC ranges over the window. */
  working: Interval[];
  busy: Interval[];
  /** "08:00–17:00 America/Chicago": named in the reason when nothing fits. */
  workingHours?: string;
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

/** Every slot of `durationMs` inside the ranges, starting on multiples of `stepMs` (UTC), not before `earliest`. */
export function slotsIn(
  ranges: readonly Interval[],
  durationMs: number,
  stepMs: number,
  earliest = -Infinity,
): Interval[] {
  const out: Interval[] = [];
  for (const r of normalize(ranges)) {
    let s = Math.ceil(Math.max(r.start, earliest) / stepMs) * stepMs;
    for (; s + durationMs <= r.end; s += stepMs) out.push({ start: s, end: s + durationMs });
  }
  return out;
}

const namesOf = (people: readonly Availability[]) =>
  people.length === 2
    ? `${people[0]!.displayName} and ${people[1]!.displayName}`
    : people.map((p) => p.displayName).join(', ');
const hoursOf = (p: Availability) => (p.workingHours ? `${p.displayName} ${p.workingHours}` : p.displayName);

/** Why nothing fits, in the words a participant would use. */
function noCommonTimeReason(
  people: readonly Availability[],
  window: Interval,
  sharedWorking: Interval[],
  mutual: Interval[],
  earliest: number,
  durationMinutes: number,
  granularityMinutes: number,
): string {
  const prefix = 'no common time this window: ';
  const offDuty = people.filter((p) => intersect(p.working, [window]).length === 0);
  if (offDuty.length > 0)
    return `${prefix}${offDuty.map(hoursOf).join(', ')} ${offDuty.length === 1 ? 'has' : 'have'} no working hours in this window`;
  if (sharedWorking.length === 0) return `${prefix}working hours do not overlap (${people.map(hoursOf).join(', ')})`;
  if (mutual.length === 0) {
    const full = people.filter((p) => subtract(sharedWorking, p.busy).length === 0);
    if (full.length === people.length)
      return `${prefix}${people.length === 2 ? 'both calendars are' : 'every calendar is'} full whenever their working hours overlap`;
    if (full.length > 0)
      return `${prefix}${full.map((p) => `${p.displayName}'s calendar is`).join(' and ')} full whenever their working hours overlap`;
    return `${prefix}${namesOf(people)} are never free at the same time inside the hours they share`;
  }
  if (mutual.every((r) => r.end <= earliest)) return `${prefix}the shared free time is too soon (minimum notice)`;
  const longest =
    Math.max(...mutual.map((r) => Math.min(r.end - Math.max(r.start, earliest), r.end - r.start))) / 60_000;
  if (longest >= durationMinutes)
    return `${prefix}no shared free stretch of ${durationMinutes} minutes starts on a ${granularityMinutes}-minute boundary`;
  return `${prefix}the longest shared free stretch is ${Math.max(0, Math.floor(longest))} minutes, shorter than ${durationMinutes}`;
}

export function mutualFreeSlots(people: readonly Availability[], query: SlotQuery): SlotResult {
  if (people.length === 0) throw new RangeError('mutualFreeSlots needs at least one person');
  const durationMs = query.durationMinutes * 60_000;
  const stepMs = (query.granularityMinutes ?? 15) * 60_000;
  if (!(durationMs > 0) || !(stepMs > 0)) throw new RangeError('duration and granularity must be positive');
  const window = query.window;
  const earliest = query.now !== undefined ? query.now + (query.minimumNoticeMinutes ?? 0) * 60_000 : -Infinity;

  const sharedWorking = people.reduce<Interval[]>((acc, p) => intersect(acc, p.working), [window]);
  const mutual = people.reduce<Interval[]>((acc, p) => subtract(acc, p.busy), sharedWorking);
  const slots = slotsIn(mutual, durationMs, stepMs, earliest);
  if (slots.length > 0) return { slots, reason: null };
  return {
    slots: [],
    reason: noCommonTimeReason(people, window, sharedWorking, mutual, earliest, query.durationMinutes, stepMs / 60_000),
  };
}
