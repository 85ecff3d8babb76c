import { useCallback } from 'react';
import type { TouchpointKind, FocusArea } from '../../../core/schemas.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

export interface TouchpointDraft {
  kind: TouchpointKind;
  date: string;
  minutes: number;
  focusAreas: FocusArea[];
}

/** The caller's pairs, and logging a touchpoint with one of them. */
export function useMyPairs() {
  const { api, preloads } = useTabRuntime();
  const pairs = useResource(() => preloads.takePairs() ?? api.pairs(), [api, preloads]);
  const { reload } = pairs;
  const logTouchpoint = useCallback(
    async (pairId: string, touchpoint: TouchpointDraft) => {
      await api.logTouchpoint(pairId, touchpoint);
      reload();
    },
    [api, reload],
  );
  return { pairs, logTouchpoint };
}
