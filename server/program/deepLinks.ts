// Links into the Teams tab, for cards the bot sends and cards the use cases post.

/** The personal tab's entityId in appPackage/manifest.json. */
export const tabEntityId = 'pairs';

/** A Teams deep link to a tab page; the tab routes `subEntityId` (`sessions/{id}`, `pairs/{id}`, `admin`, `dashboard`). */
export function tabDeepLink(teamsAppId: string, subEntityId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${tabEntityId}?context=${context}`;
}
