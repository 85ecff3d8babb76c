// Headless Chromium for the browser tests (tab and Outlook task pane): the
// Debian build at /usr/bin/chromium driven by playwright-core, nothing
// downloaded. Each launch gets a fresh temporary profile.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Features Playwright itself switches off (its `chromiumSwitches`, playwright-core 1.65). Chromium keeps only the
 * last `--disable-features` of a command line, so ours must repeat these; `test/e2e/browser.test.ts` reads the
 * browser's own command line and fails when Playwright's list grows.
 */
const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 156's headless mode is the whole browser, and every new window builds its address bar's popup as a
 * hidden WebUI page (chrome://omnibox-popup.top-chrome, with its AI Mode compose box) in a renderer of its own:
 * about a second of CPU for each browser context, on a two-core machine as much as the tab under test used.
 * Nobody opening the tab in Teams or Outlook pays that. These are the features Chromium's own ChromeOS
 * performance fixtures switch off to take the popup out of their measurements.
 */
export const hiddenBrowserUiFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  `--disable-features=${[...playwrightDisabledFeatures, ...hiddenBrowserUiFeatures].join(',')}`,
];

export const artifactsDir = path.resolve('test/artifacts');

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath);
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable())
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** A browser context that fails the test on uncaught page errors instead of hiding them. */
export async function newContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; pageErrors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'America/Chicago',
    ...options,
  });
  const pageErrors: string[] = [];
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
  return { context, pageErrors };
}

/** Full-page PNG into test/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
