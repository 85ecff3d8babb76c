// The session page's data: the session, my note (the note hook both surfaces
// share) and the action items carried over from earlier sessions.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../../client/api.js';
import { DraftStore } from '../../../client/drafts.js';
import type { SessionDetail } from '../../../core/api.js';
import type { ActionItem } from '../../../core/schemas.js';
import { useNote } from '../../../ui/note/useNote.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

type CarriedItem = SessionDetail['carriedOverActionItems'][number];

/** Carried-over items ticked off here, optimistically: a failed update puts the box back and says why. */
function useCarriedOverItems(api: ApiClient, detail: SessionDetail | null) {
  const [carried, setCarried] = useState<CarriedItem[]>([]);
  const [carriedError, setCarriedError] = useState<unknown>(null);

  useEffect(() => {
    if (detail) setCarried(detail.carriedOverActionItems);
  }, [detail]);

  const setCarriedDone = useCallback(
    async (item: ActionItem & { sessionId: string }, done: boolean) => {
      const mark = (value: boolean) =>
        setCarried((items) =>
          items.map((i) => (i.id === item.id && i.sessionId === item.sessionId ? { ...i, done: value } : i)),
        );
      setCarriedError(null);
      mark(done);
      try {
        await api.setActionItemDone(item.sessionId, item.id, done);
      } catch (error) {
        mark(!done);
        setCarriedError(error);
      }
    },
    [api],
  );

  return { carried, setCarriedDone, carriedError };
}

/**
 * Where drafts are kept: localStorage, or memory where the browser denies a framed tab storage
 * (third-party storage blocked, e.g. the Teams web client in a private window): reading
 * `window.localStorage` then throws a SecurityError, which must not take the page down.
 */
function draftStorage(): Storage {
  try {
    const storage = window.localStorage;
    storage.getItem('reciprocal.probe');
    return storage;
  } catch {
    const kept = new Map<string, string>();
    return {
      get length() {
        return kept.size;
      },
      clear: () => kept.clear(),
      getItem: (key) => kept.get(key) ?? null,
      key: (index) => [...kept.keys()][index] ?? null,
      removeItem: (key) => void kept.delete(key),
      setItem: (key, value) => void kept.set(key, String(value)),
    };
  }
}

export function useSessionNotes(sessionId: string) {
  const { api, me } = useTabRuntime();
  const drafts = useMemo(() => new DraftStore(draftStorage()), []);
  const detail = useResource(() => api.session(sessionId), [api, sessionId]);
  const note = useNote({ api, userId: me.id, sessionId, drafts }, detail.data);
  const carried = useCarriedOverItems(api, detail.data);
  return { detail, note, ...carried, me };
}
