// Shared-learning notes (each person writes their own, behind the PHI guard),
// action items, and informal touchpoints; only the pair's two people write.
// The REST API and the bot both save notes here, so the PHI review and the
// concurrency rule are the same for both.
import type { z } from 'zod';
import { errorCodes, type NoteInput, type TouchpointRequest } from '../../src/core/api.js';
import { fnv1aId } from '../../src/core/hash.js';
import { ActionItemId, SessionId } from '../../src/core/ids.js';
import { actionItemId, assigneeOf } from '../../src/core/notes/model.js';
import type { PhiConfirmation } from '../../src/core/notes/phi.js';
import { actionItemField, liveConfirmations, openFindings, reviewText } from '../../src/core/notes/review.js';
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
import { isMember, requireId, requireMember } from './access.js';
import { previousSession } from './agenda.js';
import { refuseFindings, requireStorableNote } from './noteContent.js';
import { nowIso, type ProgramPorts } from './ports.js';
import { ApiProblem } from './problem.js';

/** What note writes need of the store (the bot hands in the same store, typed this narrowly). */
export type NoteStore = Pick<ProgramStore, 'session' | 'pair' | 'note' | 'saveNote'>;
export interface NotePorts {
  store: NoteStore;
  now: ProgramPorts['now'];
}
/** A session the caller may see (access.ts `sessionFor`), with its pair. */
type SessionOfPair = { session: Session; pair: Pair };
export interface SavedNote {
  note: SharedLearningNote;
  etag: string;
}

/** How often a small change (a tick, an appended line) is merged again after another save landed in between. */
const mergeAttempts = 6;
/** A short random pause before merging again, so writers racing for one note stop colliding in step. */
const mergePause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 40 * attempt));

/** Saves, turning a concurrent change into a 412 carrying the current note. */
async function saveOrConflict(store: NoteStore, note: SharedLearningNote, etag: string | null): Promise<SavedNote> {
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

/**
 * Each item with who of the pair does it: the one named (400 naming the field
 * when that is not one of the two), else the author.
 */
export function assignedItems<T extends ActionItem>(pair: Pair, authorId: string, items: readonly T[]): T[] {
  return items.map((item, i) => {
    if (item.assigneeId !== undefined && !isMember(pair, item.assigneeId)) {
      const field = `body.actionItems.${i}.assigneeId`;
      throw new ApiProblem(errorCodes.invalidRequest, `${field}: must be one of the pair's two people`, { field });
    }
    return { ...item, assigneeId: assigneeOf(item, authorId) };
  });
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
  const phiConfirmations = requireStorableNote(input);
  const now = nowIso(ports);
  const note: SharedLearningNote = {
    sessionId: session.id,
    pairId: pair.id,
    authorId: caller.userId,
    ...input,
    actionItems: assignedItems(pair, caller.userId, input.actionItems),
    phiConfirmations,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  return saveOrConflict(ports.store, note, ifMatch);
}

/**
 * Applies one small change to an author's stored note (or to a blank one when
 * there is none yet) and saves it with the eTag it was read with; when another
 * save lands in between, reads again and re-applies, so neither is lost.
 * `change` answers null when there is nothing to do (a retried bot write).
 */
async function mergeIntoNote(
  ports: NotePorts,
  at: { session: Session; pair: Pair; authorId: string },
  change: (note: SharedLearningNote) => SharedLearningNote | null,
): Promise<SavedNote> {
  for (let attempt = 1; ; attempt++) {
    const found = await ports.store.note(at.session.id, at.authorId);
    const current = found ?? { note: blankNote(at, nowIso(ports)), etag: null };
    const next = change(current.note);
    if (!next) return found ?? { note: current.note, etag: '' };
    try {
      return await ports.store.saveNote({ ...next, updatedAt: nowIso(ports) }, current.etag);
    } catch (err) {
      if (!(err instanceof NoteConflictError)) throw err;
      if (attempt >= mergeAttempts)
        throw new ApiProblem(errorCodes.conflict, 'the note kept changing while this was saved; try again');
      await mergePause(attempt);
    }
  }
}

function blankNote(at: { session: Session; pair: Pair; authorId: string }, stamp: string): SharedLearningNote {
  return {
    sessionId: at.session.id,
    pairId: at.pair.id,
    authorId: at.authorId,
    taught: '',
    learned: '',
    actionItems: [],
    focusAreas: [],
    createdAt: stamp,
    updatedAt: stamp,
    version: 1,
    phiConfirmations: [],
  };
}

/** Ticks an action item off (or back on); it lives in this session's notes or, carried over, the previous one's. */
export async function tickActionItem(
  ports: NotePorts & { store: Pick<ProgramStore, 'sessionsOfPair'> },
  caller: Caller,
  { session, pair }: SessionOfPair,
  itemId: string,
  done: boolean,
): Promise<ActionItem> {
  const { store } = ports;
  requireMember(pair, caller, 'tick off action items');
  requireId(ActionItemId, itemId, 'params.itemId');
  const previous = await previousSession(store, pair.id, session.start);
  for (const inSession of [session, previous].filter((x): x is Session => Boolean(x))) {
    for (const author of pair.members) {
      const found = await store.note(inSession.id, author.userId);
      if (!found?.note.actionItems.some((i) => i.id === itemId)) continue;
      const saved = await mergeIntoNote(ports, { session: inSession, pair, authorId: author.userId }, (note) => ({
        ...note,
        actionItems: note.actionItems.map((i) => (i.id === itemId ? { ...i, done } : i)),
      }));
      const item = saved.note.actionItems.find((i) => i.id === itemId);
      if (item) return item;
    }
  }
  throw new ApiProblem(errorCodes.notFound, 'There is no such action item in this session or the one before.');
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
// Each is idempotent: the item's id derives from session, author and text, and
// an appended line already there is not appended again, so a retried activity
// (Teams retries an invoke answered late) finds its write already done.

/** A session of one of `authorId`'s own pairs, with that pair. */
async function ownSession(store: NoteStore, authorId: string, sessionId: string): Promise<SessionOfPair> {
  const valid = SessionId.safeParse(sessionId).success;
  const session = valid ? await store.session(sessionId) : null;
  const pair = session ? await store.pair(session.pairId) : null;
  if (!session || !pair || !isMember(pair, authorId))
    throw new ApiProblem(errorCodes.notFound, 'That session is not one of yours.');
  return { session, pair };
}

/** The confirmations a note keeps after a write: its own and the new ones, for text it holds, each once. */
const keptConfirmations = (note: SharedLearningNote, confirmations: readonly PhiConfirmation[]) =>
  liveConfirmations({ ...note, phiConfirmations: [...note.phiConfirmations, ...confirmations] })
    .filter((c, i, all) => all.findIndex((o) => o.kind === c.kind && o.text === c.text) === i)
    .map(({ kind, text }) => ({ kind, text }));

type AddedItem = { session: Session; item: ActionItem; saved: SavedNote };

/** Puts the item (id from session, author and text) into the author's note with `place`, unless it is there already. */
async function addItem(
  ports: NotePorts,
  write: { authorId: string; sessionId: string; text: string; confirmations: readonly PhiConfirmation[] },
  place: (items: ActionItem[], item: ActionItem) => ActionItem[],
): Promise<AddedItem> {
  const { authorId, sessionId, confirmations } = write;
  const text = write.text.trim().slice(0, noteLimits.actionItemChars);
  if (!text) throw new ApiProblem(errorCodes.invalidRequest, 'the action item is empty', { field: 'text' });
  // Scanned as the item it becomes (its index only names the field in a finding).
  refuseFindings(openFindings(reviewText(actionItemField(0), text, confirmations)));
  const at = { ...(await ownSession(ports.store, authorId, sessionId)), authorId };
  const item: ActionItem = { id: actionItemId(sessionId, authorId, text), text, done: false, assigneeId: authorId };
  const saved = await mergeIntoNote(ports, at, (note) => {
    if (note.actionItems.some((i) => i.id === item.id)) return null;
    const actionItems = place(note.actionItems, item);
    return { ...note, actionItems, phiConfirmations: keptConfirmations({ ...note, actionItems }, confirmations) };
  });
  return { session: at.session, item, saved };
}

/** A bot write of one item: whose note, which session, the text, and the findings its author confirmed. */
type ItemWrite = (
  ports: NotePorts,
  authorId: string,
  sessionId: string,
  text: string,
  confirmations?: readonly PhiConfirmation[],
) => Promise<AddedItem>;

/**
 * Adds an action item to the author's own note for a session (the agenda
 * card's "Add action item"). The PHI guard runs first; an item is about the
 * author's learning, so a flagged one is refused unless each finding is
 * confirmed. A note already at the limit answers 409.
 */
export const addActionItem: ItemWrite = (ports, authorId, sessionId, text, confirmations = []) =>
  addItem(ports, { authorId, sessionId, text, confirmations }, (items, item) => {
    if (items.length >= noteLimits.actionItems)
      throw new ApiProblem(
        errorCodes.conflict,
        `This session already has ${noteLimits.actionItems} action items of yours.`,
      );
    return [...items, item];
  });

/** Adds a chat message to the author's agenda for a session ("Add to agenda"), dropping the oldest item beyond the limit. */
export const addAgendaItem: ItemWrite = (ports, authorId, sessionId, text, confirmations = []) =>
  addItem(ports, { authorId, sessionId, text, confirmations }, (items, item) =>
    [...items, item].slice(-noteLimits.actionItems),
  );

/** Whether `text` is already one whole line (or run of lines) of `learned`. */
const holdsLines = (learned: string, text: string) => `\n${learned}\n`.includes(`\n${text}\n`);

/** Appends text (a chat message saved as a learning note) to what the author learned in a session. */
export async function appendToMyNote(
  ports: NotePorts,
  authorId: string,
  sessionId: string,
  text: string,
  confirmations: readonly PhiConfirmation[] = [],
): Promise<{ session: Session; saved: SavedNote }> {
  refuseFindings(openFindings(reviewText('learned', text, confirmations)));
  const at = { ...(await ownSession(ports.store, authorId, sessionId)), authorId };
  const saved = await mergeIntoNote(ports, at, (note) => {
    if (holdsLines(note.learned, text)) return null;
    const learned = `${note.learned}${note.learned ? '\n' : ''}${text}`.slice(0, noteLimits.learnedChars);
    return { ...note, learned, phiConfirmations: keptConfirmations({ ...note, learned }, confirmations) };
  });
  return { session: at.session, saved };
}
