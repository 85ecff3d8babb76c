import { describe, expect, it } from 'vitest';
import { aggregateDepartments, type DashboardPeriod } from '../../../src/core/dashboard/index.js';
import type { Pair, Session, Touchpoint } from '../../../src/core/schemas.js';
import type { ListChanges } from '../../../server/graph/listDelta.js';
import { pairFields, sessionFields, touchpointFields } from '../../../server/graph/programRecords.js';
import { DashboardFigures, type Scope } from '../../../server/program/dashboardFigures.js';
import { DashboardMirror, type ChangeSource } from '../../../server/program/dashboardMirror.js';

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const departments = ['Transplant', 'Pediatrics'];
const person = (n: number) => ({
  userId: uid(n),
  displayName: `Person ${n}`,
  mail: `person${n}@contoso.test`,
  department: departments[n % 2]!,
  careerStage: (['early', 'mid', 'seasoned'] as const)[n % 3]!,
  timeZone: 'America/Chicago',
});
const pair = (i: number, extra: Partial<Pair> = {}): Pair => ({
  id: `pair-${i}`,
  members: [person(2 * i), person(3 * i + 1)],
  cadence: 'weekly',
  durationMinutes: 30,
  status: 'active',
  startedOn: '2026-01-05T00:00:00.000Z',
  endedOn: null,
  ...extra,
});
const session = (i: number, pairIndex: number, start: string, status: Session['status'] = 'held'): Session => ({
  id: `pair-${pairIndex}~s${i}`,
  pairId: `pair-${pairIndex}`,
  occurrence: `s${i}`,
  eventId: null,
  iCalUId: null,
  organizerId: uid(2 * pairIndex),
  direction: i % 2 ? 'reverse' : 'traditional',
  focusAreas: ['technology-adoption'],
  start,
  end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
  status,
  joinUrl: null,
});
const touchpoint = (i: number, pairIndex: number, date: string): Touchpoint => ({
  id: `t${i}`,
  pairId: `pair-${pairIndex}`,
  loggedBy: uid(2 * pairIndex),
  kind: 'case-review',
  date,
  minutes: 10,
  focusAreas: [],
});

/** Three lists as a delta source: the test writes items, each round hands over what changed since the last. */
class Lists implements ChangeSource {
  readonly items: [Map<string, object>, Map<string, object>, Map<string, object>] = [new Map(), new Map(), new Map()];
  private pending: Array<Map<string, object | null>> = [new Map(), new Map(), new Map()];
  private resetNext = true;
  put(list: 0 | 1 | 2, id: string, record: object): void {
    this.items[list].set(id, record);
    this.pending[list]!.set(id, record);
  }
  remove(list: 0 | 1 | 2, id: string): void {
    this.items[list].delete(id);
    this.pending[list]!.set(id, null);
  }
  /** The next round answers as a 410 would: a full read. */
  expire(): void {
    this.resetNext = true;
  }
  changes(): Promise<ListChanges[]> {
    const fieldsOf = [pairFields, sessionFields, touchpointFields] as Array<(r: never) => Record<string, unknown>>;
    const rounds = this.pending.map((pending, list) => {
      const source = this.resetNext ? new Map([...this.items[list]!]) : pending;
      const changed = [...source].filter(([, r]) => r !== null);
      return {
        changed: changed.map(([id, r]) => ({
          id,
          fields: { Key: (r as { id: string }).id, ...fieldsOf[list]!(r as never) },
        })),
        removed: this.resetNext ? [] : [...pending].filter(([, r]) => r === null).map(([id]) => id),
        deltaLink: `delta-${list}`,
        reset: this.resetNext,
      };
    });
    this.pending.forEach((p) => p.clear());
    this.resetNext = false;
    return Promise.resolve(rounds);
  }
}

const period: DashboardPeriod = {
  from: '2026-03-02T06:00:00.000Z',
  to: '2026-03-30T05:00:00.000Z',
  timeZone: 'America/Chicago',
};
const owner: Scope = { listAtRiskPairs: true };
const lead: Scope = { departments: ['Pediatrics'], listAtRiskPairs: false };

function fullRecompute(lists: Lists, nowMs: number, scope: Scope) {
  const [pairs, sessions, touchpoints] = lists.items.map((m) => [...m.values()]) as [Pair[], Session[], Touchpoint[]];
  return aggregateDepartments(pairs, sessions, touchpoints, { period, now: new Date(nowMs).toISOString(), ...scope });
}

function setUp() {
  const lists = new Lists();
  for (let i = 0; i < 12; i++) lists.put(0, `p${i}`, pair(i));
  let n = 0;
  for (let i = 0; i < 12; i++) {
    for (let w = 0; w < 4; w++) {
      const start = new Date(Date.parse('2026-03-03T15:00:00Z') + (w * 7 + (i % 5)) * 86_400_000).toISOString();
      lists.put(1, `s${n}`, session(n, i, start, w === 3 && i % 4 === 0 ? 'cancelled' : 'held'));
      n++;
    }
  }
  lists.put(2, 't1', touchpoint(1, 3, '2026-03-10T12:00:00.000Z'));
  const mirror = new DashboardMirror(lists);
  return { lists, mirror, figures: new DashboardFigures(mirror) };
}

const now = Date.parse('2026-03-20T12:00:00Z');

describe('dashboard figures kept from view to view', () => {
  it('answers an unchanged mirror from memory, computing no pair again', async () => {
    const { mirror, figures } = setUp();
    await mirror.current();
    const first = figures.figures(period, now, owner);
    const computed = figures.sharesComputed;
    await mirror.current();
    expect(figures.figures(period, now + 60_000, owner)).toBe(first);
    expect(figures.sharesComputed).toBe(computed);
  });

  it('computes again only the pair a changed session belongs to, and the figures equal a full recompute', async () => {
    const { lists, mirror, figures } = setUp();
    await mirror.current();
    figures.figures(period, now, owner);
    figures.figures(period, now, lead);
    const computed = figures.sharesComputed;
    lists.put(1, 's5', session(5, 1, '2026-03-11T15:00:00.000Z', 'no-show'));
    await mirror.current();
    const owners = figures.figures(period, now, owner);
    expect(figures.sharesComputed).toBe(computed + 1);
    expect(owners).toEqual(fullRecompute(lists, now, owner));
    expect(figures.figures(period, now, lead)).toEqual(fullRecompute(lists, now, lead));
    expect(figures.sharesComputed).toBe(computed + 1);
  });

  it('follows sessions that move to another pair, deleted items, new and removed pairs, and touchpoints', async () => {
    const { lists, mirror, figures } = setUp();
    await mirror.current();
    figures.figures(period, now, owner);
    lists.put(1, 's0', session(0, 7, '2026-03-04T15:00:00.000Z', 'cancelled'));
    lists.remove(1, 's9');
    lists.remove(0, 'p4');
    lists.put(0, 'p20', pair(20, { startedOn: '2026-03-09T00:00:00.000Z' }));
    lists.put(1, 's900', session(900, 20, '2026-03-16T15:00:00.000Z'));
    lists.put(2, 't2', touchpoint(2, 20, '2026-03-17T12:00:00.000Z'));
    lists.put(0, 'p2', pair(2, { status: 'ended', endedOn: '2026-03-15T00:00:00.000Z' }));
    await mirror.current();
    expect(figures.figures(period, now, owner)).toEqual(fullRecompute(lists, now, owner));
    expect(figures.figures(period, now, lead)).toEqual(fullRecompute(lists, now, lead));
  });

  it('starts over after a full read (a 410) and still equals a full recompute', async () => {
    const { lists, mirror, figures } = setUp();
    await mirror.current();
    figures.figures(period, now, owner);
    lists.remove(1, 's3');
    lists.expire();
    await mirror.current();
    expect(figures.figures(period, now, owner)).toEqual(fullRecompute(lists, now, owner));
  });

  it('computes again when time passes a session start or the quiet days of a pair', async () => {
    const { lists, mirror, figures } = setUp();
    await mirror.current();
    const before = figures.figures(period, now, owner);
    // Later instants, with the mirror unchanged: sessions start, quiet pairs turn at-risk.
    for (const later of [now + 3 * 86_400_000, now + 9 * 86_400_000, now + 45 * 86_400_000]) {
      await mirror.current();
      expect(figures.figures(period, later, owner)).toEqual(fullRecompute(lists, later, owner));
    }
    expect(fullRecompute(lists, now + 45 * 86_400_000, owner)).not.toEqual(before);
  });

  it('forgets nothing it should not: a view for another period does not disturb the first', async () => {
    const { lists, mirror, figures } = setUp();
    await mirror.current();
    const other: DashboardPeriod = { ...period, from: '2026-03-09T05:00:00.000Z' };
    figures.figures(period, now, owner);
    figures.figures(other, now, owner);
    lists.put(1, 's2', session(2, 0, '2026-03-12T15:00:00.000Z', 'cancelled'));
    await mirror.current();
    expect(figures.figures(other, now, owner)).toEqual(
      aggregateDepartments(...(lists.items.map((m) => [...m.values()]) as [Pair[], Session[], Touchpoint[]]), {
        period: other,
        now: new Date(now).toISOString(),
        ...owner,
      }),
    );
    expect(figures.figures(period, now, owner)).toEqual(fullRecompute(lists, now, owner));
  });
});
