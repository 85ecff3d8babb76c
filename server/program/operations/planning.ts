// What every planner shares: its settings, the recipients' delivery hours, the
// window arithmetic and the deep links its cards carry.
import type { Pair, Participant, Session } from '../../../src/core/schemas.js';
import { hourMs } from '../../../src/core/time.js';
import { tabDeepLink } from '../deepLinks.js';
import type { ProgramPorts } from '../ports.js';
import { mailboxRecipientHours, type RecipientHours } from './recipientHours.js';
import type { TickWindow } from './types.js';

/** Who gets the weekly digests: each department's leads, and the program owners. */
export interface DigestAudience {
  leads: Array<{ userId: string; department: string }>;
  owners: string[];
}

export interface PlannerSettings {
  /** The organization's zone: for people whose mailbox names none, and the dashboard's weeks. */
  orgTimeZone: string;
  /** How long before a session its reminder is due (default 24 h). */
  reminderLeadHours: number;
  /** Days without a session before a pair is nudged (default 30). */
  nudgeQuietDays: number;
  /** Each recipient's zone and working hours (default: mailbox settings through Graph, kept 12 h). */
  recipientHours?: (ports: Pick<ProgramPorts, 'graph' | 'now'>) => RecipientHours;
  /**
   * Who gets digests (default: the holders of the app's roles in the tenant, when `appClientId` is set, with the
   * `digestAudience` entry of ProgramMeta the owner saves layered on top; that entry alone otherwise).
   */
  digestAudience?: (ports: PlanPorts) => Promise<DigestAudience>;
  /** The app's Entra client id: its service principal's role assignments name the digest audience. */
  appClientId?: string;
  /** How long the list of sessions ahead is reused between ticks (default 15 min); each message is checked against its session when planned. */
  sessionsRefreshMs?: number;
}

export const defaultPlannerSettings: PlannerSettings = {
  orgTimeZone: 'UTC',
  reminderLeadHours: 24,
  nudgeQuietDays: 30,
};

export type PlanPorts = Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'teamsAppId'>;

/** One RecipientHours per Graph gateway, so its cache lives as long as the instance's ports. */
export function hoursSource(settings: PlannerSettings): (ports: PlanPorts) => RecipientHours {
  const made = new WeakMap<object, RecipientHours>();
  return (ports) => {
    let hours = made.get(ports.graph);
    if (!hours) {
      hours = settings.recipientHours?.(ports) ?? mailboxRecipientHours(ports, settings.orgTimeZone);
      made.set(ports.graph, hours);
    }
    return hours;
  };
}

export const inWindow = (ms: number, w: TickWindow): boolean => ms >= w.from && ms < w.to;

/** Whether a whole UTC hour falls in the window: hourly planners (nudges, digests) due only on whole hours skip the rest. */
export const holdsWholeHour = (w: TickWindow): boolean => Math.ceil(w.from / hourMs) * hourMs < w.to;

export const isoOf = (ms: number): string => new Date(ms).toISOString();

export const otherMember = (pair: Pair, userId: string): Participant =>
  pair.members.find((m) => m.userId !== userId) ?? pair.members[1];

export const links = (teamsAppId: string) => ({
  session: (sessionId: string) => tabDeepLink(teamsAppId, `sessions/${sessionId}`),
  schedule: (pairId: string) => tabDeepLink(teamsAppId, `pairs/${pairId}`),
  history: (pairId: string) => tabDeepLink(teamsAppId, `pairs/${pairId}/history`),
  dashboard: () => tabDeepLink(teamsAppId, 'dashboard'),
  admin: () => tabDeepLink(teamsAppId, 'admin'),
});

/** Pairs by id, read once per plan. */
export async function pairsById(ports: Pick<ProgramPorts, 'store'>, ids: Iterable<string>): Promise<Map<string, Pair>> {
  const out = new Map<string, Pair>();
  for (const id of new Set(ids)) {
    const pair = await ports.store.pair(id);
    if (pair) out.set(id, pair);
  }
  return out;
}

/**
 * Remembers what `make` computed under a key (delivery instants are luxon
 * work, the same for every tick); forgets everything past `limit` entries.
 */
export function memo<V>(limit = 100_000): (key: string, make: () => V) => V {
  const kept = new Map<string, V>();
  return (key, make) => {
    if (kept.has(key)) return kept.get(key)!;
    if (kept.size >= limit) kept.clear();
    const value = make();
    kept.set(key, value);
    return value;
  };
}

/**
 * The sessions starting in a range, read once per refresh for a horizon
 * ahead rather than every tick: a tick then costs no list read. A planner
 * re-reads a session before planning a message about it, so a session
 * cancelled or moved since the read is never announced from stale data.
 */
export function sessionsAhead(refreshMs: number, horizonMs: number) {
  const kept = new WeakMap<
    object,
    { from: number; to: number; at: number; sessions: Session[]; pairs: Map<string, Pair | null> }
  >();
  const current = (ports: Pick<ProgramPorts, 'store'>) => kept.get(ports.store);
  return {
    async sessions(ports: Pick<ProgramPorts, 'store' | 'now'>, from: number, to: number): Promise<Session[]> {
      let cached = current(ports);
      if (!cached || ports.now() - cached.at >= refreshMs || from < cached.from || to > cached.to) {
        const range = { from, to: Math.max(to, from + horizonMs) };
        const sessions = await ports.store.allSessions({ from: new Date(range.from), to: new Date(range.to) });
        cached = { ...range, at: ports.now(), sessions, pairs: new Map() };
        kept.set(ports.store, cached);
      }
      return cached.sessions.filter((s) => {
        const start = Date.parse(s.start);
        return start >= from && start < to;
      });
    },
    /** The sessions starting in [from, to) that `keep` accepts, each with its pair (read once per refresh). */
    async withPairs(
      ports: Pick<ProgramPorts, 'store' | 'now'>,
      from: number,
      to: number,
      keep: (s: Session) => boolean,
    ): Promise<Array<{ session: Session; pair: Pair }>> {
      const sessions = (await this.sessions(ports, from, to)).filter(keep);
      const pairs = await this.pairs(
        ports,
        sessions.map((s) => s.pairId),
      );
      return sessions.flatMap((session) => {
        const pair = pairs.get(session.pairId);
        return pair ? [{ session, pair }] : [];
      });
    },
    /** The pairs of those sessions, each read once per refresh. */
    async pairs(ports: Pick<ProgramPorts, 'store'>, ids: Iterable<string>): Promise<Map<string, Pair>> {
      const known = current(ports)?.pairs ?? new Map<string, Pair | null>();
      const out = new Map<string, Pair>();
      for (const id of new Set(ids)) {
        if (!known.has(id)) known.set(id, await ports.store.pair(id));
        const pair = known.get(id);
        if (pair) out.set(id, pair);
      }
      return out;
    },
  };
}
