// This feature's card verbs (Action.Execute), dispatched by ./cardActions.ts:
// `acceptAgreement` (the intro card's button; data `{pairId}`) and
// `goalProgress` (one tap on the session loop or reminder card; data
// `{goalId, progress}`) and `takeAssessment` (the self-assessment card sent at
// the end of a round or after enrolling; data `{occasion}` plus one rating
// input per focus area), through the same use cases as the tab's. The card
// elements listing a person's open goals are in ../program/growth/goalCard.ts.
// Action.Execute reaches the bot only on cards the bot itself sent:
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
import { errorCodes } from '../../src/core/api.js';
import { GoalProgress } from '../../src/core/growth/model.js';
import { acceptAgreement } from '../program/growth/agreements.js';
import { assessmentCard, assessmentFromCard, takeAssessmentVerb } from '../program/growth/assessmentCard.js';
import { takeAssessment } from '../program/growth/assessments.js';
import {
  goalProgressVerb,
  goalProgressWords as progressWords,
  openGoalsCardItems,
} from '../program/growth/goalCard.js';
import { updateGoal } from '../program/growth/goals.js';
import { card } from '../program/operations/cards.js';
import type { BotDeps } from './agent.js';
import { answer, universalMessage, type InvokeAnswer } from './answers.js';
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

/** The Universal Actions answer that replaces the card, for the person who pressed its button. */
export const universalCard = (card: Record<string, unknown>): InvokeAnswer =>
  answer({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card });

/**
 * A wrong or missing rating shows the card again with the person's choices
 * and a line naming the focus area; a saved one replaces the form, so the same
 * card is not submitted twice by accident.
 */
const takeAssessmentAnswer =
  (deps: BotDeps): CardActionHandler =>
  async (data, viewer) => {
    const parsed = assessmentFromCard(data);
    if (!parsed.ok)
      return parsed.retry ? universalCard(assessmentCard(parsed.retry)) : universalMessage(parsed.message);
    await takeAssessment(deps.ports, viewer, parsed.request);
    const rated = Object.keys(parsed.request.ratings).length;
    return universalCard(
      card([
        {
          type: 'TextBlock',
          text: `Thanks: your confidence ratings are saved (${rated} ${rated === 1 ? 'focus area' : 'focus areas'}). Only you see them.`,
          wrap: true,
        },
      ]),
    );
  };

export function growthCardVerbs(deps: BotDeps): Array<[string, CardActionHandler]> {
  return [
    [acceptAgreementVerb, acceptAgreementAnswer(deps)],
    [goalProgressVerb, goalProgressAnswer(deps)],
    [takeAssessmentVerb, takeAssessmentAnswer(deps)],
  ];
}
