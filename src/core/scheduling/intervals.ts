// Interval algebra over half-open [start, end) ranges in epoch milliseconds.
// Inputs need not be sorted; outputs are sorted and merged. O(n log n).

export interface Interval {
  start: number;
  end: number;
}

/** Already sorted, merged and without empty ranges (what every function here returns). */
function isNormal(ranges: readonly Interval[]): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    if (!(r.end > r.start) || (i > 0 && r.start <= ranges[i - 1]!.end)) return false;
  }
  return true;
}

/** Sorted, with overlapping and touching ranges merged and empty ones dropped. */
export function normalize(ranges: readonly Interval[]): Interval[] {
  if (isNormal(ranges)) return ranges.map((r) => ({ start: r.start, end: r.end }));
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** The ranges themselves when already normal (read-only use), else a normalized copy. */
const readNormal = (ranges: readonly Interval[]): readonly Interval[] =>
  isNormal(ranges) ? ranges : normalize(ranges);

export const union = (a: readonly Interval[], b: readonly Interval[]): Interval[] => normalize([...a, ...b]);

/** Where both cover. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = readNormal(a);
  const y = readNormal(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i]!.start, y[j]!.start);
    const end = Math.min(x[i]!.end, y[j]!.end);
    if (end > start) out.push({ start, end });
    if (x[i]!.end < y[j]!.end) i++;
    else j++;
  }
  return out;
}

/** What `a` covers and `b` does not. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = readNormal(a);
  const y = readNormal(b);
  const out: Interval[] = [];
  let j = 0;
  for (const r of x) {
    let cursor = r.start;
    while (j < y.length && y[j]!.end <= cursor) j++;
    let k = j;
    while (k < y.length && y[k]!.start < r.end) {
      if (y[k]!.start > cursor) out.push({ start: cursor, end: y[k]!.start });
      cursor = Math.max(cursor, y[k]!.end);
      k++;
    }
    if (cursor < r.end) out.push({ start: cursor, end: r.end });
  }
  return out;
}

/** Each range grown by `before` and `after` milliseconds. */
export function widen(ranges: readonly Interval[], before: number, after: number): Interval[] {
  return normalize(ranges.map((r) => ({ start: r.start - before, end: r.end + after })));
}

export const totalLength = (ranges: readonly Interval[]): number => ranges.reduce((n, r) => n + (r.end - r.start), 0);
