// Attendance reports of the dev tenant's Teams meetings: one report each time a
// meeting ends, listed (records left out, as in the published list example),
// read one at a time with `$expand=attendanceRecords`, and its records listed.
// Only the organizer reaches them, through /users/{organizerId}/... with an app
// token (or /me delegated). Tests play the meeting with `recordMeetingAttendance`.
// https://learn.microsoft.com/graph/api/meetingattendancereport-list ("up to 50 of the most recent reports")
// https://learn.microsoft.com/graph/api/meetingattendancereport-get (`$expand=attendanceRecords`)
// https://learn.microsoft.com/graph/api/attendancerecord-list
// https://learn.microsoft.com/graph/cloud-communications-online-meeting-artifacts ("Only available when the
//   meeting ends", "Only the meeting organizer can access")
import { randomUUID } from 'node:crypto';
import { GraphError } from '../../graphErrors.js';
import type { DevTenantStore } from '../../store.js';
import type { GraphRequest, GraphResponse, GraphRoute } from '../dispatch.js';
import { graphContext } from '../odata.js';
import { userFromPath, userSegment } from '../users.js';
import { onlineMeetingByJoinUrl } from './onlineMeetings.js';

const collection = 'onlineMeetingAttendance';

interface AttendanceRecord {
  emailAddress: string;
  totalAttendanceInSeconds: number;
  role: 'Organizer' | 'Presenter' | 'Attendee';
  identity: { id: string; displayName: string; tenantId: string | null };
  attendanceIntervals: Array<{ joinDateTime: string; leaveDateTime: string; durationInSeconds: number }>;
}

interface AttendanceReport {
  id: string;
  totalParticipantCount: number;
  meetingStartDateTime: string;
  meetingEndDateTime: string;
  attendanceRecords: AttendanceRecord[];
}

interface MeetingAttendance {
  meetingId: string;
  organizerId: string;
  reports: AttendanceReport[];
}

/** Someone who joined a meeting, and when they were in it. */
export interface MeetingJoin {
  /** A directory user's object id or UPN. */
  user: string;
  joinDateTime: string;
  leaveDateTime: string;
}

const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/**
 * Ends one occurrence of the Teams meeting behind `joinUrl` with these people
 * in it: Teams then publishes its attendance report. For tests and demos.
 */
export function recordMeetingAttendance(store: DevTenantStore, joinUrl: string, joins: readonly MeetingJoin[]): string {
  const meeting = onlineMeetingByJoinUrl(store, joinUrl);
  if (!meeting) throw new Error(`no Teams meeting has the join URL ${joinUrl}`);
  const records = joins.map((j): AttendanceRecord => {
    const user = store.findUser(j.user);
    if (!user) throw new Error(`no directory user ${j.user}`);
    const durationInSeconds = seconds(j.joinDateTime, j.leaveDateTime);
    return {
      emailAddress: user.mail,
      totalAttendanceInSeconds: durationInSeconds,
      role: user.id === meeting.organizerId ? 'Organizer' : 'Attendee',
      identity: { id: user.id, displayName: user.displayName, tenantId: null },
      attendanceIntervals: [{ joinDateTime: j.joinDateTime, leaveDateTime: j.leaveDateTime, durationInSeconds }],
    };
  });
  const times = joins.flatMap((j) => [Date.parse(j.joinDateTime), Date.parse(j.leaveDateTime)]);
  const report: AttendanceReport = {
    id: randomUUID(),
    totalParticipantCount: new Set(records.map((r) => r.identity.id)).size,
    meetingStartDateTime: new Date(times.length ? Math.min(...times) : meeting.startMs).toISOString(),
    meetingEndDateTime: new Date(times.length ? Math.max(...times) : meeting.endMs).toISOString(),
    attendanceRecords: records,
  };
  const saved = store.document(collection, meeting.id) as unknown as MeetingAttendance | null;
  const next: MeetingAttendance = {
    meetingId: meeting.id,
    organizerId: meeting.organizerId,
    reports: [report, ...(saved?.reports ?? [])],
  };
  store.putDocument(collection, meeting.id, next as unknown as Record<string, unknown>);
  return report.id;
}

/** The meeting's reports, when the user in the path organizes it; 404 otherwise (the meeting id names its organizer). */
function attendanceOf(store: DevTenantStore, req: GraphRequest): MeetingAttendance {
  const user = userFromPath(store, req);
  const meetingId = req.params['meeting']!;
  const [organizerId, threadId] = Buffer.from(meetingId, 'base64url').toString('utf8').split(/:(.*)/s);
  // Graph's answer to someone other than the organizer is not documented beyond "only the meeting organizer can
  // access"; the dev tenant answers as for a meeting it does not know.
  if (organizerId !== user.id || !threadId || !store.chat(threadId))
    throw new GraphError(404, 'NotFound', `The online meeting ${meetingId} was not found.`);
  const saved = store.document(collection, meetingId) as unknown as MeetingAttendance | null;
  return saved ?? { meetingId, organizerId, reports: [] };
}

const context = (req: GraphRequest, rest: string) =>
  `${graphContext}#users('${req.params['user'] ?? 'me'}')/onlineMeetings('${req.params['meeting']}')/attendanceReports${rest}`;

function reportOf(store: DevTenantStore, req: GraphRequest): AttendanceReport {
  const report = attendanceOf(store, req).reports.find((r) => r.id === req.params['report']);
  if (!report) throw new GraphError(404, 'NotFound', `The attendance report ${req.params['report']} was not found.`);
  return report;
}

function listReports(store: DevTenantStore, req: GraphRequest): GraphResponse {
  const value = attendanceOf(store, req)
    .reports.slice(0, 50)
    .map((r) => ({ ...r, attendanceRecords: [] }));
  return { status: 200, body: { '@odata.context': context(req, ''), value } };
}

function getReport(store: DevTenantStore, req: GraphRequest): GraphResponse {
  const { attendanceRecords, ...report } = reportOf(store, req);
  const expand = (req.query.get('$expand') ?? '').split(',').map((x) => x.trim());
  return {
    status: 200,
    body: {
      '@odata.context': context(req, `('${report.id}')`),
      ...report,
      ...(expand.includes('attendanceRecords') ? { attendanceRecords } : {}),
    },
  };
}

const meetingPath = String.raw`${userSegment}/onlineMeetings/(?<meeting>[^/]+)/attendanceReports`;

export function attendanceRoutes(store: DevTenantStore): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${meetingPath}$`),
      kind: 'attendanceReports.list',
      handle: (req) => listReports(store, req),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${meetingPath}/(?<report>[^/]+)$`),
      kind: 'attendanceReports.get',
      handle: (req) => getReport(store, req),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${meetingPath}/(?<report>[^/]+)/attendanceRecords$`),
      kind: 'attendanceRecords.list',
      handle: (req) => ({
        status: 200,
        body: {
          '@odata.context': context(req, `('${req.params['report']}')/attendanceRecords`),
          value: reportOf(store, req).attendanceRecords,
        },
      }),
    },
  ];
}
