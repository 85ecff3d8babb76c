// This feature's card verbs (Action.Execute), dispatched by ./cardActions.ts:
// "Ask for a change" on an intro card and "Join with these answers" on an
// invitation card. The viewer is the Entra user Teams says pressed the button.
// Joining answers with the enrollment self-assessment card in place of the
// invitation (the growth feature's `takeAssessment` verb submits it).
import { z } from 'zod';
import { askForChange } from '../program/changeRequests.js';
import { acceptInvitation } from '../program/enrollment.js';
import { assessmentCard } from '../program/growth/assessmentCard.js';
import { enrollmentAssessmentDue } from '../program/growth/assessments.js';
import { acceptInvitationVerb, askForChangeVerb } from '../program/enrollmentCards.js';
import type { BotDeps } from './agent.js';
import { universalMessage } from './answers.js';
import type { CardActionHandler } from './cardActions.js';
import { universalCard } from './growthCards.js';

const ChangeData = z.object({ pairId: z.unknown(), reason: z.string().max(1000).optional() });

const changeAnswers = {
  recorded: 'Thanks: the program owner will see your request and be in touch.',
  'already-asked': 'You already asked for a change to this pair: the program owner has it.',
  'no-such-pair': 'This pair is not one of yours any more.',
} as const;

export function enrollmentCardVerbs(deps: BotDeps): Array<[string, CardActionHandler]> {
  return [
    [
      askForChangeVerb,
      async (data, viewer) => {
        const parsed = ChangeData.safeParse(data);
        if (!parsed.success) return universalMessage('This card is not one Reciprocal can act on.');
        const outcome = await askForChange(deps.ports, viewer, parsed.data.pairId, parsed.data.reason ?? '');
        return universalMessage(changeAnswers[outcome]);
      },
    ],
    [
      acceptInvitationVerb,
      async (_data, viewer) => {
        const said = await acceptInvitation(deps.ports, viewer);
        if (!(await enrollmentAssessmentDue(deps.ports, viewer))) return universalMessage(said);
        return universalCard(assessmentCard({ occasion: 'enrollment', intro: said }));
      },
    ],
  ];
}
