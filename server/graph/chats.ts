// The pair's Teams chat through Graph: find or create it, post a message with
// an Adaptive Card. Posting in chats needs a delegated (user) client.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

const Chat = z.object({ id: z.string().min(1), webUrl: z.string().nullish() });
const ChatMessage = z.object({ id: z.string().min(1) });

export interface PairChat {
  id: string;
  webUrl: string | null;
}

/**
 * The two people's one-on-one chat. Graph returns the existing chat when one
 * already exists for the same two members, so this is safe to repeat.
 */
export async function pairChat(
  client: Client,
  memberIds: readonly [string, string],
  graphRoot = 'https://graph.microsoft.com/v1.0',
): Promise<PairChat> {
  const chat = Chat.parse(
    await client.api('/chats').post({
      chatType: 'oneOnOne',
      members: memberIds.map((id) => ({
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: ['owner'],
        'user@odata.bind': `${graphRoot}/users('${id}')`,
      })),
    }),
  );
  return { id: chat.id, webUrl: chat.webUrl ?? null };
}

/** Posts an Adaptive Card (with a short text fallback) to a chat; returns the message id. */
export async function postAdaptiveCard(client: Client, chatId: string, card: object, summary: string): Promise<string> {
  const attachmentId = 'reciprocal-card';
  const message = ChatMessage.parse(
    await client.api(`/chats/${encodeURIComponent(chatId)}/messages`).post({
      subject: null,
      summary,
      body: { contentType: 'html', content: `<attachment id="${attachmentId}"></attachment>` },
      attachments: [
        {
          id: attachmentId,
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: JSON.stringify(card),
          name: null,
          thumbnailUrl: null,
        },
      ],
    }),
  );
  return message.id;
}

const OnlineMeetings = z.object({
  value: z.array(z.object({ chatInfo: z.object({ threadId: z.string() }).nullable().optional() })),
});

/** The chat of a Teams meeting, found from its join URL (as the signed-in person). */
export async function meetingChatId(client: Client, joinWebUrl: string): Promise<string | null> {
  // Graph decodes the query once; the join URL carries escapes of its own, so it is encoded inside the filter (as Graph's docs show).
  const found = OnlineMeetings.parse(
    await client
      .api('/me/onlineMeetings')
      .filter(`JoinWebUrl eq '${encodeURIComponent(joinWebUrl).replace(/'/g, "''")}'`)
      .get(),
  );
  return found.value[0]?.chatInfo?.threadId ?? null;
}
