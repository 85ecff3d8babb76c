// Dashboards in a real browser: a lead sees their own department (and an API
// request for another department is refused), the program owner sees every
// department side by side; screenshots in light and dark. The owner's at-risk
// list pages on with "Show more at-risk pairs" (keyboard, announced count,
// 1280 and 360 px, axe).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { addQuietPairs } from '../support/dashboardLists.js';
import { seriousAxeViolations, scrollsSideways } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot } from './support/browser.js';
import { signInOnLandingPage } from './support/tabPages.js';

let app: TestApp;
let browser: Browser;
const quietDepartment = 'Care Transitions West';
const quietPairs = 60;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  await addQuietPairs(app, quietDepartment, quietPairs);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(page: Page, path: string, theme: 'light' | 'dark') {
  await page.goto(`${app.url}${path}?theme=${theme}`);
  await expect.poll(() => page.locator('html').getAttribute('data-theme'), { timeout: 15_000 }).toBe(theme);
}

/** The charts load after the figures (lazyCharts.ts): wait for them before a screenshot. */
async function chartsDrawn(page: Page) {
  await page.locator('[inert] svg').first().waitFor({ timeout: 20_000 });
}

describe.skipIf(!chromiumAvailable())('dashboards in the tab', () => {
  it("shows each chart's figures as a table while the charts' code is still on its way, then the chart", async () => {
    const lead = app.users.find((u) => u.roles.includes('DepartmentLead'))!;
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    await page.route(/\/assets\/charts-[^/]*\.js$/, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await signInOnLandingPage(page, app.url, lead, '/tab/dashboard?theme=light');
    await page.getByRole('list', { name: `${lead.department}: key figures` }).waitFor({ timeout: 20_000 });
    const direction = page.getByRole('region', { name: 'Direction balance (sessions held)' });
    // The figures are on screen, as a table, while the charts' code is held back.
    await direction.getByRole('table').waitFor();
    /** Shown, or visually hidden (ChartOrTable's clipped 1 px box) for screen readers only. */
    const tableClipped = () =>
      direction.getByRole('table').evaluate((table) => {
        for (let at: Element | null = table; at; at = at.parentElement)
          if (getComputedStyle(at).clip.startsWith('rect(')) return true;
        return false;
      });
    expect(await tableClipped()).toBe(false);
    expect(await direction.locator('svg').count()).toBe(0);
    expect(asked).toBe(true);
    await screenshot(page, 'dashboard-lead-before-charts');
    release();
    await direction.locator('[inert] svg').first().waitFor({ timeout: 20_000 });
    // Drawn: the table is still there for screen readers, out of sight (1 px, clipped).
    expect(await tableClipped()).toBe(true);
    // The legend says what the table says ("Both ways"), not Fluent's capitalized "Both Ways".
    const legend = direction.locator('.fui-legend__text', { hasText: 'Both ways' });
    expect(await legend.evaluate((el) => getComputedStyle(el).textTransform)).toBe('none');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);

  it("shows a lead their own department, in both themes, and the API refuses another department's", async () => {
    const lead = app.users.find((u) => u.roles.includes('DepartmentLead'))!;
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, lead, '/tab/dashboard?theme=light');
    await page.getByRole('heading', { name: `Department dashboard: ${lead.department}` }).waitFor({ timeout: 20_000 });
    await page.getByRole('list', { name: `${lead.department}: key figures` }).waitFor();
    await expect.poll(() => page.getByText('Aggregates only').count()).toBeGreaterThan(0);
    await chartsDrawn(page);
    await screenshot(page, 'dashboard-lead-light');
    await open(page, '/tab/dashboard', 'dark');
    await page.getByRole('heading', { name: `Department dashboard: ${lead.department}` }).waitFor({ timeout: 20_000 });
    await chartsDrawn(page);
    await screenshot(page, 'dashboard-lead-dark');
    // Every chart has its table; ask for it.
    await page.getByRole('button', { name: 'Show as table' }).first().click();
    await expect.poll(() => page.getByRole('table').count()).toBeGreaterThan(0);

    const other = app.users.find((u) => u.department !== lead.department)!.department;
    const token = await page.evaluate(() => sessionStorage.getItem('reciprocal.devToken'));
    const refused = await page.evaluate(
      async ([url, t]) => (await fetch(url!, { headers: { authorization: `Bearer ${t}` } })).status,
      [`${app.url}/api/departments/${encodeURIComponent(other)}/dashboard`, token] as const,
    );
    expect(refused).toBe(403);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);

  it('tells a participant who follows a dashboard link that it is not for them, with nothing failing', async () => {
    // The tab asks for the caller's own dashboard before it knows who is signed in: for a participant the API refuses.
    // (Before, the page said only "Something went wrong.")
    const participant = app.users.find((u) => u.roles.length === 1)!;
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await signInOnLandingPage(page, app.url, participant, '/tab/dashboard?theme=light');
    await page.getByText('Dashboards are for department leads and the program owner.').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('table').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    // The refused request itself is logged by the browser; nothing else is.
    expect(consoleErrors.filter((e) => !/403/.test(e))).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows the program owner every department side by side, in both themes', async () => {
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, owner, '/tab/dashboard?theme=light');
    const overview = page.getByRole('table', { name: 'Program overview' });
    await overview.waitFor({ timeout: 20_000 });
    await expect.poll(() => overview.getByRole('row').count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'dashboard-program-light');
    await open(page, '/tab/dashboard', 'dark');
    await page.getByRole('table', { name: 'Program overview' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'dashboard-program-dark');
    await page.getByRole('table', { name: 'Program overview' }).getByRole('button').first().click();
    await page.getByRole('heading', { name: /^Department dashboard: / }).waitFor({ timeout: 20_000 });
    await chartsDrawn(page);
    await screenshot(page, 'dashboard-owner-department-light');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000);

  it.each([1280, 360])(
    'pages the owner through a department\'s at-risk pairs with "Show more at-risk pairs" at %i px',
    async (width) => {
      const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
      const { context, pageErrors } = await newContext(browser, { viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signInOnLandingPage(page, app.url, owner, '/tab/dashboard?theme=light');
      // The overview lists the program's first page too.
      const program = page.getByRole('region', { name: 'Pairs at risk across the program' });
      await program.waitFor({ timeout: 20_000 });
      await expect.poll(() => program.getByRole('listitem').count()).toBe(25);
      await page
        .getByRole('table', { name: 'Program overview' })
        .getByRole('button', { name: quietDepartment })
        .click();
      await page
        .getByRole('heading', { name: `Department dashboard: ${quietDepartment}` })
        .waitFor({ timeout: 20_000 });
      const atRisk = page.getByRole('region', { name: 'Pairs at risk' });
      const status = atRisk.getByRole('status');
      await expect.poll(() => atRisk.getByRole('listitem').count()).toBe(25);
      await expect.poll(() => status.textContent()).toBe(`Showing 25 of ${quietPairs} pairs at risk`);
      const more = atRisk.getByRole('button', { name: 'Show more at-risk pairs' });
      await screenshot(page, `dashboard-at-risk-first-page-${width}`);
      // By keyboard: focus the button, press Enter; the count is announced and the focus moves to the first new pair.
      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => status.textContent()).toBe(`Showing 50 of ${quietPairs} pairs at risk`);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
        .toContain('Quiet Person 50');
      await more.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => atRisk.getByRole('listitem').count()).toBe(quietPairs);
      await expect.poll(() => status.textContent()).toBe(`Showing ${quietPairs} of ${quietPairs} pairs at risk`);
      expect(await more.count()).toBe(0);
      await screenshot(page, `dashboard-at-risk-all-${width}`);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
    120_000,
  );
});
