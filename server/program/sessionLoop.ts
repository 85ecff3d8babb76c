// The session loop: each person's answer after a session (held / no-show /
// moved, usefulness, one line learned), kept one per person per session in the
// SessionFeedback list. Either person's "held" marks the session held through
// the status state machine (./sessions.ts); a held/no-show disagreement is
// kept and shown to the program owner. The card, the tab's session page and
// the meeting details tab all answer through `recordSessionFeedback`.
import { errorCodes } from '../../src/core/api.js';
import { SessionId } from '../../src/core/ids.js';
import { openFindings, reviewText } from '../../src/core/notes/review.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import {
  answersDisagree,
  loopStatus,
  SessionFeedback,
  type SessionDisagreement,
  type SessionFeedbackRequest,
  type SessionLoopAnswer,
  type SessionLoopView,
} from '../../src/core/sessions/index.js';
import { withoutAgenda, type StoredSession } from '../graph/programRecords.js';
import type { ProgramStore, StoredItem } from '../graph/programStore.js';
import { fieldEquals } from '../graph/odata.js';
import { isMember, partnerOf } from './access.js';
import { nowIso, type ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';
import { setSessionStatus } from './sessions.js';

export const feedbackKey = (sessionId: string, personId: string): string => `${sessionId}|${personId}`;

function toFeedback(item: StoredItem): SessionFeedback | null {
  const f = item.fields;
  const parsed = SessionFeedback.safeParse({
    sessionId: f['SessionId'],
    pairId: f['PairId'],
    personId: f['PersonId'],
    outcome: f['Outcome'],
    usefulness: typeof f['Usefulness'] === 'number' ? f['Usefulness'] : null,
    learned: typeof f['Learned'] === 'string' ? f['Learned'] : '',
    when: typeof f['When'] === 'string' ? new Date(f['When']).toISOString() : '',
  });
  return parsed.success ? parsed.data : null;
}

const present = <T>(x: T | null): x is T => x !== null;

/** Both people's answers for one session (none, one or two). */
export async function feedbackOfSession(store: ProgramStore, sessionId: string): Promise<SessionFeedback[]> {
  return (await store.all('SessionFeedback', fieldEquals('SessionId', sessionId))).map(toFeedback).filter(present);
}

/** Every answer given for any of a pair's sessions. */
export async function feedbackOfPair(store: ProgramStore, pairId: string): Promise<SessionFeedback[]> {
  return (await store.all('SessionFeedback', fieldEquals('PairId', pairId))).map(toFeedback).filter(present);
}

/** Every answer given (the owner's view and the digest). */
export async function allFeedback(store: ProgramStore): Promise<SessionFeedback[]> {
  return (await store.all('SessionFeedback')).map(toFeedback).filter(present);
}

/** The session and pair, when `personId` is one of the pair's two people (the same 404 otherwise, as for notes). */
async function ownSession(store: ProgramStore, personId: string, sessionId: string) {
  const session = SessionId.safeParse(sessionId).success ? await store.session(sessionId) : null;
  const pair = session ? await store.pair(session.pairId) : null;
  if (!session || !pair || !isMember(pair, personId))
    throw new ApiProblem(errorCodes.notFound, 'That session is not one of yours.');
  return { session, pair };
}

function loopView(pair: Pair, personId: string, answers: readonly SessionFeedback[]): SessionLoopView {
  const partner = partnerOf(pair, personId).userId;
  return {
    mine: answers.find((a) => a.personId === personId) ?? null,
    partnerOutcome: answers.find((a) => a.personId === partner)?.outcome ?? null,
    disagreement: answersDisagree(answers),
  };
}

/** What the caller said about a session and what their partner said happened. */
export async function sessionLoopView(
  ports: Pick<ProgramPorts, 'store'>,
  personId: string,
  sessionId: string,
): Promise<SessionLoopAnswer> {
  const { session, pair } = await ownSession(ports.store, personId, sessionId);
  return {
    session: withoutAgenda(session),
    loop: loopView(pair, personId, await feedbackOfSession(ports.store, sessionId)),
  };
}

/** Refuses an answer about a session that was cancelled or has not started yet (409 naming why). */
function requireAnswerable(ports: Pick<ProgramPorts, 'now'>, session: StoredSession): void {
  if (session.status === 'cancelled')
    throw new ApiProblem(errorCodes.conflict, 'this session was cancelled, so there is nothing to record', {
      details: { status: session.status },
    });
  if (Date.parse(session.start) > ports.now())
    throw new ApiProblem(errorCodes.conflict, 'this session has not started yet', {
      details: { start: session.start },
    });
}

/**
 * Records the person's answer (replacing their earlier one) and moves the
 * session's status as the answers say. The learned line goes through the PHI
 * guard as a note's text does; a flagged line is refused (422 naming
 * body.learned): a one-line answer has no place to confirm a finding.
 */
export async function recordSessionFeedback(
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now'>,
  personId: string,
  sessionId: string,
  answer: SessionFeedbackRequest,
): Promise<SessionLoopAnswer> {
  const learned = answer.learned.trim();
  const findings = openFindings(reviewText('learned', learned, []));
  if (findings.length > 0)
    throw new ApiProblem(
      errorCodes.phiUnconfirmed,
      'what you learned looks like it holds a patient identifier: rephrase it',
      {
        field: 'body.learned',
        details: { findings: findings.map(({ field, kind, start, end, text }) => ({ field, kind, start, end, text })) },
      },
    );
  const { session, pair } = await ownSession(ports.store, personId, sessionId);
  requireAnswerable(ports, session);
  await ports.store.upsert('SessionFeedback', feedbackKey(sessionId, personId), {
    SessionId: sessionId,
    PairId: pair.id,
    PersonId: personId,
    Outcome: answer.outcome,
    ...(answer.usefulness === null ? {} : { Usefulness: answer.usefulness }),
    Learned: learned,
    When: nowIso(ports),
  });
  const answers = await feedbackOfSession(ports.store, sessionId);
  const next = loopStatus(session.status, answers);
  const updated: Session = next ? await setSessionStatus(ports, session, next) : withoutAgenda(session);
  return { session: updated, loop: loopView(pair, personId, answers) };
}

/** Sessions the two people marked differently (one held, one no-show), with both names: for the program owner. */
export async function sessionDisagreements(ports: Pick<ProgramPorts, 'store'>): Promise<SessionDisagreement[]> {
  const bySession = new Map<string, SessionFeedback[]>();
  for (const a of await allFeedback(ports.store))
    bySession.set(a.sessionId, [...(bySession.get(a.sessionId) ?? []), a]);
  const out: SessionDisagreement[] = [];
  for (const [sessionId, answers] of bySession) {
    if (!answersDisagree(answers)) continue;
    const [session, pair] = await Promise.all([ports.store.session(sessionId), ports.store.pair(answers[0]!.pairId)]);
    if (!session || !pair) continue;
    const nameOf = (id: string) => pair.members.find((m) => m.userId === id)?.displayName ?? id;
    out.push({
      sessionId,
      pairId: pair.id,
      start: session.start,
      status: session.status,
      answers: answers.map((a) => ({ personId: a.personId, displayName: nameOf(a.personId), outcome: a.outcome })),
    });
  }
  return out.sort((x, y) => x.start.localeCompare(y.start));
}
