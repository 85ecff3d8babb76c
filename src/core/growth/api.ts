// The outcomes dashboard's REST answer (GET /api/outcomes), as the tab parses it.
import { z } from 'zod';
import { Figure } from '../api.js';
import { FocusArea } from '../schemas.js';

export const OutcomesView = z.object({
  scope: z.string(),
  people: Figure,
  assessedTwice: Figure,
  confidenceChange: z.array(
    z.object({
      focusArea: FocusArea,
      byStage: z.object({ early: Figure, mid: Figure, seasoned: Figure, all: Figure }),
    }),
  ),
  goals: z.object({ set: Figure, achieved: Figure }),
  usefulness: z.object({ average: Figure, ratings: Figure }).nullable(),
});
export type OutcomesView = z.infer<typeof OutcomesView>;

export const OutcomesResponse = z.object({ outcomes: z.array(OutcomesView) });
export type OutcomesResponse = z.infer<typeof OutcomesResponse>;
