import { useCallback, useEffect, useRef, useState } from 'react';
import type { DepartmentJob } from '../../../client/api.js';
import type { CreatePairRequest } from '../../../core/api.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

export type JobState =
  | { status: 'idle' }
  | { status: 'running'; job: DepartmentJob | null }
  | { status: 'finished'; job: DepartmentJob }
  | { status: 'failed'; error: unknown };

const pollEveryMs = 1000;

/** The program owner's view: every pair, creating and ending pairs, and bulk scheduling a department. */
export function useProgramAdmin() {
  const { api } = useTabRuntime();
  const pairs = useResource(() => api.programPairs(), [api]);
  const { reload } = pairs;
  const [job, setJob] = useState<JobState>({ status: 'idle' });
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (polling.current) clearTimeout(polling.current);
    },
    [],
  );

  const searchPeople = useCallback((search: string) => api.searchPeople(search), [api]);

  const createPair = useCallback(
    async (request: CreatePairRequest) => {
      const created = await api.createPair(request);
      reload();
      return created;
    },
    [api, reload],
  );

  const endPair = useCallback(
    async (pairId: string) => {
      await api.updatePair(pairId, { status: 'ended' });
      reload();
    },
    [api, reload],
  );

  const scheduleDepartment = useCallback(
    async (department: string, dryRun: boolean) => {
      setJob({ status: 'running', job: null });
      try {
        const started = await api.scheduleDepartment(department, dryRun);
        const follow = async (current: DepartmentJob) => {
          if (current.status !== 'running') {
            setJob({ status: 'finished', job: current });
            reload();
            return;
          }
          setJob({ status: 'running', job: current });
          polling.current = setTimeout(() => {
            api.job(current.id).then(follow, (error: unknown) => setJob({ status: 'failed', error }));
          }, pollEveryMs);
        };
        await follow(started);
      } catch (error) {
        setJob({ status: 'failed', error });
      }
    },
    [api, reload],
  );

  return { pairs, searchPeople, createPair, endPair, scheduleDepartment, job };
}
