// The cards of enrollment and rounds: the invitation an owner's enrollment
// sends, and the intro each person of a published pair gets. The bot sends
// them from the outbox, so their Action.Execute buttons reach it (verbs in
// server/bot/enrollmentCards.ts, and `acceptAgreement` in the growth feature's).
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
import type { Profile } from '../../src/core/enrollment/index.js';
import { listInWords } from '../../src/core/matching/index.js';
import { focusAreaLabels, type FocusArea } from '../../src/core/schemas.js';
import { tabDeepLink } from './deepLinks.js';
import { card, cardText, type Card } from './operations/cards.js';

/** "Ask for a change" on an intro card; data `{pairId}`. */
export const askForChangeVerb = 'askForPairChange';
/** "Accept the agreement" on an intro card; data `{pairId}` (handled by the growth feature). */
export const acceptAgreementVerb = 'acceptAgreement';
/** "Join with these answers" on an invitation card. */
export const acceptInvitationVerb = 'acceptInvitation';

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});
const areas = (xs: readonly FocusArea[]) => listInWords(xs.map((a) => focusAreaLabels[a])) || 'nothing yet';
const stageWords = { early: 'early career', mid: 'mid career', seasoned: 'seasoned' } as const;

export function invitationCard(teamsAppId: string, invitee: Pick<Profile, 'canTeach' | 'wantsToLearn'>): Card {
  const prefilled = invitee.canTeach.length > 0 && invitee.wantsToLearn.length > 0;
  return card(
    [
      text('You are invited to Reciprocal pairing rounds', { weight: 'Bolder', size: 'Medium' }),
      text(
        'Each round pairs you with a colleague at another stage of their career: each of you teaches something the other wants to learn.',
      ),
      ...(prefilled
        ? [
            text(
              cardText(
                `You can teach: ${areas(invitee.canTeach.map((x) => x.area))}. You want to learn: ${areas(invitee.wantsToLearn.map((x) => x.area))}.`,
              ),
            ),
          ]
        : []),
      text('Nothing happens until you confirm your profile. You can pause or leave at any time.', { isSubtle: true }),
    ],
    [
      { type: 'Action.OpenUrl', title: 'Open my profile', url: tabDeepLink(teamsAppId, 'profile') },
      ...(prefilled
        ? [{ type: 'Action.Execute', title: 'Join with these answers', verb: acceptInvitationVerb, data: {} }]
        : []),
    ],
  );
}

export interface IntroCardInput {
  pairId: string;
  me: Profile;
  partner: Profile;
  reasons: string[];
}

/** The intro one person of a new pair receives: who the partner is and what each can teach the other. */
export function introCard(teamsAppId: string, c: IntroCardInput): Card {
  const iTeach = c.me.canTeach.map((x) => x.area).filter((a) => c.partner.wantsToLearn.some((w) => w.area === a));
  const theyTeach = c.partner.canTeach.map((x) => x.area).filter((a) => c.me.wantsToLearn.some((w) => w.area === a));
  const partner = cardText(c.partner.displayName);
  return card(
    [
      text(`Meet your new Reciprocal partner: ${partner}`, { weight: 'Bolder', size: 'Medium' }),
      {
        type: 'FactSet',
        facts: [
          { title: 'Department', value: cardText(c.partner.department) },
          { title: 'Career stage', value: stageWords[c.partner.careerStage] },
          { title: 'Languages', value: cardText(c.partner.languages.join(', ') || '—') },
          { title: 'Time zone', value: cardText(c.partner.workingHours?.timeZone ?? 'not known') },
        ],
      },
      text(cardText(`${c.partner.displayName} can teach you ${areas(theyTeach)}.`)),
      text(cardText(`You can teach ${c.partner.displayName} ${areas(iTeach)}.`)),
      text(cardText(c.reasons.join('; ')), { isSubtle: true, size: 'Small' }),
    ],
    [
      { type: 'Action.OpenUrl', title: 'Find a time', url: tabDeepLink(teamsAppId, `pairs/${c.pairId}`) },
      { type: 'Action.Execute', title: 'Ask for a change', verb: askForChangeVerb, data: { pairId: c.pairId } },
      { type: 'Action.Execute', title: 'Accept the agreement', verb: acceptAgreementVerb, data: { pairId: c.pairId } },
    ],
  );
}
