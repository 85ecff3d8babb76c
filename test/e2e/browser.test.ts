// The browser the tests and the benchmark drive: Chromium keeps only the last
// `--disable-features` of its command line, so ours (support/browser.ts) must
// hold every feature Playwright switches off as well as the hidden browser UI
// we switch off; otherwise a Playwright upgrade would quietly change what the
// tests run in.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, hiddenBrowserUiFeatures, launchChromium } from './support/browser.js';

describe.skipIf(!chromiumAvailable())('the test browser', { timeout: 60_000 }, () => {
  let browser: Browser;
  let disableFeatures: string[][];

  beforeAll(async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto('chrome://version');
    const commandLine = (await page.locator('#command_line').textContent()) ?? '';
    disableFeatures = [...commandLine.matchAll(/--disable-features=(\S+)/g)].map((match) => match[1]!.split(','));
    await page.close();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('switches off every feature Playwright switches off, in the one list Chromium keeps (the last)', () => {
    expect(disableFeatures.length).toBeGreaterThan(0);
    const kept = disableFeatures.at(-1)!;
    for (const earlier of disableFeatures.slice(0, -1)) expect(kept).toEqual(expect.arrayContaining(earlier));
  });

  it('switches off the address bar popup every new window would build as a hidden page', async () => {
    expect(disableFeatures.at(-1)).toEqual(expect.arrayContaining(hiddenBrowserUiFeatures));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('about:blank');
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { url: string }[] };
    await session.detach();
    await context.close();
    expect(targetInfos.map((target) => target.url).filter((url) => url.includes('omnibox-popup'))).toEqual([]);
  });
});
