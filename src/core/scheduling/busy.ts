// Calendar items that make a person unavailable, as ranges.
import { normalize, widen, type Interval } from './intervals.js';

export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export interface CalendarItem extends Interval {
  status: FreeBusyStatus;
}

export interface BusyOptions {
  /** Tentative items block time unless the caller says otherwise. */
  treatTentativeAsBusy?: boolean;
  /** Breathing room kept free before and after each meeting (both sides). */
  bufferMinutes?: number;
  /** Overrides bufferMinutes on one side. */
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
}

// Graph's free/busy statuses that mean "cannot meet"; free and unknown do not block.
const blocking = new Set<FreeBusyStatus>(['busy', 'oof', 'workingElsewhere']);

export function blocks(status: FreeBusyStatus, options: BusyOptions = {}): boolean {
  return blocking.has(status) || (status === 'tentative' && (options.treatTentativeAsBusy ?? true));
}

export function busyRanges(items: readonly CalendarItem[], options: BusyOptions = {}): Interval[] {
  const ranges = items.filter((i) => blocks(i.status, options));
  const before = (options.bufferBeforeMinutes ?? options.bufferMinutes ?? 0) * 60_000;
  const after = (options.bufferAfterMinutes ?? options.bufferMinutes ?? 0) * 60_000;
  return before > 0 || after > 0 ? widen(ranges, before, after) : normalize(ranges);
}
