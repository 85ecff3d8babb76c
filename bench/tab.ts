// Tab benchmark: the tab's initial JavaScript (gzip) and the time from
// navigation to the "My pairs" list on screen (median of 5 cold loads in
// headless Chromium against the app and dev tenant on loopback).
// Writes bench/results/tab.json. Run: npm run bench -- tab
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchChromium, newContext } from '../test/e2e/support/browser.js';
import { participantWithPair } from '../test/e2e/support/tabPages.js';

const webRoot = path.resolve('dist/web');
const tabHtml = path.join(webRoot, 'src/tab/index.html');
const loads = 5;
const targets = { initialJsGzipBytes: 250 * 1024, pairsListRenderMs: 1000 };

/** The module script and every modulepreload the tab's HTML names: what the browser fetches before any lazy chunk. */
export function initialScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(match[1]!);
  return [...urls];
}

export function initialJsGzipBytes(): { bytes: number; files: { file: string; gzipBytes: number }[] } {
  const files = initialScripts(readFileSync(tabHtml, 'utf8')).map((url) => {
    const file = path.join(webRoot, url.replace(/^\//, ''));
    return { file: path.relative(webRoot, file), gzipBytes: gzipSync(readFileSync(file), { level: 9 }).length };
  });
  return { bytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function runTabBenchmark() {
  if (!existsSync(tabHtml)) await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
  const initial = initialJsGzipBytes();

  // Loaded here so the size helpers above import without the server.
  const { startTestApp } = await import('../test/support/app.js');
  const { seedDemoProgramFor } = await import('../server/cli/serve.js');
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
      await page.waitForFunction(() => performance.getEntriesByName('reciprocal:pairs-rendered').length > 0, null, { timeout: 30_000 });
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
    console.log(`tab: initial JS ${(initial.bytes / 1024).toFixed(1)} KB gzip (target < ${targets.initialJsGzipBytes / 1024} KB)`);
    console.log(`tab: "My pairs" rendered in ${result.pairsListRenderMs} ms, median of ${loads} (target < ${targets.pairsListRenderMs} ms); samples ${result.pairsListRenderSamplesMs.join(', ')}`);
    return result;
  } finally {
    await browser.close();
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runTabBenchmark().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
