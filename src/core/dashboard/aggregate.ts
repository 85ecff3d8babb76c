// Department and program figures from pairs, sessions and touchpoints, in one
// pass. Note text is not an input: a dashboard cannot leak what it never reads.
// Any figure that would describe 1 to 4 people is suppressed (minimum group 5).
import { DateTime } from 'luxon';
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
import { dayMs } from '../time.js';

export const minimumGroupSize = 5;
export const atRiskQuietDays = 30;
export const atRiskConsecutiveCancellations = 2;

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

function tallies<K extends string>(keys: readonly K[]): Record<K, Tally> {
  return Object.fromEntries(keys.map((k) => [k, new Tally()])) as Record<K, Tally>;
}

function figures<K extends string>(t: Record<K, Tally>): Record<K, Figure> {
  return Object.fromEntries(Object.entries<Tally>(t).map(([k, v]) => [k, figure(v)])) as Record<K, Figure>;
}

const cadenceDays = { weekly: 7, biweekly: 14, monthly: 365.25 / 12 } as const;

class DepartmentAccumulator {
  readonly people = new Tally(true);
  readonly activePairs = new Tally();
  readonly planned = new Tally();
  readonly held = new Tally();
  readonly cancelled = new Tally();
  readonly noShow = new Tally();
  readonly expected = new Tally();
  readonly directionSessions = tallies(directions);
  readonly directionMinutes = tallies(directions);
  readonly focus = tallies(focusAreas);
  readonly touchpoints = tallies(touchpointKinds);
  readonly stagePeople = Object.fromEntries(careerStages.map((k) => [k, new Tally(true)])) as Record<
    CareerStage,
    Tally
  >;
  readonly stageHeld = tallies(careerStages);
  readonly atRisk = new Tally();
  readonly atRiskPairs: AtRiskPair[] = [];
  readonly weeks = new Map<string, { held: Tally; cancelled: Tally; minutes: Tally }>();

  constructor(readonly department: string) {}

  week(weekStart: string) {
    let w = this.weeks.get(weekStart);
    if (!w) {
      w = { held: new Tally(), cancelled: new Tally(), minutes: new Tally() };
      this.weeks.set(weekStart, w);
    }
    return w;
  }
}

interface PairState {
  pair: DashboardPair;
  memberIds: string[];
  departments: string[];
  lastHeldMs: number | null;
  /** Statuses of the pair's sessions up to now, latest last. */
  recent: Array<{ startMs: number; status: Session['status'] }>;
}

/** The period's weeks (Monday 00:00 in the zone), as instants for a binary search. */
interface Weeks {
  labels: string[];
  startsMs: number[];
}

function weeksOf(fromMs: number, toMs: number, zone: string): Weeks {
  const weeks: Weeks = { labels: [], startsMs: [] };
  let week = DateTime.fromMillis(fromMs, { zone }).startOf('week');
  while (week.toMillis() < toMs) {
    weeks.labels.push(week.toISODate()!);
    weeks.startsMs.push(week.toMillis());
    week = week.plus({ weeks: 1 });
  }
  return weeks;
}

function weekOf(ms: number, weeks: Weeks): string {
  let lo = 0;
  let hi = weeks.startsMs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (weeks.startsMs[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return weeks.labels[lo]!;
}

/** Figures per department for one period. Sessions and touchpoints outside the period are ignored (except for at-risk history). */
export function aggregateDepartments(
  pairs: Iterable<DashboardPair>,
  sessions: Iterable<DashboardSession>,
  touchpoints: Iterable<DashboardTouchpoint>,
  options: AggregateOptions,
): DepartmentDashboard[] {
  const fromMs = Date.parse(options.period.from);
  const toMs = Date.parse(options.period.to);
  const nowMs = Date.parse(options.now);
  if (!(toMs > fromMs)) throw new RangeError('period.to must be after period.from');
  const wanted = options.departments ? new Set(options.departments) : null;
  const zone = options.period.timeZone;
  if (!DateTime.now().setZone(zone).isValid) throw new RangeError(`unknown time zone ${zone}`);

  const byDepartment = new Map<string, DepartmentAccumulator>();
  const accumulator = (d: string) => {
    let a = byDepartment.get(d);
    if (!a) {
      a = new DepartmentAccumulator(d);
      byDepartment.set(d, a);
    }
    return a;
  };
  if (wanted) for (const d of wanted) accumulator(d);

  const pairStates = new Map<string, PairState>();
  for (const pair of pairs) {
    const departments = [...new Set(pair.members.map((m) => m.department))].filter((d) => !wanted || wanted.has(d));
    if (departments.length === 0) continue;
    const memberIds = pair.members.map((m) => m.userId);
    pairStates.set(pair.id, { pair, memberIds, departments, lastHeldMs: null, recent: [] });

    const startedMs = Date.parse(pair.startedOn);
    const endedMs = pair.endedOn ? Date.parse(pair.endedOn) : Infinity;
    const activeFrom = Math.max(fromMs, startedMs);
    const activeTo = Math.min(toMs, endedMs);
    const activeInPeriod = activeTo > activeFrom && pair.status !== 'paused';
    // "Active pairs" are those still going at the period's end; one that ended earlier only counts toward expectations.
    const activeAtEnd = activeInPeriod && endedMs >= toMs && !(pair.status === 'ended' && !pair.endedOn);
    for (const d of departments) {
      const a = accumulator(d);
      const inDept = pair.members.filter((m) => m.department === d);
      for (const m of inDept) {
        a.people.add(0, [m.userId]);
        a.stagePeople[m.careerStage].add(0, [m.userId]);
      }
      if (activeAtEnd) a.activePairs.add(1, memberIds);
      if (activeInPeriod) {
        a.expected.add(Math.floor((activeTo - activeFrom) / (cadenceDays[pair.cadence] * dayMs)), memberIds);
      }
    }
  }
  // People counts are the size of their sets.
  for (const a of byDepartment.values()) {
    a.people.value = a.people.people.size;
    for (const s of careerStages) a.stagePeople[s].value = a.stagePeople[s].people.size;
  }

  const weeks = weeksOf(fromMs, toMs, zone);
  for (const s of sessions) {
    const state = pairStates.get(s.pairId);
    if (!state) continue;
    const startMs = Date.parse(s.start);
    if (startMs <= nowMs) {
      state.recent.push({ startMs, status: s.status });
      if (s.status === 'held' && (state.lastHeldMs === null || startMs > state.lastHeldMs)) state.lastHeldMs = startMs;
    }
    if (startMs < fromMs || startMs >= toMs) continue;
    const minutes = Math.max(0, Math.round((Date.parse(s.end) - startMs) / 60_000));
    const week = weekOf(startMs, weeks);
    const ids = state.memberIds;
    for (const d of state.departments) {
      const a = accumulator(d);
      a.planned.add(1, ids);
      const w = a.week(week);
      switch (s.status) {
        case 'held':
          a.held.add(1, ids);
          a.directionSessions[s.direction].add(1, ids);
          a.directionMinutes[s.direction].add(minutes, ids);
          for (const f of s.focusAreas) a.focus[f].add(1, ids);
          for (const m of state.pair.members) if (m.department === d) a.stageHeld[m.careerStage].add(1, [m.userId]);
          w.held.add(1, ids);
          w.minutes.add(minutes, ids);
          break;
        case 'cancelled':
          a.cancelled.add(1, ids);
          w.cancelled.add(1, ids);
          break;
        case 'no-show':
          a.noShow.add(1, ids);
          break;
        case 'scheduled':
          break;
      }
    }
  }

  for (const t of touchpoints) {
    const state = pairStates.get(t.pairId);
    if (!state) continue;
    const ms = Date.parse(t.date);
    if (ms < fromMs || ms >= toMs) continue;
    for (const d of state.departments) accumulator(d).touchpoints[t.kind].add(1, state.memberIds);
  }

  for (const state of pairStates.values()) {
    if (state.pair.status !== 'active') continue;
    const risk = atRiskReason(state, nowMs);
    if (!risk) continue;
    for (const d of state.departments) {
      const a = accumulator(d);
      a.atRisk.add(1, state.memberIds);
      if (options.listAtRiskPairs) {
        a.atRiskPairs.push({
          pairId: state.pair.id,
          reason: risk,
          lastHeld: state.lastHeldMs === null ? null : new Date(state.lastHeldMs).toISOString(),
        });
      }
    }
  }

  return [...byDepartment.values()]
    .sort((x, y) => x.department.localeCompare(y.department))
    .map((a) => toDashboard(a, options.period, weeks.labels, options.listAtRiskPairs));
}

function atRiskReason(state: PairState, nowMs: number): AtRiskPair['reason'] | null {
  const recent = state.recent.sort((x, y) => x.startMs - y.startMs);
  let trailingCancellations = 0;
  for (let i = recent.length - 1; i >= 0 && recent[i]!.status === 'cancelled'; i--) trailingCancellations++;
  if (trailingCancellations >= atRiskConsecutiveCancellations) return 'consecutive-cancellations';
  const since = state.lastHeldMs ?? Date.parse(state.pair.startedOn);
  if (nowMs - since > atRiskQuietDays * dayMs) return 'no-recent-session';
  return null;
}

function toDashboard(
  a: DepartmentAccumulator,
  period: DashboardPeriod,
  weeks: readonly string[],
  forOwner: boolean,
): DepartmentDashboard {
  const adherence = new Tally();
  for (const p of a.expected.people) adherence.people.add(p);
  adherence.value = a.expected.value > 0 ? Math.round((a.held.value / a.expected.value) * 100) : 0;
  return {
    department: a.department,
    period: { from: period.from, to: period.to, timeZone: period.timeZone },
    people: figure(a.people),
    activePairs: figure(a.activePairs),
    sessions: {
      planned: figure(a.planned),
      held: figure(a.held),
      cancelled: figure(a.cancelled),
      noShow: figure(a.noShow),
      expectedByCadence: figure(a.expected),
      adherencePercent: figure(adherence),
    },
    directionBalance: { sessions: figures(a.directionSessions), minutes: figures(a.directionMinutes) },
    focusAreaCoverage: figures(a.focus),
    touchpointsByKind: figures(a.touchpoints),
    participationByCareerStage: Object.fromEntries(
      careerStages.map((s) => [s, { people: figure(a.stagePeople[s]), sessionsHeld: figure(a.stageHeld[s]) }]),
    ) as DepartmentDashboard['participationByCareerStage'],
    pairsAtRisk: {
      // The list is only produced for the program owner, who may act on each pair whatever the group's size.
      count: forOwner ? { value: a.atRisk.value, suppressed: false } : figure(a.atRisk),
      pairs: a.atRiskPairs.sort((x, y) => x.pairId.localeCompare(y.pairId)),
    },
    trendByWeek: weeks.map((weekStart) => {
      const w = a.weeks.get(weekStart) ?? { held: new Tally(), cancelled: new Tally(), minutes: new Tally() };
      return { weekStart, held: figure(w.held), cancelled: figure(w.cancelled), minutes: figure(w.minutes) };
    }),
  };
}
