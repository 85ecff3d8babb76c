// A pair's history: every past and upcoming session with its status, whether
// each person's note exists, what each said happened, and the action items.
// The pair's own people read it even after the pair ended; the program owner
// sees statuses only (action items are part of notes).
import type { PairHistory } from '../../src/core/sessions/index.js';
import type { Caller } from '../auth/caller.js';
import { withoutAgenda } from '../graph/programRecords.js';
import { isMember, pairFor, partnerOf } from './access.js';
import type { ProgramPorts } from './ports.js';
import { feedbackOfPair } from './sessionLoop.js';

export async function pairHistory(
  ports: Pick<ProgramPorts, 'store'>,
  caller: Caller,
  pairId: string,
): Promise<PairHistory> {
  const pair = await pairFor(ports.store, caller, pairId);
  const member = isMember(pair, caller.userId);
  const me = caller.userId;
  const partner = partnerOf(pair, me).userId;
  const [sessions, answers] = await Promise.all([
    ports.store.sessionsOfPair(pair.id),
    feedbackOfPair(ports.store, pair.id),
  ]);
  const rows = await Promise.all(
    sessions.map(async (session) => {
      const notes = member ? await ports.store.notesOfSession(session.id) : [];
      const said = (personId: string) =>
        member ? (answers.find((a) => a.sessionId === session.id && a.personId === personId)?.outcome ?? null) : null;
      return {
        session: withoutAgenda(session),
        myNote: notes.some((n) => n.authorId === me),
        partnerNote: notes.some((n) => n.authorId === partner),
        myOutcome: said(me),
        partnerOutcome: said(partner),
        actionItems: notes.flatMap((n) => n.actionItems.map((i) => ({ ...i, authorId: n.authorId }))),
      };
    }),
  );
  return { pair, sessions: rows };
}
