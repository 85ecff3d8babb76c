import { describe, expect, it } from 'vitest';
import {
  allocateSlots,
  busyRanges,
  expandWorkingHours,
  freeBusyFloor,
  intersect,
  mutualFreeSlots,
  normalize,
  planFreeBusy,
  planSeries,
  rankSlots,
  splitWindow,
  subtract,
  zoneRule,
  type Availability,
  type Interval,
} from '../../../src/core/scheduling/index.js';

const t = (iso: string) => Date.parse(iso);
const iv = (a: string, b: string): Interval => ({ start: t(a), end: t(b) });
const isoRanges = (rs: Interval[]) => rs.map((r) => [new Date(r.start).toISOString().slice(0, 16), new Date(r.end).toISOString().slice(0, 16)]);
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

describe('interval algebra', () => {
  const cases: Array<[string, Interval[], Interval[], Interval[], Interval[]]> = [
    ['disjoint', [{ start: 0, end: 10 }], [{ start: 20, end: 30 }], [], [{ start: 0, end: 10 }]],
    ['overlapping', [{ start: 0, end: 10 }], [{ start: 5, end: 15 }], [{ start: 5, end: 10 }], [{ start: 0, end: 5 }]],
    ['b inside a', [{ start: 0, end: 30 }], [{ start: 10, end: 20 }], [{ start: 10, end: 20 }], [{ start: 0, end: 10 }, { start: 20, end: 30 }]],
    ['unsorted, touching', [{ start: 20, end: 30 }, { start: 0, end: 10 }, { start: 10, end: 20 }], [{ start: 25, end: 26 }], [{ start: 25, end: 26 }], [{ start: 0, end: 25 }, { start: 26, end: 30 }]],
    ['empty b', [{ start: 0, end: 10 }], [], [], [{ start: 0, end: 10 }]],
  ];
  it.each(cases)('%s', (_name, a, b, inter, diff) => {
    expect(intersect(a, b)).toEqual(inter);
    expect(subtract(a, b)).toEqual(diff);
  });
  it('merges overlapping and touching ranges, drops empty ones', () => {
    expect(normalize([{ start: 5, end: 5 }, { start: 3, end: 8 }, { start: 0, end: 3 }, { start: 10, end: 12 }])).toEqual([{ start: 0, end: 8 }, { start: 10, end: 12 }]);
  });
});

describe('working hours across time zones and daylight saving', () => {
  const cases: Array<{ name: string; zone: Parameters<typeof zoneRule>[0]; window: Interval; expected: string[][] }> = [
    {
      name: 'Chicago across US DST start (Sun 8 Mar 2026): 08:00 local is 14:00Z then 13:00Z',
      zone: { name: 'Central Standard Time' },
      window: iv('2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z'),
      expected: [['2026-03-06T14:00', '2026-03-06T23:00'], ['2026-03-09T13:00', '2026-03-09T22:00']],
    },
    {
      name: 'London across EU DST end (Sun 25 Oct 2026): 08:00 local is 07:00Z then 08:00Z',
      zone: { name: 'GMT Standard Time' },
      window: iv('2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z'),
      expected: [['2026-10-23T07:00', '2026-10-23T16:00'], ['2026-10-26T08:00', '2026-10-26T17:00']],
    },
    {
      name: 'Kolkata has no DST: 08:00 IST is 02:30Z all year',
      zone: { name: 'India Standard Time' },
      window: iv('2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z'),
      expected: [['2026-03-06T02:30', '2026-03-06T11:30'], ['2026-03-09T02:30', '2026-03-09T11:30']],
    },
    {
      name: "Graph's custom zone (bias 480, DST 2nd Sunday March to 1st Sunday November) on 15 March 2019 is UTC-7",
      zone: { '@odata.type': '#microsoft.graph.customTimeZone', bias: 480, name: 'Customized Time Zone', standardOffset: { time: '02:00:00.0000000', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11, year: 0 }, daylightOffset: { daylightBias: -60, time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 3, year: 0 } },
      window: iv('2019-03-08T06:00:00Z', '2019-03-12T06:00:00Z'),
      expected: [['2019-03-08T16:00', '2019-03-09T01:00'], ['2019-03-11T15:00', '2019-03-12T00:00']],
    },
  ];
  it.each(cases)('$name', ({ zone, window, expected }) => {
    const working = expandWorkingHours({ daysOfWeek: [...weekdays], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', zone: zoneRule(zone) }, window);
    expect(isoRanges(working)).toEqual(expected);
  });
});

describe('busy time', () => {
  const items = [
    { status: 'busy' as const, ...iv('2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z') },
    { status: 'tentative' as const, ...iv('2026-03-10T17:00:00Z', '2026-03-10T17:30:00Z') },
    { status: 'workingElsewhere' as const, ...iv('2026-03-10T19:00:00Z', '2026-03-10T20:00:00Z') },
    { status: 'free' as const, ...iv('2026-03-10T21:00:00Z', '2026-03-10T22:00:00Z') },
    { status: 'oof' as const, ...iv('2026-03-11T06:00:00Z', '2026-03-12T06:00:00Z') },
  ];
  it.each([
    ['tentative blocks by default', {}, 4],
    ['tentative can be treated as free', { treatTentativeAsBusy: false }, 3],
  ])('%s', (_n, options, count) => expect(busyRanges(items, options)).toHaveLength(count));
  it('buffers grow each meeting on both sides and merge back-to-back ones', () => {
    const b = busyRanges([{ status: 'busy', ...iv('2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z') }, { status: 'busy', ...iv('2026-03-10T16:20:00Z', '2026-03-10T17:00:00Z') }], { bufferMinutes: 10 });
    expect(isoRanges(b)).toEqual([['2026-03-10T14:50', '2026-03-10T17:10']]);
  });
});

function person(displayName: string, zone: string, window: Interval, busy: Interval[] = [], start = '08:00', end = '17:00'): Availability {
  return { displayName, working: expandWorkingHours({ daysOfWeek: [...weekdays], startTime: start, endTime: end, zone: zoneRule(zone) }, window), busy };
}

describe('mutual free slots', () => {
  const window = iv('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
  it('finds the overlap of Chicago and Kolkata working hours (none) and says why', () => {
    const r = mutualFreeSlots([person('Ana', 'America/Chicago', window), person('Raj', 'Asia/Kolkata', window)], { window, durationMinutes: 30 });
    expect(r.slots).toEqual([]);
    expect(r.reason).toMatch(/no common time this window: working hours do not overlap/);
  });
  it('finds early-morning Chicago / evening Kolkata slots when Raj works late', () => {
    const r = mutualFreeSlots([person('Ana', 'America/Chicago', window, [], '07:00', '16:00'), person('Raj', 'Asia/Kolkata', window, [], '12:00', '21:00')], { window, durationMinutes: 30 });
    // Ana 07:00 CDT = 12:00Z; Raj 21:00 IST = 15:30Z.
    expect(isoRanges(r.slots).at(0)).toEqual(['2026-03-10T12:00', '2026-03-10T12:30']);
    expect(isoRanges(r.slots).at(-1)).toEqual(['2026-03-10T15:00', '2026-03-10T15:30']);
  });
  it('keeps slots off an all-day out-of-office day', () => {
    const twoDays = iv('2026-03-10T00:00:00Z', '2026-03-12T00:00:00Z');
    const oof = busyRanges([{ status: 'oof', ...iv('2026-03-10T05:00:00Z', '2026-03-11T05:00:00Z') }]);
    const r = mutualFreeSlots([person('Ana', 'America/Chicago', twoDays, oof), person('Tom', 'America/New_York', twoDays)], { window: twoDays, durationMinutes: 60 });
    expect(r.slots.every((s) => s.start >= t('2026-03-11T05:00:00Z'))).toBe(true);
    expect(r.slots.length).toBeGreaterThan(0);
  });
  it('reports a full calendar and a too-short stretch differently', () => {
    const full = mutualFreeSlots([person('A', 'America/Chicago', window, [window]), person('B', 'America/Chicago', window)], { window, durationMinutes: 30 });
    expect(full.reason).toMatch(/A's calendar is full/);
    const short = mutualFreeSlots([person('A', 'America/Chicago', window, [iv('2026-03-10T13:00:00Z', '2026-03-10T18:00:00Z'), iv('2026-03-10T18:20:00Z', '2026-03-10T23:00:00Z')]), person('B', 'America/Chicago', window)], { window, durationMinutes: 30 });
    expect(short.reason).toMatch(/longest shared free stretch is 20 minutes/);
  });
  it('honours minimum notice and 15-minute UTC boundaries', () => {
    const r = mutualFreeSlots([person('A', 'America/Chicago', window), person('B', 'America/Chicago', window)], { window, durationMinutes: 45, now: t('2026-03-10T14:07:00Z'), minimumNoticeMinutes: 60 });
    expect(new Date(r.slots[0]!.start).toISOString()).toBe('2026-03-10T15:15:00.000Z');
    expect(r.slots.every((s) => s.start % (15 * 60_000) === 0 && s.end - s.start === 45 * 60_000)).toBe(true);
  });
});

describe('ranking', () => {
  const window = iv('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
  const ana = { userId: 'a', displayName: 'Ana Ruiz', zone: zoneRule('America/Chicago'), busy: [iv('2026-03-10T14:00:00Z', '2026-03-10T15:00:00Z')] };
  const raj = { userId: 'r', displayName: 'Raj Patel', zone: zoneRule('Asia/Kolkata'), busy: [] };
  const slots = [iv('2026-03-10T15:00:00Z', '2026-03-10T15:30:00Z'), iv('2026-03-10T13:00:00Z', '2026-03-10T13:30:00Z')];
  it('prefers the slot that is not back-to-back and explains both local times', () => {
    const [best, second] = rankSlots(slots, [ana, raj], {});
    expect(new Date(best!.start).toISOString()).toBe('2026-03-10T13:00:00.000Z');
    expect(best!.reasons).toContain('no back-to-back meeting');
    expect(best!.reasons).toContain('08:00 for Ana in Chicago, 18:30 for Raj in Kolkata');
    expect(second!.reasons).not.toContain('no back-to-back meeting');
    expect(best!.localTimes.map((l) => l.local)).toEqual(['Tue 2026-03-10 08:00', 'Tue 2026-03-10 18:30']);
    void window;
  });
});

describe('cadence series', () => {
  const window = iv('2026-03-02T00:00:00Z', '2026-03-30T00:00:00Z');
  it('moves a conflicting occurrence to the nearest free time that week', () => {
    const conflict = iv('2026-03-17T15:00:00Z', '2026-03-17T16:00:00Z');
    const people = [person('A', 'America/Chicago', window, [conflict]), person('B', 'America/Chicago', window)];
    const series = planSeries(people, t('2026-03-03T15:00:00Z'), 'weekly', 30, 3);
    expect(series.map((o) => o.key)).toEqual(['2026-03-03', '2026-03-10', '2026-03-17']);
    expect(series[0]!.movedFrom).toBeNull();
    expect(series[2]!.movedFrom).toBe(t('2026-03-17T15:00:00Z'));
    const moved = series[2]!.slot!;
    expect(moved.end <= conflict.start || moved.start >= conflict.end).toBe(true);
    expect(Math.abs(moved.start - conflict.start)).toBeLessThanOrEqual(60 * 60_000);
  });
  it('plans biweekly and monthly (same weekday of the month) occurrences', () => {
    const people = [person('A', 'America/Chicago', iv('2026-03-01T00:00:00Z', '2026-07-01T00:00:00Z')), person('B', 'America/Chicago', iv('2026-03-01T00:00:00Z', '2026-07-01T00:00:00Z'))];
    expect(planSeries(people, t('2026-03-10T15:00:00Z'), 'biweekly', 30, 2).map((o) => o.key)).toEqual(['2026-03-10', '2026-03-24']);
    expect(planSeries(people, t('2026-03-10T15:00:00Z'), 'monthly', 30, 3).map((o) => o.key)).toEqual(['2026-03-10', '2026-04-14', '2026-05-12']);
  });
});

describe('bulk allocation', () => {
  const window = iv('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
  const availability = new Map(['p1', 'p2', 'p3', 'p4'].map((id) => [id, person(id, 'America/Chicago', window)]));
  const pairs = [{ pairId: 'A', people: ['p1', 'p2'] as [string, string] }, { pairId: 'B', people: ['p1', 'p3'] as [string, string] }, { pairId: 'C', people: ['p4', 'p2'] as [string, string] }];
  it('never double-books a person who is in several pairs, and is deterministic', () => {
    const first = allocateSlots(pairs, availability, window, 60, 'round-1');
    expect(allocateSlots(pairs, availability, window, 60, 'round-1')).toEqual(first);
    const byPerson = new Map<string, Interval[]>();
    for (const p of first) {
      expect(p.slot).not.toBeNull();
      for (const who of pairs.find((x) => x.pairId === p.pairId)!.people) byPerson.set(who, [...(byPerson.get(who) ?? []), p.slot!]);
    }
    for (const slots of byPerson.values()) {
      const sorted = [...slots].sort((a, b) => a.start - b.start);
      sorted.forEach((slot, i) => i > 0 && expect(slot.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end));
    }
  });
  it('rotates who picks first between rounds (fairness)', () => {
    const firstPicks = new Set(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((round) => allocateSlots(pairs, availability, window, 60, round).reduce((best, p) => (p.slot && (!best.slot || p.slot.start < best.slot.start) ? p : best)).pairId));
    expect(firstPicks.size).toBeGreaterThan(1);
  });
  it('reports pairs it cannot place', () => {
    const r = allocateSlots([{ pairId: 'X', people: ['p1', 'nobody'] }], availability, window, 60, 'r');
    expect(r[0]).toMatchObject({ slot: null, reason: expect.stringMatching(/unavailable/) });
  });
});

describe('free/busy request plan', () => {
  it.each([
    [2, 14, 1, 1],
    [21, 14, 2, 1],
    [1600, 14, 80, 4],
    [40, 90, 4, 1],
  ])('%i people over %i days: %i getSchedule requests in %i $batch call(s)', (people, days, requests, batches) => {
    const ids = Array.from({ length: people }, (_, i) => `u${i}`);
    const plan = planFreeBusy(ids, { start: 0, end: days * 24 * 3_600_000 });
    expect(plan.flat()).toHaveLength(requests);
    expect(plan).toHaveLength(batches);
    expect(plan.flat().every((r) => r.schedules.length <= 20 && r.window.end - r.window.start <= 62 * 24 * 3_600_000)).toBe(true);
    expect(freeBusyFloor(people, days)).toBe(batches);
  });
  it('splits windows over 62 days', () => {
    expect(splitWindow({ start: 0, end: 130 * 24 * 3_600_000 }).map((w) => (w.end - w.start) / (24 * 3_600_000))).toEqual([62, 62, 6]);
  });
});
