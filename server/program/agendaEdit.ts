// Either person of a pair edits their session's agenda before the meeting
// starts; afterwards it is the record of what was planned and stays as it is.
// Optimistic concurrency on the agenda's own eTag (what it says), made atomic
// with the Sessions list item's eTag, so two people editing at once never
// overwrite each other: the second gets a 412 with the agenda as it now is.
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { Agenda } from '../../src/core/agenda/build.js';
import { errorCodes } from '../../src/core/api.js';
import {
  agendaEditTexts,
  agendaEtag,
  editableAgenda,
  type AgendaEditRequest,
  type EditableAgenda,
} from '../../src/core/agendaEdit.js';
import { unconfirmedFindings } from '../../src/core/notes/phi.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import { minuteMs } from '../../src/core/time.js';
import type { Caller } from '../auth/caller.js';
import { toSession } from '../graph/programRecords.js';
import { etagOf, type ProgramStore } from '../graph/programStore.js';
import { requireMember } from './access.js';
import { refuseFindings } from './noteContent.js';
import type { ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';

export interface AgendaEditPorts {
  store: Pick<ProgramStore, 'findByKey' | 'patch'>;
  now: ProgramPorts['now'];
}
type SessionOfPair = { session: Session; pair: Pair };

const durationOf = (session: Session) => Math.round((Date.parse(session.end) - Date.parse(session.start)) / minuteMs);

/** Until the meeting starts, and not for a cancelled one. */
const mayEdit = (session: Session, now: number) => session.status === 'scheduled' && now < Date.parse(session.start);

/** The session's agenda as stored now, with the Sessions item's eTag for an atomic write. */
async function storedAgenda(store: AgendaEditPorts['store'], sessionId: string) {
  const item = await store.findByKey('Sessions', sessionId);
  if (!item) throw new ApiProblem(errorCodes.notFound, 'There is no such session that you can see.');
  const session = toSession(item.fields);
  const agenda = editableAgenda(session.agenda, { direction: session.direction, durationMinutes: durationOf(session) });
  return { item, session, agenda };
}

function answer(agenda: Agenda, session: Session, now: number): EditableAgenda {
  return { agenda, etag: agendaEtag(agenda), editable: mayEdit(session, now) };
}

/** The agenda to show or edit; only the pair's two people edit it, so only they read it here. */
export async function agendaOf(
  ports: AgendaEditPorts,
  caller: Caller,
  { session, pair }: SessionOfPair,
): Promise<EditableAgenda> {
  requireMember(pair, caller, 'edit agendas');
  const stored = await storedAgenda(ports.store, session.id);
  return answer(stored.agenda, stored.session, ports.now());
}

const changedMeanwhile = (current: EditableAgenda) =>
  new ApiProblem(
    errorCodes.preconditionFailed,
    'the agenda changed since you loaded it (your partner or another window saved it); review the current version',
    { details: current },
  );

/** 400 naming `body.sections` when the sections need more time than the meeting has. */
function requireFits(edit: AgendaEditRequest, session: Session): void {
  const total = edit.sections.reduce((sum, s) => sum + s.minutes, 0);
  const length = durationOf(session);
  if (total > length)
    throw new ApiProblem(
      errorCodes.invalidRequest,
      `body.sections: the sections add up to ${total} minutes; the meeting is ${length} minutes`,
      { field: 'body.sections' },
    );
}

/** Saves an edited agenda; `ifMatch` is the agenda eTag it was loaded with. */
export async function editAgenda(
  ports: AgendaEditPorts,
  caller: Caller,
  { session, pair }: SessionOfPair,
  edit: AgendaEditRequest,
  ifMatch: string | null,
): Promise<EditableAgenda> {
  requireMember(pair, caller, 'edit agendas');
  if (!mayEdit(session, ports.now()))
    throw new ApiProblem(
      errorCodes.conflict,
      'The meeting has started (or was cancelled): its agenda stays as it was.',
    );
  requireFits(edit, session);
  // Agenda text reaches the meeting chat and both calendars: scanned like a note, by field.
  refuseFindings(
    agendaEditTexts(edit).flatMap(({ field, text }) =>
      unconfirmedFindings(text, edit.phiConfirmations).map((f) => ({ field, ...f })),
    ),
  );
  for (let attempt = 1; ; attempt++) {
    const stored = await storedAgenda(ports.store, session.id);
    const current = answer(stored.agenda, stored.session, ports.now());
    if (ifMatch !== current.etag) throw changedMeanwhile(current);
    const agenda: Agenda = { ...stored.agenda, title: edit.title, sections: edit.sections };
    try {
      await ports.store.patch('Sessions', stored.item.id, { AgendaJson: JSON.stringify(agenda) }, etagOf(stored.item));
      return answer(agenda, stored.session, ports.now());
    } catch (err) {
      // Something else of the session may have changed in between (its status): read again; the
      // agenda eTag check above then tells an agenda edit (412 to the caller) from anything else.
      if (!(err instanceof GraphError && err.statusCode === 412) || attempt >= 3) throw err;
    }
  }
}
