// The tab's Teams path against a simulated host in real Chromium: teams-js
// initializes over postMessage with a host at https://teams.microsoft.com,
// the context becomes the tab's context, theme changes are followed, Teams SSO
// is used when the host does not recommend NAA, and no host means no wait.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, newContext } from '../../e2e/support/browser.js';
import {
  hostLog,
  installTeamsHost,
  openInTeams,
  sendTheme,
  type LegacyTeamsContext,
} from '../../e2e/support/teamsHost.js';

const appOrigin = 'https://reciprocal.test';
let outDir = '';
let browser: Browser;

async function serveProbe(route: Route): Promise<void> {
  const { pathname } = new URL(route.request().url());
  const file = path.join(outDir, pathname === '/' ? 'index.html' : pathname);
  if (!file.startsWith(outDir)) return route.fulfill({ status: 404 });
  try {
    const body = readFileSync(file);
    const contentType = file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.html')
        ? 'text/html'
        : 'application/octet-stream';
    await route.fulfill({ status: 200, body, contentType });
  } catch {
    await route.fulfill({ status: 404 });
  }
}

interface ProbeState {
  host: string;
  detectMs: number;
  context?: {
    hostName: string | null;
    userPrincipalName: string | null;
    locale: string;
    theme: string;
    team: { name: string | null; channel: string | null } | null;
    meetingId: string | null;
    subPageId: string | null;
  };
  route?: string | null;
  tokenKind?: string;
  token?: string;
  themes: string[];
}

async function probeState(page: Page, frame: boolean): Promise<ProbeState> {
  const target = frame ? page.frameLocator('iframe').locator('#state') : page.locator('#state');
  await expect
    .poll(async () => (await target.textContent()) ?? '', { timeout: 15_000 })
    .toMatch(/^\{.*"host":"(browser|microsoft365)"/);
  return JSON.parse((await target.textContent())!) as ProbeState;
}

const teamsContext: LegacyTeamsContext = {
  locale: 'en-GB',
  theme: 'dark',
  hostName: 'Teams',
  frameContext: 'content',
  entityId: 'reciprocal-home',
  subEntityId: 'sessions/s-42',
  userObjectId: '11111111-2222-4333-8444-555555555555',
  userPrincipalName: 'ana.ruiz@contoso.test',
  loginHint: 'ana.ruiz@contoso.test',
  tid: '7d2c9a55-3f4e-4b8a-9c61-0e5f2a1b8d40',
  teamId: '19:team',
  teamName: 'Care Transitions',
  channelId: '19:channel',
  channelName: 'Mentorship',
  meetingId: 'meeting-1',
};

describe.skipIf(!chromiumAvailable())('tab in a simulated Teams host', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'teams-probe-'));
    await build({
      configFile: false,
      root: path.resolve('test/unit/tab/fixtures/teams-probe'),
      base: '/',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, target: 'es2022', minify: false },
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('reads the host context, follows theme changes and gets its token through Teams SSO', async () => {
    const { context, pageErrors } = await newContext(browser);
    await installTeamsHost(context, {
      appUrl: `${appOrigin}/index.html`,
      context: teamsContext,
      getAuthToken: async () => 'sso-token-from-host',
      serveApp: serveProbe,
    });
    const page = await context.newPage();
    await openInTeams(page);
    const state = await probeState(page, true);
    expect(state.host).toBe('microsoft365');
    expect(state.context).toMatchObject({
      hostName: 'Teams',
      userPrincipalName: 'ana.ruiz@contoso.test',
      locale: 'en-GB',
      theme: 'dark',
      team: { name: 'Care Transitions', channel: 'Mentorship' },
      meetingId: 'meeting-1',
      subPageId: 'sessions/s-42',
    });
    expect(state.route).toBe('/tab/sessions/s-42');
    expect(state.tokenKind).toBe('teams-sso');
    expect(state.token).toBe('sso-token-from-host');

    await sendTheme(page, 'contrast');
    await sendTheme(page, 'default');
    await expect.poll(async () => (await probeState(page, true)).themes).toEqual(['dark', 'contrast', 'light']);
    expect(await hostLog(page)).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken', 'registerHandler']),
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('chooses nested app authentication when the host recommends it', async () => {
    const { context } = await newContext(browser);
    await installTeamsHost(context, {
      appUrl: `${appOrigin}/index.html?token=0`,
      context: { ...teamsContext, theme: 'default' },
      runtime: { apiVersion: 4, isNAAChannelRecommended: true, supports: { appInitialization: {}, nestedAppAuth: {} } },
      serveApp: serveProbe,
    });
    const page = await context.newPage();
    await openInTeams(page);
    const state = await probeState(page, true);
    expect(state).toMatchObject({ host: 'microsoft365', tokenKind: 'nested-app-auth', themes: ['light'] });
    await context.close();
  });

  it('knows at once that a top-level page has no host', async () => {
    const { context } = await newContext(browser);
    await context.route(`${appOrigin}/**`, serveProbe);
    const page = await context.newPage();
    await page.goto(`${appOrigin}/index.html`);
    const state = await probeState(page, false);
    expect(state.host).toBe('browser');
    expect(state.detectMs).toBeLessThan(500);
    await context.close();
  });

  it('stops waiting for a framing page that never answers teams-js', async () => {
    const { context } = await newContext(browser);
    await context.route(`${appOrigin}/**`, serveProbe);
    await context.route('https://portal.example.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe src="${appOrigin}/index.html?timeout=600" style="width:800px;height:400px"></iframe>`,
      }),
    );
    const page = await context.newPage();
    await page.goto('https://portal.example.test/');
    const state = await probeState(page, true);
    expect(state.host).toBe('browser');
    expect(state.detectMs).toBeGreaterThanOrEqual(550);
    expect(state.detectMs).toBeLessThan(3000);
    await context.close();
  });
});
