// Time from navigation to "usable" for every page of the tab, opened by deep
// link in a cold browser context: the route table (src/tab/routes.ts) is
// walked, not a hand list, so a new page is measured as soon as it is routed.
// Usable: the page's h1 is on screen, nothing in <main> is a skeleton, spinner
// or busy region, and no API request is in flight, continuously for 150 ms.
// The moment recorded is when the screen showed that state: the start of the
// quiet spell, or later when what <main> then held was presented later (Element
// Timing's renderTime). Frames are presented 50-170 ms after the document
// reached that state on this machine, most on the largest pages.
//
// The page says when it is usable on its console (signalMarks): Playwright's
// waitForFunction would inject its own script into the page and poll there,
// about 100 ms of the page's main thread spent on measuring it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../src/core/schemas.js';
import { tabRoutes, type TabRoute } from '../../src/tab/routes.js';
import { newContext } from '../../test/e2e/support/browser.js';
import type { TestApp } from '../../test/support/app.js';
import type { DemoUser } from '../../test/support/devtenant.js';

export const usableMark = 'reciprocal:usable';
const usableTimeoutMs = 15_000;

/**
 * Injected before the tab's own scripts: counts API requests in flight, finds the first quiet, loaded moment,
 * then marks when the screen showed it. Every element put into the document is watched with Element Timing,
 * which reports when its text or image was first presented; the elements <main> held at the quiet moment
 * count. Plain text, not a function: tsx would compile a function with helpers (`__name`) the page does not have.
 */
const watchForUsable = `(() => {
  let inFlight = 0;
  const fetchImpl = window.fetch.bind(window);
  window.fetch = (...args) => {
    inFlight++;
    return fetchImpl(...args).finally(() => inFlight--);
  };
  const insertedAt = new WeakMap();
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        for (const element of [node, ...node.querySelectorAll('*')]) {
          element.setAttribute('elementtiming', 'usable');
          insertedAt.set(element, now);
        }
      }
  }).observe(document, { childList: true, subtree: true });
  const presented = new Map();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.element) presented.set(entry.element, entry.renderTime || entry.loadTime);
  }).observe({ type: 'element', buffered: true });
  const settleMs = 1000;
  let quietSince = null;
  let shown = null;
  const onScreen = () => {
    let at = quietSince;
    let heading = false;
    for (const element of shown) {
      const time = presented.get(element);
      if (time === undefined) continue;
      if (element.tagName === 'H1') heading = true;
      at = Math.max(at, time);
    }
    return heading ? at : null;
  };
  const check = () => {
    const now = performance.now();
    if (shown) {
      const at = now - quietSince >= settleMs ? onScreen() : null;
      if (at !== null) return void performance.mark(${JSON.stringify(usableMark)}, { startTime: at });
      return void setTimeout(check, 50);
    }
    const main = document.querySelector('main');
    const loaded =
      main && main.querySelector('h1') &&
      !main.querySelector('.fui-Skeleton, .fui-Spinner, [role="progressbar"], [aria-busy="true"]') &&
      inFlight === 0;
    if (!loaded) quietSince = null;
    else if (quietSince === null) quietSince = now;
    else if (now - quietSince >= 150) {
      shown = [...main.querySelectorAll('*')].filter((element) => (insertedAt.get(element) ?? 0) <= quietSince);
      return void setTimeout(check, 50);
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Injected before the page's scripts: writes each of `names` to the console when the page marks it. */
function signalMarks(names: string[]): string {
  return `(() => {
  const names = ${JSON.stringify(names)};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (names.includes(entry.name)) console.debug(entry.name);
  }).observe({ type: 'mark', buffered: true });
})();`;
}

/**
 * Opens `url` in a page of `context` and waits for the page to mark `name`:
 * the mark's time from navigation, or null when it never comes within the timeout.
 */
export async function timeToMark(
  context: BrowserContext,
  url: string,
  name: string,
  timeoutMs = usableTimeoutMs,
): Promise<number | null> {
  await context.addInitScript({ content: signalMarks([name]) });
  const page: Page = await context.newPage();
  const marked = page
    .waitForEvent('console', { predicate: (message) => message.text() === name, timeout: timeoutMs })
    .then(() => true)
    .catch(() => false);
  await page.goto(url);
  if (!(await marked)) return null;
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null, name);
}

export interface DeepLinkPeople {
  /** Someone in an active pair, with that pair and one of its sessions. */
  participant: DemoUser;
  pairId: string;
  sessionId: string;
  /** The first seeded person holding each role. */
  byRole: (role: Role) => DemoUser;
}

/** The URL a route is opened at: its parameters filled from the seeded program. */
export function deepLinkPath(route: TabRoute, people: DeepLinkPeople): string {
  const values: Record<string, string> = { pairId: people.pairId, sessionId: people.sessionId };
  const filled = route.path
    .split('/')
    .map((segment) => {
      if (segment === '*') return 'no-such-page';
      if (!segment.startsWith(':')) return segment;
      const value = values[segment.slice(1)];
      if (value === undefined) throw new Error(`route ${route.path}: the benchmark has no value for ${segment}`);
      return encodeURIComponent(value);
    })
    .join('/');
  return filled ? `/tab/${filled}` : '/tab';
}

export function personFor(route: TabRoute, people: DeepLinkPeople): DemoUser {
  const role = route.roles?.[route.roles.length - 1];
  return role ? people.byRole(role) : people.participant;
}

export interface DeepLinkResult {
  route: string;
  url: string;
  as: string;
  /** Median of the loads; null when the page never became usable within 15 s. */
  deepLinkMs: number | null;
  samplesMs: (number | null)[];
}

/** One cold load; a load that fails (the page never usable, the browser gone) counts as null. */
async function loadOnce(browser: Browser, url: string, token: string): Promise<number | null> {
  const { context } = await newContext(browser);
  try {
    await context.addInitScript((t) => window.sessionStorage.setItem('reciprocal.devToken', t), token);
    await context.addInitScript({ content: watchForUsable });
    return await timeToMark(context, url, usableMark);
  } catch {
    return null;
  } finally {
    await context.close().catch(() => undefined);
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * `loads` rounds, each opening every page once: the machine is shared and its speed drifts by a fifth within
 * minutes, so a slow spell falls on every page alike rather than on the few measured during it. A first round
 * is not counted: it is the app's first request to each handler and the browser's first pages (the first
 * round measured 10-60 % slower than the next), where someone opening a deep link in Teams reaches an app
 * that has been serving others, from a Teams client already running.
 */
export async function measureDeepLinks(
  app: TestApp,
  launch: () => Promise<Browser>,
  people: DeepLinkPeople,
  loads: number,
  onRound: (round: number, samplesMs: (number | null)[]) => void = () => undefined,
): Promise<DeepLinkResult[]> {
  const opened = await Promise.all(
    tabRoutes.map(async (route) => {
      const person = personFor(route, people);
      return { route, path: deepLinkPath(route, people), person, token: await app.userToken(person.userPrincipalName) };
    }),
  );
  const samples: (number | null)[][] = opened.map(() => []);
  let browser = await launch();
  for (let round = 0; round <= loads; round++) {
    const roundMs: (number | null)[] = [];
    for (const { path, token } of opened) {
      // On a loaded machine Chromium may go away mid-run: start another rather than lose the run.
      if (!browser.isConnected()) browser = await launch();
      roundMs.push(await loadOnce(browser, `${app.url}${path}`, token));
    }
    if (round > 0) roundMs.forEach((ms, i) => samples[i]!.push(ms));
    onRound(
      round,
      roundMs.map((ms) => (ms === null ? null : Math.round(ms))),
    );
  }
  await browser.close().catch(() => undefined);
  return opened.map(({ route, path, person }, i) => {
    const measured = samples[i]!.filter((s): s is number => s !== null);
    return {
      route: route.path === '' ? '(index)' : route.path,
      url: path,
      as: person.roles.join('+'),
      deepLinkMs: measured.length > loads / 2 ? Math.round(median(measured)) : null,
      samplesMs: samples[i]!.map((s) => (s === null ? null : Math.round(s))),
    };
  });
}
