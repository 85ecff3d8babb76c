// The person's profile: load, save (opt in or edit), pause or resume, leave.
import { useCallback } from 'react';
import { LeaveResponse, MyProfileResponse, Profile, type ProfileInput } from '../../../core/enrollment/index.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

export function useProfile() {
  const { api } = useTabRuntime();
  const resource = useResource(() => api.json(MyProfileResponse, 'GET', '/api/me/profile'), [api]);
  const { reload } = resource;
  const save = useCallback(
    async (input: ProfileInput) => {
      await api.json(Profile, 'PUT', '/api/me/profile', { body: input });
      reload();
    },
    [api, reload],
  );
  const setPaused = useCallback(
    async (paused: boolean) => {
      await api.json(Profile, 'POST', '/api/me/profile/pause', { body: { paused } });
      reload();
    },
    [api, reload],
  );
  const leave = useCallback(async () => {
    await api.json(LeaveResponse, 'DELETE', '/api/me/profile');
    reload();
  }, [api, reload]);
  return { resource, save, setPaused, leave };
}
