// Steps the tab's browser tests share: signing in on the dev landing page and
// finding seeded people for a scenario.
import type { Page } from 'playwright-core';
import type { TestApp } from '../../support/app.js';
import type { DemoUser } from '../../support/devtenant.js';

interface PairSummaryBody {
  pair: { id: string; status: string };
  partner: { userId: string };
}

export interface PairScenario {
  user: DemoUser;
  partner: DemoUser;
  pairId: string;
}

/** The first seeded participant (optionally of one career stage) with an active pair, and their partner. */
export async function participantWithPair(
  app: TestApp,
  careerStage?: DemoUser['careerStage'],
): Promise<PairScenario | null> {
  for (const user of app.users.filter(
    (u) => u.roles.includes('Participant') && (!careerStage || u.careerStage === careerStage),
  )) {
    const response = await app.request('/api/pairs', { as: user.userPrincipalName });
    if (response.status !== 200)
      throw new Error(`GET /api/pairs as ${user.userPrincipalName}: ${response.status} ${response.text}`);
    for (const summary of response.body as PairSummaryBody[]) {
      const partner = app.users.find((u) => u.id === summary.partner.userId);
      if (summary.pair.status === 'active' && partner) return { user, partner, pairId: summary.pair.id };
    }
  }
  return null;
}

export async function earlyCareerParticipantWithPair(app: TestApp): Promise<PairScenario> {
  const scenario = await participantWithPair(app, 'early');
  if (!scenario) throw new Error('The seed has no early-career participant with an active pair');
  return scenario;
}

export function programOwner(app: TestApp): DemoUser {
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'));
  if (!owner) throw new Error('The seed has no program owner');
  return owner;
}

/** Signs in on the dev landing page at `/` as a demo user, then opens `target` in the same tab (the token lives in its sessionStorage). */
export async function signInOnLandingPage(page: Page, appUrl: string, user: DemoUser, target = '/tab'): Promise<void> {
  await page.goto(`${appUrl}/?returnTo=${encodeURIComponent('/tab')}`);
  await page.getByRole('button', { name: user.displayName, exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/tab'));
  if (target !== '/tab') await page.goto(`${appUrl}${target}`);
}
