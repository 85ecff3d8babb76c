// Computed dashboards, kept current per instance. Each period keeps every
// pair's share of the figures (src/core/dashboard/pairFigures.ts) and the
// departments' running sums of those shares (src/core/dashboard/rollup.ts).
// After a delta round only the pairs it touched are computed again, and each
// new share replaces the old one in the sums; a share that stops holding as
// time passes (a future session starting, a quiet pair turning at-risk) is
// found through a queue ordered by the instant it stops holding. A warm view
// costs O(changes + departments), not a fold over every pair. Figures equal a
// full recompute at every instant: test/unit/dashboard/incremental.test.ts
// and rollupProperty.test.ts.
import {
  DepartmentRollups,
  pairFigures,
  periodFrame,
  type AggregateOptions,
  type DashboardPeriod,
  type DepartmentDashboard,
  type PairFigures,
  type PeriodFrame,
} from '../../src/core/dashboard/index.js';

import type { DashboardMirror } from './dashboardMirror.js';

/** Shares ordered by the instant they stop holding (a binary heap; replaced shares are skipped when they surface). */
class Expiries {
  private readonly heap: PairFigures[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(share: PairFigures): void {
    const h = this.heap;
    h.push(share);
    for (let i = h.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (h[up]!.validUntilMs <= h[i]!.validUntilMs) break;
      [h[up], h[i]] = [h[i]!, h[up]!];
      i = up;
    }
  }

  /** Takes out the next share that stops holding at or before `nowMs`. */
  popDue(nowMs: number): PairFigures | undefined {
    const h = this.heap;
    if (h.length === 0 || h[0]!.validUntilMs > nowMs) return undefined;
    const due = h[0]!;
    const last = h.pop()!;
    if (h.length === 0) return due;
    h[0] = last;
    for (let i = 0; ;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (l < h.length && h[l]!.validUntilMs < h[least]!.validUntilMs) least = l;
      if (r < h.length && h[r]!.validUntilMs < h[least]!.validUntilMs) least = r;
      if (least === i) return due;
      [h[least], h[i]] = [h[i]!, h[least]!];
      i = least;
    }
  }
}

interface PeriodFigures {
  frame: PeriodFrame;
  /** The mirror's version and the instant the shares were brought to. */
  version: number;
  nowMs: number;
  shares: Map<string, PairFigures>;
  rollups: DepartmentRollups;
  expiries: Expiries;
  /** Counts share replacements, so an answer knows whether it still stands. */
  changes: number;
}

interface Answer {
  period: PeriodFigures;
  changes: number;
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

/** Each answer's count of at-risk pairs across the program (each pair once), by the answer. */
const programAtRisk = new WeakMap<DepartmentDashboard[], number>();

/** How many pairs are at risk across the program, as of an answer `figures` gave. */
export const programAtRiskCount = (dashboards: DepartmentDashboard[]): number => programAtRisk.get(dashboards) ?? 0;

export class DashboardFigures {
  private readonly periods = new Map<string, PeriodFigures>();
  private readonly answers = new Map<string, Answer>();
  /** Pair shares computed, and shares added to or taken out of the sums: what views cost, for tests and the bench. */
  sharesComputed = 0;
  sharesFolded = 0;

  constructor(private readonly mirror: DashboardMirror) {}

  /** The figures at `nowMs` from the mirror as it stands (bring it up to date first). */
  figures(period: DashboardPeriod, nowMs: number, scope: Scope): DepartmentDashboard[] {
    const periodKey = JSON.stringify([period.from, period.to, period.timeZone]);
    const kept = this.periods.get(periodKey);
    // The period's weeks are worked out once (luxon's zone arithmetic was a tenth of a warm view's CPU).
    const frame = kept ? { ...kept.frame, nowMs } : periodFrame(period, new Date(nowMs).toISOString());
    const entry = this.current(periodKey, frame);
    const answerKey = JSON.stringify([periodKey, scope.listAtRiskPairs, scope.departments ?? null]);
    const answer = this.answers.get(answerKey);
    if (answer && answer.period === entry && answer.changes === entry.changes) return answer.dashboards;
    const dashboards = entry.rollups.dashboards(scope);
    programAtRisk.set(dashboards, entry.rollups.atRiskPairs);
    remember(this.answers, answerKey, { period: entry, changes: entry.changes, dashboards }, keptAnswers);
    return dashboards;
  }

  /** The period's shares and sums brought to the mirror's version and to `frame.nowMs`. */
  private current(key: string, frame: PeriodFrame): PeriodFigures {
    let entry = this.periods.get(key);
    const touched = entry && frame.nowMs >= entry.nowMs ? this.mirror.touchedSince(entry.version) : null;
    if (!entry || !touched) {
      entry = {
        frame,
        version: 0,
        nowMs: frame.nowMs,
        shares: new Map(),
        rollups: new DepartmentRollups(frame),
        expiries: new Expiries(),
        changes: 0,
      };
      for (const pair of this.mirror.allPairs()) this.replace(entry, pair.id, frame);
    } else {
      for (const id of touched) this.replace(entry, id, frame);
      for (let due = entry.expiries.popDue(frame.nowMs); due; due = entry.expiries.popDue(frame.nowMs)) {
        if (entry.shares.get(due.pair.id) === due) this.replace(entry, due.pair.id, frame);
      }
      if (entry.expiries.size > 2 * entry.shares.size + 64) this.requeue(entry);
    }
    entry.version = this.mirror.version;
    entry.nowMs = frame.nowMs;
    remember(this.periods, key, entry, keptPeriods);
    return entry;
  }

  /** Computes the pair's share again (none if the pair is gone) and swaps it into the sums. */
  private replace(entry: PeriodFigures, pairId: string, frame: PeriodFrame): void {
    const old = entry.shares.get(pairId);
    if (old) {
      entry.rollups.remove(old);
      entry.shares.delete(pairId);
      this.sharesFolded++;
    }
    const pair = this.mirror.pair(pairId);
    if (pair) {
      this.sharesComputed++;
      const share = pairFigures(pair, this.mirror.sessionsOf(pairId), this.mirror.touchpointsOf(pairId), frame);
      entry.shares.set(pairId, share);
      entry.rollups.add(share);
      this.sharesFolded++;
      if (share.validUntilMs < Infinity) entry.expiries.push(share);
    }
    entry.changes++;
  }

  /** Drops the replaced shares the queue still holds. */
  private requeue(entry: PeriodFigures): void {
    entry.expiries = new Expiries();
    for (const share of entry.shares.values()) if (share.validUntilMs < Infinity) entry.expiries.push(share);
  }
}

const memos = new WeakMap<DashboardMirror, DashboardFigures>();

/** This instance's figures over a mirror (one per mirror). */
export function dashboardFiguresFor(mirror: DashboardMirror): DashboardFigures {
  let memo = memos.get(mirror);
  if (!memo) memos.set(mirror, (memo = new DashboardFigures(mirror)));
  return memo;
}
