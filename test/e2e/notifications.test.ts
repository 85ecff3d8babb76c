// The notifications page in a real browser: a person sees a switch per kind of
// message from the bot, turns reminders off, and the choice is kept (the API
// and a reload agree). Screenshots at 360 and 1280 px; axe finds nothing serious.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { scrollsSideways, seriousAxeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot } from './support/browser.js';
import { signInOnLandingPage } from './support/tabPages.js';

let app: TestApp;
let browser: Browser;

async function openAs(upnIndex: number, width: number): Promise<Page> {
  const { context } = await newContext(browser, { viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInOnLandingPage(page, app.url, app.users[upnIndex]!, '/tab/notifications?theme=light');
  await page.getByRole('heading', { level: 1, name: 'Messages from Reciprocal' }).waitFor({ timeout: 20_000 });
  return page;
}

describe.skipIf(!chromiumAvailable())('the notifications page', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('turns reminders off with their switch and keeps it after a reload', async () => {
    const page = await openAs(1, 1280);
    const reminders = page.getByRole('switch', { name: 'Session reminders' });
    await expect.poll(() => reminders.isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByRole('switch').count()).toBe(10);
    await reminders.click();
    await expect
      .poll(
        async () => (await app.request('/api/me/notifications', { as: app.users[1]!.userPrincipalName })).body.muted,
      )
      .toEqual(['reminder']);
    await page.reload();
    await page.getByRole('switch', { name: 'Session reminders' }).waitFor();
    expect(await page.getByRole('switch', { name: 'Session reminders' }).isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'Nudges to meet' }).isChecked()).toBe(true);
    await page.context().close();
  });

  it.each([360, 1280])('fits %i px without sideways scrolling and passes axe', async (width) => {
    const page = await openAs(2, width);
    await page.getByRole('switch').first().waitFor();
    await screenshot(page, `tab-notifications-${width}`);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
