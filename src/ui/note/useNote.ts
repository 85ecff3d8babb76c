// My shared-learning note for one session, the same on every surface: the
// server's note or a newer kept draft, autosaved drafts (noteDrafts.ts), one
// PHI review per edit, save with the ETag I edited, and the choice when it
// changed elsewhere.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { answeredAlready, ApiError, type ApiClient } from '../../client/api.js';
import type { DraftKeeping, NoteDrafts, RestoredDraft } from './noteDrafts.js';
import { errorCodes, type NoteInput, type NoteWithEtag, type SessionDetail } from '../../core/api.js';
import { liveConfirmations, openFindings, reviewNote, type FieldFinding } from '../../core/notes/review.js';
import { usePersonTagger } from './usePersonTagger.js';
import { noteLimits, type SharedLearningNote } from '../../core/schemas.js';

export type NoteSaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'blocked-by-phi' }
  | { status: 'conflict'; saved: NoteWithEtag }
  | { status: 'failed'; error: unknown };

/** Where a note lives: whose it is, for which session, through which API, with drafts kept where. */
export interface NoteHost {
  api: ApiClient;
  userId: string;
  sessionId: string;
  drafts: NoteDrafts;
}

export function noteInputOf(note: SharedLearningNote): NoteInput {
  return {
    taught: note.taught,
    learned: note.learned,
    actionItems: note.actionItems,
    focusAreas: note.focusAreas,
    phiConfirmations: note.phiConfirmations,
  };
}

const sameNote = (a: NoteInput, b: NoteInput) => JSON.stringify(a) === JSON.stringify(b);

/** The note as the server will take it: empty action items dropped, texts trimmed, stale confirmations gone. */
export function noteToSave(note: NoteInput, review: readonly FieldFinding[]): NoteInput {
  return {
    ...note,
    actionItems: note.actionItems
      .filter((item) => item.text.trim().length > 0)
      .map((item) => ({ ...item, text: item.text.trim() })),
    phiConfirmations: liveConfirmations(note, review),
  };
}

type SentNote =
  { status: 'saved'; saved: NoteWithEtag } | Exclude<NoteSaveState, { status: 'idle' | 'saving' | 'saved' }>;

/** One PUT of my note, its failures as values: a 412 brings the version saved elsewhere. */
async function sendNote(api: ApiClient, sessionId: string, input: NoteInput, etag: string | null): Promise<SentNote> {
  try {
    return { status: 'saved', saved: await api.saveNote(sessionId, input, etag) };
  } catch (error) {
    if (error instanceof ApiError && error.isConflict) {
      const fresh = await api.session(sessionId).catch(() => null);
      if (fresh?.myNote) return { status: 'conflict', saved: fresh.myNote };
    }
    if (error instanceof ApiError && error.code === errorCodes.phiUnconfirmed) return { status: 'blocked-by-phi' };
    return { status: 'failed', error };
  }
}

/** Whether the tenant may keep these words: the guard passed them and they fit a note (the server checks both again). */
const tenantMayKeep = (note: NoteInput, review: readonly FieldFinding[]) =>
  openFindings(review).length === 0 &&
  note.taught.length <= noteLimits.taughtChars &&
  note.learned.length <= noteLimits.learnedChars;

/** The note a person opens: theirs as saved, unless a draft kept (`restored`) holds other words. */
interface OpenedNote {
  note: NoteInput;
  baseEtag: string | null;
  restoredDraft: RestoredDraft['from'] | null;
}

function noteToEdit(detail: SessionDetail, restored: RestoredDraft | null): OpenedNote {
  const server = detail.myNote;
  const serverNote: NoteInput = server
    ? noteInputOf(server.note)
    : { taught: '', learned: '', actionItems: [], focusAreas: detail.session.focusAreas, phiConfirmations: [] };
  return restored !== null && !sameNote(restored.draft.note, serverNote)
    ? { note: restored.draft.note, baseEtag: restored.draft.baseEtag, restoredDraft: restored.from }
    : { note: serverNote, baseEtag: server?.etag ?? null, restoredDraft: null };
}

/**
 * The note opened in the first render, when the session and the tenant's draft
 * both came with the page's code (primed): the page shows the note at once
 * rather than a skeleton and then a second render.
 */
function openedAtOnce({ userId, sessionId, drafts }: NoteHost, detail: SessionDetail | null) {
  if (!detail) return null;
  const answered = answeredAlready(() => drafts.tenantDraft(sessionId));
  if (!answered) return null;
  return { opened: noteToEdit(detail, drafts.newest(userId, sessionId, answered.value.draft)), take: answered.take };
}

/**
 * The note being edited: taken once per session loaded (the server's, or the
 * newest draft kept on this device or in the tenant), and each edit kept as a
 * draft where it may be kept (noteDrafts.ts says where, and why).
 */
function useNoteDraft(host: NoteHost, detail: SessionDetail | null) {
  const { userId, sessionId, drafts } = host;
  const [atOnce] = useState(() => openedAtOnce(host, detail));
  const [note, setNote] = useState<NoteInput | null>(atOnce?.opened.note ?? null);
  const [baseEtag, setBaseEtag] = useState<string | null>(atOnce?.opened.baseEtag ?? null);
  const [restoredDraft, setRestoredDraft] = useState<RestoredDraft['from'] | null>(
    atOnce?.opened.restoredDraft ?? null,
  );
  const [kept, setKept] = useState<DraftKeeping | null>(null);
  const loadedFor = useRef<string | null>(atOnce ? sessionId : null);
  const edited = useRef(false);

  useEffect(() => {
    atOnce?.take();
  }, [atOnce]);

  useEffect(() => {
    if (!detail || loadedFor.current === sessionId) return;
    loadedFor.current = sessionId;
    void drafts.load(userId, sessionId).then((restored) => {
      if (loadedFor.current !== sessionId) return;
      const opened = noteToEdit(detail, restored);
      setNote(opened.note);
      setBaseEtag(opened.baseEtag);
      setRestoredDraft(opened.restoredDraft);
    });
  }, [detail, sessionId, drafts, userId]);

  /** An edit: the new words, kept as a draft once reviewed (see `keepDraft`). */
  const edit = useCallback((next: NoteInput) => {
    edited.current = true;
    setNote(next);
  }, []);

  /** Keeps the edited words as a draft; the review is the one the editor shows, so each edit is scanned once. */
  const keepDraft = useCallback(
    (current: NoteInput, review: readonly FieldFinding[]) => {
      if (!edited.current) return;
      const mayKeep = tenantMayKeep(current, review);
      setKept(drafts.keep(userId, sessionId, current, baseEtag, mayKeep, () => setKept('device')));
    },
    [drafts, userId, sessionId, baseEtag],
  );

  /** Takes the version the server holds (just saved, or chosen in a conflict); the drafts go. */
  const settle = useCallback(
    (saved: NoteWithEtag, fromSave: boolean) => {
      edited.current = false;
      // A save settles the tenant's copy itself; choosing the saved version over mine must drop it here.
      drafts.discard(userId, sessionId, !fromSave);
      setNote(noteInputOf(saved.note));
      setBaseEtag(saved.etag);
      setKept(null);
    },
    [drafts, userId, sessionId],
  );

  return { note, edit, keepDraft, kept, baseEtag, restoredDraft, setRestoredDraft, settle };
}

export function useNote(host: NoteHost, detail: SessionDetail | null) {
  const { api, userId, sessionId } = host;
  const { note, edit, keepDraft, kept, baseEtag, restoredDraft, setRestoredDraft, settle } = useNoteDraft(host, detail);
  const [save, setSave] = useState<NoteSaveState>({ status: 'idle' });
  const { namesChecked, prepareNameCheck } = usePersonTagger();
  // Scanned once per edit (and once more when names can be checked); the editor, its flags, the draft and the save all read this one review.
  const review = useMemo(() => (note ? reviewNote(note) : []), [note, namesChecked]);
  useEffect(() => {
    if (note) keepDraft(note, review);
  }, [note, review, keepDraft]);

  const update = useCallback(
    (next: NoteInput) => {
      edit(next);
      setSave((s) => (s.status === 'saved' || s.status === 'blocked-by-phi' ? { status: 'idle' } : s));
    },
    [edit],
  );

  const confirm = useCallback(
    (kind: string, text: string) => {
      if (!note || note.phiConfirmations.some((c) => c.kind === kind && c.text === text)) return;
      update({ ...note, phiConfirmations: [...note.phiConfirmations, { kind, text }] });
    },
    [note, update],
  );

  const put = useCallback(
    async (input: NoteInput, etag: string | null) => {
      setSave({ status: 'saving' });
      const sent = await sendNote(api, sessionId, input, etag);
      if (sent.status !== 'saved') return setSave(sent);
      settle(sent.saved, true);
      setRestoredDraft(null);
      setSave({ status: 'saved' });
    },
    [api, sessionId, settle, setRestoredDraft],
  );

  const saveNote = useCallback(async () => {
    if (!note) return;
    if (openFindings(review).length > 0) return setSave({ status: 'blocked-by-phi' });
    await put(noteToSave(note, review), baseEtag);
  }, [note, review, put, baseEtag]);

  const resolveConflict = useCallback(
    async (keep: 'mine' | 'theirs') => {
      if (save.status !== 'conflict' || !note) return;
      if (keep === 'theirs') {
        settle(save.saved, false);
        setSave({ status: 'idle' });
        return;
      }
      await put({ ...note, phiConfirmations: liveConfirmations(note, review) }, save.saved.etag);
    },
    [save, note, review, settle, put],
  );

  // The pair's two people, either of whom an action item may be assigned to.
  const people = detail?.pair.members ?? [];
  return {
    note,
    update,
    review,
    confirm,
    save,
    saveNote,
    resolveConflict,
    restoredDraft,
    kept,
    people,
    userId,
    prepareNameCheck,
  };
}

export type NoteState = ReturnType<typeof useNote>;
