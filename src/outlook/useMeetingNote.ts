// My shared-learning note for the session this meeting is: the same model,
// PHI review, ETag concurrency and device drafts as the tab's session page.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, type ApiClient } from '../client/api.js';
import { DraftStore } from '../client/drafts.js';
import { errorCodes, type NoteInput, type NoteWithEtag, type SessionDetail } from '../core/api.js';
import type { SharedLearningNote } from '../core/schemas.js';
import { liveConfirmations, reviewNote } from '../tab/pages/session/noteReview.js';

export type NoteSaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'blocked-by-phi' }
  | { status: 'conflict'; saved: NoteWithEtag }
  | { status: 'failed'; error: unknown };

const inputOf = (n: SharedLearningNote): NoteInput => ({
  taught: n.taught,
  learned: n.learned,
  actionItems: n.actionItems,
  focusAreas: n.focusAreas,
  phiConfirmations: n.phiConfirmations,
});
const same = (a: NoteInput, b: NoteInput) => JSON.stringify(a) === JSON.stringify(b);

export function useMeetingNote(
  api: ApiClient,
  userId: string,
  sessionId: string,
  drafts: DraftStore = new DraftStore(window.localStorage),
) {
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [note, setNote] = useState<NoteInput | null>(null);
  const [baseEtag, setBaseEtag] = useState<string | null>(null);
  const [restoredDraft, setRestoredDraft] = useState(false);
  const [save, setSave] = useState<NoteSaveState>({ status: 'idle' });

  useEffect(() => {
    let live = true;
    setLoadError(null);
    api.session(sessionId).then(
      (loaded) => {
        if (!live) return;
        setDetail(loaded);
        const server = loaded.myNote
          ? inputOf(loaded.myNote.note)
          : { taught: '', learned: '', actionItems: [], focusAreas: loaded.session.focusAreas, phiConfirmations: [] };
        const draft = drafts.load(userId, sessionId);
        const useDraft = draft !== null && !same(draft.note, server);
        setNote(useDraft ? draft.note : server);
        setBaseEtag(useDraft ? draft.baseEtag : (loaded.myNote?.etag ?? null));
        setRestoredDraft(useDraft);
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [api, sessionId, userId, drafts]);

  const findings = useMemo(() => (note ? reviewNote(note) : []), [note]);

  const update = useCallback(
    (next: NoteInput) => {
      setNote(next);
      setSave((s) => (s.status === 'saved' || s.status === 'blocked-by-phi' ? { status: 'idle' } : s));
      drafts.save(userId, sessionId, next, baseEtag);
    },
    [drafts, userId, sessionId, baseEtag],
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
      try {
        const saved = await api.saveNote(sessionId, input, etag);
        drafts.discard(userId, sessionId);
        setBaseEtag(saved.etag);
        setNote(inputOf(saved.note));
        setRestoredDraft(false);
        setSave({ status: 'saved' });
      } catch (error) {
        if (error instanceof ApiError && error.isConflict) {
          const fresh = await api.session(sessionId).catch(() => null);
          if (fresh?.myNote) return setSave({ status: 'conflict', saved: fresh.myNote });
        }
        if (error instanceof ApiError && error.code === errorCodes.phiUnconfirmed)
          return setSave({ status: 'blocked-by-phi' });
        setSave({ status: 'failed', error });
      }
    },
    [api, sessionId, drafts, userId],
  );

  const saveNote = useCallback(async () => {
    if (!note) return;
    if (findings.some((f) => !f.confirmed)) return setSave({ status: 'blocked-by-phi' });
    const input: NoteInput = {
      ...note,
      actionItems: note.actionItems.filter((i) => i.text.trim() !== '').map((i) => ({ ...i, text: i.text.trim() })),
      phiConfirmations: liveConfirmations(note),
    };
    await put(input, baseEtag);
  }, [note, findings, put, baseEtag]);

  const resolveConflict = useCallback(
    async (keep: 'mine' | 'theirs') => {
      if (save.status !== 'conflict' || !note) return;
      if (keep === 'theirs') {
        drafts.discard(userId, sessionId);
        setNote(inputOf(save.saved.note));
        setBaseEtag(save.saved.etag);
        setSave({ status: 'idle' });
        return;
      }
      await put({ ...note, phiConfirmations: liveConfirmations(note) }, save.saved.etag);
    },
    [save, note, drafts, userId, sessionId, put],
  );

  return { detail, loadError, note, update, findings, confirm, save, saveNote, resolveConflict, restoredDraft };
}
