// Boots the tab: finds the host, signs in, loads who the caller is, and starts
// the data of the page being opened alongside (the page's code is already on its
// way: main.tsx starts it before anything else).
import { ApiClient, loadClientConfig, type BusyNotice } from '../../client/api.js';
import {
  browserHostAtOnce,
  createTokenSource,
  detectHost,
  devSignInTokenSource,
  SignInRequired,
  type Host,
  type TokenSource,
} from '../../client/host.js';
import type { PairSummary } from '../../core/api.js';
import type { Me } from '../../core/schemas.js';
import { startPageCode, startPageData } from '../routes.js';
import {
  routeForSubPageId,
  tabHostContextFromBrowser,
  tabHostContextFromTeams,
  tabThemeFromHost,
  type TabHostContext,
  themeStorageKey,
  type TabTheme,
} from './hostContext.js';

export interface TabRuntime {
  host: Host;
  context: TabHostContext;
  tokens: TokenSource;
  api: ApiClient;
  me: Me;
  preloads: Preloads;
}

/**
 * Kept for pages written against it: the first page's data is now primed in the
 * API client (`ApiClient.prime`, started from the route table), so a page's own
 * `api.pairs()` picks it up and there is nothing left to hand out here.
 */
export class Preloads {
  takePairs(): Promise<PairSummary[]> | null {
    return null;
  }
}

/** The page the tab opens on: a Teams deep link's subPageId, a meeting, else the URL. */
export function landingPath(context: TabHostContext, pathname: string): string {
  if (pathname !== '/tab' && pathname !== '/tab/') return pathname;
  return routeForSubPageId(context.subPageId) ?? (context.meetingId ? '/tab/meeting' : pathname);
}

export interface StartTabOptions {
  onBusy: (notice: BusyNotice | null) => void;
  onThemeChange: (theme: TabTheme) => void;
}

function savedTheme(): string | null {
  try {
    return window.localStorage.getItem(themeStorageKey);
  } catch {
    return null;
  }
}

export async function startTab(options: StartTabOptions): Promise<TabRuntime> {
  const configLoad = loadClientConfig();
  // Whatever happens, the page opened by URL needs its code: it is on its way (main.tsx) and awaited below.
  let pageCode = startPageCode(window.location.pathname);
  // In a plain browser nothing is awaited before the requests below: they go out in this very task.
  const host = browserHostAtOnce() ?? (await detectHost());
  const context =
    host.kind === 'microsoft365'
      ? tabHostContextFromTeams(host.context)
      : tabHostContextFromBrowser(window.location, savedTheme(), navigator.languages);
  if (host.kind === 'microsoft365') {
    host.teams.app.registerOnThemeChangeHandler((theme) => options.onThemeChange(tabThemeFromHost(theme)));
  }
  // In a plain browser the dev token needs no configuration: start the API calls while it loads.
  const tokens = host.kind === 'browser' ? devSignInTokenSource() : await createTokenSource(host, await configLoad);
  const api = new ApiClient(tokens, { onBusy: options.onBusy });
  const meLoad = api.me();
  // A failure here is reported below; the preload must not surface it as unhandled too.
  meLoad.catch(() => undefined);
  const opening = landingPath(context, window.location.pathname);
  if (opening !== window.location.pathname) {
    // A Teams deep link (subPageId) or a meeting: the router starts on that page rather than passing through /tab.
    window.history.replaceState(window.history.state, '', opening + window.location.search);
    pageCode = startPageCode(opening);
  }
  startPageData(api, opening);
  const config = await configLoad;
  if (host.kind === 'browser' && !config.devSignIn)
    throw new SignInRequired('Open Reciprocal from Microsoft Teams or Outlook to sign in.');
  // The page's code too: shown without a Suspense fallback, the page is not held back (TabApp.tsx).
  const [me] = await Promise.all([meLoad, pageCode]);
  if (host.kind === 'microsoft365') host.teams.app.notifySuccess();
  return { host, context, tokens, api, me, preloads: new Preloads() };
}

/** A start begun before React renders, with what it reports kept until the provider listens. */
export interface TabBoot {
  runtime: Promise<TabRuntime>;
  /** The runtime once it has started (null before, or when it failed): the first render can show the page at once. */
  ready(): TabRuntime | null;
  listen(options: StartTabOptions): () => void;
}

/**
 * Starts the tab at once (main.tsx calls it before rendering): sign-in, /api/me,
 * the page's data and its code do not wait for React's first render and effects.
 */
export function bootTab(): TabBoot {
  let listener: StartTabOptions | null = null;
  let busy: BusyNotice | null | undefined;
  let theme: TabTheme | undefined;
  const runtime = startTab({
    onBusy: (notice) => {
      busy = notice;
      listener?.onBusy(notice);
    },
    onThemeChange: (next) => {
      theme = next;
      listener?.onThemeChange(next);
    },
  });
  let started: TabRuntime | null = null;
  // A failure is reported by the provider when it takes the runtime.
  runtime.then(
    (value) => (started = value),
    () => undefined,
  );
  return {
    runtime,
    ready: () => started,
    listen(options) {
      listener = options;
      if (busy !== undefined) options.onBusy(busy);
      if (theme !== undefined) options.onThemeChange(theme);
      return () => {
        if (listener === options) listener = null;
      };
    },
  };
}
