// When the bot is added to a conversation, its reference is kept in the tenant
// so proactive messages can reach that conversation later.
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { ProgramStore } from '../graph/programStore.js';

export interface InstallDeps {
  store: Pick<ProgramStore, 'saveConversationReference'>;
  log: Logger;
}

/** Handles `membersAdded`; members other than the bot itself are not its concern. */
export function onInstalled(deps: InstallDeps) {
  return async (context: TurnContext): Promise<void> => {
    const added = context.activity.membersAdded ?? [];
    if (!added.some((m) => m.id === context.activity.recipient?.id)) return;
    const reference = context.activity.getConversationReference();
    await deps.store.saveConversationReference(reference.conversation.id, reference);
    deps.log.info(
      { bot: { event: 'installed', conversationType: context.activity.conversation?.conversationType ?? 'personal' } },
      'bot installed',
    );
  };
}
