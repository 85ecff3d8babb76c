// Sends an outbox message as the bot, into the conversation Teams gave the bot
// when it was installed (a proactive message through the Bot Connector), so
// every Action.Execute button on the card reaches the bot.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
import type { Logger } from 'pino';
import type { ProgramPorts } from '../ports.js';
import { installForRecipient, referenceKeyOf } from './installs.js';
import type { Deliver, SendOutcome } from './scheduler.js';
import type { DueMessage } from './types.js';

/** What the sender needs of a turn: sending one activity (the Agents SDK's TurnContext). */
export interface ProactiveTurn {
  sendActivity(activity: Record<string, unknown>): Promise<{ id?: string } | undefined>;
}

/** The Agents SDK adapter's proactive entry point (CloudAdapter.continueConversation). */
export interface ProactiveAdapter {
  continueConversation(
    botAppId: string,
    reference: never,
    logic: (turn: ProactiveTurn) => Promise<void>,
  ): Promise<void>;
}

export interface SenderDeps {
  ports: Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'teamsAppId'>;
  adapter: ProactiveAdapter;
  botAppId: string;
  log?: Pick<Logger, 'warn' | 'info'>;
}

const minute = 60_000;

/** The card as a message attachment, the shape the Bot Framework schema gives Adaptive Cards. */
export const cardActivity = (message: DueMessage): Record<string, unknown> => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card }],
});

/** The HTTP status the Connector answered with, if it answered at all. */
const statusOf = (err: unknown): number | null => {
  const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
};

export function createDeliver(deps: SenderDeps): Deliver {
  const { ports } = deps;
  return async (message: DueMessage): Promise<SendOutcome> => {
    const referenceKey = referenceKeyOf(message.recipient);
    const reference = await ports.store.conversationReference(referenceKey);
    if (!reference) return installForRecipient(ports, message.recipient, deps.log);
    let activityId: string | null = null;
    try {
      await deps.adapter.continueConversation(deps.botAppId, reference as never, async (turn) => {
        activityId = (await turn.sendActivity(cardActivity(message)))?.id ?? null;
      });
    } catch (err) {
      const status = statusOf(err);
      const problem = err instanceof Error ? err.message : String(err);
      // No answer from the Connector: it may have delivered. The scheduler settles it unsent-for-sure never.
      if (status === null) return { kind: 'unknown', problem };
      // The Connector refused it, so Teams shows nothing: safe to try again. 403 (BotNotInConversationRoster) or
      // 404: the bot is no longer in the conversation (the app was removed); install again and wait for the new
      // conversation. The refusal stays on the item, beside what the install came to.
      // https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
      if (status === 403 || status === 404) {
        const item = await ports.store.findByKey('ConversationReferences', referenceKey);
        if (item) await ports.store.remove('ConversationReferences', item.id);
        const installed = await installForRecipient(ports, message.recipient, deps.log);
        return installed.kind === 'later'
          ? {
              ...installed,
              problem: `the Bot Connector refused the conversation (${status}: ${problem}); ${installed.problem}`,
            }
          : installed;
      }
      return {
        kind: 'later',
        retryAt: ports.now() + (status === 429 ? 5 : 2) * minute,
        problem: `${status}: ${problem}`,
      };
    }
    return { kind: 'sent', activityId };
  };
}
