// The dev tenant's Teams meeting lookup and attendance reports have the keys
// and value types of the payloads Microsoft publishes (../shared/contracts/graph).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMeetingAttendance } from '../../devtenant/graph/calendar/attendance.js';
import { DevTenantStore } from '../../devtenant/store.js';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';
import { shapeDifferences } from './shape.js';

const dir = path.resolve(__dirname, '../../../shared/contracts/graph');
const published = (name: string): any => JSON.parse(readFileSync(path.join(dir, name), 'utf8')); // eslint-disable-line @typescript-eslint/no-explicit-any

let dt: TestDevTenant;
let store: DevTenantStore;
beforeAll(async () => {
  dt = await startTestDevTenant();
  store = new DevTenantStore(dt.dataDir);
});
afterAll(async () => {
  store?.close();
  await dt?.close();
});

describe('dev tenant against published Graph payloads: Teams meetings', () => {
  it('onlineMeetings by JoinWebUrl, attendance reports listed, and one read with its records', async () => {
    const [organizer, attendee] = [dt.users[5]!, dt.users[6]!];
    const created = await dt.graph('POST', `/users/${organizer.id}/events`, {
      subject: 'Reverse mentoring',
      start: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-02T10:30:00', timeZone: 'UTC' },
      attendees: [{ type: 'required', emailAddress: { address: attendee.userPrincipalName } }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(created.status).toBe(201);
    const joinUrl = created.body.onlineMeeting.joinUrl as string;
    const filter = encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`);
    const found = await dt.graph('GET', `/users/${organizer.id}/onlineMeetings?$filter=${filter}`);
    expect(found.status).toBe(200);
    // The published example's participants carry roles and more collections; what Reciprocal reads is compared.
    const meeting = published('graph.onlineMeetings.filterJoinWebUrl.response.json').value[0];
    const { id, joinWebUrl, startDateTime, endDateTime, creationDateTime } = meeting;
    expect(
      shapeDifferences({ id, joinWebUrl, startDateTime, endDateTime, creationDateTime }, found.body.value[0]),
    ).toEqual([]);

    const joins = [organizer, attendee].map((u) => ({
      user: u.id,
      joinDateTime: '2026-03-02T10:01:00Z',
      leaveDateTime: '2026-03-02T10:29:00Z',
    }));
    const reportId = recordMeetingAttendance(store, joinUrl, joins);
    const base = `/users/${organizer.id}/onlineMeetings/${found.body.value[0].id}/attendanceReports`;
    const list = await dt.graph('GET', base);
    expect(list.status).toBe(200);
    expect(shapeDifferences(published('graph.meetingAttendanceReports.list.response.json'), list.body)).toEqual([]);
    const one = await dt.graph('GET', `${base}/${reportId}?$expand=attendanceRecords`);
    expect(one.status).toBe(200);
    expect(shapeDifferences(published('graph.meetingAttendanceReport.get.response.json'), one.body)).toEqual([]);
    expect(one.body.attendanceRecords.map((r: { identity: { id: string } }) => r.identity.id).sort()).toEqual(
      [organizer.id, attendee.id].sort(),
    );
  });

  it('refuses the reports to anyone but the organizer, and without OnlineMeetingArtifact.Read.All', async () => {
    const [organizer, attendee] = [dt.users[7]!, dt.users[8]!];
    const created = await dt.graph('POST', `/users/${organizer.id}/events`, {
      start: { dateTime: '2026-03-03T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-03T10:30:00', timeZone: 'UTC' },
      attendees: [{ type: 'required', emailAddress: { address: attendee.userPrincipalName } }],
      isOnlineMeeting: true,
    });
    const filter = encodeURIComponent(`JoinWebUrl eq '${created.body.onlineMeeting.joinUrl}'`);
    const meetingId = (await dt.graph('GET', `/users/${organizer.id}/onlineMeetings?$filter=${filter}`)).body.value[0]
      .id;
    expect((await dt.graph('GET', `/users/${attendee.id}/onlineMeetings/${meetingId}/attendanceReports`)).status).toBe(
      404,
    );
    const res = await fetch(`${dt.url}/_admin/app-registration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...dt.options.appRegistration,
        applicationPermissions: dt.options.appRegistration!.applicationPermissions!.filter(
          (p) => p !== 'OnlineMeetingArtifact.Read.All',
        ),
      }),
    });
    expect(res.status).toBe(200);
    const token = await dt.appToken();
    const denied = await fetch(`${dt.url}/v1.0/users/${organizer.id}/onlineMeetings/${meetingId}/attendanceReports`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(denied.status).toBe(403);
  });
});
