// A person's open goals as Adaptive Card elements, each with one-tap progress
// buttons (the bot's `goalProgress` verb, server/bot/growthCards.ts), for the
// cards the bot sends (the session-loop card). Action.Execute reaches the bot
// only on cards the bot itself sent:
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
import { cardText } from '../../../src/core/agenda/render.js';
import { isOpenGoal, type Goal, type GoalProgress } from '../../../src/core/growth/model.js';
import { focusAreaLabels } from '../../../src/core/schemas.js';

export const goalProgressVerb = 'goalProgress';

export const goalProgressWords: Record<GoalProgress, string> = {
  'not-started': 'not started',
  'under-way': 'under way',
  achieved: 'achieved',
};

const progressWords = goalProgressWords;

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
