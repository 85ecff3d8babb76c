// Posts a session's agenda card, as the person booking, to the pair's chat and
// to the meeting's chat. The meeting is booked either way; the answer names
// where the agenda went.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { agendaToAdaptiveCard, type Agenda } from '../../src/core/agenda/index.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import type { Caller } from '../auth/caller.js';
import { meetingChatId, pairChat, postAdaptiveCard } from '../graph/chats.js';
import { partnerOf } from './access.js';
import { tabDeepLink } from './deepLinks.js';
import type { ProgramPorts } from './ports.js';

export async function postAgendaToChats(
  ports: Pick<ProgramPorts, 'delegatedGraph' | 'teamsAppId'>,
  caller: Caller,
  pair: Pair,
  agenda: Agenda,
  session: Session,
): Promise<string[]> {
  const client = ports.delegatedGraph(caller);
  const card = agendaToAdaptiveCard(agenda, {
    openSessionUrl: tabDeepLink(ports.teamsAppId, `sessions/${session.id}`),
    addActionItemData: { action: 'addActionItem', sessionId: session.id },
  });
  const posted: string[] = [];
  const attempt = async (where: string, chatId: () => Promise<string | null>) => {
    try {
      const id = await chatId();
      if (id === null) return;
      await postAdaptiveCard(client, id, card, agenda.title);
      posted.push(where);
    } catch (err) {
      // A chat Graph refuses (no consent, no chat yet) leaves the agenda out of that chat only.
      if (!(err instanceof GraphError)) throw err;
    }
  };
  await attempt(
    `your Teams chat with ${partnerOf(pair, caller.userId).displayName}`,
    async () => (await pairChat(client, [pair.members[0].userId, pair.members[1].userId])).id,
  );
  if (session.joinUrl) await attempt('the meeting chat', () => meetingChatId(client, session.joinUrl!));
  return posted;
}
