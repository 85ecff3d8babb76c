// The meeting chat's cards, sent by the bot (so the agenda card's "Add action
// item" reaches it): `meeting-agenda` once when the meeting starts, and
// `meeting-note` when it ends, with Action.OpenUrl links to the meeting's
// details tab and the session page. The recipient is `chat:<thread id>`.
import { z } from 'zod';
import { agendaToAdaptiveCard, type Agenda } from '../../../src/core/agenda/index.js';
import type { Session } from '../../../src/core/schemas.js';
import { hourMs } from '../../../src/core/time.js';
import { filterLiteral } from '../../graph/odata.js';
import { tabEntityId } from '../deepLinks.js';
import { threadIdInJoinUrl } from '../meetingRecognition.js';
import { meetingNoteCard } from './cards.js';
import { inWindow, isoOf, links, sessionsAhead, type PlanPorts } from './planning.js';
import type { DueMessage, DuePlanner } from './types.js';

const OnlineMeetings = z.object({
  value: z.array(z.object({ chatInfo: z.object({ threadId: z.string() }).nullish() })),
});

/**
 * The meeting chat of a session: from its join URL, or (short URLs name no
 * thread) from the organizer's onlineMeeting by JoinWebUrl, which app-only
 * needs OnlineMeetings.Read.All and an application access policy for
 * (https://learn.microsoft.com/graph/api/onlinemeeting-get). Without either the
 * session simply gets no meeting-chat cards.
 */
async function meetingThread(ports: PlanPorts, session: Session): Promise<string | null> {
  if (!session.joinUrl) return null;
  const named = threadIdInJoinUrl(session.joinUrl);
  if (named) return named;
  try {
    const found = OnlineMeetings.parse(
      await ports.graph.client
        .api(`/users/${encodeURIComponent(session.organizerId)}/onlineMeetings`)
        .filter(`JoinWebUrl eq ${filterLiteral(session.joinUrl)}`)
        .get(),
    );
    return found.value[0]?.chatInfo?.threadId ?? null;
  } catch {
    return null;
  }
}

/**
 * A deep link to this app's tab in the meeting's chat (the details tab), opening the session.
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
 */
function meetingTabLink(teamsAppId: string, threadId: string, sessionId: string): string {
  const context = encodeURIComponent(
    JSON.stringify({ chatId: threadId, contextType: 'chat', subEntityId: `sessions/${sessionId}` }),
  );
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${tabEntityId}?context=${context}`;
}

const StoredAgenda = z.object({ sections: z.array(z.unknown()) }).passthrough();

export function meetingChatPlanner(refreshMs = 15 * 60_000): DuePlanner {
  const ahead = sessionsAhead(refreshMs, 2 * hourMs + refreshMs);
  return {
    kinds: ['meeting-agenda', 'meeting-note'],
    async plan(ports, window) {
      // A session lasts at most an hour: those starting from an hour before the window can end in it.
      const listed = (await ahead.sessions(ports, window.from - hourMs, window.to)).filter(
        (s) => s.status !== 'cancelled' && s.joinUrl,
      );
      const sessions = [];
      for (const s of listed) {
        if (!inWindow(Date.parse(s.start), window) && !inWindow(Date.parse(s.end), window)) continue;
        const current = await ports.store.session(s.id);
        if (current && current.status !== 'cancelled' && current.start === s.start && current.end === s.end)
          sessions.push(current);
      }
      const link = links(ports.teamsAppId);
      const due: DueMessage[] = [];
      for (const session of sessions) {
        const start = Date.parse(session.start);
        const end = Date.parse(session.end);
        const starts = inWindow(start, window);
        const ends = inWindow(end, window);
        if (!starts && !ends) continue;
        const thread = await meetingThread(ports, session);
        if (!thread) continue;
        const recipient = `chat:${thread}`;
        if (starts) {
          const stored = session;
          if (StoredAgenda.safeParse(stored.agenda).success)
            due.push({
              kind: 'meeting-agenda',
              subject: session.id,
              recipient,
              dueAt: session.start,
              expiresAt: session.end,
              card: agendaToAdaptiveCard(stored.agenda as Agenda, {
                openSessionUrl: link.session(session.id),
                addActionItemData: { sessionId: session.id },
              }),
            });
        }
        if (ends)
          due.push({
            kind: 'meeting-note',
            subject: session.id,
            recipient,
            dueAt: session.end,
            expiresAt: isoOf(end + 24 * hourMs),
            card: meetingNoteCard({
              detailsTabUrl: meetingTabLink(ports.teamsAppId, thread, session.id),
              openSessionUrl: link.session(session.id),
            }),
          });
      }
      return due;
    },
  };
}
