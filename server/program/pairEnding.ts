// Ending a pair: its future sessions are cancelled with a cancellation message
// to both calendars (Graph event cancel), both people are told (a `pair-ended`
// message through the outbox), and the pair's history stays readable to them.
// A partner leaving the program ends the pair the same way and tells the
// other person (`partner-left`); the owner sees it in their attention list.
// Each is recorded in PairEvents, so a planner can still send what a crash
// between recording and enqueueing left unsent (the outbox key makes it once).
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { Pair, Session } from '../../src/core/schemas.js';
import type { PartnerLeftEntry } from '../../src/core/sessions/index.js';
import { withoutAgenda } from '../graph/programRecords.js';
import type { ProgramStore, StoredItem } from '../graph/programStore.js';
import { fieldEquals, filterLiteral } from '../graph/odata.js';
import { pairEndedCard, partnerLeftCard } from './operations/cards.js';
import { enqueueMessage } from './operations/outbox.js';
import { links, otherMember } from './operations/planning.js';
import type { DueMessage } from './operations/types.js';
import { nowIso, type ProgramPorts } from './ports.js';

export type PairEventKind = 'partner-left' | 'pair-ended';

export interface PairEvent {
  pairId: string;
  kind: PairEventKind;
  /** Who left (partner-left); who ended it is not recorded. */
  personId: string;
  when: string;
  cancelled: number;
}

const PairEventFields = z.object({
  PairId: z.string(),
  Kind: z.enum(['partner-left', 'pair-ended']),
  PersonId: z.string().nullish(),
  When: z.string(),
  Cancelled: z.number().nullish(),
});

function toPairEvent(item: StoredItem): PairEvent | null {
  const f = PairEventFields.safeParse(item.fields);
  if (!f.success) return null;
  return {
    pairId: f.data.PairId,
    kind: f.data.Kind,
    personId: f.data.PersonId ?? '',
    when: new Date(f.data.When).toISOString(),
    cancelled: f.data.Cancelled ?? 0,
  };
}

/** Pair events recorded in [from, to), or all of one kind. */
export async function pairEvents(
  store: ProgramStore,
  query: { from: number; to: number } | { kind: PairEventKind },
): Promise<PairEvent[]> {
  const filter =
    'kind' in query
      ? fieldEquals('Kind', query.kind)
      : `fields/When ge ${filterLiteral(new Date(query.from).toISOString())} and fields/When lt ${filterLiteral(new Date(query.to).toISOString())}`;
  return (await store.all('PairEvents', filter)).map(toPairEvent).filter((e): e is PairEvent => e !== null);
}

/** The messages a pair event sends: the card to each person it concerns. */
export function pairEventMessages(teamsAppId: string, pair: Pair, event: PairEvent): DueMessage[] {
  const history = links(teamsAppId).history(pair.id);
  const recipients =
    event.kind === 'partner-left' ? pair.members.filter((m) => m.userId !== event.personId) : pair.members;
  return recipients.map((m) => ({
    kind: event.kind,
    subject: pair.id,
    recipient: m.userId,
    dueAt: event.when,
    card:
      event.kind === 'partner-left'
        ? partnerLeftCard(otherMember(pair, m.userId).displayName, history)
        : pairEndedCard(otherMember(pair, m.userId).displayName, event.cancelled, history),
  }));
}

/** The organizer's cancel, with the message attendees get; a meeting already gone counts as cancelled. */
async function cancelWithMessage(ports: Pick<ProgramPorts, 'graph'>, session: Session, comment: string) {
  if (!session.eventId) return;
  try {
    // https://learn.microsoft.com/graph/api/event-cancel : organizer only, 202, `Comment` goes to every attendee.
    await ports.graph.client
      .api(`/users/${encodeURIComponent(session.organizerId)}/events/${encodeURIComponent(session.eventId)}/cancel`)
      .post({ Comment: comment });
  } catch (err) {
    if (!(err instanceof GraphError && err.statusCode === 404)) throw err;
  }
}

/** Cancels the pair's sessions that have not started yet; returns how many. */
async function cancelFutureSessions(ports: Pick<ProgramPorts, 'store' | 'graph' | 'now'>, pair: Pair, comment: string) {
  const ahead = (await ports.store.sessionsOfPair(pair.id)).filter(
    (s) => s.status === 'scheduled' && Date.parse(s.start) > ports.now(),
  );
  for (const session of ahead) {
    await cancelWithMessage(ports, session, comment);
    await ports.store.recordSession({ ...withoutAgenda(session), status: 'cancelled' });
  }
  return ahead.length;
}

/**
 * Ends the pair's meetings and tells its people: `partner-left` when `leftId`
 * left the program, `pair-ended` otherwise. Safe to repeat: the event and the
 * messages are keyed by pair (and recipient).
 */
export async function closePair(
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'teamsAppId'>,
  pair: Pair,
  leftId: string | null = null,
): Promise<PairEvent> {
  const kind: PairEventKind = leftId ? 'partner-left' : 'pair-ended';
  const comment = leftId
    ? `${pair.members.find((m) => m.userId === leftId)?.displayName ?? 'Your partner'} has left the mentorship program, so this Reciprocal session is cancelled.`
    : 'This Reciprocal pair has ended, so this session is cancelled. Your notes stay readable in Reciprocal.';
  const cancelled = await cancelFutureSessions(ports, pair, comment);
  const { item } = await ports.store.createOnce('PairEvents', `${pair.id}|${kind}`, {
    PairId: pair.id,
    Kind: kind,
    PersonId: leftId ?? '',
    When: nowIso(ports),
    Cancelled: cancelled,
  });
  const event = toPairEvent(item) ?? { pairId: pair.id, kind, personId: leftId ?? '', when: nowIso(ports), cancelled };
  for (const message of pairEventMessages(ports.teamsAppId, pair, event)) await enqueueMessage(ports, message);
  return event;
}

/** Pairs whose partner left, with both names: for the program owner. */
export async function partnersLeft(ports: Pick<ProgramPorts, 'store'>): Promise<PartnerLeftEntry[]> {
  const out: PartnerLeftEntry[] = [];
  for (const event of await pairEvents(ports.store, { kind: 'partner-left' })) {
    const pair = await ports.store.pair(event.pairId);
    if (!pair) continue;
    const left = pair.members.find((m) => m.userId === event.personId);
    const remaining = otherMember(pair, event.personId);
    out.push({
      pairId: pair.id,
      leftId: event.personId,
      leftName: left?.displayName ?? event.personId,
      remainingId: remaining.userId,
      remainingName: remaining.displayName,
      when: event.when,
    });
  }
  return out;
}
