// The bot's writes to the caller's own note for a session. Each is one small
// step over the program store, ready to move onto the note use cases.
import { actionItemId } from '../../src/core/notes/model.js';
import type { PhiConfirmation } from '../../src/core/notes/phi.js';
import { noteLimits, type ActionItem, type SharedLearningNote } from '../../src/core/schemas.js';
import type { ProgramStore } from '../graph/programStore.js';

export type NoteStore = Pick<ProgramStore, 'note' | 'saveNote'>;

/** The caller's note for a session as stored (with its etag), or a blank one not saved yet. */
export interface MyNote {
  note: SharedLearningNote;
  etag: string | null;
}

export function blankNote(sessionId: string, pairId: string, authorId: string, stamp: string): SharedLearningNote {
  return {
    sessionId,
    pairId,
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
}

export async function myNote(
  store: NoteStore,
  at: { sessionId: string; pairId: string; authorId: string },
  stamp: string,
): Promise<MyNote> {
  return (
    (await store.note(at.sessionId, at.authorId)) ?? {
      note: blankNote(at.sessionId, at.pairId, at.authorId, stamp),
      etag: null,
    }
  );
}

function saveMyNote(store: NoteStore, mine: MyNote, changes: Partial<SharedLearningNote>, stamp: string) {
  return store.saveNote({ ...mine.note, ...changes, updatedAt: stamp }, mine.etag);
}

/** Appends an action item, its id derived from session, author and text (the card's "Add action item"). */
export function addActionItem(store: NoteStore, mine: MyNote, text: string, stamp: string) {
  const { sessionId, authorId } = mine.note;
  const item: ActionItem = { id: actionItemId(sessionId, authorId, text), text, done: false };
  return saveMyNote(store, mine, { actionItems: [...mine.note.actionItems, item] }, stamp);
}

/** Appends an agenda item from a chat message, dropping the oldest beyond the limit. */
export function addAgendaItem(
  store: NoteStore,
  mine: MyNote,
  item: ActionItem,
  confirmations: readonly PhiConfirmation[],
  stamp: string,
) {
  const actionItems = [...mine.note.actionItems, item].slice(-noteLimits.actionItems);
  return saveMyNote(store, mine, { actionItems, phiConfirmations: withConfirmations(mine, confirmations) }, stamp);
}

/** Appends a chat message's text to what the caller learned, on a line of its own. */
export function appendLearned(
  store: NoteStore,
  mine: MyNote,
  text: string,
  confirmations: readonly PhiConfirmation[],
  stamp: string,
) {
  const { learned } = mine.note;
  return saveMyNote(
    store,
    mine,
    {
      learned: `${learned}${learned ? '\n' : ''}${text}`.slice(0, noteLimits.learnedChars),
      phiConfirmations: withConfirmations(mine, confirmations),
    },
    stamp,
  );
}

const withConfirmations = (mine: MyNote, confirmations: readonly PhiConfirmation[]) => [
  ...mine.note.phiConfirmations,
  ...confirmations.map(({ kind, text }) => ({ kind, text })),
];
