// What the tab takes from its host's context (teams-js `app.Context`): who,
// where, in which language and theme, and which page a deep link asked for.
import type { app } from '@microsoft/teams-js';

export type TabTheme = 'light' | 'dark' | 'contrast';

/** Where a theme chosen outside a host is remembered (localStorage). */
export const themeStorageKey = 'reciprocal.theme';

export interface TabHostContext {
  hostName: string | null;
  userPrincipalName: string | null;
  locale: string;
  theme: TabTheme;
  team: { name: string | null; channel: string | null } | null;
  meetingId: string | null;
  chatId: string | null;
  /** The page a Teams deep link asked for (`subPageId`), if any. */
  subPageId: string | null;
}

/** Teams names its themes default / dark / contrast. */
export function tabThemeFromHost(theme: string | undefined | null): TabTheme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

export function tabHostContextFromTeams(context: app.Context): TabHostContext {
  return {
    hostName: context.app.host?.name ? String(context.app.host.name) : null,
    userPrincipalName: context.user?.userPrincipalName ?? context.user?.loginHint ?? null,
    locale: context.app.locale || 'en-US',
    theme: tabThemeFromHost(context.app.theme),
    team:
      context.team || context.channel
        ? { name: context.team?.displayName ?? null, channel: context.channel?.displayName ?? null }
        : null,
    meetingId: context.meeting?.id ?? null,
    chatId: context.chat?.id ?? null,
    subPageId: context.page.subPageId || null,
  };
}

/** Outside a host: the browser's language and the theme from `?theme=` (tests) or the last choice. */
export function tabHostContextFromBrowser(
  location: Pick<Location, 'search'>,
  savedTheme: string | null,
  languages: readonly string[],
): TabHostContext {
  const requested = new URLSearchParams(location.search).get('theme');
  return {
    hostName: null,
    userPrincipalName: null,
    locale: languages[0] ?? 'en-US',
    theme: tabThemeFromHost(requested ?? (savedTheme === 'light' ? 'default' : savedTheme)),
    team: null,
    meetingId: null,
    chatId: null,
    subPageId: null,
  };
}

/**
 * The route a deep link's `subPageId` names. Links the bot and message
 * extension build use `sessions/{id}`, `pairs/{id}`, `admin` or `dashboard`.
 */
export function routeForSubPageId(subPageId: string | null): string | null {
  if (!subPageId) return null;
  const cleaned = subPageId.replace(/^\/+/, '').replace(/^tab\//, '');
  const match = /^(sessions|pairs)\/([A-Za-z0-9._~-]{1,128})$/.exec(cleaned);
  if (match) return `/tab/${match[1]}/${encodeURIComponent(match[2]!)}`;
  if (cleaned === 'admin' || cleaned === 'dashboard') return `/tab/${cleaned}`;
  return null;
}
