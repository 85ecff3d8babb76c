// A simulated Microsoft Teams host for browser tests. The host page is served
// at https://teams.microsoft.com (an origin teams-js trusts) through
// Playwright's request routing, frames the app at an https origin we route to
// the app under test, and answers teams-js' postMessage protocol: initialize,
// getContext, authentication.getAuthToken; tests push theme changes with
// `sendTheme`. Nothing leaves the machine: Microsoft's CDN is refused.
import type { BrowserContext, FrameLocator, Page, Route } from 'playwright-core';

export const hostOrigin = 'https://teams.microsoft.com';
export const hostPageUrl = `${hostOrigin}/reciprocal-test-host.html`;

/** The legacy context shape teams-js' getContext receives from a host (it maps it to app.Context). */
export interface LegacyTeamsContext {
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  hostName?: string;
  hostClientType?: string;
  frameContext?: string;
  entityId?: string;
  subEntityId?: string;
  userObjectId?: string;
  userPrincipalName?: string;
  loginHint?: string;
  tid?: string;
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  meetingId?: string;
  chatId?: string;
}

export interface TeamsHostOptions {
  /** Where the tab is framed, e.g. https://reciprocal.test/tab/ */
  appUrl: string;
  context: LegacyTeamsContext;
  /** Runtime config the host announces; `isNAAChannelRecommended: false` makes the app use Teams SSO. */
  runtime?: Record<string, unknown>;
  /** Answers authentication.getAuthToken (Teams SSO). */
  getAuthToken?: () => Promise<string>;
  /** Serves the framed app's requests (its origin is routed here). */
  serveApp: (route: Route) => Promise<void>;
}

const defaultRuntime = {
  apiVersion: 4,
  isNAAChannelRecommended: false,
  supports: {
    appInitialization: {},
    authentication: {},
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {} },
    teamsCore: {},
  },
};

function hostHtml(options: TeamsHostOptions): string {
  const config = JSON.stringify({
    appUrl: options.appUrl,
    context: options.context,
    runtime: options.runtime ?? defaultRuntime,
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>Simulated Teams host</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="app" title="Reciprocal"></iframe>
<script>
const config = ${config.replace(/</g, '\\u003c')};
const frame = document.getElementById('app');
const appOrigin = new URL(config.appUrl).origin;
window.hostLog = [];
window.addEventListener('message', async (event) => {
  if (event.source !== frame.contentWindow) return;
  const message = event.data;
  if (!message || typeof message.func !== 'string') return;
  window.hostLog.push(message.func);
  const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, appOrigin);
  switch (message.func) {
    case 'initialize':
      reply([config.context.frameContext || 'content', config.context.hostClientType || 'web', JSON.stringify(config.runtime), '2.0.0']);
      break;
    case 'getContext':
      reply([config.context]);
      break;
    case 'authentication.getAuthToken':
      try { reply([true, await window.reciprocalHostToken()]); } catch (error) { reply([false, String(error && error.message || error)]); }
      break;
    default:
      reply([]);
  }
});
window.sendTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, appOrigin);
frame.src = config.appUrl;
</script></body></html>`;
}

/** Routes the host page, the app's origin and Microsoft's CDN in this browser context. */
export async function installTeamsHost(context: BrowserContext, options: TeamsHostOptions): Promise<void> {
  await context.route('https://res.cdn.office.net/**', (route) => route.abort('blockedbyclient'));
  await context.route(`${hostOrigin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostHtml(options) }),
  );
  await context.route(`${new URL(options.appUrl).origin}/**`, options.serveApp);
  await context.exposeFunction('reciprocalHostToken', async () => {
    if (!options.getAuthToken) throw new Error('This host has no SSO token for the app');
    return options.getAuthToken();
  });
}

export async function openInTeams(page: Page): Promise<void> {
  await page.goto(hostPageUrl);
}

/**
 * Opens the app's tab in the simulated host as `person`, deep-linked to `subEntityId` (what a Teams deep
 * link's subPageId carries), the app served from its loopback URL; every path the tab asks for is passed to
 * `onRequest`. The tab's frame, for locators.
 */
export async function openTabInTeams(
  context: BrowserContext,
  app: { url: string; userToken(upn: string): Promise<string> },
  person: { id: string; userPrincipalName: string },
  subEntityId: string,
  options: { theme?: 'default' | 'dark'; onRequest?: (pathname: string) => void } = {},
): Promise<{ page: Page; tab: FrameLocator }> {
  const appOrigin = 'https://reciprocal.test';
  await installTeamsHost(context, {
    appUrl: `${appOrigin}/tab`,
    context: {
      locale: 'en-US',
      theme: options.theme ?? 'default',
      hostName: 'Teams',
      frameContext: 'content',
      subEntityId,
      userPrincipalName: person.userPrincipalName,
      loginHint: person.userPrincipalName,
      userObjectId: person.id,
    },
    getAuthToken: () => app.userToken(person.userPrincipalName),
    serveApp: async (route) => {
      const url = new URL(route.request().url());
      options.onRequest?.(url.pathname);
      // A request still in flight when the test closes the page (a preload) is abandoned, not a failure.
      await route
        .fetch({ url: `${app.url}${url.pathname}${url.search}` })
        .then((response) => route.fulfill({ response }))
        .catch(() => route.abort().catch(() => undefined));
    },
  });
  const page = await context.newPage();
  await openInTeams(page);
  return { page, tab: page.frameLocator('iframe') };
}

/** The host pushes a theme change to the app, as Teams does when the user switches theme. */
export async function sendTheme(page: Page, theme: 'default' | 'dark' | 'contrast'): Promise<void> {
  await page.evaluate((t) => (window as unknown as { sendTheme(t: string): void }).sendTheme(t), theme);
}

export async function hostLog(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { hostLog: string[] }).hostLog);
}
