import { describe, expect, it } from 'vitest';
import {
  describeWorkingHours,
  expandWorkingHours,
  intersect,
  normalize,
  subtract,
  union,
  widen,
  zoneRule,
  type GraphTimeZone,
  type Interval,
} from '../../../src/core/scheduling/index.js';
import { isoRanges, iv, publishedCustomZone, weekdays } from './support.js';

describe('interval algebra', () => {
  const cases: Array<[string, Interval[], Interval[], Interval[], Interval[], Interval[]]> = [
    // name, a, b, a ∩ b, a − b, a ∪ b
    [
      'disjoint',
      [{ start: 0, end: 10 }],
      [{ start: 20, end: 30 }],
      [],
      [{ start: 0, end: 10 }],
      [
        { start: 0, end: 10 },
        { start: 20, end: 30 },
      ],
    ],
    [
      'overlapping',
      [{ start: 0, end: 10 }],
      [{ start: 5, end: 15 }],
      [{ start: 5, end: 10 }],
      [{ start: 0, end: 5 }],
      [{ start: 0, end: 15 }],
    ],
    [
      'b inside a',
      [{ start: 0, end: 30 }],
      [{ start: 10, end: 20 }],
      [{ start: 10, end: 20 }],
      [
        { start: 0, end: 10 },
        { start: 20, end: 30 },
      ],
      [{ start: 0, end: 30 }],
    ],
    [
      'a inside b',
      [{ start: 10, end: 20 }],
      [{ start: 0, end: 30 }],
      [{ start: 10, end: 20 }],
      [],
      [{ start: 0, end: 30 }],
    ],
    [
      'unsorted and touching',
      [
        { start: 20, end: 30 },
        { start: 0, end: 10 },
        { start: 10, end: 20 },
      ],
      [{ start: 25, end: 26 }],
      [{ start: 25, end: 26 }],
      [
        { start: 0, end: 25 },
        { start: 26, end: 30 },
      ],
      [{ start: 0, end: 30 }],
    ],
    [
      'touching only (half-open)',
      [{ start: 0, end: 10 }],
      [{ start: 10, end: 20 }],
      [],
      [{ start: 0, end: 10 }],
      [{ start: 0, end: 20 }],
    ],
    [
      'one b across several a',
      [
        { start: 0, end: 10 },
        { start: 20, end: 30 },
      ],
      [{ start: 5, end: 25 }],
      [
        { start: 5, end: 10 },
        { start: 20, end: 25 },
      ],
      [
        { start: 0, end: 5 },
        { start: 25, end: 30 },
      ],
      [{ start: 0, end: 30 }],
    ],
    ['empty b', [{ start: 0, end: 10 }], [], [], [{ start: 0, end: 10 }], [{ start: 0, end: 10 }]],
    ['empty a', [], [{ start: 0, end: 10 }], [], [], [{ start: 0, end: 10 }]],
  ];
  it.each(cases)('%s', (_name, a, b, inter, diff, both) => {
    expect(intersect(a, b)).toEqual(inter);
    expect(subtract(a, b)).toEqual(diff);
    expect(union(a, b)).toEqual(both);
  });

  it('merges overlapping and touching ranges and drops empty ones', () => {
    expect(
      normalize([
        { start: 5, end: 5 },
        { start: 3, end: 8 },
        { start: 0, end: 3 },
        { start: 10, end: 12 },
      ]),
    ).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 12 },
    ]);
  });

  it('never changes its inputs', () => {
    const a = [
      { start: 20, end: 30 },
      { start: 0, end: 10 },
    ];
    const copy = structuredClone(a);
    intersect(a, [{ start: 5, end: 25 }]);
    subtract(a, [{ start: 5, end: 25 }]);
    widen(a, 1, 1);
    expect(a).toEqual(copy);
  });

  it('agrees with a minute-by-minute check on random ranges', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const ranges = () =>
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const start = Math.floor(random() * 100);
        return { start, end: start + Math.floor(random() * 30) };
      });
    const covers = (rs: Interval[], m: number) => rs.some((r) => r.start <= m && m < r.end);
    for (let round = 0; round < 200; round++) {
      const a = ranges();
      const b = ranges();
      for (let m = 0; m < 140; m++) {
        expect(covers(intersect(a, b), m)).toBe(covers(a, m) && covers(b, m));
        expect(covers(subtract(a, b), m)).toBe(covers(a, m) && !covers(b, m));
        expect(covers(union(a, b), m)).toBe(covers(a, m) || covers(b, m));
      }
    }
  });
});

describe('working hours, day by day in the person’s own zone', () => {
  const cases: Array<{
    name: string;
    zone: GraphTimeZone | string;
    window: Interval;
    start?: string;
    end?: string;
    expected: string[][];
  }> = [
    {
      name: 'Chicago across US DST start (Sun 8 Mar 2026): 08:00 local is 14:00Z on Friday, 13:00Z on Monday',
      zone: { name: 'Central Standard Time' },
      window: iv('2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z'),
      expected: [
        ['2026-03-06T14:00', '2026-03-06T23:00'],
        ['2026-03-09T13:00', '2026-03-09T22:00'],
      ],
    },
    {
      name: 'New York across US DST end (Sun 1 Nov 2026): 08:00 local is 12:00Z on Friday, 13:00Z on Monday',
      zone: { name: 'Eastern Standard Time' },
      window: iv('2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z'),
      expected: [
        ['2026-10-30T12:00', '2026-10-30T21:00'],
        ['2026-11-02T13:00', '2026-11-02T22:00'],
      ],
    },
    {
      name: 'Berlin across EU DST start (Sun 29 Mar 2026): 08:00 local is 07:00Z on Friday, 06:00Z on Monday',
      zone: { name: 'W. Europe Standard Time' },
      window: iv('2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'),
      expected: [
        ['2026-03-27T07:00', '2026-03-27T16:00'],
        ['2026-03-30T06:00', '2026-03-30T15:00'],
      ],
    },
    {
      name: 'London across EU DST end (Sun 25 Oct 2026): 08:00 local is 07:00Z on Friday, 08:00Z on Monday',
      zone: { name: 'GMT Standard Time' },
      window: iv('2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z'),
      expected: [
        ['2026-10-23T07:00', '2026-10-23T16:00'],
        ['2026-10-26T08:00', '2026-10-26T17:00'],
      ],
    },
    {
      name: 'Kolkata has no DST: 08:00 IST is 02:30Z on both sides of the US change',
      zone: { name: 'India Standard Time' },
      window: iv('2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z'),
      expected: [
        ['2026-03-06T02:30', '2026-03-06T11:30'],
        ['2026-03-09T02:30', '2026-03-09T11:30'],
      ],
    },
    {
      name: "Graph's custom zone (bias 480, DST from the 2nd Sunday of March): UTC-8 on Friday 8 March 2019, UTC-7 on Monday 11 March",
      zone: publishedCustomZone as unknown as GraphTimeZone,
      window: iv('2019-03-08T06:00:00Z', '2019-03-12T06:00:00Z'),
      expected: [
        ['2019-03-08T16:00', '2019-03-09T01:00'],
        ['2019-03-11T15:00', '2019-03-12T00:00'],
      ],
    },
    {
      name: 'a night shift (22:00-06:00) runs into the next morning',
      zone: 'America/Chicago',
      window: iv('2026-03-13T00:00:00Z', '2026-03-14T12:00:00Z'),
      start: '22:00',
      end: '06:00',
      // CDT (UTC-5): Thursday's shift is 03:00Z-11:00Z on Friday; Friday's runs into Saturday morning.
      expected: [
        ['2026-03-13T03:00', '2026-03-13T11:00'],
        ['2026-03-14T03:00', '2026-03-14T11:00'],
      ],
    },
    {
      name: 'clipped to the window',
      zone: 'UTC',
      window: iv('2026-03-10T12:00:00Z', '2026-03-10T13:30:00Z'),
      expected: [['2026-03-10T12:00', '2026-03-10T13:30']],
    },
  ];
  it.each(cases)('$name', ({ zone, window, start, end, expected }) => {
    const working = expandWorkingHours(
      {
        daysOfWeek: weekdays,
        startTime: start ?? '08:00:00.0000000',
        endTime: end ?? '17:00:00.0000000',
        zone: zoneRule(zone),
      },
      window,
    );
    expect(isoRanges(working)).toEqual(expected);
  });

  it('expands every working day of a window longer than a year', () => {
    const window = iv('2026-01-05T00:00:00Z', '2027-05-31T00:00:00Z');
    const working = expandWorkingHours(
      { daysOfWeek: weekdays, startTime: '09:00', endTime: '17:00', zone: zoneRule('Europe/Berlin') },
      window,
    );
    // 2026-01-05 is a Monday; 511 days are 73 whole weeks.
    expect(working).toHaveLength(73 * 5);
    expect(working.every((r) => r.end - r.start === 8 * 3_600_000)).toBe(true);
  });

  it('has no working time when no day of the week is a working day', () => {
    expect(
      expandWorkingHours(
        { daysOfWeek: [], startTime: '09:00', endTime: '17:00', zone: zoneRule('UTC') },
        iv('2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('describes the hours for messages', () => {
    expect(
      describeWorkingHours({
        daysOfWeek: weekdays,
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        zone: zoneRule('Central Standard Time'),
      }),
    ).toBe('08:00–17:00 America/Chicago');
  });
});
