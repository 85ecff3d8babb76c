// Tab benchmark: the tab's initial JavaScript (gzip), the Outlook pane's (it
// shares the client), the time to the "My pairs" list, and the time until each
// page of the route table is usable when opened by deep link (median of 5 cold
// loads each in headless Chromium against the app and dev tenant on loopback,
// taken in rounds that open every page once, after a warm-up round).
// Builds the current source into a private directory first, so the figures are
// never those of a stale dist/web. Writes bench/results/tab.json.
// Run: npm run bench -- tab
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchChromium, newContext } from '../test/e2e/support/browser.js';
import { participantWithPair } from '../test/e2e/support/tabPages.js';
import { seedDemoProgramFor } from '../server/cli/serve.js';
import { startTestApp, type TestApp } from '../test/support/app.js';
import { initialJsGzipBytes } from './support/bundleSize.js';
import { measureDeepLinks, median, timeToMark, type DeepLinkPeople } from './support/tabDeepLinks.js';

const loads = 5;
const targets = {
  initialJsGzipBytes: 150 * 1024,
  /** The Outlook pane's initial JS before the tab was split (193.0 KB): sharing the client must not grow it. */
  outlookInitialJsGzipBytes: 193 * 1024,
  pairsListRenderMs: 1000,
  deepLinkMs: 600,
};

async function pairsListRenderMs(app: TestApp, browser: Browser, token: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < loads; i++) {
    const { context } = await newContext(browser);
    await context.addInitScript((t) => window.sessionStorage.setItem('reciprocal.devToken', t), token);
    const rendered = await timeToMark(context, `${app.url}/tab`, 'reciprocal:pairs-rendered', 30_000);
    if (rendered === null) throw new Error('"My pairs" was not rendered within 30 s');
    samples.push(rendered);
    await context.close();
  }
  return samples;
}

async function seededPeople(app: TestApp): Promise<DeepLinkPeople> {
  const scenario = await participantWithPair(app);
  if (!scenario) throw new Error('no seeded participant has a pair');
  const summary = await app.request(`/api/pairs/${encodeURIComponent(scenario.pairId)}`, {
    as: scenario.user.userPrincipalName,
  });
  const body = summary.body as { nextSession: { id: string } | null; lastSession: { id: string } | null };
  const sessionId = body.lastSession?.id ?? body.nextSession?.id;
  if (!sessionId) throw new Error(`pair ${scenario.pairId} has no session to open`);
  return {
    participant: scenario.user,
    pairId: scenario.pairId,
    sessionId,
    byRole: (role) => {
      const person = app.users.find((u) => u.roles.includes(role));
      if (!person) throw new Error(`the seed has nobody with the role ${role}`);
      return person;
    },
  };
}

async function runTabBenchmark() {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'reciprocal-bench-web-'));
  // Vite sets NODE_ENV=production for the build; the app started next must not inherit it.
  const nodeEnv = process.env['NODE_ENV'];
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot } });
  if (nodeEnv === undefined) delete process.env['NODE_ENV'];
  else process.env['NODE_ENV'] = nodeEnv;
  const initial = initialJsGzipBytes(webRoot, path.join(webRoot, 'src/tab/index.html'));
  const outlook = initialJsGzipBytes(webRoot, path.join(webRoot, 'src/outlook/index.html'));

  const app = await startTestApp({ webRoot });
  await seedDemoProgramFor(app.app, app.devTenant);
  const browser = await launchChromium();
  try {
    const people = await seededPeople(app);
    const pairsSamples = await pairsListRenderMs(
      app,
      browser,
      await app.userToken(people.participant.userPrincipalName),
    );
    const deepLinks = await measureDeepLinks(app, launchChromium, people, loads, (round, samplesMs) =>
      console.log(
        `tab: ${round ? `round ${round} of ${loads}` : 'warm-up round (not counted)'}, every page once: ${samplesMs.map((s) => s ?? 'never').join(', ')} ms`,
      ),
    );
    const slowest = Math.max(...deepLinks.map((d) => d.deepLinkMs ?? Infinity));
    const result = {
      initialJsGzipBytes: initial.bytes,
      initialJsFiles: initial.files,
      outlookInitialJsGzipBytes: outlook.bytes,
      pairsListRenderMs: Math.round(median(pairsSamples)),
      pairsListRenderSamplesMs: pairsSamples.map((s) => Math.round(s)),
      deepLinkMs: Object.fromEntries(deepLinks.map((d) => [d.route, d.deepLinkMs])),
      deepLinks,
      loads,
      // The machine is shared: the load average says how busy it was while these figures were taken.
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      targets,
      meetsTargets:
        initial.bytes < targets.initialJsGzipBytes &&
        outlook.bytes <= targets.outlookInitialJsGzipBytes &&
        median(pairsSamples) < targets.pairsListRenderMs &&
        slowest < targets.deepLinkMs,
    };
    mkdirSync(path.resolve('bench/results'), { recursive: true });
    writeFileSync(path.resolve('bench/results/tab.json'), `${JSON.stringify(result, null, 2)}\n`);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`tab: initial JS ${kb(initial.bytes)} gzip (target < ${kb(targets.initialJsGzipBytes)})`);
    console.log(`outlook: initial JS ${kb(outlook.bytes)} gzip (target <= ${kb(targets.outlookInitialJsGzipBytes)})`);
    console.log(`tab: "My pairs" rendered in ${result.pairsListRenderMs} ms, median of ${loads}`);
    for (const d of deepLinks)
      console.log(
        `tab: ${d.url} usable in ${d.deepLinkMs ?? 'never'} ms as ${d.as}; samples ${d.samplesMs.join(', ')}`,
      );
    console.log(`load average ${result.loadAverage.join(' ')}; meets targets: ${result.meetsTargets}`);
    return result;
  } finally {
    await browser.close().catch(() => undefined);
    await app.close();
    rmSync(webRoot, { recursive: true, force: true });
  }
}

try {
  await runTabBenchmark();
} catch (error) {
  console.error(`tab benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
