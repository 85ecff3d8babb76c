// A pair's history in the tab, in Chromium against the app and the dev tenant:
// every past and upcoming session with its status, the two notes on request
// (the pair's own, never another pair's) and the action items; after the
// owner ends the pair both people still read it; an id that is not a pair,
// a percent-encoded one or another pair's says so plainly instead of a blank
// page. Screenshots at 1280 and 360 px in both themes go to test/artifacts/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import type { Session } from '../../src/core/schemas.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { scrollsSideways, seriousAxeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot } from './support/browser.js';
import { participantWithPair, programOwner, signInOnLandingPage, type PairScenario } from './support/tabPages.js';

let app: TestApp;
let browser: Browser;
let scenario: PairScenario;
let historyPath: string;
let sessionCount: number;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** A session of the pair three days ahead (test helper, this file only). */
async function upcomingSession(pairId: string): Promise<void> {
  const [earlier] = await app.app.services.store.sessionsOfPair(pairId);
  const start = Date.now() + 3 * 86_400_000;
  const session: Session = {
    ...earlier!,
    id: `${pairId}~history-e2e`,
    occurrence: 'history-e2e',
    start: new Date(start).toISOString(),
    end: new Date(start + 45 * 60_000).toISOString(),
    status: 'scheduled',
  };
  await app.app.services.store.recordSession(session);
}

/** A signed-in page for `user` at `width` px (one sign-in per person for the whole file). */
async function pageFor(user: DemoUser, width = 1280): Promise<Page> {
  const opened = await newContext(browser, { viewport: { width, height: 900 } });
  contexts.push(opened.context);
  const page = await opened.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signInOnLandingPage(page, app.url, user, `${historyPath}?theme=light`);
  return page;
}

async function show(page: Page, path: string, theme: 'light' | 'dark') {
  await page.goto(`${app.url}${path}?theme=${theme}`);
  await expect.poll(() => page.locator('html').getAttribute('data-theme'), { timeout: 15_000 }).toBe(theme);
}

const sessionRows = (page: Page) =>
  page
    .locator('section')
    .getByRole('listitem')
    .filter({ has: page.locator('.fui-Badge') });

async function expectAccessibleAndFits(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await scrollsSideways(page)).toBe(false);
}

describe.skipIf(!chromiumAvailable())("a pair's history in the tab", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    app = await startTestApp();
    await seedDemoProgramFor(app.app, app.devTenant);
    browser = await launchChromium();
    const found = await participantWithPair(app, 'seasoned');
    if (!found) throw new Error('The seed has no seasoned participant with an active pair');
    scenario = found;
    historyPath = `/tab/pairs/${encodeURIComponent(scenario.pairId)}/history`;
    await upcomingSession(scenario.pairId);
    sessionCount = (await app.app.services.store.sessionsOfPair(scenario.pairId)).length;
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  it('lists every past and upcoming session with its status, the two notes and the action items', async () => {
    const page = await pageFor(scenario.user);
    await page.getByRole('heading', { name: /^Sessions of / }).waitFor({ timeout: 20_000 });
    const upcoming = page.getByRole('region', { name: 'Upcoming' });
    const past = page.getByRole('region', { name: 'Past' });
    await expect.poll(() => sessionRows(page).count(), { timeout: 10_000 }).toBe(sessionCount);
    expect(await upcoming.getByRole('listitem').filter({ hasText: 'Scheduled' }).count()).toBe(1);
    const latest = past.getByRole('listitem').first();
    expect(await latest.textContent()).toContain('Held');
    expect(await latest.textContent()).toContain(`Your note written · ${scenario.partner.displayName}'s note written`);
    expect(await latest.getByRole('list').getByRole('listitem').count()).toBeGreaterThan(0);

    const [latestId] = (await app.app.services.store.sessionsOfPair(scenario.pairId))
      .filter((s) => s.status === 'held')
      .map((s) => s.id)
      .slice(-1);
    const mine = await app.app.services.store.note(latestId!, scenario.user.id);
    const theirs = await app.app.services.store.note(latestId!, scenario.partner.id);
    await latest.getByRole('button', { name: 'Show notes' }).click();
    await latest.getByText(mine!.note.taught).waitFor({ timeout: 10_000 });
    await latest.getByText(theirs!.note.learned).waitFor();
    expect(await latest.getByRole('button', { name: 'Hide notes' }).getAttribute('aria-expanded')).toBe('true');
    await expectAccessibleAndFits(page);
    await screenshot(page, 'pair-history-light');
    await show(page, historyPath, 'dark');
    await expect.poll(() => sessionRows(page).count(), { timeout: 10_000 }).toBe(sessionCount);
    await screenshot(page, 'pair-history-dark');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessibleAndFits(page);
    await screenshot(page, 'pair-history-360-dark');
    expect(pageErrors).toEqual([]);
  });

  it('stays readable to both people after the pair is ended', async () => {
    const ended = await app.request(`/api/pairs/${encodeURIComponent(scenario.pairId)}`, {
      as: programOwner(app).userPrincipalName,
      method: 'PATCH',
      body: { status: 'ended' },
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    for (const person of [scenario.user, scenario.partner]) {
      const page = person === scenario.user ? (contexts[0]!.pages()[0] as Page) : await pageFor(person, 360);
      await show(page, historyPath, 'light');
      await page
        .getByText('This pair has ended. Its history stays readable to both of you.')
        .waitFor({ timeout: 20_000 });
      await expect.poll(() => sessionRows(page).count(), { timeout: 10_000 }).toBe(sessionCount);
      // Ending the pair cancelled its future session: no longer upcoming, listed apart.
      expect(await page.getByRole('region', { name: 'Upcoming' }).count()).toBe(0);
      const cancelled = page.getByRole('region', { name: 'Cancelled, not yet due' });
      expect(await cancelled.getByRole('listitem').filter({ hasText: 'Cancelled' }).count()).toBe(1);
      expect(await page.getByRole('region', { name: 'Past' }).getByText('Held').count()).toBeGreaterThan(0);
      await expectAccessibleAndFits(page);
    }
    await screenshot(contexts[1]!.pages()[0]!, 'pair-history-ended-360-light');
    expect(pageErrors).toEqual([]);
  });

  it('says plainly when the id is not a pair, is percent-encoded, or is not one of yours', async () => {
    const page = contexts[1]!.pages()[0]!;
    const other = (await app.app.services.store.allPairs()).find(
      (p) => !p.members.some((m) => [scenario.user.id, scenario.partner.id].includes(m.userId)),
    )!;
    const cases: Array<[string, RegExp]> = [
      [encodeURIComponent(`${scenario.pairId}' or '1`), /does not name a pair/],
      ['pair-demo-1%2Fx', /does not name a pair/],
      ['%25', /does not name a pair/],
      ['pair-doesnotexist', /could not find this pair/],
      [encodeURIComponent(other.id), /could not find this pair/],
    ];
    for (const [id, message] of cases) {
      await show(page, `/tab/pairs/${id}/history`, 'dark');
      await page.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 15_000 });
      expect(await page.getByRole('heading', { level: 1 }).textContent(), id).toBe('Sessions of a pair');
      expect(await page.getByRole('link', { name: 'Back to my pairs' }).count()).toBe(1);
    }
    await expectAccessibleAndFits(page);
    await screenshot(page, 'pair-history-unknown-360-dark');
    expect(pageErrors).toEqual([]);
  });
});
