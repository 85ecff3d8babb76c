// Departments' figures over one period, kept as running sums: each pair's share
// (./pairFigures.ts) is added to its departments, and taken back out when the
// pair's records change, so a view after one change costs that pair's share
// and the departments it touched, not a fold over every pair. A tally keeps
// the shares it counts (or, for head counts, how many shares name each
// person), so taking a share out leaves suppression (fewer than 5 people) right.
// Any figure that would describe 1 to 4 people is suppressed (minimum group 5).
import { careerStages, directions, focusAreas, touchpointKinds, type CareerStage } from '../schemas.js';
import type { AggregateOptions, AtRiskPair, DashboardPeriod, DepartmentDashboard } from './aggregate.js';
import { compareAtRisk } from './atRiskOrder.js';
import type { PairFigures, PeriodFrame } from './pairFigures.js';

export const minimumGroupSize = 5;

export type Figure = { value: number; suppressed: false } | { value: null; suppressed: true; reason: string };

function figure(value: number, people: number): Figure {
  if (people > 0 && people < minimumGroupSize) {
    return { value: null, suppressed: true, reason: `describes fewer than ${minimumGroupSize} people` };
  }
  return { value, suppressed: false };
}

/** Distinct people, each with how many counted shares name them, so taking a share out keeps the count exact. */
class PersonTally {
  value = 0;
  readonly people = new Map<string, number>();

  add(amount: number, userId: string, sign: 1 | -1): void {
    this.value += sign * amount;
    const n = (this.people.get(userId) ?? 0) + sign;
    if (n === 0) this.people.delete(userId);
    else this.people.set(userId, n);
  }

  figure(): Figure {
    return figure(this.value, this.people.size);
  }

  /** A head count: the value is the number of people. */
  headCount(): Figure {
    return figure(this.people.size, this.people.size);
  }
}

/**
 * A count over pairs' shares, each describing both of its pair's people. It
 * keeps the shares, not the people: suppression only asks whether there are
 * fewer than 5, which a few shares answer when asked, while a count of every
 * person would cost a cold view two map entries per tally per pair.
 */
class ShareTally {
  value = 0;
  readonly shares = new Set<PairFigures>();

  add(amount: number, share: PairFigures, sign: 1 | -1): void {
    this.value += sign * amount;
    if (sign > 0) this.shares.add(share);
    else this.shares.delete(share);
  }

  /** The people described, counted up to the minimum group size. */
  people(): number {
    const seen = new Set<string>();
    for (const share of this.shares) {
      for (const m of share.memberIds) seen.add(m);
      if (seen.size >= minimumGroupSize) break;
    }
    return seen.size;
  }

  figure(): Figure {
    return figure(this.value, this.people());
  }
}

const untouched = new ShareTally();

const tallyPer = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, new PersonTally()])) as Record<K, PersonTally>;

class DepartmentRollup {
  /** The shares counted here: at 0 the department has no pairs left and is not listed. */
  pairs = 0;
  readonly people = new PersonTally();
  readonly stagePeople = tallyPer(careerStages);
  readonly stageHeld = tallyPer(careerStages);
  /** The tallies pairs touched, by the names of ./pairFigures.ts. */
  readonly tallies = new Map<string, ShareTally>();
  readonly atRisk = new ShareTally();
  readonly atRiskPairs = new Map<string, AtRiskPair>();
  /**
   * The same pairs most at risk first, sorted when first asked for and then kept in order as shares come and go:
   * a view after one change moves one entry instead of sorting a department's thousands again.
   */
  private atRiskOrdered: AtRiskPair[] | null = null;

  constructor(readonly department: string) {}

  /** Adds (sign 1) or takes out (-1) the share of a pair with a member in this department. */
  apply(share: PairFigures, sign: 1 | -1): void {
    const { pair } = share;
    this.pairs += sign;
    for (const m of pair.members) {
      if (m.department !== this.department) continue;
      this.people.add(0, m.userId, sign);
      this.stagePeople[m.careerStage].add(0, m.userId, sign);
      if (share.held > 0) this.stageHeld[m.careerStage].add(share.held, m.userId, sign);
    }
    for (const [name, amount] of share.tallies) {
      let t = this.tallies.get(name);
      if (!t) this.tallies.set(name, (t = new ShareTally()));
      t.add(amount, share, sign);
      if (t.shares.size === 0) this.tallies.delete(name);
    }
    if (!share.atRisk) return;
    this.atRisk.add(1, share, sign);
    if (sign > 0) {
      const entry = { pairId: pair.id, ...share.atRisk };
      this.atRiskPairs.set(pair.id, entry);
      this.atRiskOrdered?.splice(this.placeOf(entry), 0, entry);
    } else {
      const entry = this.atRiskPairs.get(pair.id);
      this.atRiskPairs.delete(pair.id);
      if (entry) this.atRiskOrdered?.splice(this.placeOf(entry), 1);
    }
  }

  /** Where `entry` stands (or would) in the ordered list (binary search). */
  private placeOf(entry: AtRiskPair): number {
    const ordered = this.atRiskOrdered!;
    let [lo, hi] = [0, ordered.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareAtRisk(ordered[mid]!, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The at-risk pairs most at risk first (./atRiskOrder.ts), as a new array. */
  private atRiskInOrder(): AtRiskPair[] {
    this.atRiskOrdered ??= [...this.atRiskPairs.values()].sort(compareAtRisk);
    return this.atRiskOrdered.slice();
  }

  figure(name: string): Figure {
    return (this.tallies.get(name) ?? untouched).figure();
  }

  figures<K extends string>(prefix: string, keys: readonly K[]): Record<K, Figure> {
    return Object.fromEntries(keys.map((k) => [k, this.figure(`${prefix}.${k}`)])) as Record<K, Figure>;
  }

  dashboard(period: DashboardPeriod, weeks: readonly string[], forOwner: boolean): DepartmentDashboard {
    const expected = this.tallies.get('expected') ?? untouched;
    const held = this.tallies.get('held')?.value ?? 0;
    const adherence = expected.value > 0 ? Math.round((held / expected.value) * 100) : 0;
    return {
      department: this.department,
      period: { from: period.from, to: period.to, timeZone: period.timeZone },
      people: this.people.headCount(),
      activePairs: this.figure('activePairs'),
      sessions: {
        planned: this.figure('planned'),
        held: this.figure('held'),
        cancelled: this.figure('cancelled'),
        noShow: this.figure('noShow'),
        expectedByCadence: expected.figure(),
        adherencePercent: figure(adherence, expected.people()),
      },
      directionBalance: {
        sessions: this.figures('direction.sessions', directions),
        minutes: this.figures('direction.minutes', directions),
      },
      focusAreaCoverage: this.figures('focus', focusAreas),
      touchpointsByKind: this.figures('touchpoints', touchpointKinds),
      participationByCareerStage: Object.fromEntries(
        careerStages.map((s) => [
          s,
          { people: this.stagePeople[s].headCount(), sessionsHeld: this.stageHeld[s].figure() },
        ]),
      ) as Record<CareerStage, { people: Figure; sessionsHeld: Figure }>,
      pairsAtRisk: {
        // The list is only produced for the program owner, who may act on each pair whatever the group's size;
        // most at risk first (./atRiskOrder.ts).
        count: forOwner ? { value: this.atRisk.value, suppressed: false } : this.atRisk.figure(),
        pairs: forOwner ? this.atRiskInOrder() : [],
      },
      trendByWeek: weeks.map((weekStart) => ({
        weekStart,
        held: this.figure(`week.held.${weekStart}`),
        cancelled: this.figure(`week.cancelled.${weekStart}`),
        minutes: this.figure(`week.minutes.${weekStart}`),
      })),
    };
  }
}

/**
 * Every department's running figures over one period. `add` a pair's share,
 * `remove` the same share object when it no longer holds; `dashboards` answers
 * from the sums, building again only the departments a share changed since.
 */
export class DepartmentRollups {
  private readonly departments = new Map<string, DepartmentRollup>();
  /** Answers built since their department last changed, by department and audience. */
  private readonly built = new Map<string, DepartmentDashboard>();
  private readonly period: DashboardPeriod;
  private readonly weeks: readonly string[];
  private atRiskShares = 0;

  constructor(frame: Pick<PeriodFrame, 'period' | 'weeks'>) {
    this.period = frame.period;
    this.weeks = frame.weeks.labels;
  }

  add(share: PairFigures): void {
    this.apply(share, 1);
  }

  remove(share: PairFigures): void {
    this.apply(share, -1);
  }

  /** Pairs at risk across every department, each pair once (it is in both its people's departments' lists). */
  get atRiskPairs(): number {
    return this.atRiskShares;
  }

  private apply(share: PairFigures, sign: 1 | -1): void {
    if (share.atRisk) this.atRiskShares += sign;
    for (const d of new Set(share.pair.members.map((m) => m.department))) {
      let rollup = this.departments.get(d);
      if (!rollup) this.departments.set(d, (rollup = new DepartmentRollup(d)));
      rollup.apply(share, sign);
      if (rollup.pairs === 0) this.departments.delete(d);
      this.built.delete(`${true}|${d}`);
      this.built.delete(`${false}|${d}`);
    }
  }

  /** Figures per department, sorted by name: the wanted ones (even without pairs), or every one with pairs. */
  dashboards(options: Pick<AggregateOptions, 'departments' | 'listAtRiskPairs'>): DepartmentDashboard[] {
    const names = options.departments ? [...new Set(options.departments)] : [...this.departments.keys()];
    return names.sort((x, y) => x.localeCompare(y)).map((d) => this.dashboard(d, options.listAtRiskPairs));
  }

  private dashboard(department: string, forOwner: boolean): DepartmentDashboard {
    const key = `${forOwner}|${department}`;
    let answer = this.built.get(key);
    if (!answer) {
      const rollup = this.departments.get(department) ?? new DepartmentRollup(department);
      this.built.set(key, (answer = rollup.dashboard(this.period, this.weeks, forOwner)));
    }
    return answer;
  }
}
