// The session page's data: the session, my note (the note hook both surfaces
// share) and the action items carried over from earlier sessions.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../../client/api.js';
import type { SessionDetail } from '../../../core/api.js';
import type { ActionItem } from '../../../core/schemas.js';
import { deviceStorage, NoteDrafts } from '../../../ui/note/noteDrafts.js';
import { useNote } from '../../../ui/note/useNote.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

type CarriedItem = SessionDetail['carriedOverActionItems'][number];

/** Carried-over items ticked off here, optimistically: a failed update puts the box back and says why. */
function useCarriedOverItems(api: ApiClient, detail: SessionDetail | null) {
  const [carried, setCarried] = useState<CarriedItem[]>(detail?.carriedOverActionItems ?? []);
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

export function useSessionNotes(sessionId: string) {
  const { api, me } = useTabRuntime();
  const drafts = useMemo(() => {
    const device = deviceStorage();
    return new NoteDrafts(api, device.storage, device.lasts);
  }, [api]);
  const detail = useResource(() => api.session(sessionId), [api, sessionId]);
  const note = useNote({ api, userId: me.id, sessionId, drafts }, detail.data);
  const carried = useCarriedOverItems(api, detail.data);
  return { detail, note, ...carried, me };
}
