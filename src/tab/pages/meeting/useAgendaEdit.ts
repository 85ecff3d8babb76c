// The session's agenda as the details tab edits it before the meeting: read
// with its eTag, saved with If-Match; when the partner saved first, the 412
// brings their version, which replaces the form (and the person is told).
import { useCallback, useState } from 'react';
import { ApiError, type ApiClient } from '../../../client/api.js';
import { EditableAgenda, type AgendaEditRequest } from '../../../core/agendaEdit.js';
import { useAction } from '../../../ui/useAction.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { withoutCompiling } from '../../../client/parsing.js';

const agendaPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/agenda`;

export const loadAgenda = (api: ApiClient, sessionId: string) => api.json(EditableAgenda, 'GET', agendaPath(sessionId));

export function useAgendaEdit(sessionId: string, onSaved: () => void) {
  const { api } = useTabRuntime();
  const loaded = useResource(() => loadAgenda(api, sessionId), [api, sessionId]);
  const action = useAction();
  const [outcome, setOutcome] = useState<'saved' | 'changedMeanwhile' | null>(null);

  const save = useCallback(
    (edit: AgendaEditRequest) =>
      action.run(async () => {
        const etag = loaded.data?.etag;
        setOutcome(null);
        try {
          const saved = await api.json(EditableAgenda, 'PUT', agendaPath(sessionId), {
            body: edit,
            headers: etag ? { 'if-match': etag } : {},
          });
          loaded.set(saved);
          setOutcome('saved');
          onSaved();
        } catch (error) {
          const current =
            error instanceof ApiError && error.isConflict
              ? EditableAgenda.safeParse(error.details, withoutCompiling)
              : null;
          if (!current?.success) throw error;
          loaded.set(current.data);
          setOutcome('changedMeanwhile');
        }
      }),
    [action, api, loaded, sessionId, onSaved],
  );

  return { loaded, save, working: action.working, error: action.error, outcome };
}
