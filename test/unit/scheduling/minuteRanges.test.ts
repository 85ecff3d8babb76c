import { describe, expect, it } from 'vitest';
import {
  GetScheduleResponse,
  intersect,
  intersectMinutes,
  MinuteAvailabilityBook,
  minuteIntervals,
  normalize,
  normalizeMinutes,
  personSchedule,
  scheduleMinutes,
  subtract,
  subtractMinutes,
  toMinuteRanges,
  unionMinutes,
  type Interval,
} from '../../../src/core/scheduling/index.js';
import { iv } from './support.js';

const minute = 60_000;

/** Seeded random ranges of whole minutes (some touching, some overlapping, some empty), in no order. */
function randomRanges(random: () => number, count: number): Interval[] {
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * 600);
    return { start: start * minute, end: (start + Math.floor(random() * 60)) * minute };
  });
}

function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('compact minute ranges', () => {
  it('agree with the millisecond interval algebra on random ranges (normalize, intersect, subtract, union)', () => {
    const random = seeded(7);
    for (let round = 0; round < 300; round++) {
      const a = randomRanges(random, Math.floor(random() * 12));
      const b = randomRanges(random, Math.floor(random() * 12));
      const [ma, mb] = [toMinuteRanges(a, 'inward'), toMinuteRanges(b, 'inward')];
      expect(minuteIntervals(ma)).toEqual(normalize(a));
      expect(minuteIntervals(intersectMinutes(ma, mb))).toEqual(intersect(a, b));
      expect(minuteIntervals(subtractMinutes(ma, mb))).toEqual(subtract(a, b));
      expect(minuteIntervals(unionMinutes(ma, mb))).toEqual(normalize([...a, ...b]));
    }
  });

  it('keep free time from growing: working time shrinks to whole minutes, busy time grows to them', () => {
    const working = [{ start: 10 * minute + 1, end: 70 * minute - 1 }];
    const busy = [{ start: 30 * minute + 30_000, end: 31 * minute + 1 }];
    expect(toMinuteRanges(working, 'inward')).toEqual([11, 69]);
    expect(toMinuteRanges(busy, 'outward')).toEqual([30, 32]);
  });

  it('merge touching ranges, drop empty ones and sort what came unsorted', () => {
    expect(normalizeMinutes([50, 60, 10, 20, 20, 30, 40, 40, 55, 70])).toEqual([10, 30, 50, 70]);
  });
});

describe('getSchedule answers read straight into minute ranges', () => {
  const published = GetScheduleResponse.parse({
    value: [
      {
        scheduleId: 'adele@contoso.example',
        scheduleItems: [
          {
            status: 'busy',
            start: { dateTime: '2019-03-15T12:00:00.0000000', timeZone: 'Pacific Standard Time' },
            end: { dateTime: '2019-03-15T14:00:00.0000000', timeZone: 'Pacific Standard Time' },
          },
          {
            status: 'tentative',
            start: { dateTime: '2019-03-15T15:00:30.0000000', timeZone: 'UTC' },
            end: { dateTime: '2019-03-15T16:30:00.0000000', timeZone: 'UTC' },
          },
          {
            status: 'free',
            start: { dateTime: '2019-03-15T22:00:00.0000000', timeZone: 'UTC' },
            end: { dateTime: '2019-03-15T23:00:00.0000000', timeZone: 'UTC' },
          },
          {
            status: 'oof',
            start: { dateTime: '2019-03-10T08:00:00.0000000', timeZone: 'UTC' },
            end: { dateTime: '2019-03-10T09:00:00.0000000', timeZone: 'UTC' },
          },
        ],
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '17:00:00.0000000',
          timeZone: { name: 'Pacific Standard Time' },
        },
      },
    ],
  }).value[0]!;
  const window = iv('2019-03-15T00:00:00Z', '2019-03-17T00:00:00Z');

  it.each([
    ['tentative as busy, no buffer', { treatTentativeAsBusy: true }],
    ['tentative as free, 10 minutes of buffer', { treatTentativeAsBusy: false, bufferMinutes: 10 }],
  ])('give the same time as personSchedule (%s), items outside the window dropped', (_name, options) => {
    const ranges = personSchedule(published, window, options);
    const minutes = scheduleMinutes(published, window, options);
    expect(minutes.working).toEqual(toMinuteRanges(ranges.working, 'inward'));
    expect(minutes.busy).toEqual(toMinuteRanges(intersect(ranges.busy, [window]), 'outward'));
  });

  it('keep a person whose window came in two parts as one, and report a mailbox Graph could not read', () => {
    const book = new MinuteAvailabilityBook(window, { treatTentativeAsBusy: true });
    // A window over Graph's 62-day limit comes back as one answer per part, each with that part's items.
    book.add({ ...published, scheduleItems: published.scheduleItems.slice(0, 2) });
    book.add({ ...published, scheduleItems: published.scheduleItems.slice(2) });
    expect(book.people.get('adele@contoso.example')).toEqual(
      scheduleMinutes(published, window, { treatTentativeAsBusy: true }),
    );

    book.add({
      scheduleId: 'Gone@contoso.example',
      scheduleItems: [],
      error: { message: 'The mailbox could not be found.' },
    });
    book.add({ ...published, scheduleId: 'nohours@contoso.example', workingHours: undefined });
    expect(Object.fromEntries(book.unavailable)).toEqual({
      'gone@contoso.example': 'Gone@contoso.example: The mailbox could not be found.',
      'nohours@contoso.example': 'nohours@contoso.example: no working hours in the response',
    });
    expect([...book.people.keys()]).toEqual(['adele@contoso.example']);
  });
});
