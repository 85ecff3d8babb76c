// Each person's goals: what they want to learn and what they will teach, each
// linked to a focus area, with progress and dated one-line updates. Goal text
// and updates pass the PHI guard like a note (422 naming the field). Only the
// person changes their goals; the pair's agenda lists both people's open ones.
import { errorCodes } from '../../../src/core/api.js';
import type { AgendaGoal } from '../../../src/core/agenda/build.js';
import {
  GoalId,
  goalLimits,
  isOpenGoal,
  type CreateGoalRequest,
  type Goal,
  type GoalProgress,
  type UpdateGoalRequest,
} from '../../../src/core/growth/model.js';
import { unconfirmedFindings, type PhiConfirmation } from '../../../src/core/notes/phi.js';
import type { Pair } from '../../../src/core/schemas.js';
import { requireId } from '../access.js';
import { nowIso, type ProgramPorts } from '../ports.js';
import { ApiProblem } from '../problem.js';
import { createGoal, findGoal, goalIdFor, goalsOf, saveGoal } from '../../graph/growthStore.js';

type Ports = Pick<ProgramPorts, 'store' | 'now'>;

function refusePhi(field: string, text: string, confirmations: readonly PhiConfirmation[]): void {
  const findings = unconfirmedFindings(text, confirmations);
  if (findings.length > 0)
    throw new ApiProblem(
      errorCodes.phiUnconfirmed,
      'this looks like it holds patient identifiers: edit them out or confirm each one',
      { field, details: { findings: findings.map((f) => ({ field, ...f })) } },
    );
}

export const myGoals = (ports: Ports, personId: string): Promise<Goal[]> => goalsOf(ports.store, personId);

export async function addGoal(ports: Ports, personId: string, request: CreateGoalRequest): Promise<Goal> {
  refusePhi('body.title', request.title, request.phiConfirmations);
  const existing = await goalsOf(ports.store, personId);
  const id = goalIdFor(personId, request);
  if (!existing.some((g) => g.id === id) && existing.length >= goalLimits.goals)
    throw new ApiProblem(errorCodes.conflict, `a person keeps at most ${goalLimits.goals} goals`);
  const at = nowIso(ports);
  return createGoal(ports.store, {
    id,
    personId,
    kind: request.kind,
    focusArea: request.focusArea,
    title: request.title,
    progress: 'not-started',
    updates: [],
    createdAt: at,
    updatedAt: at,
  });
}

// "Not yours" and "does not exist" answer alike, so goal ids do not leak.
const noSuchGoal = () => new ApiProblem(errorCodes.notFound, 'There is no such goal that you can see.');

/** A new progress and/or a dated one-line update, by the goal's own person only. */
export async function updateGoal(
  ports: Ports,
  personId: string,
  goalId: unknown,
  request: UpdateGoalRequest,
  field = 'params.id',
): Promise<Goal> {
  const stored = await findGoal(ports.store, requireId(GoalId, goalId, field));
  if (!stored || stored.goal.personId !== personId) throw noSuchGoal();
  const text = request.update ?? '';
  if (text) refusePhi('body.update', text, request.phiConfirmations);
  const progress: GoalProgress = request.progress ?? stored.goal.progress;
  const at = nowIso(ports);
  const updates = [...stored.goal.updates, { on: at, text, progress }].slice(-goalLimits.updates);
  return saveGoal(ports.store, stored, { ...stored.goal, progress, updates, updatedAt: at });
}

/** When the goal was achieved: the first update that set it to achieved. */
export const achievedOn = (goal: Goal): string | null =>
  goal.progress === 'achieved' ? (goal.updates.find((u) => u.progress === 'achieved')?.on ?? goal.updatedAt) : null;

/** Both people's open goals, for the "Review goals" section of the pair's next agenda. */
export async function openGoalsForAgenda(ports: Pick<Ports, 'store'>, pair: Pair): Promise<AgendaGoal[]> {
  const lists = await Promise.all(
    pair.members.map(async (m) =>
      (await goalsOf(ports.store, m.userId)).filter(isOpenGoal).map((g): AgendaGoal => ({
        ownerName: m.displayName,
        kind: g.kind,
        title: g.title,
        progress: g.progress as AgendaGoal['progress'],
      })),
    ),
  );
  return lists.flat();
}
