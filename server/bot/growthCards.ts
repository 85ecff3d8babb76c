// This feature's card verbs (Action.Execute), dispatched by ./cardActions.ts:
// `acceptAgreement` (the intro card's button; data `{pairId}`) and
// `goalProgress` (one tap on the session loop or reminder card; data
// `{goalId, progress}`), through the same use cases as the tab's. The card
// elements listing a person's open goals are in ../program/growth/goalCard.ts.
// Action.Execute reaches the bot only on cards the bot itself sent:
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
import { errorCodes } from '../../src/core/api.js';
import { GoalProgress } from '../../src/core/growth/model.js';
import { acceptAgreement } from '../program/growth/agreements.js';
import {
  goalProgressVerb,
  goalProgressWords as progressWords,
  openGoalsCardItems,
} from '../program/growth/goalCard.js';
import { updateGoal } from '../program/growth/goals.js';
import type { BotDeps } from './agent.js';
import { universalMessage } from './answers.js';
import type { CardActionHandler } from './cardActions.js';
import { botNoteWrite, plainMessage } from './noteWrites.js';

export const acceptAgreementVerb = 'acceptAgreement';
export { goalProgressVerb, openGoalsCardItems };

const acceptAgreementAnswer =
  (deps: BotDeps): CardActionHandler =>
  async (data, viewer) => {
    const result = await botNoteWrite(
      () => acceptAgreement(deps.ports, viewer, data['pairId'], 'pairId'),
      plainMessage,
    );
    if ('said' in result) return universalMessage(result.said);
    const { pending } = result.done;
    return universalMessage(
      pending
        ? 'Thanks: you accepted the agreement. It stays pending until your partner accepts too.'
        : 'Thanks: you both accepted the agreement.',
    );
  };

const goalProgressAnswer =
  (deps: BotDeps): CardActionHandler =>
  async (data, viewer) => {
    const progress = GoalProgress.safeParse(data['progress']);
    if (!progress.success) return universalMessage('Pick where the goal stands: not started, under way or achieved.');
    const result = await botNoteWrite(
      () => updateGoal(deps.ports, viewer, data['goalId'], { progress: progress.data, phiConfirmations: [] }, 'goalId'),
      (problem) =>
        problem.code === errorCodes.preconditionFailed
          ? 'The goal changed at the same moment; try again.'
          : problem.message,
    );
    if ('said' in result) return universalMessage(result.said);
    return universalMessage(`Recorded: "${result.done.title}" is ${progressWords[result.done.progress]}.`);
  };

export function growthCardVerbs(deps: BotDeps): Array<[string, CardActionHandler]> {
  return [
    [acceptAgreementVerb, acceptAgreementAnswer(deps)],
    [goalProgressVerb, goalProgressAnswer(deps)],
  ];
}
