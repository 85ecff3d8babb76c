// Compact ranges for bulk runs: half-open [start, end) ranges of whole minutes
// since the Unix epoch, sorted, merged and non-empty, flat in one array of
// small integers ([start0, end0, start1, end1, ...]). Tens of thousands of
// people's free time then costs one small array each instead of an object per
// range: minutes since 1970 stay V8 small integers (under 2^30 until the year
// 3011), so the array holds them unboxed and the arithmetic allocates nothing.
// (Typed arrays were tried: for ranges this short their fixed cost per array,
// and `subarray`, made a bulk run slower; see docs/scheduling.md.) Slot grids
// are UTC-aligned, so a slot start on a granularity boundary is simply a
// multiple of the granularity here.
import type { Interval } from './intervals.js';
import { minuteMs } from '../time.js';

export type MinuteRanges = readonly number[];

export const noMinutes: MinuteRanges = [];

/** How a millisecond range becomes whole minutes: free time shrinks (inward), busy time grows (outward). */
export type Rounding = 'inward' | 'outward';

/**
 * Sorted and merged ranges from a flat list of [start, end) minute pairs in any order (touching ranges merge,
 * empty ones are dropped). `count` pairs are read from `flat`.
 */
export function normalizeMinutes(flat: ArrayLike<number>, count = flat.length >> 1): MinuteRanges {
  let sorted = true;
  for (let i = 1; i < count; i++)
    if (flat[2 * i]! < flat[2 * i - 2]!) {
      sorted = false;
      break;
    }
  let order: ArrayLike<number> | null = null;
  if (!sorted) order = Array.from({ length: count }, (_, i) => i).sort((x, y) => flat[2 * x]! - flat[2 * y]!);
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = order ? order[k]! : k;
    const start = flat[2 * i]!;
    const end = flat[2 * i + 1]!;
    if (!(end > start)) continue;
    const n = out.length;
    if (n > 0 && start <= out[n - 1]!) {
      if (end > out[n - 1]!) out[n - 1] = end;
    } else out.push(start, end);
  }
  return out;
}

/** Millisecond ranges (any order) as minute ranges. */
export function toMinuteRanges(ranges: readonly Interval[], rounding: Rounding): MinuteRanges {
  const flat = new Array<number>(2 * ranges.length);
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    flat[2 * i] = rounding === 'inward' ? Math.ceil(r.start / minuteMs) : Math.floor(r.start / minuteMs);
    flat[2 * i + 1] = rounding === 'inward' ? Math.floor(r.end / minuteMs) : Math.ceil(r.end / minuteMs);
  }
  return normalizeMinutes(flat, ranges.length);
}

/** Back to millisecond ranges (for messages and the per-pair paths). */
export function minuteIntervals(m: MinuteRanges): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i < m.length; i += 2) out.push({ start: m[i]! * minuteMs, end: m[i + 1]! * minuteMs });
  return out;
}

/** Where both cover. */
export function intersectMinutes(a: MinuteRanges, b: MinuteRanges): MinuteRanges {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = a[i]! > b[j]! ? a[i]! : b[j]!;
    const end = a[i + 1]! < b[j + 1]! ? a[i + 1]! : b[j + 1]!;
    if (end > start) out.push(start, end);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** What `a` covers and `b` does not. */
export function subtractMinutes(a: MinuteRanges, b: MinuteRanges): MinuteRanges {
  if (b.length === 0) return a;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let cursor = a[i]!;
    const end = a[i + 1]!;
    while (j < b.length && b[j + 1]! <= cursor) j += 2;
    for (let k = j; k < b.length && b[k]! < end; k += 2) {
      if (b[k]! > cursor) out.push(cursor, b[k]!);
      if (b[k + 1]! > cursor) cursor = b[k + 1]!;
    }
    if (cursor < end) out.push(cursor, end);
  }
  return out;
}

/** Both lists of ranges in one (e.g. the parts of a window split for Graph's 62-day limit). */
export function unionMinutes(a: MinuteRanges, b: MinuteRanges): MinuteRanges {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalizeMinutes([...a, ...b]);
}
