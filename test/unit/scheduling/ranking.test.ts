import { describe, expect, it } from 'vitest';
import { SlotSuggestion } from '../../../src/core/api.js';
import { rankSlots, rankSuggestions, zoneRule, type RankedPerson } from '../../../src/core/scheduling/index.js';
import { iv, publishedCustomZone } from './support.js';

const ana: RankedPerson = {
  userId: 'a',
  displayName: 'Ana Ruiz',
  zone: zoneRule('America/Chicago'),
  busy: [iv('2026-03-10T14:00:00Z', '2026-03-10T15:00:00Z')],
};
const raj: RankedPerson = { userId: 'r', displayName: 'Raj Patel', zone: zoneRule('India Standard Time'), busy: [] };
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe('ranking suggestions', () => {
  it('prefers the slot that is not back-to-back and shows both local times', () => {
    const slots = [
      iv('2026-03-10T15:00:00Z', '2026-03-10T15:30:00Z'),
      iv('2026-03-10T13:00:00Z', '2026-03-10T13:30:00Z'),
    ];
    const [best, second] = rankSlots(slots, [ana, raj]);
    expect(iso(best!.start)).toBe('2026-03-10T13:00');
    expect(best!.reasons).toEqual([
      'inside both working hours',
      'no back-to-back meeting',
      'clear of lunch (12:00–13:00)',
      '08:00 for Ana in Chicago, 18:30 for Raj in Kolkata',
    ]);
    expect(second!.reasons).not.toContain('no back-to-back meeting');
    expect(best!.localTimes).toEqual([
      { userId: 'a', displayName: 'Ana Ruiz', timeZone: 'America/Chicago', local: 'Tue 2026-03-10 08:00' },
      { userId: 'r', displayName: 'Raj Patel', timeZone: 'Asia/Kolkata', local: 'Tue 2026-03-10 18:30' },
    ]);
  });

  it('leaves out the fairness note when both people are in the same zone', () => {
    const [only] = rankSlots(
      [iv('2026-03-10T16:00:00Z', '2026-03-10T16:30:00Z')],
      [ana, { ...ana, userId: 'b', displayName: 'Bo Chen', busy: [] }],
    );
    expect(only!.reasons).toEqual([
      'inside both working hours',
      'no back-to-back meeting',
      'clear of lunch (12:00–13:00)',
    ]);
  });

  it('names a custom zone by its offset', () => {
    const megan: RankedPerson = {
      userId: 'm',
      displayName: 'Megan Bowen',
      zone: zoneRule(publishedCustomZone),
      busy: [],
    };
    const [only] = rankSlots([iv('2019-03-15T16:30:00Z', '2019-03-15T17:00:00Z')], [{ ...ana, busy: [] }, megan]);
    expect(only!.reasons).toContain('11:30 for Ana in Chicago, 09:30 for Megan in UTC-07:00');
  });

  const week = [
    iv('2026-03-09T14:00:00Z', '2026-03-09T14:30:00Z'), // Mon 09:00 Chicago
    iv('2026-03-10T17:30:00Z', '2026-03-10T18:00:00Z'), // Tue 12:30 Chicago (lunch)
    iv('2026-03-11T15:00:00Z', '2026-03-11T15:30:00Z'), // Wed 10:00 Chicago
    iv('2026-03-12T20:00:00Z', '2026-03-12T20:30:00Z'), // Thu 15:00 Chicago
    iv('2026-03-13T15:00:00Z', '2026-03-13T15:30:00Z'), // Fri 10:00 Chicago
  ];
  const sameZone = [
    { ...ana, busy: [] },
    { ...ana, userId: 'b', displayName: 'Bo Chen', busy: [] },
  ];
  it.each([
    [
      'no preferences: nearest to a shared mid-morning first, lunch last, earlier on a tie',
      {},
      ['2026-03-11T15:00', '2026-03-13T15:00', '2026-03-09T14:00', '2026-03-12T20:00', '2026-03-10T17:30'],
    ],
    [
      'avoid lunch',
      { avoidLunch: true },
      ['2026-03-11T15:00', '2026-03-13T15:00', '2026-03-09T14:00', '2026-03-12T20:00', '2026-03-10T17:30'],
    ],
    [
      'prefer mornings',
      { preferMornings: true },
      ['2026-03-11T15:00', '2026-03-13T15:00', '2026-03-09T14:00', '2026-03-12T20:00', '2026-03-10T17:30'],
    ],
    [
      'avoid Monday and Friday (lunch avoided by default: after them)',
      { avoidMondayFriday: true },
      ['2026-03-11T15:00', '2026-03-12T20:00', '2026-03-13T15:00', '2026-03-09T14:00', '2026-03-10T17:30'],
    ],
    [
      'avoid Monday and Friday, lunch allowed',
      { avoidMondayFriday: true, avoidLunch: false },
      ['2026-03-11T15:00', '2026-03-12T20:00', '2026-03-10T17:30', '2026-03-13T15:00', '2026-03-09T14:00'],
    ],
  ])('%s', (_name, preferences, order) => {
    expect(rankSlots(week, sameZone, preferences).map((r) => iso(r.start))).toEqual(order);
  });

  // Every quarter hour from 08:00 to 16:30 Chicago on Tue-Thu: what a free pair gets.
  const quarterHours = ['2026-03-10', '2026-03-11', '2026-03-12'].flatMap((day) =>
    Array.from({ length: 35 }, (_, i) => {
      const start = Date.parse(`${day}T13:00:00Z`) + i * 15 * 60_000;
      return { start, end: start + 30 * 60_000 };
    }),
  );
  const overlapsLunch = (local: string) => {
    const minutes = Number(local.slice(15, 17)) * 60 + Number(local.slice(18, 20));
    return minutes < 13 * 60 && minutes + 30 > 12 * 60;
  };

  it('puts a shared mid-morning first, not 12:30', () => {
    const [best] = rankSlots(quarterHours, sameZone, {});
    expect(best!.localTimes[0]!.local).toBe('Tue 2026-03-10 10:00');
  });

  it('spreads the top suggestions over distinct days', () => {
    const top = rankSlots(quarterHours, sameZone, {}, 8);
    expect(new Set(top.slice(0, 3).map((s) => s.localTimes[0]!.local.slice(0, 14))).size).toBe(3);
    // One good day and another with a single afternoon slot: the afternoon still makes the top three.
    const tuesday = quarterHours.slice(0, 35);
    const wednesdayAfternoon = iv('2026-03-11T20:00:00Z', '2026-03-11T20:30:00Z');
    const spread = rankSlots([...tuesday, wednesdayAfternoon], sameZone, {}, 3);
    expect(spread.map((s) => s.localTimes[0]!.local)).toContain('Wed 2026-03-11 15:00');
  });

  it('keeps lunch out of the top suggestions for both people while another slot exists', () => {
    for (const preferences of [{}, { avoidLunch: true }]) {
      const top = rankSlots(quarterHours, [ana, raj], preferences, 8);
      for (const slot of top.slice(0, 3)) expect(slot.localTimes.some((t) => overlapsLunch(t.local))).toBe(false);
    }
    const onlyLunch = rankSlots([iv('2026-03-10T17:30:00Z', '2026-03-10T18:00:00Z')], sameZone, { avoidLunch: true });
    expect(onlyLunch).toHaveLength(1);
  });

  it('explains the preferences a slot meets', () => {
    const [best] = rankSlots([week[2]!], sameZone, { avoidLunch: true, preferMornings: true, avoidMondayFriday: true });
    expect(best!.reasons).toEqual([
      'inside both working hours',
      'no back-to-back meeting',
      'clear of lunch (12:00–13:00)',
      'morning for both',
      'not a Monday or Friday',
    ]);
  });

  it('avoids lunch and spreads over distinct days when the request does not say otherwise', () => {
    const chosen = { avoidLunch: true, spreadOverDays: true };
    expect(rankSlots(quarterHours, sameZone)).toEqual(rankSlots(quarterHours, sameZone, chosen));
    expect(rankSlots(quarterHours, sameZone, { avoidLunch: undefined })).toEqual(
      rankSlots(quarterHours, sameZone, chosen),
    );
    const [lunchOnly] = rankSlots([week[1]!], sameZone);
    const [lunchAllowed] = rankSlots([week[1]!], sameZone, { avoidLunch: false });
    expect(lunchOnly!.score).toBeLessThan(lunchAllowed!.score);
    expect(rankSlots([week[2]!], sameZone)[0]!.reasons).toContain('clear of lunch (12:00–13:00)');
    // Said otherwise: the best scores in order, even when they all fall on one day.
    const tuesdayAndAnAfternoon = [...quarterHours.slice(0, 35), iv('2026-03-11T20:00:00Z', '2026-03-11T20:30:00Z')];
    const days = (preferences: { spreadOverDays?: boolean }) =>
      new Set(
        rankSlots(tuesdayAndAnAfternoon, sameZone, preferences, 3).map((s) => s.localTimes[0]!.local.slice(0, 14)),
      );
    expect(days({}).size).toBe(2);
    expect(days({ spreadOverDays: false }).size).toBe(1);
  });

  it('is deterministic whatever order the slots come in', () => {
    const forward = rankSlots(week, sameZone, {});
    const backward = rankSlots([...week].reverse(), sameZone, {});
    expect(backward).toEqual(forward);
  });

  it('keeps the best few', () => {
    expect(rankSlots(week, sameZone, {}, 2)).toHaveLength(2);
  });

  it('gives suggestions in the REST contract shape', () => {
    const people = [
      { ...sameZone[0]!, userId: '3f9c1b2a-5d4e-4c6f-8a7b-1c2d3e4f5a6b' },
      { ...sameZone[1]!, userId: '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d' },
    ];
    const suggestions = rankSuggestions(week, people, { avoidLunch: true });
    for (const s of suggestions) expect(SlotSuggestion.parse(s)).toEqual(s);
    expect(suggestions[0]!.start).toBe('2026-03-11T15:00:00Z');
  });
});
