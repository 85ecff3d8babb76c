// Department and program figures from pairs, sessions and touchpoints: each
// pair's share (./pairFigures.ts) added to its departments' running figures
// (./rollup.ts). Note text is not an input: a dashboard cannot leak what it never reads.
import type { CareerStage, Direction, FocusArea, Pair, Session, Touchpoint, TouchpointKind } from '../schemas.js';
import { pairFigures, periodFrame, type PairFigures, type PeriodFrame } from './pairFigures.js';
import { DepartmentRollups, type Figure } from './rollup.js';

export { minimumGroupSize, type Figure } from './rollup.js';

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

/** Figures per department, folded from the pairs' shares over one period (`frame`). */
export function departmentFigures(
  shares: Iterable<PairFigures>,
  frame: PeriodFrame,
  options: Pick<AggregateOptions, 'departments' | 'listAtRiskPairs'>,
): DepartmentDashboard[] {
  const rollups = new DepartmentRollups(frame);
  for (const share of shares) rollups.add(share);
  return rollups.dashboards(options);
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
