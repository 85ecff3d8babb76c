// Pairing rounds in a real browser: a case manager opts in on the profile page; the program owner
// proposes a round for a department, locks a pair, re-runs, publishes; both people of a new pair see
// it in My pairs. A publish that crashed midway (the instance stopped after the first intro) is
// finished by the owner's Publish after a restart, and every person has exactly one intro in the
// outbox (asserted there: the outbox key is what makes a card go once; the sender reads it).
// Screenshots at 1280 px and 360 px go to test/artifacts/; axe finds nothing serious.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramStore } from '../../server/graph/programStore.js';
import { publishRound } from '../../server/program/rounds.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { storeOn } from '../support/operations.js';
import { seriousAxeViolations, scrollsSideways } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot } from './support/browser.js';
import { programOwner, signInOnLandingPage } from './support/tabPages.js';
import { portsCrashingAfterFirstIntro } from '../support/crashingStore.js';
import { optInToRounds } from '../support/roundProfiles.js';

const department = 'Transplant';
let app: TestApp;
let browser: Browser;
let store: ProgramStore;
let people: DemoUser[];

async function checkPage(page: Page, name: string) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await scrollsSideways(page)).toBe(false);
  await screenshot(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!chromiumAvailable())('pairing rounds end to end', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    app = await startTestApp();
    store = storeOn(app.devTenant).store;
    browser = await launchChromium();
    people = app.users.filter((u) => u.department === department);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets a case manager opt in on the profile page', async () => {
    const ana = people.find((u) => u.careerStage === 'early')!;
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, ana, '/tab/profile');
    await page.getByRole('heading', { name: 'My profile' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('radio', { name: 'Early career' }).isChecked()).toBe(true);
    await page
      .getByRole('group', { name: 'I can teach' })
      .getByRole('checkbox', { name: 'Technology adoption' })
      .check();
    await page
      .getByRole('group', { name: 'I want to learn' })
      .getByRole('checkbox', { name: 'Clinical expertise' })
      .check();
    await page.getByRole('button', { name: 'Opt in' }).click();
    await page.getByText('You take part in the next rounds.').waitFor({ timeout: 15_000 });
    await checkPage(page, 'profile');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('runs a round: propose, lock, re-run, publish (finishing a publish that crashed), and the pair sees it', async () => {
    // Everyone else in the department opts in through the API.
    for (const u of people.filter(
      (p) => !(p.careerStage === 'early' && p === people.find((x) => x.careerStage === 'early')),
    )) {
      const r = await optInToRounds(app, u);
      expect(r.status).toBe(200);
    }
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, programOwner(app), '/tab/rounds');
    await page.getByRole('heading', { name: 'Pairing rounds' }).waitFor({ timeout: 20_000 });
    await page.getByRole('radio', { name: 'A department' }).check();
    await page.getByLabel('Department', { exact: true }).selectOption(department);
    await page.getByRole('button', { name: 'Propose pairs' }).click();
    const pairs = page.getByRole('list', { name: 'Proposed pairs' });
    await expect.poll(() => pairs.getByRole('listitem').count(), { timeout: 20_000 }).toBeGreaterThan(1);

    const lock = pairs.getByRole('button', { name: /^Lock / }).first();
    const lockedName = (await lock.getAttribute('aria-label'))!.replace(/^Lock /, '');
    await lock.click();
    await expect.poll(() => pairs.getByRole('button', { name: `Lock ${lockedName}`, pressed: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Re-run around locked pairs' }).click();
    await expect.poll(() => pairs.getByRole('button', { name: `Lock ${lockedName}`, pressed: true }).count()).toBe(1);
    await checkPage(page, 'rounds-proposal');

    // The instance publishing it stops after the first intro; the app restarts; the owner publishes.
    const [round] = (await app.request('/api/rounds', { as: programOwner(app).userPrincipalName })).body;
    const ports = portsCrashingAfterFirstIntro(store);
    await expect(publishRound(ports, round.id)).rejects.toThrow('instance stopped');
    await app.restart();
    await page.reload();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(/^Published on/).waitFor({ timeout: 20_000 });
    await checkPage(page, 'rounds-published');
    expect(pageErrors).toEqual([]);

    const published = (await app.request(`/api/rounds/${round.id}`, { as: programOwner(app).userPrincipalName })).body;
    const members: string[] = published.pairs.flatMap((p: { a: string; b: string }) => [p.a, p.b]);
    const intros = (await store.all('Outbox')).filter((i) => i.fields['Kind'] === 'intro');
    expect(intros.map((i) => i.fields['Recipient']).sort()).toEqual([...members].sort());

    const first = published.pairs[0] as { a: string; b: string };
    for (const [me, partner] of [
      [first.a, first.b],
      [first.b, first.a],
    ]) {
      const user = app.users.find((u) => u.id === me)!;
      const other = app.users.find((u) => u.id === partner)!;
      const memberPage = await context.newPage();
      await signInOnLandingPage(memberPage, app.url, user, '/tab');
      const list = memberPage.getByRole('list', { name: 'Your mentorship pairs' });
      await expect
        .poll(() => list.getByRole('listitem').filter({ hasText: other.displayName }).count(), { timeout: 20_000 })
        .toBe(1);
      await memberPage.close();
    }
    await context.close();
  });
});
