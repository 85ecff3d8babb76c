// The message-extension commands the app manifest declares; the bot handles
// exactly these (the manifest test checks the two lists match).
export const commandIds = {
  search: 'searchPairs',
  schedule: 'scheduleSession',
  addToAgenda: 'addToAgenda',
  saveAsLearningNote: 'saveAsLearningNote',
} as const;

export const handledCommandIds: readonly string[] = Object.values(commandIds);

/** The personal tab's entityId in appPackage/manifest.json. */
export const tabEntityId = 'pairs';

/** A Teams deep link to a tab page; the tab routes `subEntityId` (`sessions/{id}`, `pairs/{id}`, `admin`, `dashboard`). */
export function tabDeepLink(teamsAppId: string, subEntityId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${tabEntityId}?context=${context}`;
}
