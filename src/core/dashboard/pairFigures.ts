// One pair's share of its departments' figures over one period: what the pair
// adds to each tally (every tally a pair touches describes its two people), its
// at-risk state, and until when that share holds. A department's figures are
// the fold of its pairs' shares (./aggregate.ts), so when one session changes
// only its pair's share is computed again.
import { DateTime } from 'luxon';
import type { Session } from '../schemas.js';
import { dayMs } from '../time.js';
import type { AtRiskPair, DashboardPair, DashboardPeriod, DashboardSession, DashboardTouchpoint } from './aggregate.js';

export const atRiskQuietDays = 30;
export const atRiskConsecutiveCancellations = 2;

/** The period's weeks (Monday 00:00 in the zone), as instants for a binary search. */
interface Weeks {
  labels: string[];
  startsMs: number[];
}

/** A period and an instant, parsed once for every pair. */
export interface PeriodFrame {
  period: DashboardPeriod;
  fromMs: number;
  toMs: number;
  nowMs: number;
  weeks: Weeks;
}

export function periodFrame(period: DashboardPeriod, now: string): PeriodFrame {
  const fromMs = Date.parse(period.from);
  const toMs = Date.parse(period.to);
  if (!(toMs > fromMs)) throw new RangeError('period.to must be after period.from');
  if (!DateTime.now().setZone(period.timeZone).isValid) throw new RangeError(`unknown time zone ${period.timeZone}`);
  return { period, fromMs, toMs, nowMs: Date.parse(now), weeks: weeksOf(fromMs, toMs, period.timeZone) };
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

export interface PairFigures {
  pair: DashboardPair;
  memberIds: string[];
  /** Tally name -> amount, for each tally the pair touched (a touch with 0 still counts its people). */
  tallies: Map<string, number>;
  /** Sessions held in the period (each member adds them to their career stage). */
  held: number;
  atRisk: { reason: AtRiskPair['reason']; lastHeld: string | null } | null;
  /** The share holds for any instant in [nowMs, validUntilMs): a later session starting, or a quiet pair turning at-risk, changes it. */
  nowMs: number;
  validUntilMs: number;
}

const cadenceDays = { weekly: 7, biweekly: 14, monthly: 365.25 / 12 } as const;

const add = (tallies: Map<string, number>, name: string, amount: number) =>
  tallies.set(name, (tallies.get(name) ?? 0) + amount);

function pairActivity(pair: DashboardPair, frame: PeriodFrame, tallies: Map<string, number>): void {
  const startedMs = Date.parse(pair.startedOn);
  const endedMs = pair.endedOn ? Date.parse(pair.endedOn) : Infinity;
  const activeFrom = Math.max(frame.fromMs, startedMs);
  const activeTo = Math.min(frame.toMs, endedMs);
  const activeInPeriod = activeTo > activeFrom && pair.status !== 'paused';
  // "Active pairs" are those still going at the period's end; one that ended earlier only counts toward expectations.
  const activeAtEnd = activeInPeriod && endedMs >= frame.toMs && !(pair.status === 'ended' && !pair.endedOn);
  if (activeAtEnd) add(tallies, 'activePairs', 1);
  if (activeInPeriod) {
    add(tallies, 'expected', Math.floor((activeTo - activeFrom) / (cadenceDays[pair.cadence] * dayMs)));
  }
}

/** The pair's share of the period's figures, from its own sessions and touchpoints. */
export function pairFigures(
  pair: DashboardPair,
  sessions: Iterable<DashboardSession>,
  touchpoints: Iterable<DashboardTouchpoint>,
  frame: PeriodFrame,
): PairFigures {
  const { fromMs, toMs, nowMs } = frame;
  const tallies = new Map<string, number>();
  pairActivity(pair, frame, tallies);
  let held = 0;
  let lastHeldMs: number | null = null;
  let validUntilMs = Infinity;
  const recent: Array<{ startMs: number; status: Session['status'] }> = [];
  for (const s of sessions) {
    const startMs = Date.parse(s.start);
    if (startMs <= nowMs) {
      recent.push({ startMs, status: s.status });
      if (s.status === 'held' && (lastHeldMs === null || startMs > lastHeldMs)) lastHeldMs = startMs;
    } else validUntilMs = Math.min(validUntilMs, startMs);
    if (startMs < fromMs || startMs >= toMs) continue;
    const minutes = Math.max(0, Math.round((Date.parse(s.end) - startMs) / 60_000));
    const week = weekOf(startMs, frame.weeks);
    add(tallies, 'planned', 1);
    if (s.status === 'held') {
      held++;
      add(tallies, 'held', 1);
      add(tallies, `direction.sessions.${s.direction}`, 1);
      add(tallies, `direction.minutes.${s.direction}`, minutes);
      for (const f of s.focusAreas) add(tallies, `focus.${f}`, 1);
      add(tallies, `week.held.${week}`, 1);
      add(tallies, `week.minutes.${week}`, minutes);
    } else if (s.status === 'cancelled') {
      add(tallies, 'cancelled', 1);
      add(tallies, `week.cancelled.${week}`, 1);
    } else if (s.status === 'no-show') add(tallies, 'noShow', 1);
  }
  for (const t of touchpoints) {
    const ms = Date.parse(t.date);
    if (ms >= fromMs && ms < toMs) add(tallies, `touchpoints.${t.kind}`, 1);
  }
  let atRisk: PairFigures['atRisk'] = null;
  if (pair.status === 'active') {
    const since = lastHeldMs ?? Date.parse(pair.startedOn);
    const reason = atRiskReason(recent, since, nowMs);
    if (reason) atRisk = { reason, lastHeld: lastHeldMs === null ? null : new Date(lastHeldMs).toISOString() };
    // A quiet pair turns at-risk once the quiet days have passed.
    if (reason !== 'no-recent-session' && since + atRiskQuietDays * dayMs >= nowMs) {
      validUntilMs = Math.min(validUntilMs, since + atRiskQuietDays * dayMs + 1);
    }
  }
  const memberIds = pair.members.map((m) => m.userId);
  return { pair, memberIds, tallies, held, atRisk, nowMs, validUntilMs };
}

function atRiskReason(
  recent: Array<{ startMs: number; status: Session['status'] }>,
  since: number,
  nowMs: number,
): AtRiskPair['reason'] | null {
  recent.sort((x, y) => x.startMs - y.startMs);
  let trailingCancellations = 0;
  for (let i = recent.length - 1; i >= 0 && recent[i]!.status === 'cancelled'; i--) trailingCancellations++;
  if (trailingCancellations >= atRiskConsecutiveCancellations) return 'consecutive-cancellations';
  if (nowMs - since > atRiskQuietDays * dayMs) return 'no-recent-session';
  return null;
}

/** Whether a share computed earlier still holds at `nowMs` (in the same period, with nothing of the pair changed). */
export const holdsAt = (figures: PairFigures, nowMs: number) => nowMs >= figures.nowMs && nowMs < figures.validUntilMs;
