import { describe, expect, it } from 'vitest';
import type { Pair, Participant, Session } from '../../../src/core/schemas.js';
import {
  allocateDepartment,
  nextSessionFocus,
  nextWindow,
  pairsOfDepartment,
} from '../../../server/program/departmentPlan.js';

const hour = 3_600_000;
const day = 24 * hour;
const monday = Date.parse('2026-03-02T00:00:00Z');
const person = (n: number, department = 'Transplant'): Participant => ({
  userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  displayName: `Person ${n}`,
  mail: `p${n}@contoso.example`,
  department,
  careerStage: 'mid',
  timeZone: 'UTC',
});
const pair = (
  id: string,
  a: number,
  b: number,
  durationMinutes: 30 | 45 | 60 = 30,
  status: Pair['status'] = 'active',
  department = 'Transplant',
): Pair => ({
  id,
  members: [person(a, department), person(b)],
  cadence: 'weekly',
  durationMinutes,
  status,
  startedOn: '2026-01-01T00:00:00Z',
  endedOn: null,
});
const session = (pairId: string, direction: Session['direction'], status: Session['status'] = 'held'): Session => ({
  id: `${pairId}~${direction}~${status}`,
  pairId,
  occurrence: '2026-01-05',
  eventId: null,
  iCalUId: null,
  organizerId: person(1).userId,
  direction,
  focusAreas: [],
  start: '2026-01-05T10:00:00Z',
  end: '2026-01-05T10:30:00Z',
  status,
  joinUrl: null,
});

describe('allocateDepartment', () => {
  // Everyone works 09:00-12:00 UTC on Monday only.
  const window = { start: monday, end: monday + day };
  const working = [{ start: monday + 9 * hour, end: monday + 12 * hour }];
  const everyone = (n: number) =>
    new Map(Array.from({ length: n }, (_, i) => [`p${i + 1}@contoso.example`, { working, busy: [] }]));

  it.each([
    ['two pairs sharing a person, different lengths', [pair('a', 1, 2, 60), pair('b', 1, 3, 30)], 2],
    ['three pairs sharing a person', [pair('a', 1, 2, 60), pair('b', 1, 3, 30), pair('c', 1, 4, 30)], 3],
    [
      'four hour-long pairs sharing a person, room for three',
      [pair('a', 1, 2, 60), pair('b', 1, 3, 60), pair('c', 1, 4, 60), pair('d', 1, 5, 60)],
      3,
    ],
    ['disjoint pairs all fit', [pair('a', 1, 2, 60), pair('b', 3, 4, 60), pair('c', 5, 6, 30)], 3],
  ])("%s: nobody is in two of the run's sessions at once", (_name, pairs, placedCount) => {
    const placements = allocateDepartment(pairs, everyone(6), window, 'round-1');
    expect(placements.map((p) => p.pairId)).toEqual(pairs.map((p) => p.id));
    expect(placements.filter((p) => p.slot)).toHaveLength(placedCount);
    const byPerson = new Map<string, Array<{ start: number; end: number }>>();
    for (const p of placements) {
      if (!p.slot) {
        expect(p.reason).toBeTruthy();
        continue;
      }
      const pr = pairs.find((x) => x.id === p.pairId)!;
      expect(p.slot.end - p.slot.start).toBe(pr.durationMinutes * 60_000);
      for (const m of pr.members) byPerson.set(m.mail, [...(byPerson.get(m.mail) ?? []), p.slot]);
    }
    for (const list of byPerson.values()) {
      list.sort((x, y) => x.start - y.start);
      for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
    }
  });

  it('gives the same answer for the same input', () => {
    const pairs = [pair('a', 1, 2, 60), pair('b', 1, 3, 30), pair('c', 2, 3, 30)];
    expect(allocateDepartment(pairs, everyone(3), window, 'r')).toEqual(
      allocateDepartment(pairs, everyone(3), window, 'r'),
    );
  });

  it('reports a pair whose people have no free/busy', () => {
    const [placement] = allocateDepartment([pair('a', 1, 9)], everyone(2), window, 'r');
    expect(placement!.slot).toBeNull();
  });
});

describe('pairsOfDepartment', () => {
  it('takes active pairs with a member in the department, ignoring case and spaces, in id order', () => {
    const pairs = [
      pair('z', 1, 2),
      pair('a', 3, 4, 30, 'paused'),
      pair('m', 5, 6, 30, 'active', 'Pediatrics'),
      pair('b', 7, 8),
    ];
    expect(pairsOfDepartment(pairs, ' transplant ').map((p) => p.id)).toEqual(['b', 'm', 'z']);
    expect(pairsOfDepartment(pairs, 'Oncology')).toEqual([]);
  });
});

describe('nextSessionFocus', () => {
  it.each([
    ['no history: reverse first', [], 'reverse', 'technology-adoption'],
    ['after one reverse: traditional', [session('p', 'reverse')], 'traditional', 'clinical-expertise'],
    [
      'balanced: reverse, next focus area',
      [session('p', 'reverse'), session('p', 'traditional')],
      'reverse',
      'cultural-competence',
    ],
    ['cancelled sessions do not count', [session('p', 'reverse', 'cancelled')], 'reverse', 'technology-adoption'],
    ["other pairs' sessions do not count", [session('q', 'reverse')], 'reverse', 'technology-adoption'],
  ] as const)('%s', (_name, history, direction, focus) => {
    expect(nextSessionFocus('p', history)).toEqual({ direction, focusAreas: [focus] });
  });
});

describe('nextWindow', () => {
  it('starts at the next UTC midnight and runs the given days', () => {
    expect(nextWindow(Date.parse('2026-03-02T15:20:00Z'), 14)).toEqual({
      start: Date.parse('2026-03-03T00:00:00Z'),
      end: Date.parse('2026-03-17T00:00:00Z'),
    });
  });
});
