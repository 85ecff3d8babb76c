// The tab's shell in a browser: a page opened by deep link asks for its data
// while its code is still arriving (issue 14 item 10), the schedule page lists
// every upcoming session (item 9), and the six-section header fits Teams
// mobile (360 px) behind a keyboard- and screen-reader-friendly menu.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { scrollsSideways, seriousAxeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot } from './support/browser.js';
import {
  earlyCareerParticipantWithPair,
  programOwner,
  signInOnLandingPage,
  type PairScenario,
} from './support/tabPages.js';

let app: TestApp;
let browser: Browser;
let scenario: PairScenario;

async function openAs(user: DemoUser, target: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const { context, pageErrors } = await newContext(browser, { viewport: { width, height: 800 } });
  const page = await context.newPage();
  await signInOnLandingPage(page, app.url, user, target);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
  return { page, errors: pageErrors };
}

/** Books a series of three sessions for the scenario's pair through the API, at the first suggested time. */
async function bookSeries(): Promise<void> {
  const as = scenario.user.userPrincipalName;
  const now = Date.now();
  const slots = await app.request(`/api/pairs/${scenario.pairId}/slots`, {
    as,
    method: 'POST',
    body: {
      durationMinutes: 30,
      windowStart: new Date(now + 3_600_000).toISOString(),
      windowEnd: new Date(now + 14 * 86_400_000).toISOString(),
    },
  });
  const start = (slots.body as { suggestions: { start: string }[] }).suggestions[0]?.start;
  if (!start) throw new Error(`no slot for ${scenario.pairId}: ${slots.status} ${slots.text}`);
  const booked = await app.request(`/api/pairs/${scenario.pairId}/sessions`, {
    as,
    method: 'POST',
    body: { start, durationMinutes: 30, direction: 'reverse', focusAreas: ['technology-adoption'], occurrences: 3 },
  });
  if (booked.status !== 201) throw new Error(`booking failed: ${booked.status} ${booked.text}`);
}

describe.skipIf(!chromiumAvailable())('the tab shell', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    app = await startTestApp();
    await seedDemoProgramFor(app.app, app.devTenant);
    browser = await launchChromium();
    scenario = await earlyCareerParticipantWithPair(app);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("asks for a deep-linked page's data before the page's code has finished arriving", async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, scenario.user);
    const order: string[] = [];
    // The page's code arrives late (a slow network): its data must not wait for it.
    await page.route(/\/assets\/SchedulePage-[^/]+\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
    });
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === `/api/pairs/${scenario.pairId}`) order.push('data requested');
    });
    page.on('requestfinished', (r) => {
      if (/\/assets\/SchedulePage-[^/]+\.js$/.test(r.url())) order.push('code arrived');
    });
    await page.goto(`${app.url}/tab/pairs/${encodeURIComponent(scenario.pairId)}`);
    await page.getByRole('heading', { name: `Schedule a session with ${scenario.partner.displayName}` }).waitFor();
    expect(order).toEqual(['data requested', 'code arrived']);
    await context.close();
  });

  it('is in the chosen color scheme from the first frame that shows the page', async () => {
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, scenario.user);
    await page.evaluate(() => window.localStorage.setItem('reciprocal.theme', 'dark'));
    // What the document's root said when the app first rendered anything, before a frame was drawn with it.
    await page.addInitScript(() => {
      const seen = { atFirstRender: null as string | null };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver((_, observer) => {
        if (!document.getElementById('root')?.firstElementChild) return;
        seen.atFirstRender = `${document.documentElement.dataset['theme']} ${document.documentElement.style.colorScheme}`;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${app.url}/tab/profile`);
    await page.locator('main h1').waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { seen: { atFirstRender: string } }).seen.atFirstRender),
    ).toBe('dark dark');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lists every upcoming session of the pair, each in my mailbox time zone with a link to it', async () => {
    await bookSeries();
    const me = (await app.request('/api/me', { as: scenario.user.userPrincipalName })).body as { timeZone: string };
    const history = await app.request(`/api/pairs/${scenario.pairId}/history`, { as: scenario.user.userPrincipalName });
    const upcoming = (
      history.body as { sessions: { session: { id: string; start: string; status: string } }[] }
    ).sessions
      .map((row) => row.session)
      .filter((s) => s.status === 'scheduled' && Date.parse(s.start) > Date.now());
    expect(upcoming.length).toBeGreaterThanOrEqual(3);

    const { page, errors } = await openAs(
      scenario.user,
      `/tab/pairs/${encodeURIComponent(scenario.pairId)}?theme=light`,
    );
    const list = page.getByRole('list', { name: 'Upcoming sessions' });
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBe(upcoming.length);
    const zone = (iso: string) =>
      new Intl.DateTimeFormat('en-US', { timeZone: me.timeZone, timeZoneName: 'short' })
        .formatToParts(new Date(iso))
        .find((p) => p.type === 'timeZoneName')!.value;
    const links = list.getByRole('link').filter({ hasNotText: 'Join in Teams' });
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(upcoming.map((s) => `/tab/sessions/${encodeURIComponent(s.id)}`));
    const texts = await links.allTextContents();
    texts.forEach((text, i) => expect(text.endsWith(` ${zone(upcoming[i]!.start)}`), text).toBe(true));
    await screenshot(page, 'tab-schedule-upcoming-light');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fits six sections into 360 px behind a menu that keyboard and screen-reader users can work', async () => {
    const { page, errors } = await openAs(programOwner(app), '/tab/admin?theme=light', 360);
    expect(await scrollsSideways(page)).toBe(false);
    const nav = page.getByRole('navigation', { name: 'Reciprocal sections' });
    const menu = nav.getByRole('button', { name: /^Menu/ });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link').filter({ visible: true }).count()).toBe(0);

    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const links = nav.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'My pairs',
      'Growth',
      'My profile',
      'Dashboard',
      'Program admin',
      'Rounds',
    ]);
    expect(await nav.getByRole('link', { name: 'Program admin' }).getAttribute('aria-current')).toBe('page');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'tab-header-menu-360');

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('My pairs');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBeTruthy();

    await page.keyboard.press('Enter');
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL(/\/tab\/dashboard/);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await scrollsSideways(page)).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the six sections in a row at 1280 px, the current one marked', async () => {
    const { page } = await openAs(programOwner(app), '/tab/admin?theme=light');
    const nav = page.getByRole('navigation', { name: 'Reciprocal sections' });
    expect(await nav.getByRole('button', { name: /^Menu/ }).isVisible()).toBe(false);
    expect(await nav.getByRole('link').filter({ visible: true }).count()).toBe(6);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'tab-header-1280');
    await page.context().close();
  });
});
