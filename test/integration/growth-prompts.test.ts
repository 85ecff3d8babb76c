// The self-assessment cards over the dev channel, as Teams delivers their
// Action.Execute: "Join with these answers" on an invitation answers with the
// enrollment self-assessment card in place of the invitation; the card's
// "Save my ratings" saves through the same validation as POST
// /api/me/assessments; a wrong or missing rating shows the card again naming
// the focus area and saves nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentsOf } from '../../server/graph/growthStore.js';
import { EnrollmentStore } from '../../server/program/enrollmentStore.js';
import { invitationCard } from '../../server/program/enrollmentCards.js';
import { assessmentCard } from '../../server/program/growth/assessmentCard.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { pressAsTeams } from '../support/channel.js';
import { profileOf } from '../unit/growth/roundFixtures.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
}, 60_000);
afterAll(() => app?.close());

type Card = Record<string, unknown>;

/** Presses `button` on a card the bot sent, as Teams would, as `userId`; the invoke's answer. */
async function press(userId: string, card: Card, button: string, inputs: Record<string, string> = {}) {
  const r = await pressAsTeams(app, userId, card, button, inputs);
  expect(r.status).toBe(200);
  return r.body as { statusCode: number; type: string; value: unknown };
}

const participants = () => app.users.filter((u) => u.roles.includes('Participant') && u.roles.length === 1);

describe('the enrollment self-assessment from the bot', () => {
  it('answers "Join with these answers" with the assessment card, whose ratings are saved as the enrollment assessment', async () => {
    const user = participants()[0]!;
    const invited = profileOf(
      {
        userId: user.id,
        displayName: user.displayName,
        mail: user.userPrincipalName,
        department: user.department,
        careerStage: 'seasoned',
      },
      'invited',
    );
    await new EnrollmentStore(app.app.services.store).saveProfile(invited);
    const joined = await press(user.id, invitationCard('app', invited), 'Join with these answers');
    expect(joined.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = joined.value as Card;
    expect(JSON.stringify(card)).toContain('Welcome to Reciprocal');
    const saved = await press(user.id, card, 'Save my ratings', {
      'rating-technology-adoption': '2',
      'rating-leadership': '5',
      'rating-clinical-expertise': '',
    });
    expect(saved.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(saved.value)).toContain('saved (2 focus areas)');
    const mine = await assessmentsOf(app.app.services.store, user.id);
    expect(mine.map((a) => ({ occasion: a.occasion, ratings: a.ratings }))).toEqual([
      { occasion: 'enrollment', ratings: { 'technology-adoption': 2, leadership: 5 } },
    ]);
    // The tab's own list shows it to its person.
    const growth = await app.request('/api/me/growth', { as: user.userPrincipalName });
    expect(growth.body.assessments).toHaveLength(1);
    // Pressing "Join" again (already enrolled, already assessed) only says so.
    const again = await press(user.id, invitationCard('app', invited), 'Join with these answers');
    expect(again).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: 'You are already enrolled.',
    });
  });
});

describe('the round-end self-assessment card', () => {
  it('saves valid ratings as a round-end assessment', async () => {
    const user = participants()[1]!;
    const answer = await press(user.id, assessmentCard({ occasion: 'round-end' }), 'Save my ratings', {
      'rating-leadership': '4',
    });
    expect(JSON.stringify(answer.value)).toContain('saved (1 focus area)');
    const mine = await assessmentsOf(app.app.services.store, user.id);
    expect(mine.map((a) => [a.occasion, a.ratings])).toEqual([['round-end', { leadership: 4 }]]);
  });

  it('shows the card again naming the focus area of a rating out of range, keeping the other choices, and saves nothing', async () => {
    const user = participants()[2]!;
    const answer = await press(user.id, assessmentCard({ occasion: 'round-end' }), 'Save my ratings', {
      'rating-leadership': '7',
      'rating-ethical-reasoning': '3',
    });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const again = answer.value as { body: Array<Record<string, unknown>> };
    expect(again.body.some((b) => b['text'] === 'Leadership: choose a rating from 1 to 5.')).toBe(true);
    expect(again.body.find((b) => b['id'] === 'rating-ethical-reasoning')?.['value']).toBe('3');
    expect(again.body.find((b) => b['id'] === 'rating-leadership')?.['value']).toBeUndefined();
    const none = await press(user.id, assessmentCard({ occasion: 'round-end' }), 'Save my ratings');
    expect(JSON.stringify(none.value)).toContain('Rate at least one focus area');
    const text = await press(user.id, assessmentCard({ occasion: 'round-end' }), 'Save my ratings', {
      'rating-leadership': 'high',
    });
    expect(JSON.stringify(text.value)).toContain('Leadership: choose a rating from 1 to 5.');
    expect(await assessmentsOf(app.app.services.store, user.id)).toEqual([]);
  });

  it('refuses a card whose occasion is not one the program knows', async () => {
    const user = participants()[3]!;
    const forged = assessmentCard({ occasion: 'round-end' });
    const action = (forged['actions'] as Array<{ data: Record<string, unknown> }>)[0]!;
    action.data = { occasion: 'yearly' };
    const answer = await press(user.id, forged, 'Save my ratings', { 'rating-leadership': '3' });
    expect(answer).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(await assessmentsOf(app.app.services.store, user.id)).toEqual([]);
  });
});
