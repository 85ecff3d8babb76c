// Teams meetings behind online events: the join URL and meeting chat made
// with the event, and GET /onlineMeetings?$filter=JoinWebUrl eq '...'.
import { randomUUID } from 'node:crypto';
import { badRequest } from '../../graphErrors.js';
import type { DevTenantStore, DirectoryUser } from '../../store.js';
import type { GraphRequest, GraphResponse, GraphRoute } from '../dispatch.js';
import { graphContext } from '../odata.js';
import { userFromPath, userSegment } from '../users.js';

/** What the dev tenant keeps of a Teams meeting, under `onlineMeeting:{joinUrl}`. */
export interface OnlineMeetingRecord {
  id: string;
  organizerId: string;
  threadId: string;
  subject: string;
  startMs: number;
  endMs: number;
  created: string;
  attendees: string[];
}

/** A Teams meeting: its join URL names the meeting chat's thread. */
export function teamsMeeting(tenantId: string, organizerId: string): { joinUrl: string; threadId: string } {
  const thread = Buffer.from(randomUUID()).toString('base64').replace(/=+$/, '');
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerId }));
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`,
    threadId: `19:meeting_${thread}@thread.v2`,
  };
}

/** Opens the meeting's chat and records the meeting so it can be found by its join URL. */
export function openOnlineMeeting(
  store: DevTenantStore,
  tenantId: string,
  meeting: { joinUrl: string; threadId: string },
  details: { organizer: DirectoryUser; subject: string; startMs: number; endMs: number; created: string },
  attendees: string[],
): void {
  const { organizer, subject, startMs, endMs, created } = details;
  // Teams gives every online meeting a chat; the organizer and the invited are in it.
  store.insertChat(meeting.threadId, null, {
    id: meeting.threadId,
    topic: subject,
    createdDateTime: created,
    lastUpdatedDateTime: created,
    chatType: 'meeting',
    webUrl: meeting.joinUrl,
    tenantId,
    onlineMeetingInfo: { joinWebUrl: meeting.joinUrl, organizer: { id: organizer.id } },
    viewpoint: null,
  });
  const record: OnlineMeetingRecord = {
    id: Buffer.from(`${organizer.id}:${meeting.threadId}`).toString('base64url'),
    organizerId: organizer.id,
    threadId: meeting.threadId,
    subject,
    startMs,
    endMs,
    created,
    attendees,
  };
  store.setMeta(`onlineMeeting:${meeting.joinUrl}`, JSON.stringify(record));
}

/** The Teams meeting behind a join URL, if the dev tenant made it. */
export function onlineMeetingByJoinUrl(store: DevTenantStore, joinUrl: string): OnlineMeetingRecord | null {
  const saved = store.getMeta(`onlineMeeting:${joinUrl}`);
  return saved ? (JSON.parse(saved) as OnlineMeetingRecord) : null;
}

function onlineMeetingResource(store: DevTenantStore, m: OnlineMeetingRecord, joinWebUrl: string) {
  return {
    id: m.id,
    creationDateTime: m.created,
    startDateTime: new Date(m.startMs).toISOString(),
    endDateTime: new Date(m.endMs).toISOString(),
    joinWebUrl,
    subject: m.subject,
    chatInfo: { threadId: m.threadId, messageId: '0', replyChainMessageId: null },
    participants: {
      organizer: {
        identity: { user: { id: m.organizerId } },
        upn: store.findUser(m.organizerId)?.userPrincipalName ?? '',
      },
      attendees: m.attendees.map((a) => ({
        upn: a,
        identity: { user: { id: store.findUser(a)?.id ?? null } },
      })),
    },
  };
}

function onlineMeetingsByJoinUrl(store: DevTenantStore, req: GraphRequest): GraphResponse {
  const user = userFromPath(store, req);
  const joinWebUrl = /^JoinWebUrl eq '((?:[^']|'')*)'$/i.exec(req.query.get('$filter') ?? '')?.[1]?.replace(/''/g, "'");
  if (!joinWebUrl)
    throw badRequest("Filter on JoinWebUrl is required, e.g. $filter=JoinWebUrl eq '<url>'.", 'InvalidArgument');
  const m = onlineMeetingByJoinUrl(store, joinWebUrl);
  const visible =
    m && (m.organizerId === user.id || m.attendees.some((a) => a.toLowerCase() === user.mail.toLowerCase()));
  const value = visible ? [onlineMeetingResource(store, m, joinWebUrl)] : [];
  return { status: 200, body: { '@odata.context': `${graphContext}#users('${user.id}')/onlineMeetings`, value } };
}

export function onlineMeetingRoutes(store: DevTenantStore): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${userSegment}/onlineMeetings$`),
      kind: 'onlineMeetings.list',
      handle: (req) => onlineMeetingsByJoinUrl(store, req),
    },
  ];
}
