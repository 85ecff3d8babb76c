import { describe, expect, it } from 'vitest';
import {
  busyRanges,
  mutualFreeSlots,
  type Availability,
  type CalendarItem,
  type Interval,
} from '../../../src/core/scheduling/index.js';
import { isoRanges, iv, person, t } from './support.js';

describe('busy time', () => {
  const items: CalendarItem[] = [
    { status: 'busy', ...iv('2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z') },
    { status: 'tentative', ...iv('2026-03-10T17:00:00Z', '2026-03-10T17:30:00Z') },
    { status: 'workingElsewhere', ...iv('2026-03-10T19:00:00Z', '2026-03-10T20:00:00Z') },
    { status: 'free', ...iv('2026-03-10T21:00:00Z', '2026-03-10T22:00:00Z') },
    { status: 'unknown', ...iv('2026-03-10T22:00:00Z', '2026-03-10T22:30:00Z') },
    { status: 'oof', ...iv('2026-03-11T06:00:00Z', '2026-03-12T06:00:00Z') },
  ];
  it.each([
    [
      'busy, oof, workingElsewhere and tentative block; free and unknown do not',
      {},
      [
        ['2026-03-10T15:00', '2026-03-10T16:00'],
        ['2026-03-10T17:00', '2026-03-10T17:30'],
        ['2026-03-10T19:00', '2026-03-10T20:00'],
        ['2026-03-11T06:00', '2026-03-12T06:00'],
      ],
    ],
    [
      'tentative can be treated as free',
      { treatTentativeAsBusy: false },
      [
        ['2026-03-10T15:00', '2026-03-10T16:00'],
        ['2026-03-10T19:00', '2026-03-10T20:00'],
        ['2026-03-11T06:00', '2026-03-12T06:00'],
      ],
    ],
  ])('%s', (_name, options, expected) => expect(isoRanges(busyRanges(items, options))).toEqual(expected));

  it('buffers grow each meeting on both sides and merge meetings that come close', () => {
    const b = busyRanges(
      [
        { status: 'busy', ...iv('2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z') },
        { status: 'busy', ...iv('2026-03-10T16:20:00Z', '2026-03-10T17:00:00Z') },
      ],
      { bufferMinutes: 10 },
    );
    expect(isoRanges(b)).toEqual([['2026-03-10T14:50', '2026-03-10T17:10']]);
  });

  it('takes different buffers before and after', () => {
    const b = busyRanges([{ status: 'busy', ...iv('2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z') }], {
      bufferBeforeMinutes: 5,
      bufferAfterMinutes: 15,
    });
    expect(isoRanges(b)).toEqual([['2026-03-10T14:55', '2026-03-10T16:15']]);
  });
});

const slotStarts = (slots: Interval[]) => slots.map((s) => new Date(s.start).toISOString().slice(0, 16));
const perDay = (slots: Interval[]) => {
  const days = new Map<string, { count: number; first: string; last: string }>();
  for (const s of slotStarts(slots)) {
    const day = s.slice(0, 10);
    const d = days.get(day);
    if (d) {
      d.count++;
      d.last = s.slice(11);
    } else days.set(day, { count: 1, first: s.slice(11), last: s.slice(11) });
  }
  return Object.fromEntries(days);
};

describe('mutual free slots for pairs straddling daylight-saving changes', () => {
  // Each pair works 09:00-17:00 in their own zone, Monday to Friday; 60-minute slots every 15 minutes.
  const cases: Array<{
    name: string;
    zones: [string, string];
    window: Interval;
    expected: Record<string, { count: number; first: string; last: string }>;
  }> = [
    {
      // Fri 6 Mar: New York 14:00-22:00Z (EST), London 09:00-17:00Z: 14:00-17:00Z.
      // Mon 9 Mar: New York 13:00-21:00Z (EDT since Sunday), London unchanged: 13:00-17:00Z.
      name: 'US DST start week: New York and London gain an hour of overlap',
      zones: ['America/New_York', 'Europe/London'],
      window: iv('2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z'),
      expected: {
        '2026-03-06': { count: 9, first: '14:00', last: '16:00' },
        '2026-03-09': { count: 13, first: '13:00', last: '16:00' },
      },
    },
    {
      // Fri 27 Mar: London 09:00-17:00Z, New York 13:00-21:00Z: 13:00-17:00Z.
      // Mon 30 Mar: London 08:00-16:00Z (BST since Sunday): 13:00-16:00Z.
      name: 'EU DST start week: London moves, New York does not',
      zones: ['Europe/London', 'America/New_York'],
      window: iv('2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'),
      expected: {
        '2026-03-27': { count: 13, first: '13:00', last: '16:00' },
        '2026-03-30': { count: 9, first: '13:00', last: '15:00' },
      },
    },
    {
      // Fri 23 Oct: Berlin 07:00-15:00Z (CEST), Chicago 14:00-22:00Z (CDT): 14:00-15:00Z.
      // Mon 26 Oct: Berlin 08:00-16:00Z (CET since Sunday): 14:00-16:00Z.
      name: 'EU DST end week: Berlin and Chicago',
      zones: ['Europe/Berlin', 'America/Chicago'],
      window: iv('2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z'),
      expected: {
        '2026-10-23': { count: 1, first: '14:00', last: '14:00' },
        '2026-10-26': { count: 5, first: '14:00', last: '15:00' },
      },
    },
    {
      // Fri 30 Oct: Berlin 08:00-16:00Z, Chicago 14:00-22:00Z: 14:00-16:00Z.
      // Mon 2 Nov: Chicago 15:00-23:00Z (CST since Sunday): 15:00-16:00Z.
      name: 'US DST end week: Berlin and Chicago',
      zones: ['Europe/Berlin', 'America/Chicago'],
      window: iv('2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z'),
      expected: {
        '2026-10-30': { count: 5, first: '14:00', last: '15:00' },
        '2026-11-02': { count: 1, first: '15:00', last: '15:00' },
      },
    },
  ];
  it.each(cases)('$name', ({ zones, window, expected }) => {
    const people = zones.map((z, i) => person(`P${i}`, z, window, [], '09:00', '17:00'));
    const r = mutualFreeSlots(people, { window, durationMinutes: 60 });
    expect(r.reason).toBeNull();
    expect(perDay(r.slots)).toEqual(expected);
  });
});

describe('mutual free slots', () => {
  const day = iv('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');

  it('starts every slot on a 15-minute UTC boundary and makes it exactly the duration', () => {
    const r = mutualFreeSlots([person('A', 'Asia/Kathmandu', day), person('B', 'Asia/Kathmandu', day)], {
      window: day,
      durationMinutes: 45,
    });
    // Kathmandu is UTC+5:45: 08:00 local is 02:15Z.
    expect(slotStarts(r.slots).at(0)).toBe('2026-03-10T02:15');
    expect(r.slots.every((s) => s.start % (15 * 60_000) === 0 && s.end - s.start === 45 * 60_000)).toBe(true);
  });

  it('a Chicago and Kolkata pair with office hours has no common time, and the reason names both hours', () => {
    const r = mutualFreeSlots(
      [person('Ana', 'America/Chicago', day), person('Raj', 'Asia/Kolkata', day, [], '09:00', '18:00')],
      { window: day, durationMinutes: 30 },
    );
    expect(r.slots).toEqual([]);
    expect(r.reason).toBe(
      'no common time this window: working hours do not overlap (Ana 08:00–17:00 America/Chicago, Raj 09:00–18:00 Asia/Kolkata)',
    );
  });

  it('a Chicago and Kolkata pair meets early in Chicago and late in Kolkata when Raj works late', () => {
    const r = mutualFreeSlots(
      [
        person('Ana', 'America/Chicago', day, [], '07:00', '16:00'),
        person('Raj', 'Asia/Kolkata', day, [], '12:00', '21:00'),
      ],
      { window: day, durationMinutes: 30 },
    );
    // Ana 07:00 CDT = 12:00Z; Raj 21:00 IST = 15:30Z.
    expect(isoRanges(r.slots).at(0)).toEqual(['2026-03-10T12:00', '2026-03-10T12:30']);
    expect(isoRanges(r.slots).at(-1)).toEqual(['2026-03-10T15:00', '2026-03-10T15:30']);
    expect(r.slots).toHaveLength(13);
  });

  it('keeps slots off an all-day out-of-office day', () => {
    const twoDays = iv('2026-03-10T00:00:00Z', '2026-03-12T00:00:00Z');
    const oof = busyRanges([{ status: 'oof', ...iv('2026-03-10T05:00:00Z', '2026-03-11T05:00:00Z') }]);
    const r = mutualFreeSlots(
      [person('Ana', 'America/Chicago', twoDays, oof), person('Tom', 'America/New_York', twoDays)],
      { window: twoDays, durationMinutes: 60 },
    );
    expect(Object.keys(perDay(r.slots))).toEqual(['2026-03-11']);
  });

  it('leaves no gap-less slot between back-to-back meetings, and buffers widen the gap', () => {
    const items: CalendarItem[] = [
      { status: 'busy', ...iv('2026-03-10T14:00:00Z', '2026-03-10T15:00:00Z') },
      { status: 'busy', ...iv('2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z') },
      { status: 'busy', ...iv('2026-03-10T17:00:00Z', '2026-03-10T18:00:00Z') },
    ];
    const window = iv('2026-03-10T13:00:00Z', '2026-03-10T19:00:00Z');
    const run = (bufferMinutes: number) =>
      slotStarts(
        mutualFreeSlots(
          [
            person('A', 'UTC', window, busyRanges(items, { bufferMinutes }), '08:00', '20:00'),
            person('B', 'UTC', window, [], '08:00', '20:00'),
          ],
          { window, durationMinutes: 30 },
        ).slots,
      );
    // Free 13:00-14:00, 16:00-17:00, 18:00-19:00; nothing between the two back-to-back meetings.
    expect(run(0)).toEqual([
      '2026-03-10T13:00',
      '2026-03-10T13:15',
      '2026-03-10T13:30',
      '2026-03-10T16:00',
      '2026-03-10T16:15',
      '2026-03-10T16:30',
      '2026-03-10T18:00',
      '2026-03-10T18:15',
      '2026-03-10T18:30',
    ]);
    // 15 minutes of buffer: busy 13:45-16:15 and 16:45-18:15.
    expect(run(15)).toEqual([
      '2026-03-10T13:00',
      '2026-03-10T13:15',
      '2026-03-10T16:15',
      '2026-03-10T18:15',
      '2026-03-10T18:30',
    ]);
  });

  it('honours minimum notice from an injected now', () => {
    const r = mutualFreeSlots([person('A', 'America/Chicago', day), person('B', 'America/Chicago', day)], {
      window: day,
      durationMinutes: 45,
      now: t('2026-03-10T14:07:00Z'),
      minimumNoticeMinutes: 60,
    });
    expect(slotStarts(r.slots).at(0)).toBe('2026-03-10T15:15');
  });

  const reasons: Array<
    [string, Availability[], { durationMinutes: number; now?: number; minimumNoticeMinutes?: number }, string]
  > = [
    [
      'both calendars full',
      [person('A', 'UTC', day, [day]), person('B', 'UTC', day, [day])],
      { durationMinutes: 30 },
      'no common time this window: both calendars are full whenever their working hours overlap',
    ],
    [
      'one calendar full',
      [person('A', 'UTC', day, [day]), person('B', 'UTC', day)],
      { durationMinutes: 30 },
      "no common time this window: A's calendar is full whenever their working hours overlap",
    ],
    [
      'free at different times',
      [
        person('A', 'UTC', day, [iv('2026-03-10T08:00:00Z', '2026-03-10T12:00:00Z')]),
        person('B', 'UTC', day, [iv('2026-03-10T12:00:00Z', '2026-03-10T17:00:00Z')]),
      ],
      { durationMinutes: 30 },
      'no common time this window: A and B are never free at the same time inside the hours they share',
    ],
    [
      'a stretch too short',
      [
        person('A', 'UTC', day, [
          iv('2026-03-10T08:00:00Z', '2026-03-10T12:00:00Z'),
          iv('2026-03-10T12:20:00Z', '2026-03-10T17:00:00Z'),
        ]),
        person('B', 'UTC', day),
      ],
      { durationMinutes: 30 },
      'no common time this window: the longest shared free stretch is 20 minutes, shorter than 30',
    ],
    [
      'a long enough stretch off the 15-minute grid',
      [
        person('A', 'UTC', day, [
          iv('2026-03-10T08:00:00Z', '2026-03-10T12:05:00Z'),
          iv('2026-03-10T12:40:00Z', '2026-03-10T17:00:00Z'),
        ]),
        person('B', 'UTC', day),
      ],
      { durationMinutes: 35 },
      'no common time this window: no shared free stretch of 35 minutes starts on a 15-minute boundary',
    ],
    [
      'everything before the minimum notice',
      [person('A', 'UTC', day), person('B', 'UTC', day)],
      { durationMinutes: 30, now: t('2026-03-10T16:00:00Z'), minimumNoticeMinutes: 60 },
      'no common time this window: the shared free time is too soon (minimum notice)',
    ],
    [
      'a weekend window',
      [
        person('A', 'UTC', iv('2026-03-14T00:00:00Z', '2026-03-16T00:00:00Z')),
        person('B', 'UTC', iv('2026-03-14T00:00:00Z', '2026-03-16T00:00:00Z')),
      ],
      { durationMinutes: 30 },
      'no common time this window: A 08:00–17:00 UTC, B 08:00–17:00 UTC have no working hours in this window',
    ],
  ];
  it.each(reasons)('says why there is nothing: %s', (_name, people, query, reason) => {
    const window = _name === 'a weekend window' ? iv('2026-03-14T00:00:00Z', '2026-03-16T00:00:00Z') : day;
    const r = mutualFreeSlots(people, { window, ...query });
    expect(r.slots).toEqual([]);
    expect(r.reason).toBe(reason);
  });
});
