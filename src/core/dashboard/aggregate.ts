// Department and program figures from pairs, sessions and touchpoints: each
// pair's share (./pairFigures.ts) folded into its departments. Note text is not an input: a dashboard cannot leak what it never reads.
// Any figure that would describe 1 to 4 people is suppressed (minimum group 5).
import {
  careerStages,
  directions,
  focusAreas,
  touchpointKinds,
  type CareerStage,
  type Direction,
  type FocusArea,
  type Pair,
  type Session,
  type Touchpoint,
  type TouchpointKind,
} from '../schemas.js';
import { pairFigures, periodFrame, type PairFigures, type PeriodFrame } from './pairFigures.js';

export const minimumGroupSize = 5;

export type Figure = { value: number; suppressed: false } | { value: null; suppressed: true; reason: string };

/** What the aggregation reads of a pair: no names beyond ids, no note text. */
export type DashboardPair = Pick<Pair, 'id' | 'cadence' | 'durationMinutes' | 'status' | 'startedOn' | 'endedOn'> & {
  members: ReadonlyArray<{ userId: string; department: string; careerStage: CareerStage }>;
};
export type DashboardSession = Pick<Session, 'id' | 'pairId' | 'direction' | 'focusAreas' | 'start' | 'end' | 'status'>;
export type DashboardTouchpoint = Pick<Touchpoint, 'pairId' | 'kind' | 'date' | 'minutes'>;

export interface DashboardPeriod {
  from: string;
  to: string;
  /** The organization's zone: weeks start Monday 00:00 here. */
  timeZone: string;
}

export interface AtRiskPair {
  pairId: string;
  reason: 'no-recent-session' | 'consecutive-cancellations';
  lastHeld: string | null;
  /** The two people by name: added by the server for the program owner, who manages every pair by name. */
  members?: Array<{ userId: string; displayName: string }>;
}

export interface DepartmentDashboard {
  department: string;
  period: { from: string; to: string; timeZone: string };
  people: Figure;
  activePairs: Figure;
  sessions: {
    planned: Figure;
    held: Figure;
    cancelled: Figure;
    noShow: Figure;
    expectedByCadence: Figure;
    adherencePercent: Figure;
  };
  directionBalance: { sessions: Record<Direction, Figure>; minutes: Record<Direction, Figure> };
  focusAreaCoverage: Record<FocusArea, Figure>;
  touchpointsByKind: Record<TouchpointKind, Figure>;
  participationByCareerStage: Record<CareerStage, { people: Figure; sessionsHeld: Figure }>;
  pairsAtRisk: { count: Figure; pairs: AtRiskPair[] };
  trendByWeek: Array<{ weekStart: string; held: Figure; cancelled: Figure; minutes: Figure }>;
}

export interface AggregateOptions {
  period: DashboardPeriod;
  now: string;
  /** Only these departments (all when omitted). */
  departments?: readonly string[];
  /**
   * At-risk pairs are listed, with their count never suppressed, only for the
   * program owner (who sees every pair by name in Program admin anyway); leads
   * get the count, suppressed under 5 people.
   */
  listAtRiskPairs: boolean;
}

/**
 * A count together with the distinct people it describes, for suppression.
 * Suppression only asks "fewer than 5?", so a tally stops collecting ids at 5
 * unless it is a head count that needs them all.
 */
class Tally {
  value = 0;
  readonly people = new Set<string>();
  constructor(private readonly countsEveryone = false) {}
  add(amount: number, members: readonly string[]): void {
    this.value += amount;
    if (!this.countsEveryone && this.people.size >= minimumGroupSize) return;
    for (const m of members) this.people.add(m);
  }
}

function figure(t: Tally): Figure {
  const n = t.people.size;
  if (n > 0 && n < minimumGroupSize) {
    return { value: null, suppressed: true, reason: `describes fewer than ${minimumGroupSize} people` };
  }
  return { value: t.value, suppressed: false };
}

class DepartmentAccumulator {
  readonly people = new Tally(true);
  readonly stagePeople = Object.fromEntries(careerStages.map((k) => [k, new Tally(true)])) as Record<
    CareerStage,
    Tally
  >;
  readonly stageHeld = Object.fromEntries(careerStages.map((k) => [k, new Tally()])) as Record<CareerStage, Tally>;
  /** The tallies pairs touched, by the names of ./pairFigures.ts. */
  readonly tallies = new Map<string, Tally>();
  readonly atRisk = new Tally();
  readonly atRiskPairs: AtRiskPair[] = [];

  constructor(readonly department: string) {}

  add(name: string, amount: number, members: readonly string[]): void {
    let t = this.tallies.get(name);
    if (!t) this.tallies.set(name, (t = new Tally()));
    t.add(amount, members);
  }

  figure(name: string): Figure {
    return figure(this.tallies.get(name) ?? new Tally());
  }

  figures<K extends string>(prefix: string, keys: readonly K[]): Record<K, Figure> {
    return Object.fromEntries(keys.map((k) => [k, this.figure(`${prefix}.${k}`)])) as Record<K, Figure>;
  }
}

/** Figures per department, folded from the pairs' shares over one period (`frame`). */
export function departmentFigures(
  shares: Iterable<PairFigures>,
  frame: PeriodFrame,
  options: Pick<AggregateOptions, 'departments' | 'listAtRiskPairs'>,
): DepartmentDashboard[] {
  const wanted = options.departments ? new Set(options.departments) : null;
  const byDepartment = new Map<string, DepartmentAccumulator>();
  const accumulator = (d: string) => {
    let a = byDepartment.get(d);
    if (!a) byDepartment.set(d, (a = new DepartmentAccumulator(d)));
    return a;
  };
  if (wanted) for (const d of wanted) accumulator(d);
  for (const share of shares) {
    const { pair, memberIds } = share;
    const departments = [...new Set(pair.members.map((m) => m.department))].filter((d) => !wanted || wanted.has(d));
    for (const d of departments) {
      const a = accumulator(d);
      for (const m of pair.members) {
        if (m.department !== d) continue;
        a.people.add(0, [m.userId]);
        a.stagePeople[m.careerStage].add(0, [m.userId]);
        if (share.held > 0) a.stageHeld[m.careerStage].add(share.held, [m.userId]);
      }
      for (const [name, amount] of share.tallies) a.add(name, amount, memberIds);
      if (!share.atRisk) continue;
      a.atRisk.add(1, memberIds);
      if (options.listAtRiskPairs) a.atRiskPairs.push({ pairId: pair.id, ...share.atRisk });
    }
  }
  // People counts are the size of their sets.
  for (const a of byDepartment.values()) {
    a.people.value = a.people.people.size;
    for (const s of careerStages) a.stagePeople[s].value = a.stagePeople[s].people.size;
  }
  return [...byDepartment.values()]
    .sort((x, y) => x.department.localeCompare(y.department))
    .map((a) => toDashboard(a, frame.period, frame.weeks.labels, options.listAtRiskPairs));
}

function byPair<T extends { pairId: string }>(items: Iterable<T>): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const list = grouped.get(item.pairId);
    if (list) list.push(item);
    else grouped.set(item.pairId, [item]);
  }
  return grouped;
}

/** Figures per department for one period. Sessions and touchpoints outside the period are ignored (except for at-risk history). */
export function aggregateDepartments(
  pairs: Iterable<DashboardPair>,
  sessions: Iterable<DashboardSession>,
  touchpoints: Iterable<DashboardTouchpoint>,
  options: AggregateOptions,
): DepartmentDashboard[] {
  const frame = periodFrame(options.period, options.now);
  const sessionsOf = byPair(sessions);
  const touchpointsOf = byPair(touchpoints);
  const shares: PairFigures[] = [];
  for (const pair of pairs) {
    shares.push(pairFigures(pair, sessionsOf.get(pair.id) ?? [], touchpointsOf.get(pair.id) ?? [], frame));
  }
  return departmentFigures(shares, frame, options);
}

function toDashboard(
  a: DepartmentAccumulator,
  period: DashboardPeriod,
  weeks: readonly string[],
  forOwner: boolean,
): DepartmentDashboard {
  const adherence = new Tally();
  const expected = a.tallies.get('expected') ?? new Tally();
  for (const p of expected.people) adherence.people.add(p);
  const held = a.tallies.get('held')?.value ?? 0;
  adherence.value = expected.value > 0 ? Math.round((held / expected.value) * 100) : 0;
  return {
    department: a.department,
    period: { from: period.from, to: period.to, timeZone: period.timeZone },
    people: figure(a.people),
    activePairs: a.figure('activePairs'),
    sessions: {
      planned: a.figure('planned'),
      held: a.figure('held'),
      cancelled: a.figure('cancelled'),
      noShow: a.figure('noShow'),
      expectedByCadence: a.figure('expected'),
      adherencePercent: figure(adherence),
    },
    directionBalance: {
      sessions: a.figures('direction.sessions', directions),
      minutes: a.figures('direction.minutes', directions),
    },
    focusAreaCoverage: a.figures('focus', focusAreas),
    touchpointsByKind: a.figures('touchpoints', touchpointKinds),
    participationByCareerStage: Object.fromEntries(
      careerStages.map((s) => [s, { people: figure(a.stagePeople[s]), sessionsHeld: figure(a.stageHeld[s]) }]),
    ) as DepartmentDashboard['participationByCareerStage'],
    pairsAtRisk: {
      // The list is only produced for the program owner, who may act on each pair whatever the group's size.
      count: forOwner ? { value: a.atRisk.value, suppressed: false } : figure(a.atRisk),
      pairs: a.atRiskPairs.sort((x, y) => x.pairId.localeCompare(y.pairId)),
    },
    trendByWeek: weeks.map((weekStart) => ({
      weekStart,
      held: a.figure(`week.held.${weekStart}`),
      cancelled: a.figure(`week.cancelled.${weekStart}`),
      minutes: a.figure(`week.minutes.${weekStart}`),
    })),
  };
}
