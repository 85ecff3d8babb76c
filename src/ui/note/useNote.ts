// My shared-learning note for one session, the same on every surface: the
// server's note or a newer device draft, autosaved drafts, one PHI review per
// edit, save with the ETag I edited, and the choice when it changed elsewhere.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, type ApiClient } from '../../client/api.js';
import type { DraftStore } from '../../client/drafts.js';
import { errorCodes, type NoteInput, type NoteWithEtag, type SessionDetail } from '../../core/api.js';
import { liveConfirmations, openFindings, reviewNote, type FieldFinding } from '../../core/notes/review.js';
import type { SharedLearningNote } from '../../core/schemas.js';

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
  drafts: DraftStore;
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

/** The note being edited: taken once per session loaded (the server's, or a newer draft on this device). */
function useNoteDraft({ userId, sessionId, drafts }: NoteHost, detail: SessionDetail | null) {
  const [note, setNote] = useState<NoteInput | null>(null);
  const [baseEtag, setBaseEtag] = useState<string | null>(null);
  const [restoredDraft, setRestoredDraft] = useState(false);
  const loadedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!detail || loadedFor.current === sessionId) return;
    loadedFor.current = sessionId;
    const server = detail.myNote;
    const serverNote: NoteInput = server
      ? noteInputOf(server.note)
      : { taught: '', learned: '', actionItems: [], focusAreas: detail.session.focusAreas, phiConfirmations: [] };
    const draft = drafts.load(userId, sessionId);
    const useDraft = draft !== null && !sameNote(draft.note, serverNote);
    setNote(useDraft ? draft.note : serverNote);
    setBaseEtag(useDraft ? draft.baseEtag : (server?.etag ?? null));
    setRestoredDraft(useDraft);
  }, [detail, sessionId, drafts, userId]);

  /** Takes the version the server holds (just saved, or chosen in a conflict); this device's draft goes. */
  const settle = useCallback(
    (saved: NoteWithEtag) => {
      drafts.discard(userId, sessionId);
      setNote(noteInputOf(saved.note));
      setBaseEtag(saved.etag);
    },
    [drafts, userId, sessionId],
  );

  return { note, setNote, baseEtag, restoredDraft, setRestoredDraft, settle };
}

export function useNote(host: NoteHost, detail: SessionDetail | null) {
  const { api, userId, sessionId, drafts } = host;
  const { note, setNote, baseEtag, restoredDraft, setRestoredDraft, settle } = useNoteDraft(host, detail);
  const [save, setSave] = useState<NoteSaveState>({ status: 'idle' });
  // Scanned once per edit; the editor, its flags and the save all read this one review.
  const review = useMemo(() => (note ? reviewNote(note) : []), [note]);

  const update = useCallback(
    (next: NoteInput) => {
      setNote(next);
      setSave((s) => (s.status === 'saved' || s.status === 'blocked-by-phi' ? { status: 'idle' } : s));
      drafts.save(userId, sessionId, next, baseEtag);
    },
    [setNote, drafts, userId, sessionId, baseEtag],
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
      settle(sent.saved);
      setRestoredDraft(false);
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
        settle(save.saved);
        setSave({ status: 'idle' });
        return;
      }
      await put({ ...note, phiConfirmations: liveConfirmations(note, review) }, save.saved.etag);
    },
    [save, note, review, settle, put],
  );

  return { note, update, review, confirm, save, saveNote, resolveConflict, restoredDraft };
}

export type NoteState = ReturnType<typeof useNote>;
