import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../../client/api.js';
import { DraftStore } from '../../../client/drafts.js';
import { errorCodes, type NoteInput, type NoteWithEtag, type SessionDetail } from '../../../core/api.js';
import type { ActionItem, SharedLearningNote } from '../../../core/schemas.js';
import { useResource } from '../../data/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { liveConfirmations, reviewNote } from './noteReview.js';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'blocked-by-phi' }
  | { status: 'conflict'; saved: NoteWithEtag }
  | { status: 'failed'; error: unknown };

export const emptyNote: NoteInput = { taught: '', learned: '', actionItems: [], focusAreas: [], phiConfirmations: [] };

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

/** A session with my note being edited: draft autosave, PHI review, save with ETag and conflict resolution. */
export function useSessionNotes(sessionId: string) {
  const { api, me } = useTabRuntime();
  const drafts = useMemo(() => new DraftStore(window.localStorage), []);
  const detail = useResource(() => api.session(sessionId), [api, sessionId]);
  const [note, setNote] = useState<NoteInput | null>(null);
  const [baseEtag, setBaseEtag] = useState<string | null>(null);
  const [restoredDraft, setRestoredDraft] = useState(false);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [carried, setCarried] = useState<SessionDetail['carriedOverActionItems']>([]);
  const [carriedError, setCarriedError] = useState<unknown>(null);
  const loadedFor = useRef<string | null>(null);

  // Take the server's note (or a newer local draft) once per session loaded.
  useEffect(() => {
    if (!detail.data || loadedFor.current === sessionId) return;
    loadedFor.current = sessionId;
    const server = detail.data.myNote;
    const serverNote = server ? noteInputOf(server.note) : { ...emptyNote, focusAreas: detail.data.session.focusAreas };
    const draft = drafts.load(me.id, sessionId);
    if (draft && !sameNote(draft.note, serverNote)) {
      setNote(draft.note);
      setBaseEtag(draft.baseEtag);
      setRestoredDraft(true);
    } else {
      setNote(serverNote);
      setBaseEtag(server?.etag ?? null);
    }
    setCarried(detail.data.carriedOverActionItems);
  }, [detail.data, sessionId, drafts, me.id]);

  const findings = useMemo(() => (note ? reviewNote(note) : []), [note]);
  const unresolved = findings.filter((f) => !f.confirmed);

  const update = useCallback(
    (next: NoteInput) => {
      setNote(next);
      setSave((s) => (s.status === 'saved' || s.status === 'blocked-by-phi' ? { status: 'idle' } : s));
      drafts.save(me.id, sessionId, next, baseEtag);
    },
    [drafts, me.id, sessionId, baseEtag],
  );

  const confirm = useCallback(
    (kind: string, text: string) => {
      if (!note) return;
      if (note.phiConfirmations.some((c) => c.kind === kind && c.text === text)) return;
      update({ ...note, phiConfirmations: [...note.phiConfirmations, { kind, text }] });
    },
    [note, update],
  );

  const put = useCallback(
    async (input: NoteInput, etag: string | null) => {
      setSave({ status: 'saving' });
      try {
        const saved = await api.saveNote(sessionId, input, etag);
        drafts.discard(me.id, sessionId);
        setBaseEtag(saved.etag);
        setNote(noteInputOf(saved.note));
        setRestoredDraft(false);
        setSave({ status: 'saved' });
      } catch (error) {
        if (error instanceof ApiError && error.isConflict) {
          const fresh = await api.session(sessionId).catch(() => null);
          if (fresh?.myNote) {
            setSave({ status: 'conflict', saved: fresh.myNote });
            return;
          }
        }
        if (error instanceof ApiError && error.code === errorCodes.phiUnconfirmed) {
          setSave({ status: 'blocked-by-phi' });
          return;
        }
        setSave({ status: 'failed', error });
      }
    },
    [api, sessionId, drafts, me.id],
  );

  const saveNote = useCallback(async () => {
    if (!note) return;
    if (unresolved.length > 0) {
      setSave({ status: 'blocked-by-phi' });
      return;
    }
    const input: NoteInput = {
      ...note,
      actionItems: note.actionItems
        .filter((item) => item.text.trim().length > 0)
        .map((item) => ({ ...item, text: item.text.trim() })),
      phiConfirmations: liveConfirmations(note),
    };
    await put(input, baseEtag);
  }, [note, unresolved.length, put, baseEtag]);

  const resolveConflict = useCallback(
    async (keep: 'mine' | 'theirs') => {
      if (save.status !== 'conflict' || !note) return;
      const saved = save.saved;
      if (keep === 'theirs') {
        drafts.discard(me.id, sessionId);
        setNote(noteInputOf(saved.note));
        setBaseEtag(saved.etag);
        setSave({ status: 'idle' });
        return;
      }
      await put({ ...note, phiConfirmations: liveConfirmations(note) }, saved.etag);
    },
    [save, note, drafts, me.id, sessionId, put],
  );

  const setCarriedDone = useCallback(
    async (item: ActionItem & { sessionId: string }, done: boolean) => {
      setCarriedError(null);
      setCarried((items) =>
        items.map((i) => (i.id === item.id && i.sessionId === item.sessionId ? { ...i, done } : i)),
      );
      try {
        await api.setActionItemDone(item.sessionId, item.id, done);
      } catch (error) {
        setCarried((items) =>
          items.map((i) => (i.id === item.id && i.sessionId === item.sessionId ? { ...i, done: !done } : i)),
        );
        setCarriedError(error);
      }
    },
    [api],
  );

  return {
    detail,
    note,
    update,
    findings,
    unresolved,
    confirm,
    save,
    saveNote,
    resolveConflict,
    restoredDraft,
    carried,
    setCarriedDone,
    carriedError,
    me,
  };
}
