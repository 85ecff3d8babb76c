import { describe, expect, it } from 'vitest';
import {
  aggregateDepartments,
  dashboardsToCsv,
  type DashboardPair,
  type DashboardSession,
  type DashboardTouchpoint,
  type DepartmentDashboard,
} from '../../../src/core/dashboard/index.js';

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function pair(
  id: string,
  a: number,
  b: number,
  department = 'Transplant',
  extra: Partial<DashboardPair> = {},
): DashboardPair {
  return {
    id,
    cadence: 'weekly',
    durationMinutes: 30,
    status: 'active',
    startedOn: '2026-01-01T00:00:00Z',
    endedOn: null,
    members: [
      { userId: uid(a), department, careerStage: 'early' },
      { userId: uid(b), department, careerStage: 'seasoned' },
    ],
    ...extra,
  };
}

let sessionSeq = 0;
function session(pairId: string, start: string, extra: Partial<DashboardSession> = {}): DashboardSession {
  const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
  return {
    id: `s${++sessionSeq}`,
    pairId,
    direction: 'reverse',
    focusAreas: ['technology-adoption'],
    start,
    end,
    status: 'held',
    ...extra,
  };
}

const period = { from: '2026-03-01T00:00:00Z', to: '2026-03-29T00:00:00Z', timeZone: 'America/Chicago' };
const base = { period, now: '2026-03-28T12:00:00Z', listAtRiskPairs: true };

function only(d: DepartmentDashboard[], department = 'Transplant'): DepartmentDashboard {
  const found = d.find((x) => x.department === department);
  if (!found) throw new Error(`no dashboard for ${department}`);
  return found;
}

describe('minimum group size', () => {
  const cases: Array<{ name: string; pairs: DashboardPair[]; suppressed: boolean }> = [
    { name: '2 pairs of 4 people are suppressed', pairs: [pair('p1', 1, 2), pair('p2', 3, 4)], suppressed: true },
    {
      name: '3 pairs sharing a person (5 people) are shown',
      pairs: [pair('p1', 1, 2), pair('p2', 3, 4), pair('p3', 5, 2)],
      suppressed: false,
    },
    {
      name: '3 pairs of 6 people are shown',
      pairs: [pair('p1', 1, 2), pair('p2', 3, 4), pair('p3', 5, 6)],
      suppressed: false,
    },
  ];
  it.each(cases)('$name', ({ pairs, suppressed }) => {
    const sessions = pairs.map((p) => session(p.id, '2026-03-10T15:00:00Z'));
    const d = only(aggregateDepartments(pairs, sessions, [], base));
    expect(d.sessions.held.suppressed).toBe(suppressed);
    expect(d.activePairs.suppressed).toBe(suppressed);
    if (suppressed) {
      expect(d.sessions.held.value).toBeNull();
      expect(d.sessions.held).toMatchObject({ reason: expect.stringContaining('fewer than 5') });
    } else {
      expect(d.sessions.held.value).toBe(pairs.length);
    }
  });

  it('suppresses a week that involves only one pair even when the department is large', () => {
    const pairs = [pair('p1', 1, 2), pair('p2', 3, 4), pair('p3', 5, 6)];
    const sessions = [
      ...pairs.map((p) => session(p.id, '2026-03-03T15:00:00Z')),
      session('p1', '2026-03-17T15:00:00Z'),
    ];
    const d = only(aggregateDepartments(pairs, sessions, [], base));
    const week = (w: string) => d.trendByWeek.find((x) => x.weekStart === w)!;
    expect(week('2026-03-02').held).toEqual({ value: 3, suppressed: false });
    expect(week('2026-03-16').held.suppressed).toBe(true);
    expect(week('2026-03-09').held).toEqual({ value: 0, suppressed: false });
  });

  it('suppresses a small at-risk group for a lead, but lists it for the program owner', () => {
    const pairs = [pair('p1', 1, 2), pair('p2', 3, 4), pair('p3', 5, 6)];
    const sessions = [session('p2', '2026-03-20T15:00:00Z'), session('p3', '2026-03-20T15:00:00Z')];
    const forLead = only(aggregateDepartments(pairs, sessions, [], { ...base, listAtRiskPairs: false }));
    expect(forLead.pairsAtRisk.count.suppressed).toBe(true);
    expect(forLead.pairsAtRisk.pairs).toEqual([]);
    const forOwner = only(aggregateDepartments(pairs, sessions, [], base));
    expect(forOwner.pairsAtRisk.count).toEqual({ value: 1, suppressed: false });
    expect(forOwner.pairsAtRisk.pairs.map((p) => p.pairId)).toEqual(['p1']);
  });
});

describe('weeks across daylight-saving changes', () => {
  const pairs = [pair('p1', 1, 2), pair('p2', 3, 4), pair('p3', 5, 6)];
  const cases = [
    // US DST starts Sunday 2026-03-08 02:00 in Chicago: CST (UTC-6) before, CDT (UTC-5) after.
    {
      name: 'Sunday 23:30 CDT belongs to the week starting Monday 2 March',
      start: '2026-03-09T04:30:00Z',
      zone: 'America/Chicago',
      week: '2026-03-02',
    },
    {
      name: 'Monday 00:30 CDT belongs to the week starting Monday 9 March',
      start: '2026-03-09T05:30:00Z',
      zone: 'America/Chicago',
      week: '2026-03-09',
    },
    {
      name: 'Sunday 23:30 CST (before the change) belongs to the week starting 23 February',
      start: '2026-03-02T05:30:00Z',
      zone: 'America/Chicago',
      week: '2026-02-23',
    },
    // EU DST starts Sunday 2026-03-29 in London; Monday 30 March 00:30 BST is 29 March 23:30 UTC.
    {
      name: 'Monday 00:30 BST belongs to the week starting 30 March',
      start: '2026-03-29T23:30:00Z',
      zone: 'Europe/London',
      week: '2026-03-30',
    },
    {
      name: 'Monday 00:15 in Kolkata (+05:30) belongs to that Monday',
      start: '2026-03-08T18:45:00Z',
      zone: 'Asia/Kolkata',
      week: '2026-03-09',
    },
  ];
  it.each(cases)('$name', ({ start, zone, week }) => {
    const p = { from: '2026-02-20T00:00:00Z', to: '2026-04-05T00:00:00Z', timeZone: zone };
    const sessions = pairs.map((x) => session(x.id, start));
    const d = only(aggregateDepartments(pairs, sessions, [], { ...base, period: p, now: '2026-04-04T00:00:00Z' }));
    const hit = d.trendByWeek.filter((w) => w.held.value === 3);
    expect(hit.map((w) => w.weekStart)).toEqual([week]);
    expect(
      d.trendByWeek.every((w, i, all) => i === 0 || Date.parse(w.weekStart) > Date.parse(all[i - 1]!.weekStart)),
    ).toBe(true);
  });
});

describe('figures', () => {
  const pairs = [pair('p1', 1, 2), pair('p2', 3, 4), pair('p3', 5, 6, 'Transplant', { cadence: 'biweekly' })];
  const sessions: DashboardSession[] = [
    session('p1', '2026-03-03T15:00:00Z', {
      direction: 'reverse',
      focusAreas: ['technology-adoption', 'work-life-balance'],
    }),
    session('p2', '2026-03-04T15:00:00Z', { direction: 'traditional', focusAreas: ['clinical-expertise'] }),
    session('p3', '2026-03-05T15:00:00Z', {
      direction: 'both',
      focusAreas: ['leadership'],
      end: '2026-03-05T16:00:00Z',
    }),
    session('p1', '2026-03-10T15:00:00Z', { status: 'cancelled' }),
    session('p2', '2026-03-11T15:00:00Z', { status: 'no-show' }),
    session('p3', '2026-04-10T15:00:00Z', { status: 'scheduled' }),
  ];
  const touchpoints: DashboardTouchpoint[] = [
    { pairId: 'p1', kind: 'technology-troubleshooting', date: '2026-03-06T15:00:00Z', minutes: 10 },
    { pairId: 'p2', kind: 'technology-troubleshooting', date: '2026-03-06T15:00:00Z', minutes: 10 },
    { pairId: 'p3', kind: 'technology-troubleshooting', date: '2026-03-06T15:00:00Z', minutes: 10 },
    { pairId: 'p3', kind: 'case-review', date: '2026-02-06T15:00:00Z', minutes: 10 },
  ];
  const d = only(aggregateDepartments(pairs, sessions, touchpoints, base));

  const table: Array<[string, unknown, unknown]> = [
    ['people', d.people.value, 6],
    ['active pairs', d.activePairs.value, 3],
    ['planned (in period)', d.sessions.planned.value, 5],
    ['held', d.sessions.held.value, 3],
    ['cancelled: one pair only, suppressed', d.sessions.cancelled.suppressed, true],
    ['no-show: one pair only, suppressed', d.sessions.noShow.suppressed, true],
    ['expected by cadence: 4 + 4 + 2 over 28 days', d.sessions.expectedByCadence.value, 10],
    ['adherence', d.sessions.adherencePercent.value, 30],
    ['reverse sessions: one pair, suppressed', d.directionBalance.sessions.reverse.suppressed, true],
    ['touchpoints in period', d.touchpointsByKind['technology-troubleshooting'].value, 3],
    ['touchpoint outside period ignored', d.touchpointsByKind['case-review'].value, 0],
    ['early-career people', d.participationByCareerStage.early.people.suppressed, true],
  ];
  it.each(table)('%s', (_name, actual, expected) => expect(actual).toBe(expected));

  it('counts minutes per direction across the department', () => {
    const six = pairs.flatMap((p, i) => [p, pair(`q${i}`, 10 + 2 * i, 11 + 2 * i)]);
    const all = six.map((p) =>
      session(p.id, '2026-03-03T15:00:00Z', { direction: 'both', end: '2026-03-03T16:00:00Z' }),
    );
    const x = only(aggregateDepartments(six, all, [], base));
    expect(x.directionBalance.sessions.both).toEqual({ value: 6, suppressed: false });
    expect(x.directionBalance.minutes.both).toEqual({ value: 360, suppressed: false });
  });
});

describe('pairs at risk', () => {
  const pairs = [pair('quiet', 1, 2), pair('cancelling', 3, 4), pair('healthy', 5, 6), pair('quiet2', 7, 8)];
  const sessions = [
    session('quiet', '2026-02-10T15:00:00Z'),
    session('cancelling', '2026-03-20T15:00:00Z'),
    session('cancelling', '2026-03-24T15:00:00Z', { status: 'cancelled' }),
    session('cancelling', '2026-03-26T15:00:00Z', { status: 'cancelled' }),
    session('healthy', '2026-03-26T15:00:00Z'),
    session('quiet2', '2026-01-05T15:00:00Z'),
  ];
  it('lists pairs with no session in 30 days and pairs with two cancellations in a row, most at risk first, for the owner', () => {
    const d = only(aggregateDepartments(pairs, sessions, [], base));
    expect(d.pairsAtRisk.count).toEqual({ value: 3, suppressed: false });
    // The longest since a held session first.
    expect(d.pairsAtRisk.pairs.map((p) => [p.pairId, p.reason])).toEqual([
      ['quiet2', 'no-recent-session'],
      ['quiet', 'no-recent-session'],
      ['cancelling', 'consecutive-cancellations'],
    ]);
  });
  it('gives a lead the count only', () => {
    const d = only(aggregateDepartments(pairs, sessions, [], { ...base, listAtRiskPairs: false }));
    expect(d.pairsAtRisk.count.value).toBe(3);
    expect(d.pairsAtRisk.pairs).toEqual([]);
  });
});

describe('departments', () => {
  it('counts a cross-department pair in both departments and filters to the asked ones', () => {
    const cross: DashboardPair = {
      ...pair('x', 1, 2),
      members: [
        { userId: uid(1), department: 'Pediatrics', careerStage: 'early' },
        { userId: uid(2), department: 'Transplant', careerStage: 'seasoned' },
      ],
    };
    const all = aggregateDepartments([cross], [session('x', '2026-03-03T15:00:00Z')], [], base);
    expect(all.map((d) => d.department)).toEqual(['Pediatrics', 'Transplant']);
    const one = aggregateDepartments([cross], [], [], { ...base, departments: ['Pediatrics'] });
    expect(one.map((d) => d.department)).toEqual(['Pediatrics']);
  });
  it('returns an empty dashboard for an asked department with no pairs', () => {
    const [d] = aggregateDepartments([], [], [], { ...base, departments: ['Care Transitions'] });
    expect(d!.people).toEqual({ value: 0, suppressed: false });
    // 1 March 00:00 UTC is still 28 February in Chicago, so the first week starts 23 February.
    expect(d!.trendByWeek.map((w) => w.weekStart)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
    ]);
  });
  it('rejects an inverted period and an unknown zone', () => {
    expect(() => aggregateDepartments([], [], [], { ...base, period: { ...period, to: period.from } })).toThrow(
      /period/,
    );
    expect(() =>
      aggregateDepartments([], [], [], { ...base, period: { ...period, timeZone: 'Mars/Olympus' } }),
    ).toThrow(/time zone/);
  });
});

describe('no note text in any output', () => {
  const sentinel = 'SENTINEL-NOTE-TEXT-7f3a';
  it('ignores every field it does not aggregate, whatever the store hands it', () => {
    const pairs = [1, 3, 5].map(
      (n) => ({ ...pair(`p${n}`, n, n + 1), displayName: sentinel, notes: [{ taught: sentinel }] }) as DashboardPair,
    );
    const sessions = pairs.map(
      (p) =>
        ({
          ...session(p.id, '2026-03-03T15:00:00Z'),
          taught: sentinel,
          learned: sentinel,
          agenda: sentinel,
        }) as DashboardSession,
    );
    const touchpoints = pairs.map(
      (p) =>
        ({
          pairId: p.id,
          kind: 'other',
          date: '2026-03-04T00:00:00Z',
          minutes: 5,
          text: sentinel,
        }) as DashboardTouchpoint,
    );
    const out = aggregateDepartments(pairs, sessions, touchpoints, base);
    expect(JSON.stringify(out)).not.toContain(sentinel);
    expect(dashboardsToCsv(out)).not.toContain(sentinel);
  });
});

describe('CSV export', () => {
  it('writes one row per figure, blanks suppressed values and defuses formulas', () => {
    const pairs = [pair('p1', 1, 2, '=HYPERLINK("x")')];
    const csv = dashboardsToCsv(aggregateDepartments(pairs, [session('p1', '2026-03-03T15:00:00Z')], [], base));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('department,from,to,metric,key,value,suppressed');
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""x""\)",/);
    expect(lines.find((l) => l.includes(',sessions,held,'))).toMatch(/,sessions,held,,true$/);
  });
});
