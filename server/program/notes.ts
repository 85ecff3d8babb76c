// Shared-learning notes (each person writes their own, behind the PHI guard),
// action items, and informal touchpoints; only the pair's two people write. The REST API and the bot both save
// notes here, so the PHI review and the concurrency rule are the same for both.
import type { z } from 'zod';
import { errorCodes, type NoteInput, type TouchpointRequest } from '../../src/core/api.js';
import { fnv1aId } from '../../src/core/hash.js';
import { actionItemId } from '../../src/core/notes/model.js';
import type { PhiConfirmation } from '../../src/core/notes/phi.js';
import { openFindings, reviewNote, reviewText, type FieldFinding } from '../../src/core/notes/review.js';
import {
  noteLimits,
  type ActionItem,
  type Pair,
  type Session,
  type SharedLearningNote,
  type Touchpoint,
} from '../../src/core/schemas.js';
import type { Caller } from '../auth/caller.js';
import { NoteConflictError, type ProgramStore } from '../graph/programStore.js';
import { isMember, requireMember } from './access.js';
import { previousSession } from './agenda.js';
import { nowIso, type ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';

type NotePorts = Pick<ProgramPorts, 'store' | 'now'>;
/** A session the caller may see (access.ts `sessionFor`), with its pair. */
type SessionOfPair = { session: Session; pair: Pair };
export interface SavedNote {
  note: SharedLearningNote;
  etag: string;
}

/** 422 when any finding is still open: the body names each one by field and span. */
function requireNoOpenFindings(review: readonly FieldFinding[]): void {
  const findings = openFindings(review).map(({ field, kind, start, end, text }) => ({ field, kind, start, end, text }));
  if (findings.length > 0)
    throw new ApiProblem(
      errorCodes.phiUnconfirmed,
      'this note looks like it holds patient identifiers: edit them out or confirm each one',
      { details: { findings } },
    );
}

/** Saves, turning a concurrent change into a 412 carrying the current note. */
async function saveOrConflict(store: ProgramStore, note: SharedLearningNote, etag: string | null): Promise<SavedNote> {
  try {
    return await store.saveNote(note, etag);
  } catch (err) {
    if (err instanceof NoteConflictError)
      throw new ApiProblem(
        errorCodes.preconditionFailed,
        'your note changed since you loaded it (another window or device saved it); review the current version',
        { details: err.current },
      );
    throw err;
  }
}

/** Saves the caller's own note for a session; `ifMatch` is the ETag it was loaded with (null for a first save). */
export async function saveMyNote(
  ports: NotePorts,
  caller: Caller,
  { session, pair }: SessionOfPair,
  input: NoteInput,
  ifMatch: string | null,
): Promise<SavedNote> {
  requireMember(pair, caller, 'write notes');
  requireNoOpenFindings(reviewNote(input));
  const now = nowIso(ports);
  const note: SharedLearningNote = {
    sessionId: session.id,
    pairId: pair.id,
    authorId: caller.userId,
    ...input,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return saveOrConflict(ports.store, note, ifMatch);
}

/** Ticks an action item off (or back on); it lives in this session's notes or, carried over, the previous one's. */
export async function tickActionItem(
  ports: NotePorts,
  caller: Caller,
  { session, pair }: SessionOfPair,
  itemId: string,
  done: boolean,
): Promise<ActionItem> {
  const { store } = ports;
  requireMember(pair, caller, 'tick off action items');
  const previous = await previousSession(store, pair.id, session.start);
  for (const id of [session.id, previous?.id].filter((x): x is string => Boolean(x))) {
    for (const author of pair.members) {
      const found = await store.note(id, author.userId);
      const item = found?.note.actionItems.find((i) => i.id === itemId);
      if (!found || !item) continue;
      const saved = await store.saveNote(
        {
          ...found.note,
          actionItems: found.note.actionItems.map((i) => (i.id === item.id ? { ...i, done } : i)),
          updatedAt: nowIso(ports),
        },
        found.etag,
      );
      return saved.note.actionItems.find((i) => i.id === item.id)!;
    }
  }
  throw new ApiProblem(errorCodes.notFound, `no action item ${itemId} in this session or the one before`);
}

/** Logs an informal touchpoint; logging the same one twice keeps one (its id derives from what it says). */
export async function logTouchpoint(
  ports: Pick<ProgramPorts, 'store'>,
  caller: Caller,
  pair: Pair,
  input: z.infer<typeof TouchpointRequest>,
): Promise<Touchpoint> {
  requireMember(pair, caller, 'log touchpoints');
  const id = `${pair.id}~tp~${fnv1aId(`${caller.userId}|${input.date}|${input.kind}|${input.minutes}`)}`;
  return ports.store.addTouchpoint({ id, pairId: pair.id, loggedBy: caller.userId, ...input });
}

// ---- notes written from elsewhere (the bot: agenda cards, message actions) ----

/** A session of one of `authorId`'s own pairs, with that pair. */
async function ownSession(
  store: ProgramStore,
  authorId: string,
  sessionId: string,
): Promise<{ session: Session; pair: Pair }> {
  const session = await store.session(sessionId);
  const pair = session ? await store.pair(session.pairId) : null;
  if (!session || !pair || !isMember(pair, authorId))
    throw new ApiProblem(errorCodes.notFound, 'That session is not one of yours.');
  return { session, pair };
}

/** The author's note for the session as it stands (with its ETag), or a blank one to start from. */
async function myNoteOrBlank(
  ports: NotePorts,
  authorId: string,
  session: Session,
  pair: Pair,
): Promise<{ note: SharedLearningNote; etag: string | null }> {
  const existing = await ports.store.note(session.id, authorId);
  if (existing) return existing;
  const stamp = nowIso(ports);
  const note: SharedLearningNote = {
    sessionId: session.id,
    pairId: pair.id,
    authorId,
    taught: '',
    learned: '',
    actionItems: [],
    focusAreas: [],
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
    phiConfirmations: [],
  };
  return { note, etag: null };
}

/**
 * Adds an action item to the author's own note for a session. The PHI guard
 * runs first; an item is about the author's learning, so a flagged one is refused
 * unless each finding is confirmed.
 */
export async function addActionItem(
  ports: NotePorts,
  authorId: string,
  sessionId: string,
  text: string,
  confirmations: readonly PhiConfirmation[] = [],
): Promise<{ session: Session; item: ActionItem; saved: SavedNote }> {
  const itemText = text.trim().slice(0, noteLimits.actionItemChars);
  if (!itemText) throw new ApiProblem(errorCodes.invalidRequest, 'the action item is empty', { field: 'text' });
  requireNoOpenFindings(reviewText('actionItems.0.text', itemText, confirmations));
  const { session, pair } = await ownSession(ports.store, authorId, sessionId);
  const { note, etag } = await myNoteOrBlank(ports, authorId, session, pair);
  if (note.actionItems.length >= noteLimits.actionItems)
    throw new ApiProblem(
      errorCodes.conflict,
      `This session already has ${noteLimits.actionItems} action items of yours.`,
    );
  const item: ActionItem = { id: actionItemId(session.id, authorId, itemText), text: itemText, done: false };
  const saved = await saveOrConflict(
    ports.store,
    {
      ...note,
      actionItems: [...note.actionItems, item],
      phiConfirmations: [...note.phiConfirmations, ...confirmations],
      updatedAt: nowIso(ports),
    },
    etag,
  );
  return { session, item, saved };
}

/** Appends text (a chat message saved as a learning note) to what the author learned in a session. */
export async function appendToMyNote(
  ports: NotePorts,
  authorId: string,
  sessionId: string,
  text: string,
  confirmations: readonly PhiConfirmation[] = [],
): Promise<{ session: Session; saved: SavedNote }> {
  requireNoOpenFindings(reviewText('learned', text, confirmations));
  const { session, pair } = await ownSession(ports.store, authorId, sessionId);
  const { note, etag } = await myNoteOrBlank(ports, authorId, session, pair);
  const learned = `${note.learned}${note.learned ? '\n' : ''}${text}`.slice(0, noteLimits.learnedChars);
  const saved = await saveOrConflict(
    ports.store,
    {
      ...note,
      learned,
      phiConfirmations: [...note.phiConfirmations, ...confirmations],
      updatedAt: nowIso(ports),
    },
    etag,
  );
  return { session, saved };
}
