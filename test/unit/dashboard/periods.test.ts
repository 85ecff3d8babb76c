// Honest dashboard periods: whole weeks in the organization's zone, so two
// periods differing by seconds answer the same; active pairs are those still
// going at the period's end.
import { describe, expect, it } from 'vitest';
import {
  aggregateDepartments,
  periodBoundary,
  snapPeriodToWeeks,
  startOfNextWeek,
  type DashboardPair,
  type DashboardSession,
} from '../../../src/core/dashboard/index.js';

const zone = 'America/Chicago';
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
// Monday 2 March 2026 00:00 CST is 06:00Z; Monday 16 March 00:00 CDT is 05:00Z.
const w1 = at('2026-03-02T06:00:00Z');
const w3 = at('2026-03-16T05:00:00Z');

describe('snapping a period to whole weeks', () => {
  it.each([
    { name: 'whole weeks stay as they are', from: w1, to: w3, expected: [w1, w3] },
    { name: 'one second later ends in the same week', from: w1, to: w3 + 1_000, expected: [w1, w3] },
    { name: 'a start mid-week moves to its Monday', from: w1 + 3 * 86_400_000 + 7, to: w3, expected: [w1, w3] },
    {
      name: 'a period inside one week is that week',
      from: w1 + 1_000,
      to: w1 + 2_000,
      expected: [w1, at('2026-03-09T05:00:00Z')],
    },
  ])('$name', ({ from, to, expected }) => {
    const snapped = snapPeriodToWeeks({ from, to }, zone);
    expect([iso(snapped.from), iso(snapped.to)]).toEqual(expected.map(iso));
  });

  it("reads a date as midnight in the organization's zone and defaults the end to the current week's end", () => {
    expect(iso(periodBoundary('2026-03-02', zone))).toBe(iso(w1));
    expect(iso(periodBoundary('2026-03-02T06:00:00Z', zone))).toBe(iso(w1));
    expect(iso(startOfNextWeek(at('2026-03-11T12:00:00Z'), zone))).toBe(iso(w3));
  });

  it('rejects an unknown zone', () => {
    expect(() => snapPeriodToWeeks({ from: w1, to: w3 }, 'Nowhere/Zone')).toThrow(RangeError);
  });
});

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const pair = (id: string, a: number, b: number, extra: Partial<DashboardPair> = {}): DashboardPair => ({
  id,
  cadence: 'weekly',
  durationMinutes: 30,
  status: 'active',
  startedOn: '2026-01-01T00:00:00Z',
  endedOn: null,
  members: [
    { userId: uid(a), department: 'Transplant', careerStage: 'early' },
    { userId: uid(b), department: 'Transplant', careerStage: 'seasoned' },
  ],
  ...extra,
});
const held = (pairId: string, start: string): DashboardSession => ({
  id: `${pairId}-${start}`,
  pairId,
  direction: 'reverse',
  focusAreas: [],
  start,
  end: iso(at(start) + 30 * 60_000),
  status: 'held',
});

describe('figures over snapped periods', () => {
  const pairs = [pair('p1', 1, 2), pair('p2', 3, 4), pair('p3', 5, 6)];
  // One held session by p1 one second after the end of week 2: alone it would describe 2 people.
  const sessions = [...pairs.map((p) => held(p.id, '2026-03-04T15:00:00Z')), held('p1', iso(w3))];
  const figures = (from: number, to: number) => {
    const weeks = snapPeriodToWeeks({ from, to }, zone);
    return aggregateDepartments(pairs, sessions, [], {
      period: { from: iso(weeks.from), to: iso(weeks.to), timeZone: zone },
      now: '2026-03-28T12:00:00Z',
      listAtRiskPairs: false,
    })[0]!;
  };

  it('answers the same for [w1, w3) and [w1, w3 + 1s), so subtracting reveals nothing', () => {
    const a = figures(w1, w3);
    const b = figures(w1, w3 + 1_000);
    expect(b).toEqual(a);
    expect(a.sessions.held).toEqual({ value: 3, suppressed: false });
  });
});

describe('active pairs', () => {
  const period = { from: '2026-03-02T06:00:00Z', to: '2026-03-30T05:00:00Z', timeZone: zone };
  const options = { period, now: '2026-03-28T12:00:00Z', listAtRiskPairs: false };
  it("leave out a pair that ended before the period's end, and one marked ended without a date", () => {
    const pairs = [
      pair('p1', 1, 2),
      pair('p2', 3, 4),
      pair('p3', 5, 6),
      pair('p4', 7, 8, { status: 'ended', endedOn: '2026-03-10T00:00:00Z' }),
      pair('p5', 9, 10, { status: 'ended', endedOn: null }),
    ];
    const d = aggregateDepartments(pairs, [], [], options)[0]!;
    expect(d.activePairs).toEqual({ value: 3, suppressed: false });
  });

  it("count a pair that ended after the period's end", () => {
    const pairs = [
      pair('p1', 1, 2),
      pair('p2', 3, 4),
      pair('p3', 5, 6, { status: 'ended', endedOn: '2026-04-10T00:00:00Z' }),
    ];
    expect(aggregateDepartments(pairs, [], [], options)[0]!.activePairs).toEqual({ value: 3, suppressed: false });
  });
});
