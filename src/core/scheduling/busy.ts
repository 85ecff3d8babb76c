// Calendar items that make a person unavailable, as ranges.
import { normalize, widen, type Interval } from './intervals.js';

export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';

export interface CalendarItem extends Interval {
  status: FreeBusyStatus;
}

export interface BusyOptions {
  /** Tentative items block time unless the caller says otherwise. */
  treatTentativeAsBusy?: boolean;
  /** Breathing room kept free before and after each meeting. */
  bufferMinutes?: number;
}

const blocking = new Set<FreeBusyStatus>(['busy', 'oof', 'workingElsewhere', 'unknown']);

export function busyRanges(items: readonly CalendarItem[], options: BusyOptions = {}): Interval[] {
  const tentativeBlocks = options.treatTentativeAsBusy ?? true;
  const ranges = items.filter((i) => blocking.has(i.status) || (tentativeBlocks && i.status === 'tentative'));
  const buffer = (options.bufferMinutes ?? 0) * 60_000;
  return buffer > 0 ? widen(ranges, buffer, buffer) : normalize(ranges);
}
