// A page opened by deep link starts what it needs at once and in parallel
// (issue 14 item 10): its data and /api/me go out before React has rendered
// anything, its chunk is asked for by the HTML before the entry script has
// arrived, its data does not wait for its chunk or for /api/me, and a Teams
// deep link opens its page without passing through "My pairs". Ordering only:
// how long it takes is the benchmark's business (bench/tab.ts).
// The HTML's route preloads are part of what is tested: it reads the bundles
// `npm test` builds first (dist/web, or E2E_WEB_ROOT, as startTestApp serves).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { chromiumAvailable, launchChromium, newContext } from './support/browser.js';
import { earlyCareerParticipantWithPair, type PairScenario } from './support/tabPages.js';
import { openTabInTeams } from './support/teamsHost.js';

let app: TestApp;
let browser: Browser;
let scenario: PairScenario;
const webRoot = path.resolve(process.env['E2E_WEB_ROOT'] ?? 'dist/web');

const lateMs = 1_500;
const schedulePath = () => `/tab/pairs/${encodeURIComponent(scenario.pairId)}`;
const scheduleData = () => `/api/pairs/${encodeURIComponent(scenario.pairId)}`;
const scheduleChunk = /\/assets\/SchedulePage-[^/]+\.js$/;
const scheduleHeading = (page: Page) =>
  page.getByRole('heading', { name: `Schedule a session with ${scenario.partner.displayName}` });

/** Answers a request late: what must not wait for it then visibly does not. */
async function late(route: Route): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, lateMs));
  await route.continue().catch(() => undefined);
}

async function signedInContext(as = scenario.user): Promise<{ context: BrowserContext; pageErrors: string[] }> {
  const opened = await newContext(browser);
  const token = await app.userToken(as.userPrincipalName);
  await opened.context.addInitScript((t) => {
    // Also run in about:blank, which has no storage.
    if (window.location.protocol.startsWith('http')) window.sessionStorage.setItem('reciprocal.devToken', t);
  }, token);
  return opened;
}

/** What the network saw, in order: `asked <path>` and `arrived <path>` (API paths and /assets/ files). */
function networkLog(page: Page): string[] {
  const log: string[] = [];
  const pathOf = (url: string) => new URL(url).pathname;
  page.on('request', (r) => log.push(`asked ${pathOf(r.url())}`));
  page.on('requestfinished', (r) => log.push(`arrived ${pathOf(r.url())}`));
  return log;
}

const position = (log: string[], pattern: RegExp) => {
  const at = log.findIndex((entry) => pattern.test(entry));
  if (at < 0) throw new Error(`${String(pattern)} not in ${log.join(', ')}`);
  return at;
};
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

describe.skipIf(!chromiumAvailable())('a page opened by deep link', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    app = await startTestApp({ webRoot });
    await seedDemoProgramFor(app.app, app.devTenant);
    browser = await launchChromium();
    scenario = await earlyCareerParticipantWithPair(app);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('asks for its data and for /api/me before React has rendered anything', async () => {
    const { context, pageErrors } = await signedInContext();
    // Logged in the page, in one sequence: each fetch as it is made, and the first thing rendered into #root.
    await context.addInitScript(() => {
      const events: string[] = [];
      (window as unknown as { tabEvents: string[] }).tabEvents = events;
      const fetchImpl = window.fetch.bind(window);
      window.fetch = (input, init) => {
        events.push(`fetch ${new URL(String(input instanceof Request ? input.url : input), location.href).pathname}`);
        return fetchImpl(input, init);
      };
      new MutationObserver((changes, observer) => {
        if (!changes.some((c) => (c.target as Element).id === 'root' && c.addedNodes.length > 0)) return;
        events.push('rendered');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${app.url}${schedulePath()}`);
    await scheduleHeading(page).waitFor({ timeout: 30_000 });
    const events = await page.evaluate(() => (window as unknown as { tabEvents: string[] }).tabEvents);
    const rendered = position(events, /^rendered$/);
    expect(position(events, exactly(`fetch ${scheduleData()}`)), events.join(', ')).toBeLessThan(rendered);
    expect(position(events, exactly(`fetch ${scheduleData()}/history`)), events.join(', ')).toBeLessThan(rendered);
    expect(position(events, /^fetch \/api\/me$/), events.join(', ')).toBeLessThan(rendered);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  // Whether a skeleton was ever put into the page, and whether the heading was there when it first was.
  const watchFirstRender = () => {
    const seen = { skeleton: false, headingFirst: null as boolean | null };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      const root = document.getElementById('root');
      if (!root?.firstElementChild) return;
      if (seen.headingFirst === null) seen.headingFirst = root.querySelector('main h1') !== null;
      if (root.querySelector('.fui-Skeleton')) seen.skeleton = true;
    }).observe(document, { childList: true, subtree: true });
  };
  /** Opens `path` with `slow` answered late, once `ready` is on screen: what was first rendered. */
  const firstRender = async (path: string, slow: RegExp | ((url: URL) => boolean), ready: (page: Page) => Locator) => {
    const { context, pageErrors } = await signedInContext();
    await context.addInitScript(watchFirstRender);
    const page = await context.newPage();
    await page.route(slow, late);
    await page.goto(`${app.url}${path}`);
    await ready(page).waitFor({ timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: object }).seen);
    expect(pageErrors).toEqual([]);
    await context.close();
    return seen;
  };
  // The shell (React, Fluent) held back: /api/me and the page's data have answered by the time it runs.
  const shell = /\/assets\/shell-[^/]+\.js$/;

  it('renders the page itself first when its code and /api/me are already there, a skeleton first when /api/me is late', async () => {
    expect(await firstRender(schedulePath(), shell, scheduleHeading)).toEqual({ skeleton: false, headingFirst: true });
    expect(await firstRender(schedulePath(), (url) => url.pathname === '/api/me', scheduleHeading)).toEqual({
      skeleton: true,
      headingFirst: false,
    });
  });

  it("renders a session's page with my note first, when the session and my kept draft came with its code", async () => {
    const summary = await app.request(scheduleData(), { as: scenario.user.userPrincipalName });
    const { lastSession } = summary.body as { lastSession: { id: string } | null };
    expect(lastSession).not.toBeNull();
    const sessionPath = `/tab/sessions/${encodeURIComponent(lastSession!.id)}`;
    const myNote = (page: Page) => page.getByRole('textbox', { name: 'What I taught' });
    expect(await firstRender(sessionPath, shell, myNote)).toEqual({ skeleton: false, headingFirst: true });
    // The draft kept in the tenant late: the page waits for it (it may be newer than the saved note).
    expect(await firstRender(sessionPath, (url) => url.pathname.endsWith('/notes/me/draft'), myNote)).toEqual({
      skeleton: true,
      headingFirst: false,
    });
  });

  it("has the HTML ask for the page's chunk before the entry script has arrived", async () => {
    const html = readFileSync(path.join(webRoot, 'src/tab/index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    const { context, pageErrors } = await signedInContext();
    const page = await context.newPage();
    const log = networkLog(page);
    await page.route(`**${entry!}`, late);
    await page.goto(`${app.url}${schedulePath()}`);
    await scheduleHeading(page).waitFor({ timeout: 30_000 });
    expect(position(log, /^asked \/assets\/SchedulePage-/), log.join(', ')).toBeLessThan(
      position(log, exactly(`arrived ${entry!}`)),
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("asks for its data before the page's chunk has arrived and before /api/me has answered", async () => {
    const { context, pageErrors } = await signedInContext();
    const page = await context.newPage();
    const log = networkLog(page);
    await page.route(scheduleChunk, late);
    await page.route((url) => url.pathname === '/api/me', late);
    await page.goto(`${app.url}${schedulePath()}`);
    await scheduleHeading(page).waitFor({ timeout: 30_000 });
    const asked = position(log, exactly(`asked ${scheduleData()}`));
    expect(asked, log.join(', ')).toBeLessThan(position(log, /^arrived \/assets\/SchedulePage-/));
    expect(asked, log.join(', ')).toBeLessThan(position(log, /^arrived \/api\/me$/));
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("asks for the dashboard's figures and outcomes before /api/me has answered, and the page asks for neither again", async () => {
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
    const { context, pageErrors } = await signedInContext(owner);
    const page = await context.newPage();
    const log = networkLog(page);
    await page.route((url) => url.pathname === '/api/me', late);
    await page.goto(`${app.url}/tab/dashboard`);
    await page.getByRole('table', { name: 'Program overview' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: /^Outcomes: two-way learning/ }).waitFor();
    const me = position(log, /^arrived \/api\/me$/);
    expect(position(log, /^asked \/api\/me\/dashboard$/), log.join(', ')).toBeLessThan(me);
    expect(position(log, /^asked \/api\/outcomes$/), log.join(', ')).toBeLessThan(me);
    // The page took the answers asked for as it opened.
    const dashboardRequests = log.filter((entry) =>
      /^asked \/api\/(me\/dashboard|program\/dashboard|outcomes)$/.test(entry),
    );
    expect(dashboardRequests).toEqual(['asked /api/me/dashboard', 'asked /api/outcomes']);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('from Teams (a subPageId) opens its page without passing through "My pairs"', async () => {
    const { context, pageErrors } = await newContext(browser);
    const asked: string[] = [];
    const { tab } = await openTabInTeams(context, app, scenario.user, `pairs/${scenario.pairId}`, {
      onRequest: (pathname) => asked.push(pathname),
    });
    await tab
      .getByRole('heading', { name: `Schedule a session with ${scenario.partner.displayName}` })
      .waitFor({ timeout: 30_000 });
    expect(asked).toContain(scheduleData());
    expect(asked.filter((p) => p === '/api/pairs')).toEqual([]);
    expect(await tab.getByRole('heading', { name: 'My pairs' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
