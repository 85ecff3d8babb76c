// Steps the tab's e2e tests share: signing in on the dev landing page and
// finding seeded people for a scenario.
import type { Page } from 'playwright-core';
import { apiAs, demoUsers, demoUserToken, type DemoUser } from './devSignIn.js';

interface MeBody {
  id: string;
  careerStage: string | null;
  roles: string[];
}
interface PairSummaryBody {
  pair: { id: string; status: string };
  partner: { userId: string; displayName: string };
}

export interface PairScenario {
  user: DemoUser;
  partner: DemoUser;
  pairId: string;
}

/** A seeded early-career participant with an active pair, and their partner. */
export async function earlyCareerParticipantWithPair(appUrl: string, devTenantUrl: string): Promise<PairScenario> {
  const users = await demoUsers(devTenantUrl);
  for (const user of users.filter((u) => u.roles.includes('Participant'))) {
    const token = await demoUserToken(appUrl, devTenantUrl, user.userPrincipalName);
    const me = await apiAs<MeBody>(appUrl, token, '/api/me');
    if (me.careerStage !== 'early') continue;
    const pairs = await apiAs<PairSummaryBody[]>(appUrl, token, '/api/pairs');
    for (const summary of pairs.filter((p) => p.pair.status === 'active')) {
      const partner = users.find((u) => u.id === summary.partner.userId);
      if (partner) return { user, partner, pairId: summary.pair.id };
    }
  }
  throw new Error('The seed has no early-career participant with an active pair');
}

export async function programOwner(devTenantUrl: string): Promise<DemoUser> {
  const owner = (await demoUsers(devTenantUrl)).find((u) => u.roles.includes('ProgramOwner'));
  if (!owner) throw new Error('The seed has no program owner');
  return owner;
}

/** Signs in on the dev landing page at `/` as a demo user and lands on `returnTo`. */
export async function signInOnLandingPage(page: Page, appUrl: string, user: DemoUser, returnTo = '/tab'): Promise<void> {
  await page.goto(`${appUrl}/?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByRole('button', { name: user.displayName, exact: true }).or(page.getByRole('link', { name: user.displayName, exact: true })).first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/tab'));
}
