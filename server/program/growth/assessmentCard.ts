// The self-assessment as an Adaptive Card the bot sends (at the end of a round,
// or in answer to "Join with these answers" at enrollment): one 1-5 choice per
// focus area with the level's anchor sentence, and one Action.Execute that
// submits them (verb `takeAssessment`, server/bot/growthCards.ts). The card's
// inputs arrive merged into the action's data, as strings; they are checked
// with the same schema as POST /api/me/assessments.
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
import {
  AssessmentOccasion,
  confidenceAnchors,
  Rating,
  SaveAssessmentRequest,
} from '../../../src/core/growth/model.js';
import { focusAreaLabels, focusAreas, type FocusArea } from '../../../src/core/schemas.js';
import { card, cardText, type Card } from '../operations/cards.js';

export const takeAssessmentVerb = 'takeAssessment';

/** The id of a focus area's rating input on the card (and so its key in the action's data). */
export const ratingInputId = (area: FocusArea): string => `rating-${area}`;

const levels = [1, 2, 3, 4, 5] as const satisfies readonly Rating[];

export interface AssessmentCardInput {
  occasion: AssessmentOccasion;
  /** A line above the form (the welcome after enrolling; which round ended). */
  intro?: string;
  /** What was wrong with the last submission, naming the focus area. */
  problem?: string;
  /** Ratings to show as chosen (the last submission, when it is shown again). */
  chosen?: Partial<Record<FocusArea, unknown>>;
}

export function assessmentCard(c: AssessmentCardInput): Card {
  return card(
    [
      ...(c.intro ? [{ type: 'TextBlock', text: cardText(c.intro), wrap: true }] : []),
      {
        type: 'TextBlock',
        text: 'How confident are you in each focus area?',
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: 'Rate the areas you want to, 1 to 5. Only you see your ratings; the program sees averages of 5 people or more.',
        wrap: true,
        isSubtle: true,
      },
      ...(c.problem
        ? [{ type: 'TextBlock', text: cardText(c.problem), wrap: true, color: 'Attention', weight: 'Bolder' }]
        : []),
      ...focusAreas.map((area) => ({
        type: 'Input.ChoiceSet',
        id: ratingInputId(area),
        label: focusAreaLabels[area],
        style: 'compact',
        isRequired: false,
        placeholder: 'Not rated',
        ...(Rating.safeParse(c.chosen?.[area]).success ? { value: String(c.chosen?.[area]) } : {}),
        choices: levels.map((n) => ({ title: `${n}: ${confidenceAnchors[n]}`, value: String(n) })),
      })),
    ],
    [{ type: 'Action.Execute', title: 'Save my ratings', verb: takeAssessmentVerb, data: { occasion: c.occasion } }],
  );
}

export type CardAssessment =
  | { ok: true; request: SaveAssessmentRequest }
  /** `retry`: the card can be shown again with `problem` (a rating was wrong or missing). */
  | { ok: false; field: string; message: string; retry: AssessmentCardInput | null };

/** A card input's value as the schema reads it: digits as a number, nothing chosen as absent. */
function ratingValue(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

/** The action's data as a self-assessment request, or which field is wrong (in words a person reads). */
export function assessmentFromCard(data: Record<string, unknown>): CardAssessment {
  const occasion = AssessmentOccasion.safeParse(data['occasion'] ?? 'on-demand');
  if (!occasion.success)
    return { ok: false, field: 'occasion', message: 'This card is not one Reciprocal can act on.', retry: null };
  const chosen: Partial<Record<FocusArea, unknown>> = {};
  for (const area of focusAreas) {
    const value = ratingValue(data[ratingInputId(area)]);
    if (value !== undefined) chosen[area] = value;
  }
  const parsed = SaveAssessmentRequest.safeParse({ occasion: occasion.data, ratings: chosen });
  if (parsed.success) return { ok: true, request: parsed.data };
  const area = focusAreas.find((a) => a === parsed.error.issues[0]!.path[1]);
  const field = area ? ratingInputId(area) : 'ratings';
  const message = area
    ? `${focusAreaLabels[area]}: choose a rating from 1 to 5.`
    : 'Rate at least one focus area, then save.';
  return { ok: false, field, message, retry: { occasion: occasion.data, problem: message, chosen } };
}
