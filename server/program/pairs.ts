// Pairs: the caller's pairs as the tab lists them, and the program owner's
// management of pairs (create, change cadence, end) and agenda templates.
import type { z } from 'zod';
import type { AgendaTemplates } from '../../src/core/agenda/index.js';
import {
  errorCodes,
  type CreatePairRequest,
  type DirectionBalance,
  type PairSummary,
  type UpdatePairRequest,
} from '../../src/core/api.js';
import { fnv1aId } from '../../src/core/hash.js';
import { carriedOverActionItems } from '../../src/core/notes/model.js';
import type { PhiConfirmation } from '../../src/core/notes/phi.js';
import type { Pair, Participant, Session } from '../../src/core/schemas.js';
import type { Caller } from '../auth/caller.js';
import { withoutAgenda } from '../graph/programRecords.js';
import { partnerOf } from './access.js';
import { agendaTemplateFindings, agendaTemplatesOf } from './agenda.js';
import { managerIdOf, participantFromDirectory } from './directory.js';
import { closePair } from './pairEnding.js';
import { nowIso, type ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';

type SummaryPorts = Pick<ProgramPorts, 'store' | 'now'>;

/**
 * A pair from `viewer`'s side: direction balance, next and last session, and
 * (for the pair's own people) the open action items of the last. Action items
 * are part of notes, so the program owner's list leaves them out.
 */
export async function summarizePair(
  ports: SummaryPorts,
  pair: Pair,
  viewer: string,
  { withActionItems = true } = {},
): Promise<PairSummary> {
  const summary = summaryOf(pair, viewer, await ports.store.sessionsOfPair(pair.id), nowIso(ports));
  const last = summary.lastSession;
  return withActionItems && last
    ? { ...summary, openActionItems: carriedOverActionItems(await ports.store.notesOfSession(last.id)) }
    : summary;
}

/** The summary of a pair from its sessions (in start order), without action items. */
function summaryOf(pair: Pair, viewer: string, sessions: readonly Session[], now: string): PairSummary {
  // "Direction so far" counts sessions that happened, not bookings still ahead.
  const balance: DirectionBalance = { reverse: 0, traditional: 0, both: 0 };
  for (const s of sessions) if (s.status === 'held') balance[s.direction]++;
  const next = sessions.find((s) => s.status === 'scheduled' && s.start >= now) ?? null;
  const last = sessions.findLast((s) => s.start < now && s.status !== 'cancelled') ?? null;
  return {
    pair,
    partner: partnerOf(pair, viewer),
    balance,
    nextSession: next && withoutAgenda(next),
    lastSession: last && withoutAgenda(last),
    openActionItems: [],
  };
}

/** The caller's pairs that have not ended. */
export async function myPairs(ports: SummaryPorts, caller: Caller): Promise<PairSummary[]> {
  const pairs = (await ports.store.pairsOf(caller.userId)).filter((p) => p.status !== 'ended');
  return Promise.all(pairs.map((p) => summarizePair(ports, p, caller.userId)));
}

/**
 * Every pair in the program, each from its first member's side (the second's,
 * when that is the caller); no action items. Two list reads (the pairs, then
 * every session, paged) rather than one per pair.
 */
export async function programPairs(ports: SummaryPorts, caller: Caller): Promise<PairSummary[]> {
  const [pairs, sessions] = await Promise.all([ports.store.allPairs(), ports.store.allSessions()]);
  const byPair = new Map<string, Session[]>();
  for (const s of sessions.toSorted((a, b) => a.start.localeCompare(b.start))) {
    const ofPair = byPair.get(s.pairId);
    if (ofPair) ofPair.push(s);
    else byPair.set(s.pairId, [s]);
  }
  const now = nowIso(ports);
  return pairs.map((p) =>
    summaryOf(
      p,
      caller.userId === p.members[1].userId ? p.members[1].userId : p.members[0].userId,
      byPair.get(p.id) ?? [],
      now,
    ),
  );
}

/** "A reports to B" for either direction of the pair: allowed, but the owner should know. */
async function reportingWarnings(ports: Pick<ProgramPorts, 'graph'>, members: readonly Participant[]) {
  const warnings: string[] = [];
  for (const [a, b] of [
    [members[0]!, members[1]!],
    [members[1]!, members[0]!],
  ] as const) {
    if ((await managerIdOf(ports.graph.client, a.userId)) === b.userId)
      warnings.push(
        `${a.displayName} reports to ${b.displayName}: make sure both are comfortable learning from each other.`,
      );
  }
  return warnings;
}

/** Creates a pair from two people in the directory; the id derives from the two people and the day. */
export async function createPair(
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now'>,
  input: CreatePairRequest,
): Promise<{ pair: Pair; warnings: string[] }> {
  const members = await Promise.all(
    input.members.map((m) => participantFromDirectory(ports.graph.client, m.userId, m.careerStage)),
  );
  const sorted = [...members].sort((a, b) => a.userId.localeCompare(b.userId)) as [Participant, Participant];
  const warnings = await reportingWarnings(ports, sorted);
  for (const m of sorted) await ports.store.upsertParticipant(m);
  const startedOn = nowIso(ports);
  const pair: Pair = {
    id: `pair-${fnv1aId(`${sorted[0].userId}|${sorted[1].userId}|${startedOn.slice(0, 10)}`)}`,
    members: sorted,
    cadence: input.cadence,
    durationMinutes: input.durationMinutes,
    status: 'active',
    startedOn,
    endedOn: null,
  };
  return { pair: await ports.store.createPair(pair), warnings };
}

/**
 * Changes a pair's cadence, length or status. Ending it records when, cancels
 * its future meetings with a cancellation message and tells both people
 * (./pairEnding.ts); its history stays readable to them.
 */
export async function updatePair(
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'teamsAppId'>,
  id: string,
  change: z.infer<typeof UpdatePairRequest>,
): Promise<Pair> {
  const before = await ports.store.pair(id);
  if (!before) throw new ApiProblem(errorCodes.notFound, `no pair ${id}`);
  const ending = change.status === 'ended' && before.status !== 'ended';
  const updated = await ports.store.updatePair(id, { ...change, ...(ending ? { endedOn: nowIso(ports) } : {}) });
  if (!updated) throw new ApiProblem(errorCodes.notFound, `no pair ${id}`);
  if (ending) await closePair(ports, updated);
  return updated;
}

/**
 * A person left the program: each of their active pairs ends, its future
 * meetings are cancelled, the other person is told (`partner-left`) and the
 * owner sees it. The enrollment flow calls this when someone leaves.
 */
export async function partnerLeft(
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'teamsAppId'>,
  leftId: string,
): Promise<Pair[]> {
  const ended: Pair[] = [];
  for (const pair of (await ports.store.pairsOf(leftId)).filter((p) => p.status !== 'ended')) {
    const updated = await ports.store.updatePair(pair.id, { status: 'ended', endedOn: nowIso(ports) });
    if (!updated) continue;
    await closePair(ports, updated, leftId);
    ended.push(updated);
  }
  return ended;
}

export const agendaTemplates = (ports: Pick<ProgramPorts, 'store'>): Promise<AgendaTemplates> =>
  agendaTemplatesOf(ports.store);

/** Saves the templates once the PHI guard finds nothing the owner has not confirmed (422 naming each finding's field). */
export async function saveAgendaTemplates(
  ports: Pick<ProgramPorts, 'store'>,
  templates: AgendaTemplates,
  phiConfirmations: readonly PhiConfirmation[] = [],
) {
  const findings = agendaTemplateFindings(templates, phiConfirmations);
  if (findings.length > 0)
    throw new ApiProblem(
      errorCodes.phiUnconfirmed,
      'these templates look like they hold patient identifiers: edit them out or confirm each one',
      { field: `body.${findings[0]!.field}`, details: { findings } },
    );
  await ports.store.saveAgendaTemplates(templates);
  return templates;
}
