// The owner's rounds: the latest round and its proposal, the earlier ones, who is enrolled, change
// requests, and every action on them (start, lock, drop, swap, re-run, publish, invite).
import { useCallback, useState } from 'react';
import { z } from 'zod';
import {
  ChangeRequest,
  EnrollmentOutcome,
  ProfileStatus,
  Round,
  RoundSummary,
  type RoundEdit,
  type StartRoundRequest,
} from '../../../core/enrollment/index.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

const EnrolledPerson = z.object({
  userId: z.string(),
  displayName: z.string(),
  department: z.string(),
  status: ProfileStatus,
});

export function useRounds() {
  const { api } = useTabRuntime();
  const summaries = useResource(() => api.json(z.array(RoundSummary), 'GET', '/api/rounds'), [api]);
  const enrolled = useResource(() => api.json(z.array(EnrolledPerson), 'GET', '/api/enrollment/profiles'), [api]);
  const changes = useResource(() => api.json(z.array(ChangeRequest), 'GET', '/api/rounds/change-requests'), [api]);
  const [round, setRound] = useState<Round | null>(null);
  const latestId = summaries.data?.[0]?.id ?? null;
  const current = useResource(
    () => (latestId ? api.json(Round, 'GET', `/api/rounds/${latestId}`) : Promise.resolve(null)),
    [api, latestId],
  );
  const shown = round && round.id === latestId ? round : (current.data ?? round);
  const { reload: reloadSummaries } = summaries;
  const { reload: reloadEnrolled } = enrolled;

  const start = useCallback(
    async (request: StartRoundRequest) => {
      setRound(await api.json(Round, 'POST', '/api/rounds', { body: request }));
      reloadSummaries();
    },
    [api, reloadSummaries],
  );
  const edit = useCallback(
    async (id: string, change: RoundEdit) =>
      setRound(await api.json(Round, 'PATCH', `/api/rounds/${id}`, { body: change })),
    [api],
  );
  const rerun = useCallback(
    async (id: string) => setRound(await api.json(Round, 'POST', `/api/rounds/${id}/rerun`, { body: {} })),
    [api],
  );
  const publish = useCallback(
    async (id: string) => {
      setRound(await api.json(Round, 'POST', `/api/rounds/${id}/publish`, { body: {} }));
      reloadSummaries();
    },
    [api, reloadSummaries],
  );
  const invite = useCallback(
    async (path: '/api/enrollment/csv' | '/api/enrollment/group', body: unknown) => {
      const outcome = await api.json(EnrollmentOutcome, 'POST', path, { body });
      reloadEnrolled();
      return outcome;
    },
    [api, reloadEnrolled],
  );
  return { summaries, enrolled, changes, round: shown, start, edit, rerun, publish, invite };
}
