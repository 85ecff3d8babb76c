// A session once booked: what the session page shows, moving it (the same
// Teams meeting moves), cancelling it, and marking it held or no-show. The
// changes take a session the caller was already allowed to see (access.ts).
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { agendaToText, type Agenda } from '../../src/core/agenda/index.js';
import { errorCodes } from '../../src/core/api.js';
import { carriedOverActionItems, type CarriedActionItem } from '../../src/core/notes/model.js';
import type { Pair, Session, SessionStatus, SharedLearningNote } from '../../src/core/schemas.js';
import type { Caller } from '../auth/caller.js';
import { cancelSessionEvent, moveSessionEvent } from '../graph/calendar.js';
import { withoutAgenda, type StoredSession } from '../graph/programRecords.js';
import type { ProgramStore } from '../graph/programStore.js';
import { isMember, partnerOf, sessionFor } from './access.js';
import { previousSession } from './agenda.js';
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
  const [mine, theirs, carried] = await Promise.all([
    store.note(session.id, caller.userId),
    store.note(session.id, partnerOf(pair, caller.userId).userId),
    carriedOver(store, pair.id, session.start),
  ]);
  return {
    session: withoutAgenda(session),
    pair,
    agenda: StoredAgenda.safeParse(session.agenda).success ? agendaToText(session.agenda as Agenda) : null,
    myNote: mine,
    partnerNote: isMember(pair, caller.userId) ? (theirs?.note ?? null) : null,
    carriedOverActionItems: carried,
  };
}

/** Moves a scheduled session to `start`, keeping its length; the organizer's Teams meeting moves with it. */
export async function moveSession(
  ports: Pick<ProgramPorts, 'store' | 'graph'>,
  session: StoredSession,
  start: string,
): Promise<Session> {
  if (session.status !== 'scheduled' || !session.eventId)
    throw new ApiProblem(errorCodes.conflict, `a ${session.status} session cannot be moved`);
  const startMs = Date.parse(start);
  const endMs = startMs + (Date.parse(session.end) - Date.parse(session.start));
  await moveSessionEvent(ports.graph.client, session.organizerId, session.eventId, startMs, endMs);
  const moved = {
    ...withoutAgenda(session),
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
  };
  await ports.store.recordSession(moved);
  return moved;
}

/** Cancels a session and its Teams meeting (a meeting already gone counts as cancelled). */
export async function cancelSession(
  ports: Pick<ProgramPorts, 'store' | 'graph'>,
  session: StoredSession,
): Promise<void> {
  if (session.eventId && session.status === 'scheduled') {
    try {
      await cancelSessionEvent(ports.graph.client, session.organizerId, session.eventId);
    } catch (err) {
      if (!(err instanceof GraphError && err.statusCode === 404)) throw err;
    }
  }
  await ports.store.recordSession({ ...withoutAgenda(session), status: 'cancelled' });
}

/** Marks a session held or no-show. */
export async function setSessionStatus(
  ports: Pick<ProgramPorts, 'store'>,
  session: StoredSession,
  status: SessionStatus,
): Promise<Session> {
  const updated = { ...withoutAgenda(session), status };
  await ports.store.recordSession(updated);
  return updated;
}
