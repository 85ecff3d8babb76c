// The session loop in the tab, in Chromium against the app and the dev tenant:
// a participant opens a session that ended an hour ago, marks it held with a
// rating and a learning line, reloads and sees it kept; a line holding a
// patient identifier is refused naming the field and the saved answer stays;
// the partner, with the keyboard alone on a 360 px phone, says it did not
// happen; the program owner sees the two answers on the pair's history.
// Screenshots at 1280 and 360 px in both themes go to test/artifacts/.
import type { Browser, Page } from 'playwright-core';
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
let sessionId: string;
const learnedLine = 'How the saved filters in the referral queue work.';

/** A session of the pair that ended an hour ago and nobody has answered for yet (test helper, this file only). */
async function sessionThatJustEnded(pairId: string): Promise<string> {
  const [earlier] = await app.app.services.store.sessionsOfPair(pairId);
  const start = Date.now() - 105 * 60_000;
  const session: Session = {
    ...earlier!,
    id: `${pairId}~loop-e2e`,
    occurrence: 'loop-e2e',
    start: new Date(start).toISOString(),
    end: new Date(start + 45 * 60_000).toISOString(),
    status: 'scheduled',
  };
  await app.app.services.store.recordSession(session);
  return session.id;
}

const signedIn = new Map<string, { page: Page; close: () => Promise<void>; pageErrors: string[] }>();

/** The session page as `user`, signed in once per person for the whole file. */
async function openSession(
  user: DemoUser,
  theme: 'light' | 'dark',
  width = 1280,
): Promise<{ page: Page; pageErrors: string[] }> {
  const path = `/tab/sessions/${encodeURIComponent(sessionId)}?theme=${theme}`;
  let opened = signedIn.get(user.id);
  if (opened) await opened.page.goto(`${app.url}${path}`);
  else {
    const { context, pageErrors } = await newContext(browser, { viewport: { width, height: 900 } });
    const page = await context.newPage();
    opened = { page, pageErrors, close: () => context.close() };
    signedIn.set(user.id, opened);
    await signInOnLandingPage(page, app.url, user, path);
  }
  const { page } = opened;
  await expect.poll(() => page.locator('html').getAttribute('data-theme'), { timeout: 15_000 }).toBe(theme);
  await loopForm(page).waitFor({ timeout: 20_000 });
  return opened;
}

const loopForm = (page: Page) => page.getByRole('region', { name: 'How did it go?' });

async function expectAccessibleAndFits(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await scrollsSideways(page)).toBe(false);
}

describe.skipIf(!chromiumAvailable())('the session loop in the tab', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    app = await startTestApp();
    await seedDemoProgramFor(app.app, app.devTenant);
    browser = await launchChromium();
    const owner = programOwner(app);
    const found = await participantWithPair(app, 'early');
    if (!found || [found.user.id, found.partner.id].includes(owner.id)) throw new Error('No pair without the owner');
    scenario = found;
    sessionId = await sessionThatJustEnded(scenario.pairId);
  }, 120_000);

  afterAll(async () => {
    for (const opened of signedIn.values()) await opened.close();
    await browser?.close();
    await app?.close();
  });

  it('marks a past session held with a rating and a learning line, and shows it after a reload', async () => {
    const { page, pageErrors } = await openSession(scenario.user, 'light');
    const form = loopForm(page);
    await expect.poll(() => form.getByText('The session is marked scheduled.').count()).toBe(1);
    await form.getByRole('radio', { name: 'We met' }).check();
    await form.getByRole('radio', { name: '4' }).check();
    await form.getByRole('textbox', { name: /what did you learn/ }).fill(learnedLine);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => form.getByText('The session is marked held.').count()).toBe(1);

    await page.reload();
    await loopForm(page).waitFor({ timeout: 20_000 });
    await expect.poll(() => form.getByRole('radio', { name: 'We met' }).isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await form.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    expect(await form.getByRole('textbox', { name: /what did you learn/ }).inputValue()).toBe(learnedLine);
    expect(await form.getByText('The session is marked held.').count()).toBe(1);
    await expectAccessibleAndFits(page);
    await screenshot(page, 'session-loop-held-light');
    expect(pageErrors).toEqual([]);
  });

  it('refuses a learning line holding a patient identifier, naming the field, and keeps the saved answer', async () => {
    const { page, pageErrors } = await openSession(scenario.user, 'dark');
    const form = loopForm(page);
    const line = form.getByRole('textbox', { name: /what did you learn/ });
    await expect.poll(() => line.inputValue(), { timeout: 10_000 }).toBe(learnedLine);
    await line.fill('Called about MRN 4820193 and the discharge plan');
    const refusal = form.getByText(/What you learned looks like it holds a patient identifier/);
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.textContent()).toMatch(/medical record number/i);
    expect(await line.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await screenshot(page, 'session-loop-phi-dark');

    // The server refuses the same line on its own (a client that skips the check), naming the field.
    const token = await page.evaluate(() => sessionStorage.getItem('reciprocal.devToken'));
    const refused = await page.evaluate(
      async ([url, t]) => {
        const r = await fetch(url!, {
          method: 'PUT',
          headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
          body: JSON.stringify({ outcome: 'held', usefulness: 2, learned: 'Called about MRN 4820193' }),
        });
        return { status: r.status, body: (await r.json()) as { error: { field: string } } };
      },
      [`${app.url}/api/sessions/${encodeURIComponent(sessionId)}/loop`, token] as const,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.field).toBe('body.learned');

    await page.reload();
    await loopForm(page).waitFor({ timeout: 20_000 });
    await expect.poll(() => line.inputValue(), { timeout: 10_000 }).toBe(learnedLine);
    expect(await form.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('lets the partner say it did not happen with the keyboard alone on a 360 px phone, and shows the disagreement', async () => {
    const { page, pageErrors } = await openSession(scenario.partner, 'dark', 360);
    const form = loopForm(page);
    await expect.poll(() => form.getByText('Your partner said: We met.').count(), { timeout: 10_000 }).toBe(1);
    await expectAccessibleAndFits(page);
    await screenshot(page, 'session-loop-360-dark');

    await page.getByRole('link', { name: 'All sessions of this pair' }).focus();
    await page.keyboard.press('Tab');
    expect(await form.getByRole('radio', { name: 'We met' }).evaluate((e) => e === document.activeElement)).toBe(true);
    // A radio group moves with the arrow keys (WAI-ARIA radio group pattern); Space ticks the focused one.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await form.getByRole('radio', { name: 'It did not happen' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await form.getByRole('radio', { name: '1' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nothing this time: my partner was called to the floor.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    await form.getByText(/answered differently/).waitFor();
    // Either person's "held" keeps the session held.
    expect(await form.getByText('The session is marked held.').count()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'session-loop-disagreement-360-dark');
    expect(pageErrors).toEqual([]);
  });

  it('lists the disagreement for the program owner on Program admin, and shows the two answers on the pair history, in both themes and at 360 px', async () => {
    const owner = programOwner(app);
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    const history = `/tab/pairs/${encodeURIComponent(scenario.pairId)}/history`;
    await signInOnLandingPage(page, app.url, owner, '/tab/admin?theme=light');
    const attention = page.getByRole('region', { name: 'Needs your attention' });
    const entry = attention.getByRole('listitem').filter({ hasText: scenario.partner.displayName });
    await entry.waitFor({ timeout: 20_000 });
    expect(await entry.textContent()).toContain(`${scenario.user.displayName}: we met`);
    expect(await entry.textContent()).toContain(`${scenario.partner.displayName}: it did not happen`);
    await screenshot(page, 'admin-attention-1280');
    await entry.getByRole('link', { name: 'Open the pair’s history' }).click();
    await page.waitForURL(`**${history}*`);
    const row = page.getByRole('listitem').filter({ hasText: 'Marked differently' });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain(`${scenario.user.displayName}: we met`);
    expect(await row.textContent()).toContain(`${scenario.partner.displayName}: it did not happen`);
    // Notes are the pair's own: the owner is not told "no note from you".
    expect(await page.getByText(/note from you/).count()).toBe(0);
    await expectAccessibleAndFits(page);
    await screenshot(page, 'session-loop-owner-history-light');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${app.url}${history}?theme=dark`);
    await row.waitFor({ timeout: 20_000 });
    await expectAccessibleAndFits(page);
    await screenshot(page, 'session-loop-owner-history-360-dark');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
