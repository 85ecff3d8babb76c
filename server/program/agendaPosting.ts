// Posts a session's agenda card, as the person booking, to the pair's chat and
// to the meeting's chat. The meeting is booked either way; the answer names
// where the agenda went and, for a chat it could not reach, why not (a missing
// Graph permission by name), so nothing is skipped silently.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { agendaToAdaptiveCard, type Agenda } from '../../src/core/agenda/index.js';
import type { Pair, Session } from '../../src/core/schemas.js';
import type { Caller } from '../auth/caller.js';
import { meetingChatId, pairChat, postAdaptiveCard } from '../graph/chats.js';
import { missingPermissionOf } from '../graph/middleware/missingPermission.js';
import { partnerOf } from './access.js';
import { tabDeepLink } from './deepLinks.js';
import type { ProgramPorts } from './ports.js';

/** Why a chat did not get the agenda, in words the person booking can pass to an admin. */
function notPosted(where: string, err: GraphError): string {
  const missing = missingPermissionOf(err);
  if (missing)
    return `not ${where}: Reciprocal needs the Microsoft Graph ${missing.type} permission ${missing.name}; ask your admin to grant it`;
  return `not ${where}: Microsoft 365 refused it (HTTP ${err.statusCode})`;
}

export async function postAgendaToChats(
  ports: Pick<ProgramPorts, 'delegatedGraph' | 'teamsAppId'>,
  caller: Caller,
  pair: Pair,
  agenda: Agenda,
  session: Session,
): Promise<string[]> {
  const client = ports.delegatedGraph(caller);
  // Posted as the person through Graph, so only Action.OpenUrl: no bot is behind this card to receive a button press.
  const card = agendaToAdaptiveCard(agenda, {
    openSessionUrl: tabDeepLink(ports.teamsAppId, `sessions/${session.id}`),
  });
  const posted: string[] = [];
  const attempt = async (where: string, chatId: () => Promise<string | null>) => {
    try {
      const id = await chatId();
      if (id === null) return void posted.push(`not ${where}: Teams has no chat for it yet`);
      await postAdaptiveCard(client, id, card, agenda.title);
      posted.push(where);
    } catch (err) {
      // A chat Graph refuses leaves the agenda out of that chat only, and the answer says why.
      if (!(err instanceof GraphError)) throw err;
      posted.push(notPosted(where, err));
    }
  };
  await attempt(
    `your Teams chat with ${partnerOf(pair, caller.userId).displayName}`,
    async () => (await pairChat(client, [pair.members[0].userId, pair.members[1].userId])).id,
  );
  if (session.joinUrl) await attempt('the meeting chat', () => meetingChatId(client, session.joinUrl!));
  return posted;
}
