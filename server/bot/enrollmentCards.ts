// This feature's card verbs (Action.Execute), dispatched by ./cardActions.ts.
import type { BotDeps } from './agent.js';
import type { CardActionHandler } from './cardActions.js';

export function enrollmentCardVerbs(_deps: BotDeps): Array<[string, CardActionHandler]> {
  return [];
}
