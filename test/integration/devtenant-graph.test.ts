// The dev tenant behaves like Microsoft Graph where Reciprocal depends on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant } from '../../devtenant/index.js';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';

let dt: TestDevTenant;
beforeAll(async () => {
  dt = await startTestDevTenant();
});
afterAll(() => dt?.close());

const event = (transactionId: string, attendee: string) => ({
  subject: 'Reciprocal session',
  start: { dateTime: '2031-02-03T15:00:00', timeZone: 'UTC' },
  end: { dateTime: '2031-02-03T15:30:00', timeZone: 'UTC' },
  attendees: [{ emailAddress: { address: attendee }, type: 'required' }],
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  transactionId,
});

describe('events', () => {
  it("creates an event once per transactionId, with a Teams join link, and puts it on the attendee's calendar", async () => {
    const [organizer, attendee] = [dt.users[3]!, dt.users[4]!];
    const first = await dt.graph(
      'POST',
      `/users/${organizer.id}/events`,
      event('tx-idempotent', attendee.userPrincipalName),
    );
    const retry = await dt.graph(
      'POST',
      `/users/${organizer.id}/events`,
      event('tx-idempotent', attendee.userPrincipalName),
    );
    expect(first.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(first.body.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const view = await dt.graph(
      'GET',
      `/users/${organizer.id}/calendarView?startDateTime=2031-02-03T00:00:00Z&endDateTime=2031-02-04T00:00:00Z`,
    );
    expect(view.body.value.filter((e: { transactionId: string }) => e.transactionId === 'tx-idempotent')).toHaveLength(
      1,
    );
    const schedule = await dt.graph('POST', `/users/${organizer.id}/calendar/getSchedule`, {
      schedules: [attendee.userPrincipalName],
      startTime: { dateTime: '2031-02-03T15:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2031-02-03T16:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 30,
    });
    expect(schedule.body.value[0].availabilityView).toBe('20');
  });

  it('moves and cancels the meeting for the attendee too', async () => {
    const [organizer, attendee] = [dt.users[5]!, dt.users[6]!];
    const created = await dt.graph(
      'POST',
      `/users/${organizer.id}/events`,
      event('tx-move', attendee.userPrincipalName),
    );
    await dt.graph('PATCH', `/users/${organizer.id}/events/${created.body.id}`, {
      start: { dateTime: '2031-02-03T17:00:00', timeZone: 'UTC' },
      end: { dateTime: '2031-02-03T17:30:00', timeZone: 'UTC' },
    });
    const window = '?startDateTime=2031-02-03T00:00:00Z&endDateTime=2031-02-04T00:00:00Z';
    const moved = await dt.graph('GET', `/users/${attendee.id}/calendarView${window}`);
    expect(moved.body.value.find((e: { iCalUId: string }) => e.iCalUId === created.body.iCalUId).start.dateTime).toBe(
      '2031-02-03T17:00:00.0000000',
    );
    expect((await dt.graph('DELETE', `/users/${organizer.id}/events/${created.body.id}`)).status).toBe(204);
    const after = await dt.graph('GET', `/users/${attendee.id}/calendarView${window}`);
    expect(after.body.value.some((e: { iCalUId: string }) => e.iCalUId === created.body.iCalUId)).toBe(false);
  });
});

describe('getSchedule', () => {
  it('enforces 20 schedules and 62 days with Graph-shaped errors, and reports unknown mailboxes per schedule', async () => {
    const anchor = dt.users[0]!.id;
    const window = {
      startTime: { dateTime: '2031-01-01T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2031-01-02T00:00:00', timeZone: 'UTC' },
    };
    const tooMany = await dt.graph('POST', `/users/${anchor}/calendar/getSchedule`, {
      ...window,
      schedules: dt.users.slice(0, 21).map((u) => u.userPrincipalName),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({
      code: 'ErrorInvalidParameter',
      innerError: { 'request-id': expect.any(String) },
    });
    const tooLong = await dt.graph('POST', `/users/${anchor}/calendar/getSchedule`, {
      schedules: [dt.users[1]!.userPrincipalName],
      startTime: window.startTime,
      endTime: { dateTime: '2031-03-15T00:00:00', timeZone: 'UTC' },
    });
    expect(tooLong.status).toBe(400);
    const unknown = await dt.graph('POST', `/users/${anchor}/calendar/getSchedule`, {
      ...window,
      schedules: ['nobody@contosohealth.example'],
    });
    expect(unknown.body.value[0].error).toMatchObject({ responseCode: expect.any(String) });
  });
});

describe('$batch', () => {
  it('returns a 429 item with Retry-After while the other items succeed', async () => {
    dt.setFaults({ probability429: 0.5, randomSeed: 7, retryAfterSeconds: 2 });
    try {
      const requests = Array.from({ length: 10 }, (_, i) => ({
        id: String(i + 1),
        method: 'GET',
        url: `/users/${dt.users[i]!.id}`,
      }));
      let batch;
      // The top-level request can itself be throttled; retry it until the items tell the story.
      for (let i = 0; i < 10; i++) {
        batch = await dt.graph('POST', '/$batch', { requests });
        if (batch.status === 200) break;
      }
      const statuses = batch!.body.responses.map((r: { status: number }) => r.status);
      expect(statuses).toContain(429);
      expect(statuses).toContain(200);
      const throttled = batch!.body.responses.find((r: { status: number }) => r.status === 429);
      expect(throttled.headers['Retry-After']).toBe('2');
      expect(throttled.body.error.code).toBe('TooManyRequests');
    } finally {
      dt.setFaults({ probability429: 0 });
    }
  });

  it('refuses more than 20 requests', async () => {
    const r = await dt.graph('POST', '/$batch', {
      requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users' })),
    });
    expect(r.status).toBe(400);
  });

  it('runs dependent requests in order and fails the dependants of a failure with 424', async () => {
    const r = await dt.graph('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/users/nobody' },
        { id: '2', method: 'GET', url: '/users?$top=1', dependsOn: ['1'] },
      ],
    });
    const byId = Object.fromEntries(r.body.responses.map((x: { id: string; status: number }) => [x.id, x.status]));
    expect(byId).toEqual({ '1': 404, '2': 424 });
  });
});

describe('per-mailbox concurrency', () => {
  it('answers 429 beyond 4 concurrent requests to one mailbox', async () => {
    dt.setFaults({ latencyMs: 150 });
    try {
      const mailbox = dt.users[2]!.id;
      const results = await Promise.all(
        Array.from({ length: 8 }, () => dt.graph('GET', `/users/${mailbox}/mailboxSettings`)),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(4);
      expect(statuses.filter((s) => s === 429)).toHaveLength(4);
      expect(results.find((r) => r.status === 429)!.body.error.code).toBe('ApplicationThrottled');
    } finally {
      dt.setFaults({ latencyMs: 0 });
    }
  });
});

describe('directory', () => {
  it('pages with @odata.nextLink until every user is read', async () => {
    const seen: string[] = [];
    let page = await dt.graph('GET', '/users?$top=25&$select=id,displayName,department');
    seen.push(...page.body.value.map((u: { id: string }) => u.id));
    while (page.body['@odata.nextLink']) {
      page = await dt.graph('GET', page.body['@odata.nextLink'].replace(`${dt.url}/v1.0`, ''));
      seen.push(...page.body.value.map((u: { id: string }) => u.id));
    }
    expect(new Set(seen).size).toBe(dt.users.length);
    expect(page.body.value[0]).toHaveProperty('department');
  });

  it("filters with OData quote escaping (O''Brien)", async () => {
    const r = await dt.graph(
      'GET',
      `/users?$filter=${encodeURIComponent("startswith(displayName,'Siobhan O''Brien')")}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.value.map((u: { displayName: string }) => u.displayName)).toEqual(["Siobhan O'Brien"]);
    const unbalanced = await dt.graph('GET', `/users?$filter=${encodeURIComponent("displayName eq 'O'Brien'")}`);
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body.error.code).toBe('BadRequest');
  });

  it('refuses a Graph call without a valid token', async () => {
    const r = await fetch(`${dt.url}/v1.0/users`, { headers: { authorization: 'Bearer nope' } });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
  });
});

describe('durability', () => {
  it('keeps what was written across a restart', async () => {
    const own = await startTestDevTenant();
    const organizer = own.users[1]!;
    const created = await own.graph(
      'POST',
      `/users/${organizer.id}/events`,
      event('tx-durable', own.users[2]!.userPrincipalName),
    );
    await own.close();
    const again = await startDevTenant({ ...own.options, port: 0, httpsPort: 0 });
    try {
      const token = (await (
        await fetch(`${again.url}/${own.options.tenantId}/oauth2/v2.0/token`, {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: own.options.clientId,
            client_secret: own.options.clientSecret,
            scope: 'https://graph.microsoft.com/.default',
          }),
        })
      ).json()) as { access_token: string };
      const r = await fetch(`${again.url}/v1.0/users/${organizer.id}/events/${created.body.id}`, {
        headers: { authorization: `Bearer ${token.access_token}` },
      });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { transactionId: string }).transactionId).toBe('tx-durable');
    } finally {
      await again.close();
    }
  });
});
