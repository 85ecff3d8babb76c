// Computed dashboards, remembered per instance. Each period keeps every pair's
// share of the figures (src/core/dashboard/pairFigures.ts); after a delta round
// only the pairs it touched are computed again, and the departments' figures
// are folded from the shares. An answer for a period and scope is kept until
// the mirror changes or time moves past the instant it would differ (a future
// session starting, a quiet pair turning at-risk). Figures equal a full
// recompute at every instant: test/unit/dashboard/incremental.test.ts.
import {
  departmentFigures,
  holdsAt,
  pairFigures,
  periodFrame,
  type AggregateOptions,
  type DashboardPair,
  type DashboardPeriod,
  type DepartmentDashboard,
  type PairFigures,
  type PeriodFrame,
} from '../../src/core/dashboard/index.js';

import type { DashboardMirror } from './dashboardMirror.js';

interface PeriodShares {
  version: number;
  shares: Map<string, PairFigures>;
}

interface Answer {
  version: number;
  nowMs: number;
  validUntilMs: number;
  dashboards: DepartmentDashboard[];
}

/** Periods and answers kept (a tab asks for a handful; older ones are computed again). */
const keptPeriods = 8;
const keptAnswers = 32;

function remember<V>(memo: Map<string, V>, key: string, value: V, kept: number): void {
  memo.delete(key);
  memo.set(key, value);
  if (memo.size > kept) memo.delete(memo.keys().next().value!);
}

export type Scope = Pick<AggregateOptions, 'departments' | 'listAtRiskPairs'>;

export class DashboardFigures {
  private readonly periods = new Map<string, PeriodShares>();
  private readonly answers = new Map<string, Answer>();
  /** Pair shares computed, for tests and the bench: what a view cost. */
  sharesComputed = 0;

  constructor(private readonly mirror: DashboardMirror) {}

  /** The figures at `nowMs` from the mirror as it stands (bring it up to date first). */
  figures(period: DashboardPeriod, nowMs: number, scope: Scope): DepartmentDashboard[] {
    const periodKey = JSON.stringify([period.from, period.to, period.timeZone]);
    const answerKey = JSON.stringify([periodKey, scope.listAtRiskPairs, scope.departments ?? null]);
    const kept = this.answers.get(answerKey);
    if (kept && kept.version === this.mirror.version && nowMs >= kept.nowMs && nowMs < kept.validUntilMs) {
      return kept.dashboards;
    }
    const frame = periodFrame(period, new Date(nowMs).toISOString());
    const shares = this.sharesFor(periodKey, frame);
    const dashboards = departmentFigures(shares.values(), frame, scope);
    let validUntilMs = Infinity;
    for (const s of shares.values()) validUntilMs = Math.min(validUntilMs, s.validUntilMs);
    remember(this.answers, answerKey, { version: this.mirror.version, nowMs, validUntilMs, dashboards }, keptAnswers);
    return dashboards;
  }

  private sharesFor(key: string, frame: PeriodFrame): Map<string, PairFigures> {
    let entry = this.periods.get(key);
    const touched = entry ? this.mirror.touchedSince(entry.version) : null;
    if (!entry || !touched) {
      entry = { version: this.mirror.version, shares: new Map() };
      for (const pair of this.mirror.allPairs()) entry.shares.set(pair.id, this.share(pair, frame));
    } else {
      for (const id of touched) {
        const pair = this.mirror.pair(id);
        if (pair) entry.shares.set(id, this.share(pair, frame));
        else entry.shares.delete(id);
      }
      for (const [id, s] of entry.shares) if (!holdsAt(s, frame.nowMs)) entry.shares.set(id, this.share(s.pair, frame));
      entry.version = this.mirror.version;
    }
    remember(this.periods, key, entry, keptPeriods);
    return entry.shares;
  }

  private share(pair: DashboardPair, frame: PeriodFrame): PairFigures {
    this.sharesComputed++;
    return pairFigures(pair, this.mirror.sessionsOf(pair.id), this.mirror.touchpointsOf(pair.id), frame);
  }
}

const memos = new WeakMap<DashboardMirror, DashboardFigures>();

/** This instance's remembered figures over a mirror (one per mirror). */
export function dashboardFiguresFor(mirror: DashboardMirror): DashboardFigures {
  let memo = memos.get(mirror);
  if (!memo) memos.set(mirror, (memo = new DashboardFigures(mirror)));
  return memo;
}
