// What a new user hits in the Teams tab (issue 14): the focus-area picker,
// direction-aware topics, suggested times, department preview and booking,
// the person picker, 360 px screens, notes, navigation and the landing page.
// Every page also passes axe-core (no serious or critical violations).
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
let sessionId = '';

async function openAs(user: DemoUser, target: string, width = 1280): Promise<Page> {
  const { context } = await newContext(browser, { viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInOnLandingPage(page, app.url, user, target);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
  return page;
}

async function openSchedule(width = 1280): Promise<Page> {
  const page = await openAs(scenario.user, `/tab/pairs/${encodeURIComponent(scenario.pairId)}?theme=light`, width);
  await page.getByRole('heading', { name: `Schedule a session with ${scenario.partner.displayName}` }).waitFor();
  return page;
}

describe.skipIf(!chromiumAvailable())('the Teams tab for a new user', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    app = await startTestApp();
    await seedDemoProgramFor(app.app, app.devTenant);
    browser = await launchChromium();
    scenario = await earlyCareerParticipantWithPair(app);
    const summary = await app.request(`/api/pairs/${scenario.pairId}`, { as: scenario.user.userPrincipalName });
    sessionId = summary.body.nextSession?.id ?? summary.body.lastSession?.id ?? '';
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('1. ticks the box whose label was clicked, and names each box by its own label', async () => {
    const page = await openSchedule();
    await page.getByRole('radio', { name: /^Both ways/ }).check();
    const boxes = page.getByRole('checkbox', { name: /./ });
    const picker = page.locator('fieldset', { has: page.locator('legend', { hasText: 'Focus areas' }) });
    const ids = await picker.locator('input[type="checkbox"]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.length).toBe(8);
    expect(new Set(ids).size).toBe(8);
    for (const name of ['Technology adoption', 'Leadership', 'Clinical expertise', 'Navigating the health system'])
      expect(await page.getByRole('checkbox', { name, exact: true }).count()).toBe(1);
    await page.getByText('Leadership', { exact: true }).click();
    expect(await page.getByRole('checkbox', { name: 'Leadership', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Technology adoption', exact: true }).isChecked()).toBe(false);
    expect(await boxes.count()).toBeGreaterThanOrEqual(8);
    await page.context().close();
  });

  it('2. offers the topics that fit the direction and asks for one each way', async () => {
    const page = await openSchedule();
    await page.getByRole('radio', { name: 'Reverse (newer guides experienced)' }).check();
    expect(await page.getByRole('checkbox', { name: 'Clinical expertise' }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'Technology adoption' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Find times' }).click();
    // The hint and the error are one message, shown once.
    expect(await page.getByText('Pick at least one.').count()).toBe(1);
    await page.getByRole('radio', { name: /^Both ways/ }).check();
    await page.getByRole('checkbox', { name: 'Technology adoption' }).check();
    await page.getByRole('button', { name: 'Find times' }).click();
    await page.getByRole('alert').filter({ hasText: 'pick one topic each way' }).waitFor();
    await page.context().close();
  });

  it('3. sends the time preferences, labels each time with its zone and keeps suggestions over Back/Forward', async () => {
    const page = await openSchedule();
    expect(await page.getByRole('checkbox', { name: /Keep lunch/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Technology adoption' }).check();
    const sent = page.waitForRequest((r) => r.url().endsWith('/slots') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Find times' }).click();
    const body = JSON.parse((await sent).postData() ?? '{}') as { preferences?: Record<string, boolean> };
    expect(body.preferences).toMatchObject({ avoidLunch: true });
    const list = page.getByRole('list', { name: 'Suggested times, best first' });
    await list.getByRole('listitem').first().waitFor({ timeout: 20_000 });
    const headline = await list.locator('> li').first().locator('.fui-Text').first().textContent();
    expect(headline).toMatch(/(GMT|UTC|[A-Z]{2,5})([+-][\d:]+)?$/);
    await page.goBack();
    await page.getByRole('heading', { name: 'My pairs' }).waitFor();
    await page.goForward();
    await list.getByRole('listitem').first().waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it('5. previews a department with times and reasons, and asks before booking with the count', async () => {
    const page = await openAs(programOwner(app), '/tab/admin?theme=light');
    await page.getByRole('button', { name: 'Preview times' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Preview: / })
      .waitFor({ timeout: 30_000 });
    const proposed = page.getByRole('list', { name: /Proposed times|Not scheduled/ }).first();
    await proposed.getByRole('listitem').first().waitFor();
    expect(await page.getByText('Done:').count()).toBe(0);
    await page.getByRole('button', { name: 'Schedule department' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /^Book \d+ sessions?$/ }).waitFor();
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await page.context().close();
  });

  it('6. keeps typing in the person picker after Backspace on a chosen person', async () => {
    const page = await openAs(programOwner(app), '/tab/admin?theme=light');
    const box = page.getByRole('combobox', { name: 'Person 1', exact: true });
    const someone = scenario.partner.displayName;
    await box.click();
    await box.pressSequentially(someone, { delay: 30 });
    const option = page.getByRole('listbox').getByRole('option').filter({ hasNotText: 'No one matches' }).first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    const chosen = await box.inputValue();
    await box.press('Backspace');
    await page.keyboard.type('Q');
    expect(await box.inputValue()).toBe(`${chosen.slice(0, -1)}Q`);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });

  const everyPage = (): Array<[string, DemoUser, string]> => [
    ['pairs', scenario.user, '/tab'],
    ['schedule', scenario.user, `/tab/pairs/${encodeURIComponent(scenario.pairId)}`],
    ['session', scenario.user, `/tab/sessions/${encodeURIComponent(sessionId)}`],
    ['admin', programOwner(app), '/tab/admin'],
    ['dashboard', programOwner(app), '/tab/dashboard'],
  ];
  it.each([360, 1280])(
    '8. fits every page in %i px without sideways scrolling, and passes axe',
    async (width) => {
      const problems: string[] = [];
      for (const [name, user, path] of everyPage()) {
        const page = await openAs(user, `${path}?theme=light`, width);
        await page.waitForLoadState('networkidle');
        if (await scrollsSideways(page)) problems.push(`${name} at ${width}px scrolls sideways`);
        await screenshot(page, `tab-${name}-${width}`);
        problems.push(...(await seriousAxeViolations(page)).map((v) => `${name}: ${v}`));
        await page.context().close();
      }
      expect(problems).toEqual([]);
    },
    300_000,
  );

  it('9. refuses an empty note and names the excess of a long paste instead of cutting it', async () => {
    const page = await openAs(scenario.user, `/tab/sessions/${encodeURIComponent(sessionId)}?theme=light`);
    const taught = page.getByRole('textbox', { name: 'What I taught' });
    const learned = page.getByRole('textbox', { name: 'What I learned' });
    await taught.fill('');
    await learned.fill('');
    for (const remove of await page.getByRole('button', { name: /^Remove action item/ }).all()) await remove.click();
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByRole('alert').filter({ hasText: 'The note is empty' }).waitFor();
    expect(await page.getByText('Saved.', { exact: true }).count()).toBe(0);
    await taught.fill('x'.repeat(11_700));
    expect((await taught.inputValue()).length).toBe(11_700);
    await page.getByText(/11,700 characters: the limit is 4,000\. Shorten it by 7,700/).waitFor();
    await page.context().close();
  });

  it('9. moves focus to the page heading after navigating', async () => {
    const page = await openAs(scenario.user, '/tab?theme=light');
    const card = page.getByRole('listitem').filter({ hasText: scenario.partner.displayName }).first();
    await card.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 1, name: /^Schedule a session/ }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.context().close();
  });

  it('9. lands leads on their dashboard, opens the tab from a name on the landing page, serves a favicon', async () => {
    const lead =
      app.users.find((u) => u.roles.includes('DepartmentLead') && !u.roles.includes('Participant')) ??
      app.users.find((u) => u.roles.includes('DepartmentLead'))!;
    const pairs = await app.request('/api/pairs', { as: lead.userPrincipalName });
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: lead.displayName, exact: true }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/tab'), { timeout: 15_000 });
    if ((pairs.body as unknown[]).length === 0) await page.waitForURL(/\/tab\/dashboard/, { timeout: 15_000 });
    const favicon = await page.request.get(`${app.url}/favicon.ico`);
    expect(favicon.status()).toBe(200);
    await context.close();
  });
});
