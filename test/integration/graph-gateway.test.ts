// The Graph gateway against the dev tenant over HTTPS: retries honouring
// Retry-After with a bounded budget, $batch item retries, the per-mailbox
// limit, free/busy at the floor, idempotent session events; and against a
// fake Graph that stalls: explicit timeouts end as retried 504s, never a thrown fetch.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphError } from '@microsoft/microsoft-graph-client';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freeBusyFloor } from '../../src/core/scheduling/chunking.js';
import { toMinuteRanges } from '../../src/core/scheduling/minuteRanges.js';
import { BatchExecutor } from '../../server/graph/batch.js';
import {
  cancelSessionEvent,
  createSessionEvent,
  freeBusy,
  freeBusyAvailability,
  freeBusyMinutes,
  moveSessionEvent,
  pairPropertyId,
  transactionIdFor,
} from '../../server/graph/calendar.js';
import { createGraphClient, type GraphClientOptions } from '../../server/graph/client.js';
import { throttledErrorCode } from '../../server/graph/middleware/throttlingRetry.js';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';

let tenant: TestDevTenant;
let ca: string;
let people: Array<{ id: string; userPrincipalName: string }>;
const dayMs = 24 * 3_600_000;

function gateway(overrides: Partial<GraphClientOptions> = {}) {
  return createGraphClient({
    baseUrl: `${tenant.httpsUrl}/v1.0`,
    getAccessToken: () => tenant.appToken(),
    logger: pino({ level: 'silent' }),
    trustedCaPem: ca,
    retry: { budgetMs: 10_000, baseDelayMs: 20, maxRetries: 8 },
    ...overrides,
  });
}

beforeAll(async () => {
  tenant = await startTestDevTenant();
  ca = readFileSync(tenant.tlsCertificatePath, 'utf8');
  const res = await fetch(`${tenant.url}/_admin/synthetic-people`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: 400, weeks: 2, seed: 7 }),
  });
  expect(res.status).toBe(200);
  people = [
    ...tenant.users,
    ...((await res.json()) as { users: Array<{ id: string; userPrincipalName: string }> }).users,
  ];
});
afterAll(() => tenant?.close());
beforeEach(() => {
  tenant.setFaults({
    probability429: 0,
    probability503: 0,
    latencyMs: 0,
    retryAfterSeconds: 1,
    mailboxConcurrencyLimit: 4,
    randomSeed: 42,
  });
  tenant.resetStats();
});

const calendarView = (who: string) =>
  `/users/${who}/calendarView?startDateTime=${new Date(Date.now()).toISOString()}&endDateTime=${new Date(Date.now() + 7 * dayMs).toISOString()}`;

describe('retries', () => {
  it.each([
    [429, { probability429: 1 }],
    [503, { probability503: 1 }],
  ])('waits out %i as long as Retry-After says, then succeeds', async (_status, faults) => {
    const g = gateway();
    tenant.setFaults({ ...faults, retryAfterSeconds: 0.5 });
    setTimeout(() => tenant.setFaults({ probability429: 0, probability503: 0 }), 750);
    const started = Date.now();
    const body = await g.client.api(calendarView(people[0]!.id)).get();
    expect(Array.isArray(body.value)).toBe(true);
    // Faults clear at 0.75 s. Waiting 0.5 s between tries takes 2-3 tries; backoff alone (20 ms, doubling) would have taken 6 or more.
    const tries = tenant.stats().requests;
    expect(tries).toBeGreaterThanOrEqual(2);
    expect(tries).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
  });

  it('gives up once the budget is spent, with an error that says so', async () => {
    const g = gateway({ retry: { budgetMs: 1_000, baseDelayMs: 20, maxRetries: 50 } });
    tenant.setFaults({ probability429: 1, retryAfterSeconds: 0.3 });
    const started = Date.now();
    const err = await g.client
      .api(calendarView(people[0]!.id))
      .get()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).statusCode).toBe(429);
    expect((err as GraphError).code).toBe(throttledErrorCode);
    const tries = Number(
      /gave up after (\d+) tries in [\d.]+ s \(retry budget 1\.0 s/.exec((err as GraphError).message)?.[1],
    );
    // Waiting 0.3 s each time fits 3 or 4 tries in 1 s (backoff alone would have made 50).
    expect(tries).toBeGreaterThanOrEqual(3);
    expect(tries).toBeLessThanOrEqual(4);
    expect(tenant.stats().requests).toBe(tries);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe('$batch', () => {
  it('retries the items that come back throttled until every item has its answer', async () => {
    const g = gateway();
    tenant.setFaults({ probability429: 0.3, probability503: 0.1, retryAfterSeconds: 0 });
    const items = people
      .slice(0, 60)
      .map((p, i) => ({ id: String(i), method: 'GET' as const, url: `/users/${p.id}?$select=id,displayName` }));
    const results = await new BatchExecutor(g).run(items);
    expect(results.size).toBe(60);
    for (const [id, r] of results) {
      expect(r.status, `item ${id}`).toBe(200);
      expect((r.body as { id: string }).id).toBe(people[Number(id)]!.id);
    }
    expect([...results.values()].some((r) => r.tries > 1)).toBe(true);
    expect(tenant.stats().throttled).toBeGreaterThan(0);
  });

  it('reports the items still throttled when the budget runs out', async () => {
    const g = gateway({ retry: { budgetMs: 500, baseDelayMs: 20, maxRetries: 50 } });
    const items = people.slice(0, 5).map((p, i) => ({ id: String(i), method: 'GET' as const, url: `/users/${p.id}` }));
    tenant.setFaults({ probability429: 1, retryAfterSeconds: 0.2 });
    const results = await new BatchExecutor(g).run(items);
    expect([...results.values()].every((r) => r.throttled && r.status === 429)).toBe(true);
    await expect(new BatchExecutor(g).runAll(items)).rejects.toThrow(/kept throttling 5 request/);
  });
});

describe('per-mailbox concurrency', () => {
  it('keeps at most 4 requests in flight per mailbox, single and batched, so the tenant never throttles', async () => {
    const g = gateway({ retry: { budgetMs: 0, baseDelayMs: 1, maxRetries: 0 } });
    tenant.setFaults({ latencyMs: 40 });
    const who = people[1]!.id;
    const singles = Array.from({ length: 16 }, () => g.client.api(calendarView(who)).get());
    const batched = new BatchExecutor(g).run(
      Array.from({ length: 12 }, (_, i) => ({ id: String(i), method: 'GET' as const, url: calendarView(who) })),
    );
    await Promise.all([...singles, batched]);
    expect([...(await batched).values()].every((r) => r.status === 200)).toBe(true);
    expect(tenant.stats().throttled).toBe(0);
  });

  it('the tenant does throttle a client that allows more than 4 (the limit is real)', async () => {
    const g = gateway({ retry: { budgetMs: 0, baseDelayMs: 1, maxRetries: 0 }, mailboxConcurrency: 12 });
    await g.client.api(calendarView(people[3]!.id)).get(); // token and connection ready, so the next twelve overlap
    tenant.setFaults({ latencyMs: 300 });
    const who = people[2]!.id;
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => g.client.api(calendarView(who)).get()));
    expect(outcomes.some((o) => o.status === 'rejected' && (o.reason as GraphError).statusCode === 429)).toBe(true);
    expect(tenant.stats().throttled).toBeGreaterThan(0);
  });
});

describe('free/busy', () => {
  it.each([
    [60, 14],
    [400, 14],
    [450, 70],
  ])('asks about %i people over %i days in the floor number of HTTP requests', async (count, days) => {
    const g = gateway();
    const who = people.slice(0, count).map((p) => p.userPrincipalName);
    const start = Math.floor(Date.now() / dayMs) * dayMs + dayMs;
    const schedules = await freeBusy(g, who, { start, end: start + days * dayMs });
    expect(schedules.size).toBe(count);
    expect(tenant.stats().requests).toBe(freeBusyFloor(count, days));
    expect(tenant.stats().byKind['getSchedule'] ?? tenant.stats().batchItems).toBeGreaterThan(0);
  });

  it('turns responses into working hours and busy time, and names the mailboxes it could not read', async () => {
    const g = gateway();
    const start = Math.floor(Date.now() / dayMs) * dayMs + dayMs;
    // The unknown mailbox comes first, so the request is first anchored on it (404) and asked again from the next person.
    const result = await freeBusyAvailability(g, ['nobody@nowhere.example', people[0]!.userPrincipalName], {
      start,
      end: start + 7 * dayMs,
    });
    const ana = result.people.get(people[0]!.userPrincipalName.toLowerCase())!;
    expect(ana.working.length).toBeGreaterThan(0);
    expect(ana.busy.every((b) => b.end > b.start)).toBe(true);
    expect(result.unavailable.get('nobody@nowhere.example')).toMatch(/could not be found|no free\/busy/);
  });

  it('collects a department straight into minute ranges, the same time as the millisecond ranges, split windows merged', async () => {
    const g = gateway();
    const start = Math.floor(Date.now() / dayMs) * dayMs + dayMs;
    // 70 days: each person's window comes back in two getSchedule parts.
    const window = { start, end: start + 70 * dayMs };
    const who = ['nobody@nowhere.example', ...people.slice(0, 30).map((p) => p.userPrincipalName)];
    const options = { treatTentativeAsBusy: true, bufferMinutes: 5 };
    const [ms, minutes] = [
      await freeBusyAvailability(g, who, window, options),
      await freeBusyMinutes(g, who, window, options),
    ];
    expect([...minutes.people.keys()].sort()).toEqual([...ms.people.keys()].sort());
    expect(minutes.people.size).toBe(30);
    for (const [address, person] of ms.people) {
      expect(minutes.people.get(address)!.working, address).toEqual(toMinuteRanges(person.working, 'inward'));
      expect(minutes.people.get(address)!.busy, address).toEqual(toMinuteRanges(person.busy, 'outward'));
    }
    expect(minutes.unavailable.get('nobody@nowhere.example')).toBe(ms.unavailable.get('nobody@nowhere.example'));
  });

  it('answers throttled (503 with Retry-After) when free/busy stays throttled past the budget', async () => {
    const g = gateway({ retry: { budgetMs: 300, baseDelayMs: 20, maxRetries: 50 } });
    tenant.setFaults({ probability429: 1, retryAfterSeconds: 0.2 });
    const start = Date.now() + dayMs;
    const err = await freeBusy(g, [people[0]!.userPrincipalName], { start, end: start + dayMs }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GraphError);
    expect([429, 503]).toContain((err as GraphError).statusCode);
    expect((err as GraphError).headers?.get('Retry-After')).toBeTruthy();
  });
});

describe('session events', () => {
  it('creates one Teams meeting per transactionId, moves and cancels that same event', async () => {
    const g = gateway();
    const [a, b] = [tenant.users[0]!, tenant.users[1]!];
    const start = Math.floor(Date.now() / dayMs) * dayMs + 3 * dayMs + 15 * 3_600_000;
    const event = {
      organizerId: a.id,
      attendees: [a, b].map((p) => ({ address: p.userPrincipalName, name: p.displayName })),
      subject: 'Reciprocal: test',
      html: '<p>agenda</p>',
      start,
      end: start + 30 * 60_000,
      pairId: 'pair-test',
      occurrence: '2026-01-05',
      transactionId: transactionIdFor('pair-test', '2026-01-05'),
    };
    const first = await createSessionEvent(g.client, event);
    const again = await createSessionEvent(g.client, event);
    expect(again.id).toBe(first.id);
    expect(first.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    const view = async () =>
      (
        await tenant.graph(
          'GET',
          `/users/${a.id}/calendarView?startDateTime=${new Date(start - dayMs).toISOString()}&endDateTime=${new Date(start + 2 * dayMs).toISOString()}&$top=200`,
        )
      ).body.value as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const mine = (await view()).filter((e) => e.transactionId === event.transactionId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.categories).toEqual(['Reciprocal session']);
    expect(mine[0]!.isOnlineMeeting).toBe(true);
    const stored = await tenant.graph(
      'GET',
      `/users/${a.id}/events/${first.id}?$expand=singleValueExtendedProperties($filter=id eq '${pairPropertyId}')`,
    );
    expect(JSON.stringify(stored.body)).toContain('pair-test');

    await moveSessionEvent(g.client, a.id, first.id, start + dayMs, start + dayMs + 30 * 60_000);
    const moved = (await view()).filter((e) => e.transactionId === event.transactionId);
    expect(moved.map((e) => e.id)).toEqual([first.id]);
    expect(Date.parse(`${moved[0]!.start.dateTime}Z`)).toBe(start + dayMs);

    await cancelSessionEvent(g.client, a.id, first.id);
    await cancelSessionEvent(g.client, a.id, first.id); // already gone: still cancelled, no error
    expect((await view()).filter((e) => e.transactionId === event.transactionId)).toHaveLength(0);
  });
});

describe('a Graph that stalls', () => {
  let slow: Server;
  let slowUrl: string;
  let requests = 0;
  const held: ServerResponse[] = [];
  // 'headers': never answers; 'body': sends headers and half a body, then stalls.
  let stall: 'headers' | 'body' = 'headers';

  beforeAll(async () => {
    slow = createServer((req, res) => {
      requests++;
      req.resume();
      held.push(res);
      if (stall === 'body') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"responses": [');
      }
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/v1.0`;
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  });
  beforeEach(() => {
    requests = 0;
  });

  // undici checks its timers about once a second, so a try that times out takes ~1 s here.
  const stalled = (budgetMs = 1_500) =>
    createGraphClient({
      baseUrl: slowUrl,
      getAccessToken: async () => 'token',
      logger: pino({ level: 'silent' }),
      retry: { budgetMs, baseDelayMs: 10, maxRetries: 2 },
      timeouts: { connectMs: 1_000, headersMs: 200, bodyMs: 200 },
    });

  it('turns a request whose answer never starts into a 504 GraphError, retried within the budget', async () => {
    stall = 'headers';
    const err: unknown = await stalled(10_000)
      .client.api('/users/a@contoso.com')
      .get()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).statusCode).toBe(504);
    expect(requests).toBe(3);
  });

  it('turns an answer whose body stalls into a 504 GraphError', async () => {
    stall = 'body';
    const err: unknown = await stalled()
      .client.api('/users/a@contoso.com')
      .get()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).statusCode).toBe(504);
  });

  it('reports a $batch that keeps timing out as items still unanswered, not a thrown fetch failure', async () => {
    stall = 'headers';
    const items = [0, 1].map((i) => ({ id: String(i), method: 'GET' as const, url: `/users/u${i}@contoso.com` }));
    const results = await new BatchExecutor(stalled()).run(items);
    expect([...results.values()].map((r) => [r.status, r.throttled])).toEqual([
      [504, true],
      [504, true],
    ]);
    await expect(new BatchExecutor(stalled()).runAll(items)).rejects.toThrow(/kept throttling 2 request/);
  });
});
