// The message-extension commands the app manifest declares; the bot handles
// exactly these (the manifest test checks the two lists match).
export const commandIds = {
  search: 'searchPairs',
  schedule: 'scheduleSession',
  addToAgenda: 'addToAgenda',
  saveAsLearningNote: 'saveAsLearningNote',
} as const;

export const handledCommandIds: readonly string[] = Object.values(commandIds);

export { tabDeepLink, tabEntityId } from '../program/deepLinks.js';

/** The commands the bot answers in chat: the manifest's `bots[].commandLists` lists exactly these. */
export const botCommands = [
  { title: 'pairs', description: 'My pairs and upcoming sessions' },
  { title: 'help', description: 'What Reciprocal can do' },
] as const;
