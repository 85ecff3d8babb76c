// `message` activities: what a person types to the bot.
import type { TurnContext } from '@microsoft/agents-hosting';
import type { BotDeps } from './agent.js';

export function onMessage(_deps: BotDeps) {
  return async (_context: TurnContext): Promise<void> => {};
}
