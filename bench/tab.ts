// Tab benchmark: the tab's initial JavaScript (gzip) and the time from
// navigation to the "My pairs" list on screen (median of 5 cold loads in
// headless Chromium against the app and dev tenant on loopback).
// Writes bench/results/tab.json. Run: npm run bench -- tab
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { launchChromium, newContext } from '../test/e2e/support/browser.js';
import { participantWithPair } from '../test/e2e/support/tabPages.js';
import { seedDemoProgramFor } from '../server/cli/serve.js';
import { startTestApp } from '../test/support/app.js';
import { initialJsGzipBytes } from './support/bundleSize.js';

const webRoot = path.resolve('dist/web');
const tabHtml = path.join(webRoot, 'src/tab/index.html');
const loads = 5;
const targets = { initialJsGzipBytes: 250 * 1024, pairsListRenderMs: 1000 };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function runTabBenchmark() {
  if (!existsSync(tabHtml)) await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
  const initial = initialJsGzipBytes(webRoot, tabHtml);

  const app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  const browser = await launchChromium();
  try {
    // Someone with pairs: the list must have rows to render.
    const scenario = await participantWithPair(app);
    if (!scenario) throw new Error('no seeded participant has a pair');
    const token = await app.userToken(scenario.user.userPrincipalName);

    const samples: number[] = [];
    for (let i = 0; i < loads; i++) {
      const { context } = await newContext(browser);
      await context.addInitScript((t) => window.sessionStorage.setItem('reciprocal.devToken', t), token);
      const page = await context.newPage();
      await page.goto(`${app.url}/tab`);
      await page.waitForFunction(() => performance.getEntriesByName('reciprocal:pairs-rendered').length > 0, null, {
        timeout: 30_000,
      });
      samples.push(await page.evaluate(() => performance.getEntriesByName('reciprocal:pairs-rendered')[0]!.startTime));
      await context.close();
    }

    const result = {
      initialJsGzipBytes: initial.bytes,
      initialJsFiles: initial.files,
      pairsListRenderMs: Math.round(median(samples)),
      pairsListRenderSamplesMs: samples.map((s) => Math.round(s)),
      loads,
      targets,
      meetsTargets: initial.bytes < targets.initialJsGzipBytes && median(samples) < targets.pairsListRenderMs,
    };
    mkdirSync(path.resolve('bench/results'), { recursive: true });
    writeFileSync(path.resolve('bench/results/tab.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `tab: initial JS ${(initial.bytes / 1024).toFixed(1)} KB gzip (target < ${targets.initialJsGzipBytes / 1024} KB)`,
    );
    console.log(
      `tab: "My pairs" rendered in ${result.pairsListRenderMs} ms, median of ${loads} (target < ${targets.pairsListRenderMs} ms); samples ${result.pairsListRenderSamplesMs.join(', ')}`,
    );
    return result;
  } finally {
    await browser.close();
    await app.close();
  }
}

try {
  await runTabBenchmark();
} catch (error) {
  console.error(`tab benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
