// When the bot is added to a conversation, its reference is kept in the tenant
// so proactive messages can reach that conversation later: under the
// conversation id, and for a personal chat also under `user:<object id>` of the
// person, which is how the outbox's sender finds a person's conversation.
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
    const personal = (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
    const person = context.activity.from?.aadObjectId;
    if (personal && person) await deps.store.saveConversationReference(`user:${person}`, reference);
    deps.log.info(
      { bot: { event: 'installed', conversationType: context.activity.conversation?.conversationType ?? 'personal' } },
      'bot installed',
    );
  };
}
