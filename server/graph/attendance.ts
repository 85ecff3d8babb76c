// Who joined a Teams meeting, from its attendance reports, read app-only on
// the organizer's behalf. The meeting is found by its join URL (the event's
// onlineMeeting.joinUrl); each time the meeting ends Teams publishes one report.
// App-only access needs OnlineMeetings.Read.All (the lookup) and
// OnlineMeetingArtifact.Read.All (the reports), and a Teams application access
// policy granted to the organizer; without any of them Graph answers 403.
// https://learn.microsoft.com/graph/api/onlinemeeting-get (JoinWebUrl filter, app-only via /users/{id})
// https://learn.microsoft.com/graph/api/meetingattendancereport-list ("up to 50 of the most recent reports")
// https://learn.microsoft.com/graph/api/meetingattendancereport-get ($expand=attendanceRecords)
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { filterLiteral } from './odata.js';

const Meetings = z.object({ value: z.array(z.object({ id: z.string().min(1) })) });

const Reports = z.object({
  value: z.array(
    z.object({
      id: z.string().min(1),
      meetingStartDateTime: z.string().nullish(),
      meetingEndDateTime: z.string().nullish(),
    }),
  ),
});

const Report = z.object({
  attendanceRecords: z
    .array(
      z.object({
        totalAttendanceInSeconds: z.number().nullish(),
        identity: z.object({ id: z.string().nullish() }).nullish(),
      }),
    )
    .default([]),
});

const user = (id: string) => `/users/${encodeURIComponent(id)}`;

/** The onlineMeeting id behind a join URL, as its organizer sees it; null when Graph knows no such meeting. */
export async function onlineMeetingIdOf(graph: Client, organizerId: string, joinUrl: string): Promise<string | null> {
  const found = Meetings.parse(
    await graph
      .api(`${user(organizerId)}/onlineMeetings`)
      .filter(`JoinWebUrl eq ${filterLiteral(joinUrl)}`)
      .get(),
  );
  return found.value[0]?.id ?? null;
}

/**
 * The directory ids of everyone who spent time in the meeting in reports of
 * occurrences that ended at or after `since` (ms); null when there is no such
 * report yet (Teams publishes it after the meeting ends).
 */
export async function meetingAttendees(
  graph: Client,
  organizerId: string,
  meetingId: string,
  since: number,
): Promise<Set<string> | null> {
  const base = `${user(organizerId)}/onlineMeetings/${encodeURIComponent(meetingId)}/attendanceReports`;
  const reports = Reports.parse(await graph.api(base).get()).value.filter(
    (r) => !r.meetingEndDateTime || Date.parse(r.meetingEndDateTime) >= since,
  );
  if (reports.length === 0) return null;
  const joined = new Set<string>();
  for (const r of reports) {
    const report = Report.parse(
      await graph
        .api(`${base}/${encodeURIComponent(r.id)}`)
        .expand('attendanceRecords')
        .get(),
    );
    for (const record of report.attendanceRecords)
      if (record.identity?.id && (record.totalAttendanceInSeconds ?? 1) > 0) joined.add(record.identity.id);
  }
  return joined;
}
