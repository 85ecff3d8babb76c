// The message-extension commands the app manifest declares; the bot handles
// exactly these (the manifest test checks the two lists match).
export const commandIds = {
  search: 'searchPairs',
  schedule: 'scheduleSession',
  addToAgenda: 'addToAgenda',
  saveAsLearningNote: 'saveAsLearningNote',
} as const;

export const handledCommandIds: readonly string[] = Object.values(commandIds);

/** A Teams deep link to a tab page (subEntityId routes inside the tab). */
export function tabDeepLink(teamsAppId: string, subEntityId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/home?context=${context}`;
}
