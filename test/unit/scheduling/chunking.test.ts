import { describe, expect, it } from 'vitest';
import { chunk, freeBusyFloor, freeBusyLimits, planFreeBusy, splitWindow } from '../../../src/core/scheduling/index.js';

const dayMs = 24 * 3_600_000;
const people = (n: number) => Array.from({ length: n }, (_, i) => `u${i}@contoso.com`);

describe('free/busy request plan', () => {
  it.each([
    // people, days, getSchedule requests, $batch calls
    [2, 14, 1, 1],
    [20, 14, 1, 1],
    [21, 14, 2, 1],
    [400, 14, 20, 1],
    [401, 14, 21, 2],
    [1600, 14, 80, 4],
    [40, 62, 2, 1],
    [40, 63, 4, 1],
    [40, 130, 6, 1],
    [1600, 130, 240, 12],
  ])(
    '%i people over %i days: %i getSchedule requests in %i $batch call(s), the floor',
    (count, days, requests, batches) => {
      const plan = planFreeBusy(people(count), { start: 0, end: days * dayMs });
      expect(plan.flat()).toHaveLength(requests);
      expect(plan).toHaveLength(batches);
      expect(freeBusyFloor(count, days)).toBe(batches);
    },
  );

  it('keeps within Graph’s limits: 20 schedules a request, windows of at most 62 days, 20 requests a batch', () => {
    const plan = planFreeBusy(people(1234), { start: 0, end: 200 * dayMs });
    expect(plan.every((batch) => batch.length <= freeBusyLimits.requestsPerBatch)).toBe(true);
    expect(plan.flat().every((r) => r.schedules.length <= 20 && r.window.end - r.window.start <= 62 * dayMs)).toBe(
      true,
    );
  });

  it('asks about each person once per window piece, whoever is in several pairs', () => {
    const plan = planFreeBusy([...people(21), ...people(21), 'U0@contoso.com'.toLowerCase()], {
      start: 0,
      end: 90 * dayMs,
    });
    const asked = plan.flat().flatMap((r) => r.schedules.map((s) => `${s}|${r.window.start}`));
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toHaveLength(21 * 2);
  });

  it('splits a window over 62 days into pieces that cover it exactly', () => {
    const pieces = splitWindow({ start: 5, end: 5 + 130 * dayMs });
    expect(pieces.map((w) => (w.end - w.start) / dayMs)).toEqual([62, 62, 6]);
    expect(pieces[0]!.start).toBe(5);
    pieces.slice(1).forEach((w, i) => expect(w.start).toBe(pieces[i]!.end));
  });

  it('chunks a list without losing or reordering items', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
