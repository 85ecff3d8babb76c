// The Growth page's data: the caller's agreements, goals and self-assessments,
// and the writes that change them (each reloads what it changed).
import { useCallback } from 'react';
import { z } from 'zod';
import {
  Goal,
  MyGrowth,
  PairAgreement,
  SelfAssessment,
  type CreateGoalRequest,
  type Ratings,
  type UpdateGoalRequest,
} from '../../../core/growth/model.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';

const GoalAnswer = z.object({ goal: Goal });
const AssessmentAnswer = z.object({ assessment: SelfAssessment });

export function useGrowth() {
  const { api } = useTabRuntime();
  const growth = useResource(() => api.json(MyGrowth, 'GET', '/api/me/growth'), [api]);
  const { reload } = growth;
  const accept = useCallback(
    async (pairId: string) => {
      await api.json(PairAgreement, 'POST', `/api/pairs/${encodeURIComponent(pairId)}/agreement/acceptance`);
      reload();
    },
    [api, reload],
  );
  const addGoal = useCallback(
    async (request: Omit<CreateGoalRequest, 'phiConfirmations'>) => {
      await api.json(GoalAnswer, 'POST', '/api/me/goals', { body: request });
      reload();
    },
    [api, reload],
  );
  const updateGoal = useCallback(
    async (goalId: string, request: Omit<UpdateGoalRequest, 'phiConfirmations'>) => {
      await api.json(GoalAnswer, 'PATCH', `/api/me/goals/${encodeURIComponent(goalId)}`, { body: request });
      reload();
    },
    [api, reload],
  );
  // The first self-assessment is the person's starting point (the enrollment one); later ones are on demand.
  const baselineTaken = growth.data?.assessments.some((a) => a.occasion === 'enrollment') ?? false;
  const assess = useCallback(
    async (ratings: Ratings) => {
      const occasion = baselineTaken ? 'on-demand' : 'enrollment';
      await api.json(AssessmentAnswer, 'POST', '/api/me/assessments', { body: { occasion, ratings } });
      reload();
    },
    [api, reload, baselineTaken],
  );
  const downloadRecord = useCallback(
    async (from: string, to: string) => {
      const response = await api.send(
        'GET',
        `/api/me/participation-record.pdf?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      );
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = 'reciprocal-participation-record.pdf';
      link.click();
      URL.revokeObjectURL(link.href);
    },
    [api],
  );
  return { growth, accept, addGoal, updateGoal, assess, downloadRecord };
}
