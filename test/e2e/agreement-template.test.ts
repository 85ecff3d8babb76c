// The program owner edits the pair agreement template on the program admin
// page: an empty part and a patient identifier are refused next to their
// field (nothing saved), unsaved changes hold back leaving the page, saving
// says "Saved" only when something changed, and a pair made afterwards reads
// the new text. A lead sees no editor, and the API refuses a lead and a
// participant (the admin page shows the same refusal to every non-owner). Screenshots at 1280 and 360 px; axe on the page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { scrollsSideways, seriousAxeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot } from './support/browser.js';
import { programOwner, signInOnLandingPage } from './support/tabPages.js';

let app: TestApp;
let browser: Browser;
const templatePath = '/api/program/agreement-template';

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe.skipIf(!chromiumAvailable())('the agreement template in the tab', () => {
  it('lets the owner edit and save it, field by field, and a new pair reads the new text', async () => {
    const owner = programOwner(app);
    const original = (await app.request(templatePath, { as: owner.userPrincipalName })).body.template;
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, owner, '/tab/admin?theme=light');
    const editor = page.getByRole('region', { name: 'Pair agreement template' });
    const cadence = editor.getByRole('textbox', { name: 'How often we meet' });
    const boundaries = editor.getByRole('textbox', { name: 'Boundaries' });
    await expect.poll(() => cadence.inputValue(), { timeout: 20_000 }).toBe(original.cadence);
    await editor.getByText('Pairs who already accepted are not asked to accept again', { exact: false }).waitFor();

    // Nothing changed: nothing saved, and no "Saved".
    await editor.getByRole('button', { name: 'Save agreement' }).click();
    await editor.getByText('No changes to save.').waitFor();

    // An empty part is refused next to it, before asking the server.
    await boundaries.fill('   ');
    await editor.getByRole('button', { name: 'Save agreement' }).click();
    await editor.getByText('Write something here: every pair reads this part.').waitFor();
    expect(await boundaries.getAttribute('aria-invalid')).toBe('true');

    // The server's PHI guard (422 naming body.template.boundaries) is shown next to the same field.
    await boundaries.fill('Never discuss MRN 12345678 outside the session.');
    await editor.getByRole('button', { name: 'Save agreement' }).click();
    await editor.getByText(/This looks like a patient identifier/).waitFor();
    expect(await boundaries.getAttribute('aria-invalid')).toBe('true');
    expect((await app.request(templatePath, { as: owner.userPrincipalName })).body.template).toEqual(original);

    // Unsaved changes: a link elsewhere in the tab asks first; staying keeps the draft.
    await page.getByRole('navigation').getByRole('link', { name: 'My pairs' }).first().click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Stay and save' }).click();
    expect(new URL(page.url()).pathname).toBe('/tab/admin');
    expect(await boundaries.inputValue()).toBe('Never discuss MRN 12345678 outside the session.');

    await boundaries.fill('Either of us may decline a topic; neither of us evaluates the other.');
    await cadence.fill('We meet every second Tuesday, and say so early when one of us must move a session.');
    await editor.getByRole('button', { name: 'Save agreement' }).click();
    await editor.getByText('Saved. New and pending pairs see this text now.').waitFor();
    const saved = (await app.request(templatePath, { as: owner.userPrincipalName })).body.template;
    expect(saved).toMatchObject({
      cadence: 'We meet every second Tuesday, and say so early when one of us must move a session.',
      boundaries: 'Either of us may decline a topic; neither of us evaluates the other.',
      confidentiality: original.confidentiality,
    });

    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await editor.scrollIntoViewIfNeeded();
      await screenshot(page, `agreement-template-${width}`);
      expect(await scrollsSideways(page), `the admin page scrolls sideways at ${width}px`).toBe(false);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();

    // A pair made now reads the new text.
    const [a, b] = app.users.filter((u) => u.roles.length === 1 && u.roles.includes('Participant'));
    const made = await app.request('/api/pairs', {
      as: owner.userPrincipalName,
      method: 'POST',
      body: {
        members: [
          { userId: a!.id, careerStage: 'early' },
          { userId: b!.id, careerStage: 'seasoned' },
        ],
        cadence: 'biweekly',
        durationMinutes: 30,
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    // Read as its person reads it (the Growth page's call): the new text.
    const agreement = await app.request(`/api/pairs/${made.body.pair.id}/agreement`, { as: a!.userPrincipalName });
    expect(agreement.body).toMatchObject({ pending: true, template: saved });
  }, 90_000);

  it('shows a lead and a participant no editor, and the API refuses them', async () => {
    const lead = app.users.find((u) => u.roles.includes('DepartmentLead') && !u.roles.includes('ProgramOwner'))!;
    const participant = app.users.find((u) => u.roles.length === 1 && u.roles.includes('Participant'))!;
    for (const person of [lead, participant]) {
      expect((await app.request(templatePath, { as: person.userPrincipalName })).status).toBe(403);
      const put = await app.request(templatePath, {
        as: person.userPrincipalName,
        method: 'PUT',
        body: {
          template: {
            cadence: 'x',
            confidentiality: 'x',
            boundaries: 'x',
            noPatientIdentifiers: 'x',
            askingForChange: 'x',
          },
        },
      });
      expect(put.status).toBe(403);
    }
    // The tab: the admin page (where the editor lives) is closed to them; one browser check covers both roles' page.
    const { context, pageErrors } = await newContext(browser);
    const page = await context.newPage();
    await signInOnLandingPage(page, app.url, lead, '/tab/admin?theme=light');
    await page.getByText('Program admin is for the program owner.').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('region', { name: 'Pair agreement template' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'How often we meet' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
