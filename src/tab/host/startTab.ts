// Boots the tab: finds the host, signs in, loads who the caller is, and starts
// the data of the page being opened alongside (the page's code is already on its
// way: main.tsx starts it before anything else).
import { ApiClient, loadClientConfig, type BusyNotice } from '../../client/api.js';
import {
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
  type TabTheme,
} from './hostContext.js';
import { themeStorageKey } from './theme.js';

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
  const host = await detectHost();
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
  if (opening !== window.location.pathname) startPageCode(opening);
  startPageData(api, opening, meLoad);
  const config = await configLoad;
  if (host.kind === 'browser' && !config.devSignIn)
    throw new SignInRequired('Open Reciprocal from Microsoft Teams or Outlook to sign in.');
  const me = await meLoad;
  if (host.kind === 'microsoft365') host.teams.app.notifySuccess();
  return { host, context, tokens, api, me, preloads: new Preloads() };
}
