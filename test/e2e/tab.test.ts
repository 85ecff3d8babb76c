// The Teams tab in a real browser against the app and the dev tenant:
// sign in as a seeded early-career case manager, schedule a session, write a
// note that the PHI guard flags, fix it, save, reload, see it as the partner;
// the program owner creates a pair. Light and dark screenshots of each page
// go to test/artifacts/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { chromiumAvailable, launchChromium, newContext, screenshot } from './support/browser.js';
import { openTabInTeams, sendTheme } from './support/teamsHost.js';
import {
  earlyCareerParticipantWithPair,
  programOwner,
  signInOnLandingPage,
  type PairScenario,
} from './support/tabPages.js';

let app: TestApp;
let browser: Browser;
let scenario: PairScenario;
let sessionPath = '';

async function pairsList(page: Page) {
  const list = page.getByRole('list', { name: 'Your mentorship pairs' });
  await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return list;
}

async function showIn(page: Page, path: string, theme: 'light' | 'dark') {
  await page.goto(`${app.url}${path}${path.includes('?') ? '&' : '?'}theme=${theme}`);
  await expect.poll(() => page.locator('html').getAttribute('data-theme'), { timeout: 15_000 }).toBe(theme);
}

describe.skipIf(!chromiumAvailable())('Teams tab end to end', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    app = await startTestApp();
    // What `npm start` does: the demo program (pairs with history) in the program store.
    await seedDemoProgramFor(app.app, app.devTenant);
    browser = await launchChromium();
    scenario = await earlyCareerParticipantWithPair(app);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets an early-career case manager schedule a session and write a note the PHI guard checks', async () => {
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, scenario.user, '/tab?theme=light');

    const list = await pairsList(page);
    const card = list.getByRole('listitem').filter({ hasText: scenario.partner.displayName });
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.getByText(/reverse · .* traditional/).count()).toBe(1);
    await screenshot(page, 'tab-pairs-light');

    await card.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: `Schedule a session with ${scenario.partner.displayName}` }).waitFor();
    await page.getByRole('radio', { name: 'Reverse (newer guides experienced)' }).check();
    await page.getByRole('checkbox', { name: 'Technology adoption' }).check();
    await page.getByRole('button', { name: 'Find times' }).click();
    const slots = page.getByRole('list', { name: 'Suggested times, best first' });
    await slots.getByRole('listitem').first().waitFor({ timeout: 20_000 });
    // Each suggestion shows both people's local times and its reasons.
    const first = slots.getByRole('listitem').first();
    await expect.poll(() => first.getByText(scenario.user.displayName, { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => first.getByText(scenario.partner.displayName, { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(page, 'tab-schedule-light');

    await first.getByRole('button', { name: /^Book this time/ }).click();
    const booked = page
      .getByRole('region', { name: 'Session booked' })
      .or(page.locator('[aria-labelledby="booked-title"]'));
    await booked.first().waitFor({ timeout: 20_000 });
    await expect.poll(() => booked.first().getByRole('link', { name: 'Join in Teams' }).count()).toBeGreaterThan(0);
    expect(await booked.first().getByRole('heading', { level: 3 }).count()).toBeGreaterThan(2);
    await screenshot(page, 'tab-booked-light');

    await booked.first().getByRole('listitem').first().getByRole('link').first().click();
    await page.waitForURL(/\/tab\/sessions\//);
    sessionPath = new URL(page.url()).pathname;

    const taught = page.getByRole('textbox', { name: 'What I taught' });
    await taught.fill('Showed how I look up MRN 4820193 in the new care-coordination tool.');
    const flags = page.getByRole('group', { name: /This may contain patient information/ });
    await flags.first().waitFor();
    expect(await flags.first().locator('mark').first().textContent()).toContain('4820193');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByRole('alert').filter({ hasText: 'Edit or confirm each highlighted item before saving.' }).waitFor();
    await screenshot(page, 'tab-session-phi-light');
    // A bare first name needs the name lexicon, which the page loads once the author is in the editor.
    await taught.fill('Maria missed her dialysis ride again, so we set up transport.');
    await expect
      .poll(async () => (await flags.first().locator('mark').allTextContents()).join(' '), { timeout: 15_000 })
      .toContain('Maria');

    await taught.fill('Showed how I filter my caseload by discharge date in the new care-coordination tool.');
    await expect.poll(() => flags.count()).toBe(0);
    await page
      .getByRole('textbox', { name: 'What I learned' })
      .fill('How to frame a difficult conversation about readmission risk.');
    await page.getByRole('button', { name: 'Add action item' }).click();
    await page.getByRole('textbox', { name: 'Action items 1' }).fill('Try the caseload filter with two new clients');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Saved.').waitFor({ timeout: 15_000 });

    await page.reload();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'What I taught' }).inputValue(), { timeout: 15_000 })
      .toContain('filter my caseload');
    expect(await page.getByRole('textbox', { name: 'Action items 1' }).inputValue()).toBe(
      'Try the caseload filter with two new clients',
    );
    expect(await page.getByText('We restored an unsaved draft').count()).toBe(0);
    await screenshot(page, 'tab-session-light');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('keeps an unsaved draft across a reload', async () => {
    expect(sessionPath).not.toBe('');
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, scenario.user, sessionPath);
    const learned = page.getByRole('textbox', { name: 'What I learned' });
    await expect.poll(() => learned.inputValue(), { timeout: 15_000 }).toContain('readmission');
    await learned.fill('Draft that was never saved');
    await page.reload();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'What I learned' }).inputValue(), { timeout: 15_000 })
      .toBe('Draft that was never saved');
    await page.getByText('We restored an unsaved draft from this device.').waitFor();
    await context.close();
  });

  it('shows the note to the partner on the same session', async () => {
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, scenario.partner, `${sessionPath}?theme=light`);
    const partnerNote = page.locator('[aria-labelledby="partner-note-title"]');
    await partnerNote.getByText('filter my caseload by discharge date').waitFor({ timeout: 15_000 });
    expect(await partnerNote.getByRole('heading').textContent()).toContain(scenario.user.displayName);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('lets the program owner create a pair from the directory', async () => {
    const owner = programOwner(app);
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, owner, '/tab/admin?theme=light');
    await page.getByRole('heading', { name: 'Create a pair' }).waitFor({ timeout: 15_000 });

    const pick = async (label: string, text: string) => {
      const box = page.getByRole('combobox', { name: label, exact: true });
      await box.click();
      await box.pressSequentially(text, { delay: 40 });
      const option = page.getByRole('listbox').getByRole('option').filter({ hasNotText: 'No one matches' }).first();
      await option.waitFor({ timeout: 15_000 });
      await option.click();
    };
    // Someone and their manager: allowed, with a warning before and after creating.
    const report = app.users.find(
      (u) => u.managerId && u.id !== owner.id && app.users.some((m) => m.id === u.managerId),
    )!;
    const manager = app.users.find((m) => m.id === report.managerId)!;
    await pick('Person 1', report.displayName);
    await pick('Person 2', manager.displayName);
    await page
      .getByRole('status')
      .filter({ hasText: `${report.displayName} reports to ${manager.displayName}` })
      .waitFor();
    await page.getByRole('button', { name: 'Create pair' }).click();
    const created = page
      .getByRole('status')
      .filter({ hasText: `Paired ${report.displayName} with ${manager.displayName}` });
    await created.waitFor({ timeout: 15_000 });
    expect(await created.textContent()).toContain('reports to');
    await page
      .getByRole('table', { name: 'Pairs' })
      .getByRole('row')
      .filter({ hasText: report.displayName })
      .filter({ hasText: manager.displayName })
      .first()
      .waitFor();

    // A whole department at once, previewed (dry run): progress, then the outcome.
    await page.getByRole('button', { name: 'Preview times' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Preview: \d+ pairs? can be placed/ })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'tab-admin-light');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("pages the program's pairs: ten at first, newest first, more on request, focus kept in the table", async () => {
    const pageSize = 10;
    const owner = programOwner(app);
    const pairs = (await app.request('/api/program/pairs', { as: owner.userPrincipalName })).body as unknown[];
    expect(pairs.length).toBeGreaterThan(2 * pageSize);
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, owner, '/tab/admin?theme=light');
    const card = page.locator('.fui-Card[aria-labelledby="table-pairs"]');
    const rows = card.getByRole('table', { name: 'Pairs' }).getByRole('row');
    await rows.first().waitFor({ timeout: 15_000 });
    // The header row, then a page of pairs.
    expect(await rows.count()).toBe(pageSize + 1);
    expect(await card.getByText(`Showing ${pageSize} of ${pairs.length} pairs, newest first.`).count()).toBe(1);
    const more = card.getByRole('button', { name: /^Show \d+ more$/ });
    while ((await more.count()) > 0) {
      const before = await rows.count();
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(before);
    }
    expect(await rows.count()).toBe(pairs.length + 1);
    // The button went with the last page: focus is on the table's scrolling region, not lost to the page.
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.getAttribute('role') + ' ' + document.activeElement?.getAttribute('aria-labelledby'),
      ),
    ).toBe('region table-pairs');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('renders every page in the dark theme', async () => {
    const owner = programOwner(app);
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, scenario.user, '/tab?theme=dark');
    await showIn(page, '/tab', 'dark');
    await pairsList(page);
    await screenshot(page, 'tab-pairs-dark');
    await showIn(page, `/tab/pairs/${encodeURIComponent(scenario.pairId)}`, 'dark');
    await page.getByRole('checkbox', { name: 'Technology adoption' }).check();
    await page.getByRole('button', { name: 'Find times' }).click();
    await page
      .getByRole('list', { name: 'Suggested times, best first' })
      .getByRole('listitem')
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'tab-schedule-dark');
    await showIn(page, sessionPath, 'dark');
    await page.getByRole('textbox', { name: 'What I taught' }).fill('Reviewed the case of MRN 4820193 together.');
    await page
      .getByRole('group', { name: /This may contain patient information/ })
      .first()
      .waitFor();
    await screenshot(page, 'tab-session-dark');
    await context.close();

    const ownerContext = await newContext(browser);
    const ownerPage = await ownerContext.context.newPage();
    await signInOnLandingPage(ownerPage, app.url, owner, '/tab/admin?theme=dark');
    await ownerPage.getByRole('heading', { name: 'Create a pair' }).waitFor({ timeout: 15_000 });
    await screenshot(ownerPage, 'tab-admin-dark');
    await ownerContext.context.close();
  });

  it('works from the keyboard: Tab reaches Schedule, Enter opens it, focus is visible', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, scenario.user, '/tab?theme=contrast');
    await pairsList(page);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.textContent === 'Schedule' && document.activeElement.tagName === 'BUTTON',
      );
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!, '::after');
      const own = getComputedStyle(document.activeElement!);
      return {
        after: style.borderTopWidth + ' ' + style.borderTopStyle,
        outline: own.outlineStyle,
        matchesFocusVisible: document.activeElement!.matches(':focus-visible'),
      };
    });
    expect(outline.matchesFocusVisible).toBe(true);
    expect(outline.after !== '0px none' || outline.outline !== 'none').toBe(true);
    await screenshot(page, 'tab-pairs-keyboard-contrast');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Schedule a session with / }).waitFor();
    await context.close();
  });

  it('runs inside a simulated Teams host: Teams SSO token, deep link to the pair, host theme followed', async () => {
    const { context, pageErrors } = await newContext(browser);
    const { page, tab } = await openTabInTeams(context, app, scenario.user, `pairs/${scenario.pairId}`, {
      theme: 'dark',
    });
    await tab
      .getByRole('heading', { name: `Schedule a session with ${scenario.partner.displayName}` })
      .waitFor({ timeout: 20_000 });
    const theme = () => tab.locator('html').getAttribute('data-theme');
    expect(await theme()).toBe('dark');
    // In Teams the host decides the theme: no picker.
    expect(await tab.getByRole('combobox', { name: 'Theme' }).count()).toBe(0);
    await sendTheme(page, 'contrast');
    await expect.poll(theme).toBe('contrast');
    await sendTheme(page, 'default');
    await expect.poll(theme).toBe('light');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
