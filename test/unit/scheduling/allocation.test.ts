import { describe, expect, it } from 'vitest';
import {
  allocateSlots,
  subtract,
  type Interval,
  type PairToPlace,
  type PersonAvailability,
  type Placement,
} from '../../../src/core/scheduling/index.js';
import { iv, person, t } from './support.js';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const placed = (p: Placement | undefined) => (p?.slot ? iso(p.slot.start) : null);

/** A seeded organization: people in several zones with random meetings, and pairs sharing people. */
function organization(peopleCount: number, pairCount: number, window: Interval, seed: number) {
  let s = seed;
  const random = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const zones = ['America/Chicago', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata'];
  const availability = new Map<string, PersonAvailability>();
  for (let i = 0; i < peopleCount; i++) {
    const base = person(`u${i}`, zones[i % 3]!, window);
    const busy = base.working.flatMap((w) =>
      Array.from({ length: 3 }, () => {
        const start = w.start + Math.floor(random() * 32) * 15 * 60_000;
        return { start, end: start + (1 + Math.floor(random() * 4)) * 15 * 60_000 };
      }),
    );
    availability.set(`u${i}`, { working: base.working, busy });
  }
  const pairs: PairToPlace[] = Array.from({ length: pairCount }, (_, i) => {
    const a = Math.floor(random() * peopleCount);
    let b = Math.floor(random() * peopleCount);
    if (b === a) b = (a + 1) % peopleCount;
    return { pairId: `pair-${i}`, people: [`u${a}`, `u${b}`] };
  });
  return { availability, pairs };
}

function expectNobodyDoubleBooked(pairs: readonly PairToPlace[], placements: readonly Placement[]) {
  const byPerson = new Map<string, Interval[]>();
  placements.forEach((p, i) => {
    if (!p.slot) return;
    for (const who of pairs[i]!.people) byPerson.set(who, [...(byPerson.get(who) ?? []), p.slot]);
  });
  for (const [who, slots] of byPerson) {
    const sorted = [...slots].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.start, `${who} is double-booked`).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
  }
}

describe('bulk allocation', () => {
  const twoWeeks = iv('2026-03-09T00:00:00Z', '2026-03-23T00:00:00Z');

  it('places 1,000 pairs among 1,600 people: nobody double-booked, every slot free for both, inside the window, on the grid', () => {
    const { availability, pairs } = organization(1600, 1000, twoWeeks, 11);
    const placements = allocateSlots(pairs, availability, twoWeeks, 30, '2026-03-09');
    expect(placements.map((p) => p.pairId)).toEqual(pairs.map((p) => p.pairId));
    expect(placements.filter((p) => p.slot).length).toBeGreaterThan(990);
    expectNobodyDoubleBooked(pairs, placements);
    placements.forEach((p, i) => {
      if (!p.slot) return;
      const slot = p.slot;
      expect(slot.end - slot.start).toBe(30 * 60_000);
      expect(slot.start % (15 * 60_000)).toBe(0);
      expect(slot.start >= twoWeeks.start && slot.end <= twoWeeks.end).toBe(true);
      for (const who of pairs[i]!.people) {
        const a = availability.get(who)!;
        const free = subtract(a.working, a.busy);
        expect(
          free.some((f) => f.start <= slot.start && slot.end <= f.end),
          `${p.pairId} is not free for ${who}`,
        ).toBe(true);
      }
    });
  });

  it('gives the same answer for the same input', () => {
    const { availability, pairs } = organization(300, 200, twoWeeks, 5);
    expect(allocateSlots(pairs, availability, twoWeeks, 45, 'round')).toEqual(
      allocateSlots([...pairs], new Map([...availability].reverse()), twoWeeks, 45, 'round'),
    );
  });

  it('never double-books a person who is in several pairs even when everyone is free', () => {
    const day = iv('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
    const availability = new Map(['mentor', 'a', 'b', 'c', 'd'].map((id) => [id, person(id, 'UTC', day)]));
    const pairs: PairToPlace[] = ['a', 'b', 'c', 'd'].map((id) => ({ pairId: id, people: ['mentor', id] }));
    const placements = allocateSlots(pairs, availability, day, 60, 'r');
    expect(placements.every((p) => p.slot)).toBe(true);
    expectNobodyDoubleBooked(pairs, placements);
  });

  it('picks the middle of the hours a cross-zone pair shares, on the first day', () => {
    // Chicago 08:00-17:00 CDT is 13:00-22:00Z; London 08:00-17:00 GMT is 08:00-17:00Z: shared 13:00-17:00Z.
    const availability = new Map([
      ['ana', person('ana', 'America/Chicago', twoWeeks)],
      ['tom', person('tom', 'Europe/London', twoWeeks)],
    ]);
    const [p] = allocateSlots([{ pairId: 'x', people: ['ana', 'tom'] }], availability, twoWeeks, 30, 'r');
    expect(placed(p)).toBe('2026-03-09T14:45');
  });

  it("spreads one person's sessions over different days", () => {
    const week = iv('2026-03-09T00:00:00Z', '2026-03-14T00:00:00Z');
    const availability = new Map(['mentor', 'a', 'b', 'c'].map((id) => [id, person(id, 'UTC', week)]));
    const pairs: PairToPlace[] = ['a', 'b', 'c'].map((id) => ({ pairId: id, people: ['mentor', id] }));
    const days = allocateSlots(pairs, availability, week, 30, 'r').map((p) => placed(p)!.slice(0, 10));
    expect(new Set(days).size).toBe(3);
  });

  it('places the most constrained pair first so it is not crowded out', () => {
    // The mentor is free 09:00-10:00 only, Bo 09:30-10:00 only, Cy all day. Cy's favourite
    // start (09:30, furthest from the edges of the day) is Bo's only one.
    const day = iv('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
    const availability = new Map([
      [
        'mentor',
        person('mentor', 'UTC', day, [
          iv('2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z'),
          iv('2026-03-10T10:00:00Z', '2026-03-10T17:00:00Z'),
        ]),
      ],
      [
        'bo',
        person('bo', 'UTC', day, [
          iv('2026-03-10T08:00:00Z', '2026-03-10T09:30:00Z'),
          iv('2026-03-10T10:00:00Z', '2026-03-10T17:00:00Z'),
        ]),
      ],
      ['cy', person('cy', 'UTC', day)],
    ]);
    for (const round of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']) {
      const placements = allocateSlots(
        [
          { pairId: 'cy', people: ['mentor', 'cy'] },
          { pairId: 'bo', people: ['mentor', 'bo'] },
        ],
        availability,
        day,
        30,
        round,
      );
      expect(placements.map(placed)).toEqual(['2026-03-10T09:00', '2026-03-10T09:30']);
    }
  });

  it('rotates which pair gets the worst slot from round to round', () => {
    // Four pairs share a mentor who has four free half hours: someone gets the edge of the day.
    const day = iv('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
    const busy = [
      iv('2026-03-10T08:30:00Z', '2026-03-10T10:00:00Z'),
      iv('2026-03-10T10:30:00Z', '2026-03-10T12:00:00Z'),
      iv('2026-03-10T12:30:00Z', '2026-03-10T14:00:00Z'),
      iv('2026-03-10T14:30:00Z', '2026-03-10T16:30:00Z'),
    ];
    const availability = new Map(
      ['mentor', 'a', 'b', 'c', 'd'].map((id) => [id, person(id, 'UTC', day, id === 'mentor' ? busy : [])]),
    );
    const pairs: PairToPlace[] = ['a', 'b', 'c', 'd'].map((id) => ({ pairId: id, people: ['mentor', id] }));
    const worst = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const placements = allocateSlots(pairs, availability, day, 30, `2026-W${round}`);
      expect(placements.every((p) => p.slot)).toBe(true);
      const lowest = placements.reduce((w, p) => ('score' in p && 'score' in w && p.score < w.score ? p : w));
      worst.add(lowest.pairId);
    }
    expect(worst.size).toBeGreaterThan(1);
  });

  it('takes the best start a slot-by-slot search finds (middle of both working days, sooner first)', () => {
    // The rule, slot by slot: comfort = minutes to the nearer edge of either person's working day,
    // capped at 120, minus 6 (quarter points) per day later; the earlier start wins a tie.
    const { availability } = organization(60, 0, twoWeeks, 23);
    for (let i = 0; i + 1 < 60; i += 2) {
      const [a, b] = [availability.get(`u${i}`)!, availability.get(`u${i + 1}`)!];
      const free = subtract(subtract(a.working, a.busy), b.busy).filter((f) =>
        b.working.some((w) => w.start < f.end && f.start < w.end),
      );
      let best: { start: number; score: number } | null = null;
      for (let s = twoWeeks.start; s + 45 * 60_000 <= twoWeeks.end; s += 15 * 60_000) {
        const e = s + 45 * 60_000;
        const wa = a.working.find((w) => w.start <= s && e <= w.end);
        const wb = b.working.find((w) => w.start <= s && e <= w.end);
        if (!wa || !wb || !free.some((f) => f.start <= s && e <= f.end)) continue;
        const margin = Math.min(s - Math.max(wa.start, wb.start), Math.min(wa.end, wb.end) - e) / 60_000;
        const score = Math.min(margin, 120) - 6 * Math.floor((s - twoWeeks.start) / 86_400_000);
        if (!best || score > best.score) best = { start: s, score };
      }
      const [placement] = allocateSlots(
        [{ pairId: 'x', people: [`u${i}`, `u${i + 1}`] }],
        availability,
        twoWeeks,
        45,
        'r',
      );
      expect(placement!.slot?.start ?? null, `pair u${i}/u${i + 1}`).toBe(best?.start ?? null);
    }
  });

  it('does not place anything before the earliest allowed start', () => {
    const day = iv('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
    const availability = new Map(['a', 'b'].map((id) => [id, person(id, 'UTC', day)]));
    const [p] = allocateSlots([{ pairId: 'x', people: ['a', 'b'] }], availability, day, 30, 'r', {
      notBefore: t('2026-03-10T15:07:00Z'),
    });
    expect(p!.slot!.start).toBeGreaterThanOrEqual(t('2026-03-10T15:15:00Z'));
  });

  describe('reports the pairs it cannot place, with the reason', () => {
    const day = iv('2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z');
    const availability = new Map([
      ['ana', person('ana', 'America/Chicago', day)],
      ['raj', person('raj', 'Asia/Kolkata', day)],
      [
        'bo',
        person('bo', 'America/Chicago', day, [
          iv('2026-03-10T13:00:00Z', '2026-03-10T20:00:00Z'),
          iv('2026-03-10T20:30:00Z', '2026-03-10T23:00:00Z'),
        ]),
      ],
      ['cy', person('cy', 'America/Chicago', day)],
      ['di', person('di', 'America/Chicago', day)],
    ]);
    it.each([
      [
        'a person without free/busy',
        [{ pairId: 'x', people: ['ana', 'nobody'] }],
        /^free\/busy unavailable for nobody$/,
      ],
      ['one person twice', [{ pairId: 'x', people: ['ana', 'ana'] }], /two different people/],
      [
        'working hours that never overlap (Chicago and Kolkata)',
        [{ pairId: 'x', people: ['ana', 'raj'] }],
        /working hours do not overlap/,
      ],
      [
        'no shared stretch long enough',
        [{ pairId: 'x', people: ['bo', 'cy'] }],
        /no shared free stretch of 60 minutes/,
      ],
    ] as Array<[string, PairToPlace[], RegExp]>)('%s', (_name, pairs, reason) => {
      const [p] = allocateSlots(pairs, availability, day, 60, 'r');
      expect(p).toMatchObject({ slot: null, reason: expect.stringMatching(reason) });
    });

    it('shared time already given to another pair in this run', () => {
      // Bo's only free half hour (20:00-20:30Z) can go to one of his two pairs.
      const pairs: PairToPlace[] = [
        { pairId: 'p1', people: ['bo', 'cy'] },
        { pairId: 'p2', people: ['bo', 'di'] },
      ];
      const placements = allocateSlots(pairs, availability, day, 30, 'r');
      expect(placements.filter((p) => p.slot).map(placed)).toEqual(['2026-03-10T20:00']);
      expect(placements.find((p) => !p.slot)).toMatchObject({
        reason: expect.stringMatching(/other sessions booked in this run/),
      });
    });

    it('refuses the same pair twice as a caller error', () => {
      expect(() =>
        allocateSlots(
          [
            { pairId: 'x', people: ['ana', 'cy'] },
            { pairId: 'x', people: ['ana', 'cy'] },
          ],
          availability,
          day,
          30,
          'r',
        ),
      ).toThrow(/listed more than once/);
    });
  });
});
