import { useCallback } from 'react';
import { z } from 'zod';
import { PairAgreement } from '../../../core/growth/model.js';
import type { TouchpointKind, FocusArea } from '../../../core/schemas.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

export interface TouchpointDraft {
  kind: TouchpointKind;
  date: string;
  minutes: number;
  focusAreas: FocusArea[];
}

const AgreementsAnswer = z.object({ agreements: z.array(PairAgreement) });

/** The caller's pairs, which of them have an agreement pending, and logging a touchpoint with one of them. */
export function useMyPairs() {
  const { api, preloads } = useTabRuntime();
  const pairs = useResource(() => preloads.takePairs() ?? api.pairs(), [api, preloads]);
  // Fetched beside the pairs, never before them: a missing badge must not hold up the list.
  const agreements = useResource(() => api.json(AgreementsAnswer, 'GET', '/api/me/agreements'), [api]);
  const pendingAgreements = new Set(agreements.data?.agreements.filter((a) => a.pending).map((a) => a.pairId) ?? []);
  const { reload } = pairs;
  const logTouchpoint = useCallback(
    async (pairId: string, touchpoint: TouchpointDraft) => {
      await api.logTouchpoint(pairId, touchpoint);
      reload();
    },
    [api, reload],
  );
  return { pairs, logTouchpoint, pendingAgreements };
}
