// This feature's card verbs (Action.Execute), dispatched by ./cardActions.ts:
// `acceptAgreement` (the intro card's button; data `{pairId}`) and
// `goalProgress` (one tap on the session loop or reminder card; data
// `{goalId, progress}`), through the same use cases as the tab's. Also the
// card elements listing a person's open goals with those one-tap buttons, for
// the cards other features send.
// Action.Execute reaches the bot only on cards the bot itself sent:
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
import { errorCodes } from '../../src/core/api.js';
import { cardText } from '../../src/core/agenda/render.js';
import { GoalProgress, isOpenGoal, type Goal } from '../../src/core/growth/model.js';
import { focusAreaLabels } from '../../src/core/schemas.js';
import { acceptAgreement } from '../program/growth/agreements.js';
import { updateGoal } from '../program/growth/goals.js';
import type { BotDeps } from './agent.js';
import { universalMessage } from './answers.js';
import type { CardActionHandler } from './cardActions.js';
import { botNoteWrite, plainMessage } from './noteWrites.js';

export const acceptAgreementVerb = 'acceptAgreement';
export const goalProgressVerb = 'goalProgress';

const progressWords: Record<GoalProgress, string> = {
  'not-started': 'not started',
  'under-way': 'under way',
  achieved: 'achieved',
};

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

/** The next steps a goal can take from where it stands, one button each. */
const nextSteps = (g: Goal): GoalProgress[] =>
  g.progress === 'not-started' ? ['under-way', 'achieved'] : ['achieved'];

/**
 * Adaptive Card elements listing a person's open goals, each with one-tap
 * progress buttons (the `goalProgress` verb). Empty when no goal is open, so a
 * card can spread it unconditionally. Only for cards the bot sends.
 */
export function openGoalsCardItems(goals: readonly Goal[]): Array<Record<string, unknown>> {
  const open = goals.filter(isOpenGoal);
  if (open.length === 0) return [];
  return [
    { type: 'TextBlock', text: 'Your open goals', weight: 'Bolder', wrap: true, separator: true },
    ...open.map((g) => ({
      type: 'Container',
      items: [
        {
          type: 'TextBlock',
          text: `${cardText(g.title)} (${g.kind === 'learn' ? 'to learn' : 'to teach'}, ${focusAreaLabels[g.focusArea]}; ${progressWords[g.progress]})`,
          wrap: true,
        },
        {
          type: 'ActionSet',
          actions: nextSteps(g).map((progress) => ({
            type: 'Action.Execute',
            title: progress === 'achieved' ? 'Mark achieved' : 'Mark under way',
            verb: goalProgressVerb,
            data: { goalId: g.id, progress },
          })),
        },
      ],
    })),
  ];
}
