// Boots the tab: finds the host, signs in, loads who the caller is.
import { ApiClient, loadClientConfig, type BusyNotice } from '../../client/api.js';
import {
  createTokenSource,
  detectHost,
  devSignInTokenSource,
  SignInRequired,
  type Host,
  type TokenSource,
} from '../../client/auth.js';
import type { PairSummary } from '../../core/api.js';
import type { Me } from '../../core/schemas.js';
import {
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
 * Data the first page will ask for, requested while the shell boots so the
 * requests overlap. Each is handed out once; later loads go to the API.
 */
export class Preloads {
  private pairs: Promise<PairSummary[]> | null;

  constructor(pairs: Promise<PairSummary[]> | null) {
    this.pairs = pairs;
  }

  takePairs(): Promise<PairSummary[]> | null {
    const pairs = this.pairs;
    this.pairs = null;
    return pairs;
  }
}

const opensOnMyPairs = (pathname: string) => /^\/tab\/?$/.test(pathname);

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
  const pairsLoad = opensOnMyPairs(window.location.pathname) && !context.subPageId ? api.pairs() : null;
  // A failed preload is asked again by the page; it must not surface as unhandled.
  pairsLoad?.catch(() => undefined);
  const config = await configLoad;
  if (host.kind === 'browser' && !config.devSignIn)
    throw new SignInRequired('Open Reciprocal from Microsoft Teams or Outlook to sign in.');
  const me = await meLoad;
  if (host.kind === 'microsoft365') host.teams.app.notifySuccess();
  return { host, context, tokens, api, me, preloads: new Preloads(pairsLoad) };
}
