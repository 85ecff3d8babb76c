// The Outlook task pane, browser-hosted against the dev tenant with a
// simulated mailbox item: the organizer links a plain meeting to a pair,
// inserts the agenda into a body that already has their text, writes a note,
// reloads and sees it; the attendee sees the same session from their copy.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import { chromiumAvailable, launchChromium, newContext, screenshot } from './support/browser.js';
import { participantWithPair, programOwner } from './support/tabPages.js';

let app: TestApp;
let browser: Browser;
let organizer: DemoUser;
let partner: DemoUser;
const subject = `Catch-up ${Date.now().toString(36)}`;
const organizerText = 'Organizer notes: bring the discharge checklist and two questions about prior authorizations.';

/** A pair to work with: the seeded one if the test app seeds, else one the program owner creates. */
async function pairOfTwo(): Promise<{ a: DemoUser; b: DemoUser }> {
  const seeded = await participantWithPair(app);
  if (seeded) return { a: seeded.user, b: seeded.partner };
  const people = app.users.filter(
    (u) => u.roles.includes('Participant') && !u.roles.includes('ProgramOwner') && !u.roles.includes('DepartmentLead'),
  );
  const a = people.find((u) => u.careerStage === 'early')!;
  const b =
    people.find((u) => u.careerStage === 'seasoned' && u.department === a.department) ??
    people.find((u) => u.careerStage === 'seasoned')!;
  const created = await app.request('/api/pairs', {
    as: programOwner(app).userPrincipalName,
    body: {
      members: [
        { userId: a.id, careerStage: a.careerStage },
        { userId: b.id, careerStage: b.careerStage },
      ],
      cadence: 'weekly',
      durationMinutes: 45,
    },
  });
  if (created.status !== 201) throw new Error(`creating a pair: ${created.status} ${created.text}`);
  return { a, b };
}

async function signIn(page: Page, user: DemoUser): Promise<void> {
  await page.goto(`${app.url}/?returnTo=${encodeURIComponent('/outlook')}`);
  await page.getByRole('button', { name: user.displayName, exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/outlook'));
}

async function openMeeting(page: Page): Promise<void> {
  const open = page.getByRole('button', { name: `Open "${subject}"` });
  await open.waitFor({ timeout: 20_000 });
  await open.click();
  await page.getByRole('heading', { level: 1, name: subject }).waitFor();
}

const simulatedBody = (page: Page) =>
  page.frameLocator('iframe[title="Meeting body (simulated Outlook item)"]').locator('body');

describe.skipIf(!chromiumAvailable())('Outlook task pane, browser-hosted', () => {
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
    const { a, b } = await pairOfTwo();
    organizer = a;
    partner = b;
    const start = new Date(Date.now() + 2 * 24 * 3_600_000);
    start.setUTCHours(15, 0, 0, 0);
    const created = await app.devTenant.graph('POST', `/users/${organizer.id}/events`, {
      subject,
      body: { contentType: 'html', content: `<p>${organizerText}</p>` },
      start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(start.getTime() + 45 * 60_000).toISOString().slice(0, 19), timeZone: 'UTC' },
      attendees: [
        { type: 'required', emailAddress: { address: partner.userPrincipalName, name: partner.displayName } },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    if (created.status !== 201)
      throw new Error(`creating the meeting: ${created.status} ${JSON.stringify(created.body)}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('organizer: links the meeting, inserts the agenda without losing their text, writes a note that survives a reload', async () => {
    const { context, pageErrors } = await newContext(browser, { viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    await signIn(page, organizer);
    await openMeeting(page);
    await expect.poll(() => page.getByText('Organizer', { exact: true }).count()).toBeGreaterThan(0);

    // Not a session yet: link it to the pair.
    await page.getByRole('heading', { name: 'Not a Reciprocal session yet' }).waitFor();
    await page.getByRole('button', { name: 'Make this a Reciprocal session' }).click();
    await page.getByText('Pick at least one focus area.').waitFor();
    await page.getByRole('radio', { name: 'Reverse (newer guides experienced)' }).check();
    await page.getByRole('checkbox', { name: 'Technology adoption' }).check();
    await page.getByRole('button', { name: 'Make this a Reciprocal session' }).click();
    await page
      .getByRole('heading', { name: `Reciprocal session with ${partner.displayName}` })
      .waitFor({ timeout: 20_000 });

    // The simulated body holds the organizer's text; the agenda goes in beside it.
    await expect.poll(() => simulatedBody(page).textContent()).toContain(organizerText);
    await page.getByRole('button', { name: 'Insert agenda into the meeting' }).click();
    await page.getByText('Agenda inserted. What you wrote in the meeting is kept.').waitFor();
    await expect.poll(() => simulatedBody(page).textContent()).toContain('Check-in');
    const body = (await simulatedBody(page).innerHTML()) ?? '';
    expect(body).toContain(organizerText);
    expect(body.indexOf(organizerText)).toBeLessThan(body.indexOf('data-reciprocal-agenda'));
    expect(body.match(/data-reciprocal-agenda/g)).toHaveLength(1);

    // A second insert changes nothing (the agenda is current) and never duplicates it.
    await page.getByRole('button', { name: 'Update the agenda in the meeting' }).click();
    await page.getByText('The meeting already has the current agenda.').waitFor();
    expect(((await simulatedBody(page).innerHTML()) ?? '').match(/data-reciprocal-agenda/g)).toHaveLength(1);

    // My note, with the PHI guard stopping an identifier first.
    await page
      .getByRole('textbox', { name: /What I taught/ })
      .fill('Showed saved filters for pending prior authorizations.');
    await page
      .getByRole('textbox', { name: /What I learned/ })
      .fill('How to triage a busy morning. Patient MRN 4839201 came up.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Edit or confirm each highlighted item before saving.').waitFor();
    await page
      .getByRole('textbox', { name: /What I learned/ })
      .fill('How to triage a busy morning before opening any tool.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor({ timeout: 20_000 });
    await expect.poll(() => simulatedBody(page).textContent()).toContain('Check-in');
    await screenshot(page, 'outlook-organizer');

    await page.reload();
    await page
      .getByRole('heading', { name: `Reciprocal session with ${partner.displayName}` })
      .waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByRole('textbox', { name: /What I learned/ }).inputValue(), { timeout: 20_000 })
      .toBe('How to triage a busy morning before opening any tool.');
    await expect
      .poll(() => page.getByRole('textbox', { name: /What I taught/ }).inputValue())
      .toBe('Showed saved filters for pending prior authorizations.');
    const reloaded = (await simulatedBody(page).innerHTML()) ?? '';
    expect(reloaded).toContain(organizerText);
    expect(reloaded.match(/data-reciprocal-agenda/g)).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('attendee: recognizes the session from their own copy, shows the agenda read-only and their own note', async () => {
    const { context, pageErrors } = await newContext(browser, { viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    await signIn(page, partner);
    await openMeeting(page);
    await expect.poll(() => page.getByText('Attendee', { exact: true }).count()).toBeGreaterThan(0);
    await page
      .getByRole('heading', { name: `Reciprocal session with ${organizer.displayName}` })
      .waitFor({ timeout: 20_000 });
    await page.getByText('Only the organizer can change the meeting; here is the agenda.').waitFor();
    expect(await page.getByRole('button', { name: /agenda in(to)? the meeting/ }).count()).toBe(0);
    await expect.poll(() => page.getByText(`${organizer.displayName} has written their note.`).count()).toBe(1);
    // The organizer's note is theirs: the attendee's editor starts empty.
    expect(await page.getByRole('textbox', { name: /What I taught/ }).inputValue()).toBe('');
    await page
      .getByRole('textbox', { name: /What I taught/ })
      .fill('How I frame autonomy versus safety with a family.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'outlook-attendee');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('inside an Office host it loads Office.js, and falls back to browser-hosted when Office.js cannot start', async () => {
    const { context } = await newContext(browser, { viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    const officeJs: string[] = [];
    // Microsoft's CDN is unreachable here; answer as an outage would.
    await page.route('https://appsforoffice.microsoft.com/**', (route) => {
      officeJs.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await page.goto(
      `${app.url}/?returnTo=${encodeURIComponent('/outlook?_host_Info=Outlook%24Win32%2416.02%24en-US')}`,
    );
    await page.getByRole('button', { name: organizer.displayName, exact: true }).first().click();
    await page.getByRole('heading', { name: 'Pick a meeting to open' }).waitFor({ timeout: 15_000 });
    expect(officeJs).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    await context.close();
  });

  it('serves the ribbon icons the Outlook manifest names', async () => {
    for (const size of [16, 32, 64, 80]) {
      const response = await fetch(`${app.url}/icons/reciprocal-${size}.png`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('a plain browser tab never waits for Office.js: it asks for a meeting to simulate', async () => {
    const { context } = await newContext(browser, { viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await signIn(page, organizer);
    await page.getByRole('heading', { name: 'Pick a meeting to open' }).waitFor({ timeout: 10_000 });
    expect(requested.some((u) => u.includes('appsforoffice.microsoft.com'))).toBe(false);
    await screenshot(page, 'outlook-browser-hosted-picker');
    await context.close();
  });
});
