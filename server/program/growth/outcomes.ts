// The outcomes dashboard's figures: the program owner sees the whole program
// and each department; a lead sees their own department. Reads participants,
// self-assessments, goal progress and usefulness ratings, and hands the pure
// aggregation (src/core/growth/outcomes.ts) nothing but ids, stages, numbers
// and progress: no goal text and no note text ever reach it.
import { z } from 'zod';
import { errorCodes } from '../../../src/core/api.js';
import { aggregateOutcomes, type OutcomeFeedback, type Outcomes } from '../../../src/core/growth/outcomes.js';
import { hasRole, type Caller } from '../../auth/caller.js';
import { programLists } from '../../graph/programLists.js';
import type { ProgramStore } from '../../graph/programStore.js';
import { departmentOf } from '../directory.js';
import type { ProgramPorts } from '../ports.js';
import { ApiProblem } from '../problem.js';
import { allAssessments, allGoals } from '../../graph/growthStore.js';

/** The session loop's list of usefulness ratings (made by that feature); absent until it exists. */
const feedbackList = 'SessionFeedback';

const FeedbackFields = z.object({
  PersonId: z.string().min(1),
  Usefulness: z.coerce.number().int().min(1).max(5),
});

/** Usefulness ratings, or null while the program keeps none (the list is not part of the schema). */
export async function usefulnessRatings(store: ProgramStore): Promise<OutcomeFeedback[] | null> {
  if (!(feedbackList in programLists)) return null;
  const items = await store.all(feedbackList as never);
  return items.flatMap((i) => {
    const parsed = FeedbackFields.safeParse(i.fields);
    return parsed.success ? [{ personId: parsed.data.PersonId, usefulness: parsed.data.Usefulness }] : [];
  });
}

/** The departments the caller may see: every one (null) for the owner, their own for a lead. */
export async function outcomeScope(
  ports: Pick<ProgramPorts, 'graph'>,
  caller: Caller,
  department?: string,
): Promise<string[] | null> {
  if (hasRole(caller, 'ProgramOwner')) return department ? [department] : null;
  if (!hasRole(caller, 'DepartmentLead'))
    throw new ApiProblem(errorCodes.forbidden, 'outcomes are for department leads and the program owner');
  const own = await departmentOf(ports.graph.client, caller.userId);
  if (!own) throw new ApiProblem(errorCodes.forbidden, 'the directory names no department for you');
  if (department && department !== own) throw new ApiProblem(errorCodes.forbidden, 'you lead another department');
  return [own];
}

export async function programOutcomes(
  ports: Pick<ProgramPorts, 'store' | 'graph'>,
  caller: Caller,
  department?: string,
): Promise<Outcomes[]> {
  const departments = await outcomeScope(ports, caller, department);
  const [participants, assessments, goals, feedback] = await Promise.all([
    ports.store.participants(),
    allAssessments(ports.store),
    allGoals(ports.store),
    usefulnessRatings(ports.store),
  ]);
  return aggregateOutcomes(
    {
      people: participants.map((p) => ({ userId: p.userId, department: p.department, careerStage: p.careerStage })),
      assessments: assessments.map((a) => ({ personId: a.personId, takenAt: a.takenAt, ratings: a.ratings })),
      goals: goals.map((g) => ({ personId: g.personId, progress: g.progress })),
      feedback,
    },
    departments ?? undefined,
  );
}
