// Our makeStyles are worked out when the bundles are built (vite.config.ts,
// Griffel's build-time transform), not in the browser on a page's first
// render: no chunk of the tab or the Outlook pane carries Griffel's style
// resolver (stylis, rtl-css-js), and the CSS the build worked out is what the
// page shows. Reads the bundles `npm test` builds first (dist/web, or
// E2E_WEB_ROOT, as startTestApp serves).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { chromiumAvailable, launchChromium, newContext } from './support/browser.js';
import { earlyCareerParticipantWithPair } from './support/tabPages.js';

const webRoot = path.resolve(process.env['E2E_WEB_ROOT'] ?? 'dist/web');
const styleResolver = /node_modules\/(stylis|rtl-css-js)\/|@griffel\/core\/.*resolveStyleRules/;

describe('the bundles', () => {
  it('carry no Griffel style resolver: every makeStyles was resolved by the build', () => {
    const maps = readdirSync(path.join(webRoot, 'assets')).filter((file) => file.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(0);
    const resolverIn = maps.flatMap((file) => {
      const { sources } = JSON.parse(readFileSync(path.join(webRoot, 'assets', file), 'utf8')) as { sources: string[] };
      return sources.filter((source) => styleResolver.test(source)).map((source) => `${file}: ${source}`);
    });
    expect(resolverIn).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable())('styles worked out at build time', { timeout: 120_000 }, () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp({ webRoot });
    await seedDemoProgramFor(app.app, app.devTenant);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("are the ones the tab's shell shows", async () => {
    const scenario = await earlyCareerParticipantWithPair(app);
    const { context, pageErrors } = await newContext(browser);
    const token = await app.userToken(scenario.user.userPrincipalName);
    await context.addInitScript((t) => {
      // Also run in about:blank, which has no storage.
      if (window.location.protocol.startsWith('http')) window.sessionStorage.setItem('reciprocal.devToken', t);
    }, token);
    const page = await context.newPage();
    await page.goto(`${app.url}/tab`);
    await page.locator('main h1').waitFor({ timeout: 30_000 });
    // Shell.tsx: the header lays its items out in a row, the page column is at most 1040 px wide.
    const shown = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('header')!).display,
      main: getComputedStyle(document.querySelector('main')!).maxWidth,
    }));
    expect(shown).toEqual({ header: 'flex', main: '1040px' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
