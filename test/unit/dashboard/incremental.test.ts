import { describe, expect, it } from 'vitest';
import { aggregateDepartments, type DashboardPeriod } from '../../../src/core/dashboard/index.js';
import type { Pair, Session, Touchpoint } from '../../../src/core/schemas.js';
import type { ListChanges } from '../../../server/graph/listDelta.js';
import { pairFields, sessionFields, touchpointFields } from '../../../server/graph/programRecords.js';
import { DashboardFigures, programAtRiskCount, type Scope } from '../../../server/program/dashboardFigures.js';
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

/** Deterministic random numbers (mulberry32), so a failing sequence can be replayed by its seed. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('running department sums after random changes', () => {
  const dayMs = 86_400_000;
  const statuses = ['held', 'held', 'cancelled', 'no-show', 'scheduled'] as const;
  const moreDepartments = ['Transplant', 'Pediatrics', 'Oncology'];

  /** A random pair over a pool of 14 people in 3 departments (a person may change department between versions). */
  function randomPair(random: () => number, i: number): Pair {
    const member = (n: number) => ({
      ...person(n),
      department: moreDepartments[Math.floor(random() * moreDepartments.length)]!,
    });
    const a = Math.floor(random() * 14);
    return pair(i, {
      members: [member(a), member((a + 1 + Math.floor(random() * 13)) % 14)],
      cadence: random() < 0.5 ? 'weekly' : 'biweekly',
      status: random() < 0.75 ? 'active' : random() < 0.5 ? 'paused' : 'ended',
      startedOn: new Date(Date.parse('2026-02-02T00:00:00Z') + Math.floor(random() * 50) * dayMs).toISOString(),
    });
  }

  /** A session of a random pair, starting anywhere from a week before the period to a week after it. */
  function randomSession(random: () => number, i: number, pairs: number): Session {
    const start = Date.parse(period.from) + Math.floor((random() * 42 - 7) * 24) * 3_600_000;
    return session(i, Math.floor(random() * pairs), new Date(start).toISOString(), statuses[Math.floor(random() * 5)]);
  }

  function step(random: () => number, lists: Lists, pairs: number): void {
    const roll = random();
    const id = (prefix: string, n: number) => `${prefix}${Math.floor(random() * n)}`;
    if (roll < 0.35) lists.put(1, id('s', 40), randomSession(random, Math.floor(random() * 40), pairs));
    else if (roll < 0.5) lists.remove(1, id('s', 40));
    else if (roll < 0.65) {
      const i = Math.floor(random() * pairs);
      lists.put(0, `p${i}`, randomPair(random, i));
    } else if (roll < 0.72) lists.remove(0, id('p', pairs));
    else if (roll < 0.82) {
      const n = Math.floor(random() * 6);
      lists.put(
        2,
        `t${n}`,
        touchpoint(
          n,
          Math.floor(random() * pairs),
          new Date(Date.parse(period.from) + random() * 28 * dayMs).toISOString(),
        ),
      );
    } else if (roll < 0.87) lists.remove(2, id('t', 6));
    else if (roll < 0.89) lists.expire();
  }

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`equal a full recompute after every round of adds, moves and deletes (seed ${seed})`, async () => {
      const random = seeded(seed);
      const pairs = 10;
      const lists = new Lists();
      for (let i = 0; i < pairs; i++) lists.put(0, `p${i}`, randomPair(random, i));
      for (let i = 0; i < 40; i++) lists.put(1, `s${i}`, randomSession(random, i, pairs));
      const mirror = new DashboardMirror(lists);
      const figures = new DashboardFigures(mirror);
      const scopes: Scope[] = [owner, lead, { departments: ['Oncology', 'Nowhere'], listAtRiskPairs: false }];
      let at = Date.parse('2026-03-04T12:00:00Z');
      for (let round = 0; round < 60; round++) {
        const changes = 1 + Math.floor(random() * 4);
        for (let c = 0; c < changes; c++) step(random, lists, pairs);
        // Time moves on (sessions start, quiet pairs turn at-risk), now and then by nothing.
        at += Math.floor(random() * 3) * Math.floor(random() * 2 * dayMs);
        await mirror.current();
        for (const scope of scopes) {
          expect(figures.figures(period, at, scope), `round ${round}, scope ${JSON.stringify(scope)}`).toEqual(
            fullRecompute(lists, at, scope),
          );
        }
        // The program's at-risk count: each pair once, though it is listed in both its people's departments.
        const full = fullRecompute(lists, at, owner);
        const distinct = new Set(full.flatMap((d) => d.pairsAtRisk.pairs.map((p) => p.pairId)));
        expect(programAtRiskCount(figures.figures(period, at, owner)), `round ${round}`).toBe(distinct.size);
      }
    });
  }

  it('take out the old share and add the new one for a change, whatever the number of pairs', async () => {
    const { lists, mirror, figures } = setUp();
    await mirror.current();
    figures.figures(period, now, owner);
    const folded = figures.sharesFolded;
    lists.put(1, 's5', session(5, 1, '2026-03-25T15:00:00.000Z', 'cancelled'));
    await mirror.current();
    expect(figures.figures(period, now, owner)).toEqual(fullRecompute(lists, now, owner));
    expect(figures.sharesFolded - folded).toBe(2);
  });
});
