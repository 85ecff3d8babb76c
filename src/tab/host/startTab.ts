// Boots the tab: finds the host, signs in, loads who the caller is.
import { ApiClient, loadClientConfig, type BusyNotice } from '../../client/api.js';
import { createTokenSource, detectHost, type Host, type TokenSource } from '../../client/auth.js';
import type { Me } from '../../core/schemas.js';
import { tabHostContextFromBrowser, tabHostContextFromTeams, tabThemeFromHost, type TabHostContext, type TabTheme } from './hostContext.js';
import { themeStorageKey } from './theme.js';

export interface TabRuntime {
  host: Host;
  context: TabHostContext;
  tokens: TokenSource;
  api: ApiClient;
  me: Me;
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
  const [host, config] = await Promise.all([detectHost(), loadClientConfig()]);
  const context = host.kind === 'microsoft365' ? tabHostContextFromTeams(host.context) : tabHostContextFromBrowser(window.location, savedTheme(), navigator.languages);
  if (host.kind === 'microsoft365') {
    host.teams.app.registerOnThemeChangeHandler((theme) => options.onThemeChange(tabThemeFromHost(theme)));
  }
  const tokens = await createTokenSource(host, config);
  const api = new ApiClient(tokens, { onBusy: options.onBusy });
  const me = await api.me();
  if (host.kind === 'microsoft365') host.teams.app.notifySuccess();
  return { host, context, tokens, api, me };
}
