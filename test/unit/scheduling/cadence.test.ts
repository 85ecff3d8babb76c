import { describe, expect, it } from 'vitest';
import { planSeries, plannedStarts, zoneRule, type Interval } from '../../../src/core/scheduling/index.js';
import { iv, person, t } from './support.js';

const chicago = zoneRule('America/Chicago');
const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString().slice(0, 16));
const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

describe('planned starts of a cadence', () => {
  it.each([
    // 09:00 in Chicago every week: 15:00Z in CST, 14:00Z once DST starts on 8 March.
    [
      'weekly keeps 09:00 local across US DST start',
      'weekly',
      '2026-02-24T15:00:00Z',
      3,
      ['2026-02-24T15:00', '2026-03-03T15:00', '2026-03-10T14:00'],
    ],
    [
      'biweekly keeps 09:00 local across US DST end',
      'biweekly',
      '2026-10-20T14:00:00Z',
      3,
      ['2026-10-20T14:00', '2026-11-03T15:00', '2026-11-17T15:00'],
    ],
    // 2nd Tuesday of each month at 09:00 local.
    [
      'monthly on the same weekday of the month',
      'monthly',
      '2026-03-10T14:00:00Z',
      3,
      ['2026-03-10T14:00', '2026-04-14T14:00', '2026-05-12T14:00'],
    ],
    // A 5th Thursday (29 Jan) becomes the last Thursday in months without one.
    [
      'monthly from a 5th weekday falls back to the last',
      'monthly',
      '2026-01-29T15:00:00Z',
      3,
      ['2026-01-29T15:00', '2026-02-26T15:00', '2026-03-26T14:00'],
    ],
  ] as const)('%s', (_name, cadence, first, count, expected) => {
    expect(plannedStarts(t(first), cadence, count, chicago).map(iso)).toEqual(expected);
  });
});

describe('a pair’s series checked against both calendars', () => {
  const window = iv('2026-03-01T00:00:00Z', '2026-04-06T00:00:00Z');

  it('keeps every free occurrence and keys it by its planned local date', () => {
    const people = [person('Ana', 'America/Chicago', window), person('Raj', 'America/New_York', window)];
    const series = planSeries(people, t('2026-03-03T16:00:00Z'), 'weekly', 30, 4, { zone: chicago });
    expect(series.map((o) => o.key)).toEqual(['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24']);
    expect(series.every((o) => o.movedFrom === null && o.slot !== null && o.slot.start === o.planned.start)).toBe(true);
  });

  it('moves a conflicting occurrence to the nearest free time that same week, not just the first one', () => {
    // 09:00 Chicago: 15:00Z before DST, 14:00Z after. Ana is busy at the third occurrence's time only.
    const conflict = iv('2026-03-17T14:00:00Z', '2026-03-17T15:30:00Z');
    const people = [person('Ana', 'America/Chicago', window, [conflict]), person('Raj', 'America/Chicago', window)];
    const series = planSeries(people, t('2026-03-03T15:00:00Z'), 'weekly', 30, 4, { zone: chicago });
    expect(series.map((o) => iso(o.movedFrom))).toEqual([null, null, '2026-03-17T14:00', null]);
    // The nearest free start: 13:30Z (08:30 local, 30 minutes before) beats 15:30Z (90 minutes after).
    expect(iso(series[2]!.slot!.start)).toBe('2026-03-17T13:30');
    expect(overlaps(series[2]!.slot!, conflict)).toBe(false);
    expect(series[2]!.key).toBe('2026-03-17');
  });

  it('stays in the same week (Monday to Sunday in the series zone) when it moves', () => {
    // The whole Tuesday-Friday is busy for Raj; Monday is the only free day that week.
    const busy = [iv('2026-03-17T00:00:00Z', '2026-03-21T00:00:00Z')];
    const people = [person('Ana', 'America/Chicago', window), person('Raj', 'America/Chicago', window, busy)];
    const [occurrence] = planSeries(people, t('2026-03-19T15:00:00Z'), 'weekly', 45, 1, { zone: chicago });
    expect(iso(occurrence!.slot!.start)).toBe('2026-03-16T21:15');
    expect(iso(occurrence!.movedFrom)).toBe('2026-03-19T15:00');
  });

  it('leaves an occurrence unbooked with a reason when the whole week is taken', () => {
    const busy = [iv('2026-03-16T00:00:00Z', '2026-03-23T06:00:00Z')];
    const people = [person('Ana', 'America/Chicago', window, busy), person('Raj', 'America/Chicago', window)];
    const series = planSeries(people, t('2026-03-10T15:00:00Z'), 'weekly', 30, 3, { zone: chicago });
    expect(series.map((o) => o.slot === null)).toEqual([false, true, false]);
    expect(series[1]).toMatchObject({ key: '2026-03-17', movedFrom: null, reason: 'no common free time that week' });
  });

  it('checks every occurrence of a long series: none overlaps either calendar or leaves working hours or its week', () => {
    const long = iv('2026-03-01T00:00:00Z', '2026-06-30T00:00:00Z');
    // A recurring Tuesday 09:00-10:30 Chicago clinic for Ana, and every other Tuesday afternoon for Raj.
    const clinic = planSeries([person('x', 'UTC', long)], t('2026-03-03T15:00:00Z'), 'weekly', 90, 16, {
      zone: chicago,
    }).map((o) => o.planned);
    const afternoons = plannedStarts(t('2026-03-10T19:00:00Z'), 'biweekly', 8, chicago).map((s) => ({
      start: s,
      end: s + 3 * 3_600_000,
    }));
    const ana = person('Ana', 'America/Chicago', long, clinic);
    const raj = person('Raj', 'America/New_York', long, afternoons);
    const series = planSeries([ana, raj], t('2026-03-03T15:00:00Z'), 'weekly', 60, 16, { zone: chicago });
    expect(series).toHaveLength(16);
    for (const o of series) {
      expect(o.slot).not.toBeNull();
      const slot = o.slot!;
      expect([...ana.busy, ...raj.busy].some((b) => overlaps(b, slot))).toBe(false);
      for (const p of [ana, raj]) expect(p.working.some((w) => w.start <= slot.start && slot.end <= w.end)).toBe(true);
      expect(Math.abs(slot.start - o.planned.start)).toBeLessThan(7 * 24 * 3_600_000);
      expect(o.movedFrom).toBe(o.planned.start);
    }
  });

  it('does not move an occurrence to before the earliest allowed start', () => {
    const conflict = iv('2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z');
    const people = [person('Ana', 'America/Chicago', window, [conflict]), person('Raj', 'America/Chicago', window)];
    const [occurrence] = planSeries(people, conflict.start, 'weekly', 30, 1, {
      zone: chicago,
      notBefore: t('2026-03-10T15:00:00Z'),
    });
    expect(iso(occurrence!.slot!.start)).toBe('2026-03-10T16:00');
  });

  it('keeps the same wall-clock time without a zone, in UTC', () => {
    const people = [person('Ana', 'UTC', window), person('Raj', 'UTC', window)];
    expect(planSeries(people, t('2026-03-02T10:00:00Z'), 'biweekly', 60, 2).map((o) => iso(o.slot?.start))).toEqual([
      '2026-03-02T10:00',
      '2026-03-16T10:00',
    ]);
  });
});
