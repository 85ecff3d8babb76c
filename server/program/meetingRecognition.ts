// Which Reciprocal session the Teams meeting a tab is opened in is. Teams gives
// a tab in a meeting `chat.id` (the meeting chat's thread id) and `meeting.id`
// (an encoded id that is not the join URL), so the thread id is the main key;
// a join URL or an iCalUId (the Outlook side) work too. Only the caller's own
// pairs' sessions are searched, so another pair's meeting reveals nothing.
import type { MeetingRecognition, MeetingRecognitionQuery } from '../../src/core/api.js';
import type { MeetingSession } from '../../src/core/meetings.js';
import type { Pair } from '../../src/core/schemas.js';
import { dayMs } from '../../src/core/time.js';
import type { Caller } from '../auth/caller.js';
import { meetingChatId } from '../graph/chats.js';
import type { StoredSession } from '../graph/programRecords.js';
import { withoutAgenda } from '../graph/programRecords.js';
import { isMember } from './access.js';
import {
  agendaHtmlOf,
  callerCalendar,
  meetingOf,
  meetingSession,
  type GraphEvent,
  type MeetingPorts,
} from './meetings.js';
import type { ProgramPorts } from './ports.js';

type RecognitionPorts = MeetingPorts & Pick<ProgramPorts, 'delegatedGraph'>;

/** How many join URLs one recognition may ask Graph about (those that do not name their thread). */
const graphLookupBudget = 10;

/**
 * The meeting chat's thread id a classic Teams join URL names in its path
 * (`https://teams.microsoft.com/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`), or null.
 * Microsoft documents no join URL format, and newer short URLs (`/meet/{id}?p=…`) carry no
 * thread id, so a null here is answered by Graph: onlineMeetings by JoinWebUrl → chatInfo.threadId
 * (https://learn.microsoft.com/graph/api/onlinemeeting-get).
 */
export function threadIdInJoinUrl(joinUrl: string): string | null {
  try {
    const match = /\/meetup-join\/([^/]+)/.exec(new URL(joinUrl).pathname);
    const thread = match ? decodeURIComponent(match[1]!) : null;
    return thread && /^19:.+@thread\./.test(thread) ? thread : null;
  } catch {
    return null;
  }
}

/** Two join URLs of one meeting: the same URL, or URLs naming the same meeting chat. */
function sameMeeting(a: string, b: string): boolean {
  if (a === b) return true;
  const thread = threadIdInJoinUrl(a);
  return thread !== null && thread === threadIdInJoinUrl(b);
}

/** The thread id of a join URL: from the URL when it names one, else from Graph (within a budget). */
function threadResolver(ports: RecognitionPorts, caller: Caller) {
  let budget = graphLookupBudget;
  return async (joinUrl: string): Promise<string | null> => {
    const named = threadIdInJoinUrl(joinUrl);
    if (named || budget <= 0) return named;
    budget -= 1;
    // As the caller: Graph finds a meeting by join URL only for its organizer or someone invited.
    return meetingChatId(ports.delegatedGraph(caller), joinUrl);
  };
}

interface PairSession {
  pair: Pair;
  session: StoredSession;
}

/** The caller's pairs' sessions that are not cancelled, nearest to now first. */
async function callerSessions(ports: MeetingPorts, caller: Caller): Promise<PairSession[]> {
  const pairs = await ports.store.pairsOf(caller.userId);
  const perPair = await Promise.all(
    pairs.map(async (pair) => (await ports.store.sessionsOfPair(pair.id)).map((session) => ({ pair, session }))),
  );
  const now = ports.now();
  const distance = (s: StoredSession) => Math.abs(Date.parse(s.start) - now);
  return perPair
    .flat()
    .filter((p) => p.session.status !== 'cancelled')
    .sort((x, y) => distance(x.session) - distance(y.session));
}

async function sessionOfThread(
  candidates: PairSession[],
  chatId: string,
  threadOf: (joinUrl: string) => Promise<string | null>,
): Promise<PairSession | null> {
  for (const candidate of candidates) {
    if (candidate.session.joinUrl && (await threadOf(candidate.session.joinUrl)) === chatId) return candidate;
  }
  return null;
}

const shown = ({ pair, session }: PairSession): MeetingSession => ({
  session: withoutAgenda(session),
  pair,
  agendaHtml: agendaHtmlOf(session.agenda),
});

/** The caller's session for a meeting, by iCalUId, join URL or meeting chat thread id (in that order). */
async function recognizedSession(
  ports: RecognitionPorts,
  caller: Caller,
  query: MeetingRecognitionQuery,
  threadOf: (joinUrl: string) => Promise<string | null>,
): Promise<Pick<MeetingRecognition, 'recognizedBy' | 'match'> | null> {
  if (query.iCalUId) {
    const match = await meetingSession(ports, caller, query.iCalUId);
    if (match) return { recognizedBy: 'iCalUId', match };
  }
  if (!query.joinUrl && !query.chatId) return null;
  const candidates = (await callerSessions(ports, caller)).filter((c) => c.session.joinUrl);
  const byUrl = query.joinUrl ? candidates.find((c) => sameMeeting(c.session.joinUrl!, query.joinUrl!)) : undefined;
  if (byUrl) return { recognizedBy: 'joinUrl', match: shown(byUrl) };
  const byThread = query.chatId ? await sessionOfThread(candidates, query.chatId, threadOf) : null;
  return byThread ? { recognizedBy: 'chatId', match: shown(byThread) } : null;
}

type Recognizer = NonNullable<MeetingRecognition['recognizedBy']>;

/**
 * The meeting on the caller's calendar (yesterday to two weeks ahead, where a meeting one links
 * is), found by the same keys; what "make this meeting a session" needs.
 */
async function meetingOnCalendar(
  ports: RecognitionPorts,
  caller: Caller,
  query: MeetingRecognitionQuery,
  threadOf: (joinUrl: string) => Promise<string | null>,
): Promise<{ event: GraphEvent; by: Recognizer } | null> {
  const events = await callerCalendar(ports, caller, { from: ports.now() - dayMs, days: 15, withBodies: false });
  for (const event of events) {
    const joinUrl = event.onlineMeeting?.joinUrl ?? null;
    if (query.iCalUId && event.iCalUId === query.iCalUId) return { event, by: 'iCalUId' };
    if (joinUrl && query.joinUrl && sameMeeting(joinUrl, query.joinUrl)) return { event, by: 'joinUrl' };
    if (joinUrl && query.chatId && (await threadOf(joinUrl)) === query.chatId) return { event, by: 'chatId' };
  }
  return null;
}

const nothing: MeetingRecognition = { recognizedBy: null, meeting: null, match: null };

/** Which session of the caller's a meeting is; else the meeting to link, if it is on their calendar. */
export async function recognizeMeeting(
  ports: RecognitionPorts,
  caller: Caller,
  query: MeetingRecognitionQuery,
): Promise<MeetingRecognition> {
  const threadOf = threadResolver(ports, caller);
  const found = await recognizedSession(ports, caller, query, threadOf);
  if (found) return { ...found, meeting: null };
  const onCalendar = await meetingOnCalendar(ports, caller, query, threadOf);
  if (!onCalendar) return nothing;
  const meeting = meetingOf(onCalendar.event);
  // A session recorded without its join URL is still found through its meeting's iCalUId.
  const session = await ports.store.sessionByICalUId(meeting.iCalUId);
  if (!session) return { recognizedBy: null, meeting, match: null };
  const pair = await ports.store.pair(session.pairId);
  // Another pair's session (the caller was invited to it) is not theirs to link, and says nothing of that pair.
  if (!pair || !isMember(pair, caller.userId)) return nothing;
  return { recognizedBy: onCalendar.by, meeting, match: shown({ pair, session }) };
}
