// The tab in a Teams meeting, in Chromium with the simulated Teams host giving
// the meeting context as Teams does (meeting.id, chat.id, page.frameContext):
// the side panel (320 px) shows this session's agenda and my note with the PHI
// guard (even where the browser denies the framed tab storage); the details tab (1280 px) shows the
// agenda and carried-over items; a meeting that is not a session offers
// linking; another pair's meeting shows nothing of it. Light and dark screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import type { DemoUser } from '../support/devtenant.js';
import path from 'node:path';
import { artifactsDir, chromiumAvailable, launchChromium, newContext } from './support/browser.js';
import { installMeetingHost, type MeetingFrame } from './support/meetingHost.js';
import { openInTeams } from './support/teamsHost.js';
import { earlyCareerParticipantWithPair, type PairScenario } from './support/tabPages.js';

let app: TestApp;
let browser: Browser;
let scenario: PairScenario;
let sessionChat: string;
let plainChat: string;
let otherPairChat: string;
let otherPairNames: string[];
let upcomingChat: string;

/** A Teams meeting on the organizer's and attendees' calendars; returns its event id and meeting chat thread id. */
async function teamsMeeting(organizer: DemoUser, attendees: DemoUser[], startsInMinutes: number) {
  const start = Date.now() + startsInMinutes * 60_000;
  const created = await app.devTenant.graph('POST', `/users/${organizer.id}/events`, {
    subject: 'Reverse mentoring',
    start: { dateTime: new Date(start).toISOString().slice(0, 19), timeZone: 'UTC' },
    end: { dateTime: new Date(start + 45 * 60_000).toISOString().slice(0, 19), timeZone: 'UTC' },
    attendees: attendees.map((u) => ({ type: 'required', emailAddress: { address: u.userPrincipalName } })),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
  });
  expect(created.status).toBe(201);
  const token = await app.devTenant.tokenFor(organizer.userPrincipalName, 'https://graph.microsoft.com/.default');
  const filter = encodeURIComponent(`JoinWebUrl eq '${created.body.onlineMeeting.joinUrl as string}'`);
  const found = await fetch(`${app.devTenantUrl}/v1.0/me/onlineMeetings?$filter=${filter}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await found.json()) as { value: Array<{ chatInfo: { threadId: string } }> };
  return { eventId: created.body.id as string, chatId: body.value[0]!.chatInfo.threadId };
}

async function linkAs(user: DemoUser, eventId: string, pairId: string) {
  const linked = await app.request('/api/sessions/link', {
    as: user.userPrincipalName,
    body: { eventId, pairId, direction: 'reverse', focusAreas: ['technology-adoption'] },
  });
  expect(linked.status, JSON.stringify(linked.body)).toBe(201);
}

/** The tab as Teams frames it (the host page around it is ours), into test/artifacts/<name>.png. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.locator('iframe').screenshot({ path: path.join(artifactsDir, `${name}.png`), animations: 'disabled' });
}

async function openMeetingTab(
  chatId: string,
  frame: MeetingFrame,
  theme: 'light' | 'dark',
  width: number,
): Promise<{ page: Page; tab: ReturnType<Page['frameLocator']>; pageErrors: string[]; close: () => Promise<void> }> {
  const { context, pageErrors } = await newContext(browser, { viewport: { width, height: 900 } });
  const appOrigin = 'https://reciprocal.test';
  await installMeetingHost(context, {
    appUrl: `${appOrigin}/tab`,
    user: scenario.user,
    chatId,
    frame,
    theme: theme === 'light' ? 'default' : 'dark',
    getAuthToken: () => app.userToken(scenario.user.userPrincipalName),
    serveApp: async (route) => {
      const url = new URL(route.request().url());
      await route.fulfill({ response: await route.fetch({ url: `${app.url}${url.pathname}${url.search}` }) });
    },
  });
  const page = await context.newPage();
  await openInTeams(page);
  return { page, tab: page.frameLocator('iframe'), pageErrors, close: () => context.close() };
}

describe.skipIf(!chromiumAvailable())('the tab in a Teams meeting', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    app = await startTestApp();
    await seedDemoProgramFor(app.app, app.devTenant);
    browser = await launchChromium();
    scenario = await earlyCareerParticipantWithPair(app);

    // This pair's session: its Teams meeting began ten minutes ago.
    const session = await teamsMeeting(scenario.user, [scenario.partner], -10);
    await linkAs(scenario.user, session.eventId, scenario.pairId);
    sessionChat = session.chatId;
    // A session of theirs an hour from now, whose agenda either of them may still edit.
    const upcoming = await teamsMeeting(scenario.user, [scenario.partner], 60);
    await linkAs(scenario.user, upcoming.eventId, scenario.pairId);
    upcomingChat = upcoming.chatId;
    // A Teams meeting of the same two that is not a session.
    plainChat = (await teamsMeeting(scenario.user, [scenario.partner], 120)).chatId;
    // Another pair's session, to which our person is not invited.
    const pairs = await app.app.services.store.allPairs();
    const other = pairs.find(
      (p) =>
        p.status === 'active' && !p.members.some((m) => [scenario.user.id, scenario.partner.id].includes(m.userId)),
    )!;
    const [x, y] = other.members.map((m) => app.users.find((u) => u.id === m.userId)!) as [DemoUser, DemoUser];
    const theirs = await teamsMeeting(x, [y], 30);
    await linkAs(x, theirs.eventId, other.id);
    otherPairChat = theirs.chatId;
    otherPairNames = [x.displayName, y.displayName];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows this session’s agenda and my note in the 320 px side panel and flags an MRN, though the framed tab is denied storage', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { page, tab, pageErrors, close } = await openMeetingTab(sessionChat, 'sidePanel', theme, 320);
      const checklist = tab.getByRole('list', { name: 'Agenda checklist' });
      await checklist.waitFor({ timeout: 30_000 });
      expect(await checklist.getByRole('listitem').count()).toBeGreaterThan(1);
      // The meeting began ten minutes ago: its clock runs against the current section without anyone starting it.
      expect(await tab.getByRole('timer').first().textContent()).toMatch(/min/);
      // Headless Chromium, like a private window, denies a cross-site frame localStorage: the panel must still work.
      expect(
        await tab.locator('body').evaluate(() => {
          try {
            return Boolean(window.localStorage);
          } catch {
            return false;
          }
        }),
      ).toBe(false);
      await tab.getByRole('heading', { name: 'My note' }).waitFor();
      const taught = tab.getByRole('textbox', { name: 'What I taught' });
      await taught.fill(`Showed the new referral queue; MRN 48201${theme === 'light' ? 93 : 94} came up.`);
      const flags = tab.getByRole('group', { name: /This may contain patient information/ });
      await flags.first().waitFor();
      // Nothing runs sideways out of the panel.
      const overflow = await tab.locator('body').evaluate((b) => b.scrollWidth - b.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `meeting-side-panel-${theme}`);
      expect(pageErrors).toEqual([]);
      await close();
    }
  });

  it('shows the agenda and the carried-over action items in the 1280 px details tab', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { page, tab, pageErrors, close } = await openMeetingTab(sessionChat, 'content', theme, 1280);
      await tab.getByTestId('meeting-details').waitFor({ timeout: 30_000 });
      await tab.getByRole('heading', { name: 'Agenda' }).waitFor();
      await tab.getByRole('heading', { name: 'Action items carried over' }).waitFor();
      // Headless Chromium, like a private window, denies a cross-site frame localStorage: the panel must still work.
      expect(
        await tab.locator('body').evaluate(() => {
          try {
            return Boolean(window.localStorage);
          } catch {
            return false;
          }
        }),
      ).toBe(false);
      await tab.getByRole('heading', { name: 'My note' }).waitFor();
      // The meeting began ten minutes ago: its agenda is shown as planned, no longer a form.
      await tab.getByText('The meeting has started: the agenda stays as planned.').waitFor();
      expect(await tab.getByRole('button', { name: 'Save agenda' }).count()).toBe(0);
      await screenshot(page, `meeting-details-${theme}`);
      expect(pageErrors).toEqual([]);
      await close();
    }
  });

  it('keeps my draft (and whom each action item is for) when the side panel is closed and reopened, but never flagged text', async () => {
    const first = await openMeetingTab(sessionChat, 'sidePanel', 'light', 320);
    const learned = first.tab.getByRole('textbox', { name: 'What I learned' });
    await learned.waitFor({ timeout: 30_000 });
    await learned.fill('Saved filters in the referral queue.');
    await first.tab.getByRole('button', { name: 'Add action item' }).click();
    await first.tab.getByRole('textbox', { name: 'Action items 1' }).fill('Send the filter cheat sheet');
    const keptInTenant = first.page.waitForResponse(
      (r) => r.url().includes('/notes/me/draft') && r.request().method() === 'PUT' && r.status() === 200,
    );
    await first.tab.getByRole('combobox', { name: 'Who does Action items 1' }).selectOption(scenario.partner.id);
    await keptInTenant;
    await screenshot(first.page, 'meeting-side-panel-action-item-light');
    await first.close();

    // Reopened (Teams unloads a closed panel; this frame is denied storage, so only the tenant's copy can return).
    const second = await openMeetingTab(sessionChat, 'sidePanel', 'light', 320);
    await second.tab.getByText('We restored your unsaved draft.').waitFor({ timeout: 30_000 });
    expect(await second.tab.getByRole('textbox', { name: 'What I learned' }).inputValue()).toBe(
      'Saved filters in the referral queue.',
    );
    expect(await second.tab.getByRole('combobox', { name: 'Who does Action items 1' }).inputValue()).toBe(
      scenario.partner.id,
    );
    // Flagged text is not sent to the tenant, and the person is told where the draft is.
    await second.tab.getByRole('textbox', { name: 'What I learned' }).fill('Saved filters; MRN 4820195 came up.');
    await second.tab.getByTestId('draft-kept-notice').waitFor();
    expect(await second.tab.getByTestId('draft-kept-notice').textContent()).toMatch(/in this window only/);
    await second.page.waitForTimeout(2000);
    await second.close();

    const third = await openMeetingTab(sessionChat, 'sidePanel', 'light', 320);
    await third.tab.getByText('We restored your unsaved draft.').waitFor({ timeout: 30_000 });
    expect(await third.tab.getByRole('textbox', { name: 'What I learned' }).inputValue()).toBe(
      'Saved filters in the referral queue.',
    );
    await third.close();
  });

  it('lets me edit the agenda in the details tab before the meeting, and keeps the edit', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { page, tab, pageErrors, close } = await openMeetingTab(upcomingChat, 'content', theme, 1280);
      const title = tab.getByRole('textbox', { name: 'Section 1 title' });
      await title.waitFor({ timeout: 30_000 });
      if (theme === 'light') {
        await title.fill('Check-in and news');
        await tab.getByRole('button', { name: 'Save agenda' }).click();
        await tab.getByText('Agenda saved.').waitFor();
      } else {
        expect(await title.inputValue()).toBe('Check-in and news');
      }
      await screenshot(page, `meeting-details-agenda-edit-${theme}`);
      expect(pageErrors).toEqual([]);
      await close();
    }
  });

  it('offers to link a Teams meeting that is not a session to one of my pairs', async () => {
    const { page, tab, close } = await openMeetingTab(plainChat, 'sidePanel', 'light', 320);
    await tab.getByRole('heading', { name: 'Make this meeting a session' }).waitFor({ timeout: 30_000 });
    await tab.getByRole('combobox', { name: 'Pair' }).waitFor();
    await screenshot(page, 'meeting-side-panel-link-light');
    await close();
  });

  it("shows nothing of another pair's meeting", async () => {
    const { tab, close } = await openMeetingTab(otherPairChat, 'sidePanel', 'light', 320);
    await tab
      .getByRole('heading', { level: 1, name: 'This meeting has nothing to do with Reciprocal.' })
      .waitFor({ timeout: 30_000 });
    const text = (await tab.locator('main').textContent()) ?? '';
    for (const name of otherPairNames) expect(text).not.toContain(name);
    expect(await tab.getByRole('list', { name: 'Agenda checklist' }).count()).toBe(0);
    await close();
  });
});
