// A session once booked: what the session page shows, moving it (the same
// Teams meeting moves, only to a time both people are free), cancelling it,
// and marking it held or no-show, each as the status state machine allows
// (src/core/sessions/status.ts). The changes take a session the caller was
// already allowed to see (access.ts).
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { agendaToText, type Agenda } from '../../src/core/agenda/index.js';
import { errorCodes } from '../../src/core/api.js';
import { carriedOverActionItems, type CarriedActionItem } from '../../src/core/notes/model.js';
import type { Pair, Session, SessionStatus, SharedLearningNote } from '../../src/core/schemas.js';
import { rescheduleRefusal, statusChangeRefusal } from '../../src/core/sessions/index.js';
import { dayMs } from '../../src/core/time.js';
import type { Caller } from '../auth/caller.js';
import { cancelSessionEvent, moveSessionEvent } from '../graph/calendar.js';
import { withoutAgenda, type StoredSession } from '../graph/programRecords.js';
import type { ProgramStore } from '../graph/programStore.js';
import { isMember, partnerOf, sessionFor } from './access.js';
import { previousSession } from './agenda.js';
import { pairAvailability } from './availability.js';
import type { ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';

export interface SessionView {
  session: Session;
  pair: Pair;
  agenda: string | null;
  myNote: { note: SharedLearningNote; etag: string } | null;
  partnerNote: SharedLearningNote | null;
  carriedOverActionItems: CarriedActionItem[];
}

/** The open action items both people wrote in the pair's last session before `before`. */
async function carriedOver(store: ProgramStore, pairId: string, before: string): Promise<CarriedActionItem[]> {
  const previous = await previousSession(store, pairId, before);
  return previous ? carriedOverActionItems(await store.notesOfSession(previous.id)) : [];
}

const StoredAgenda = z.object({ sections: z.array(z.unknown()) }).passthrough();

/** The session page: agenda, my note, my partner's note (only for the pair's own people), carried-over items. */
export async function sessionView(
  ports: Pick<ProgramPorts, 'store'>,
  caller: Caller,
  id: string,
): Promise<SessionView> {
  const { store } = ports;
  const { session, pair } = await sessionFor(store, caller, id);
  // Notes and their action items stay with the pair: the owner, who may open any session, sees neither.
  const member = isMember(pair, caller.userId);
  const [mine, theirs, carried] = await Promise.all([
    store.note(session.id, caller.userId),
    member ? store.note(session.id, partnerOf(pair, caller.userId).userId) : null,
    member ? carriedOver(store, pair.id, session.start) : [],
  ]);
  return {
    session: withoutAgenda(session),
    pair,
    agenda: StoredAgenda.safeParse(session.agenda).success ? agendaToText(session.agenda as Agenda) : null,
    myNote: mine,
    partnerNote: theirs?.note ?? null,
    carriedOverActionItems: carried,
  };
}

/** Moves a scheduled session to `start`, keeping its length and key; the organizer's Teams meeting moves with it. */
export async function moveSession(
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now'>,
  { session, pair }: { session: StoredSession; pair: Pair },
  start: string,
): Promise<Session> {
  if (session.status !== 'scheduled' || !session.eventId)
    throw new ApiProblem(errorCodes.conflict, `a ${session.status} session cannot be moved`, {
      details: { status: session.status },
    });
  const startMs = Date.parse(start);
  if (startMs < ports.now())
    throw new ApiProblem(errorCodes.invalidRequest, 'body.start: is in the past', { field: 'body.start' });
  const slot = { start: startMs, end: startMs + (Date.parse(session.end) - Date.parse(session.start)) };
  const people = await pairAvailability(
    ports.graph,
    pair,
    { start: slot.start - dayMs, end: slot.end + dayMs },
    { bufferMinutes: 0, treatTentativeAsBusy: true },
  );
  const refusal = rescheduleRefusal(
    people.map((p) => ({ displayName: p.member.displayName, working: p.working, busy: p.busy })),
    slot,
    { start: Date.parse(session.start), end: Date.parse(session.end) },
  );
  if (refusal)
    throw new ApiProblem(errorCodes.noCommonTime, `cannot move to ${start}: ${refusal}`, { field: 'body.start' });
  await moveSessionEvent(ports.graph.client, session.organizerId, session.eventId, slot.start, slot.end);
  const moved = {
    ...withoutAgenda(session),
    start: new Date(slot.start).toISOString(),
    end: new Date(slot.end).toISOString(),
  };
  await ports.store.recordSession(moved);
  return moved;
}

/** 409 naming both statuses when the state machine (src/core/sessions/status.ts) forbids the change. */
function requireStatusChange(ports: Pick<ProgramPorts, 'now'>, session: StoredSession, to: SessionStatus): void {
  const refusal = statusChangeRefusal(session.status, to, { startMs: Date.parse(session.start), nowMs: ports.now() });
  if (refusal) throw new ApiProblem(errorCodes.conflict, refusal, { details: { from: session.status, to } });
}

/** Cancels a session and its Teams meeting (a meeting already gone counts as cancelled); cancelling twice is a no-op. */
export async function cancelSession(
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now'>,
  session: StoredSession,
): Promise<Session> {
  requireStatusChange(ports, session, 'cancelled');
  if (session.status === 'cancelled') return withoutAgenda(session);
  if (session.eventId) {
    try {
      await cancelSessionEvent(ports.graph.client, session.organizerId, session.eventId);
    } catch (err) {
      if (!(err instanceof GraphError && err.statusCode === 404)) throw err;
    }
  }
  const cancelled = { ...withoutAgenda(session), status: 'cancelled' as const };
  await ports.store.recordSession(cancelled);
  return cancelled;
}

/**
 * Records what became of a session, as the state machine allows: held or
 * no-show once it has started (either correctable into the other), or
 * cancelled, which cancels the Teams meeting exactly as DELETE does.
 */
export async function setSessionStatus(
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now'>,
  session: StoredSession,
  status: SessionStatus,
): Promise<Session> {
  if (status === 'cancelled') return cancelSession(ports, session);
  requireStatusChange(ports, session, status);
  if (session.status === status) return withoutAgenda(session);
  const updated = { ...withoutAgenda(session), status };
  await ports.store.recordSession(updated);
  return updated;
}
