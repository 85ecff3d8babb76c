// Telemetry end to end: a journey (book a session, save a note, search from the
// message extension, a throttled Graph call) with spans captured by an
// in-memory exporter behind the same PersonalDataGuard Application Insights
// gets. Spans name routes, statuses and counts; no note text, email or name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { context, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pair, Participant } from '../../src/core/schemas.js';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { embeddedDefaults } from '../../server/config.js';
import { PersonalDataGuard, traceJob, tracerName } from '../../server/telemetry.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { devConnectorUrl, sendAsChannel } from '../support/channel.js';
import type { DemoUser } from '../support/devtenant.js';

const sentinel = 'SENTINEL-NOTE-7f3a: taught the discharge planning shortcut';
const exporter = new InMemorySpanExporter();
const contextManager = new AsyncLocalStorageContextManager().enable();
const provider = new BasicTracerProvider({
  spanProcessors: [new PersonalDataGuard(), new SimpleSpanProcessor(exporter)],
});
const dayMs = 24 * 3_600_000;
const pairId = 'pair-telemetry-test';

let t: TestApp;
let a: DemoUser;
let b: DemoUser;

const spans = () => exporter.getFinishedSpans();
const dump = (s: ReadableSpan) =>
  JSON.stringify({ name: s.name, attributes: s.attributes, events: s.events, status: s.status });

beforeAll(async () => {
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(provider);
  t = await startTestApp();
  await seedDemoProgramFor(t.app, t.devTenant);
  const participants = t.users.filter((u) => u.roles.includes('Participant') && !u.roles.includes('ProgramOwner'));
  const zone = participants.find((u) => participants.filter((v) => v.timeZone === u.timeZone).length >= 2)!.timeZone;
  [a, b] = participants.filter((u) => u.timeZone === zone) as [DemoUser, DemoUser];
  const member = (u: DemoUser): Participant => ({
    userId: u.id,
    displayName: u.displayName,
    mail: u.userPrincipalName,
    department: u.department,
    careerStage: u.careerStage,
    timeZone: u.timeZone,
  });
  const pair: Pair = {
    id: pairId,
    members: [member(a), member(b)].sort((x, y) => x.userId.localeCompare(y.userId)) as [Participant, Participant],
    cadence: 'weekly',
    durationMinutes: 30,
    status: 'active',
    startedOn: new Date().toISOString(),
    endedOn: null,
  };
  await journey(pair);
}, 120_000);
afterAll(async () => {
  await t?.close();
  trace.disable();
  context.disable();
});

let botAnswer = 0;

/** A Graph read while the dev tenant answers every call with 429. */
async function throttledRead(): Promise<void> {
  const faults = (probability429: number) =>
    fetch(`${t.devTenantUrl}/_admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ probability429, retryAfterSeconds: 0 }),
    });
  expect((await faults(1)).status).toBe(200);
  try {
    await t.app.services.graph.client
      .api(`/users/${a.id}`)
      .get()
      .catch(() => undefined);
  } finally {
    await faults(0);
  }
}

async function journey(pair: Pair): Promise<void> {
  botAnswer = (await sendAsChannel({ appUrl: t.appUrl, devTenantUrl: t.devTenantUrl }, searchInvoke(a))).status;
  await throttledRead();
  // A note on a session already held (the seeded history), as its author.
  const store = t.app.services.store;
  const held = (await store.allSessions()).find((x) => Date.parse(x.start) < Date.now() && x.pairId !== pairId)!;
  const heldPair = (await store.allPairs()).find((p) => p.id === held.pairId)!;
  const author = heldPair.members[0].mail;
  const save = (headers: Record<string, string>) =>
    t.request(`/api/sessions/${encodeURIComponent(held.id)}/notes/me`, {
      as: author,
      method: 'PUT',
      headers,
      body: { taught: sentinel, learned: sentinel, actionItems: [], focusAreas: ['technology-adoption'] },
    });
  // The seeded history may hold a note already: save over it with its etag.
  const first = await save({});
  const saved = first.status === 412 ? await save({ 'If-Match': first.body.error.details.etag }) : first;
  expect(saved.status, saved.text).toBeLessThan(300);
  await t.app.services.store.createPair(pair);
  const start = Math.floor(Date.now() / dayMs) * dayMs + 2 * dayMs;
  const window = { windowStart: new Date(start).toISOString(), windowEnd: new Date(start + 7 * dayMs).toISOString() };
  const slots = await t.request(`/api/pairs/${pairId}/slots`, {
    as: a.userPrincipalName,
    body: { durationMinutes: 30, ...window },
  });
  expect(slots.status).toBe(200);
  const session = { durationMinutes: 30, direction: 'reverse', focusAreas: ['technology-adoption'] };
  const start0 = slots.body.suggestions[0].start as string;
  const booked = await t.request(`/api/pairs/${pairId}/sessions`, {
    as: a.userPrincipalName,
    body: { ...session, start: start0 },
  });
  expect(booked.status).toBe(201);
  await departmentJob(a.department);
}

/** A department scheduling run (a dry run) through the API, polled to its end. */
async function departmentJob(department: string): Promise<void> {
  const owner = t.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const started = await t.request('/api/program/schedule-department', {
    as: owner,
    body: { department, dryRun: true },
  });
  expect(started.status).toBe(202);
  for (let polls = 0; polls < 300; polls++) {
    const job = await t.request(`/api/program/jobs/${started.body.id}`, { as: owner });
    if (job.body.status !== 'running') return void expect(job.body.status).toBe('done');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the department scheduling job did not finish');
}

const contracts = path.resolve(__dirname, '../../../shared/contracts/teams');
const searchInvoke = (user: DemoUser) => {
  const published = JSON.parse(readFileSync(path.join(contracts, 'teams.composeExtension.query.invoke.json'), 'utf8'));
  return {
    ...published,
    type: 'invoke',
    channelId: 'msteams',
    serviceUrl: devConnectorUrl(t.devTenantUrl),
    from: { id: '29:telemetry', name: user.displayName, aadObjectId: user.id },
    recipient: { id: `28:${embeddedDefaults.botId}`, name: 'Reciprocal' },
    conversation: { ...published.conversation, tenantId: embeddedDefaults.tenantId },
    channelData: { ...published.channelData, tenant: { id: embeddedDefaults.tenantId } },
    value: {
      commandId: 'searchPairs',
      parameters: [{ name: 'searchKeywords', value: sentinel }],
      queryOptions: { skip: 0, count: 25 },
    },
  };
};

describe('spans of a journey', () => {
  it('has one server span per API request, named by the route shape, with its status', () => {
    const booking = spans().find((s) => s.name === `POST /api/pairs/${pairId}/sessions`);
    expect(booking?.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.response.status_code': 201 });
    const notes = spans().filter((s) => s.name === 'PUT /api/sessions/{id}/notes/me');
    expect(notes.map((s) => s.attributes['http.response.status_code'])).toContain(200);
  });

  it('has a span per Graph call with its masked path, status, throttling flag and retry count, inside its request', () => {
    const create = spans().find((s) => /^graph POST \/v1\.0\/users\/\{id\}(\/calendar)?\/events$/.test(s.name));
    expect(create?.attributes).toMatchObject({ 'graph.method': 'POST', 'graph.status': 201, 'graph.retry_count': 0 });
    expect(create?.attributes['graph.throttled']).toBe(false);
    const booking = spans().find((s) => s.name === `POST /api/pairs/${pairId}/sessions`)!;
    expect(create!.parentSpanContext?.spanId).toBeDefined();
    expect(create!.spanContext().traceId).toBe(booking.spanContext().traceId);
  });

  it('records the retries of a throttled Graph call', () => {
    const call = spans().find((s) => s.name === 'graph GET /v1.0/users/{id}' && s.attributes['graph.throttled']);
    expect(call?.attributes['graph.retry_count']).toBeGreaterThan(0);
    expect(call?.attributes['graph.status']).toBe(429);
  });

  it('has a span per bot activity naming its kind, not who sent it or what they typed', () => {
    expect(botAnswer).toBe(200);
    const activity = spans().find((s) => s.name === 'bot invoke composeExtension/query');
    expect(activity?.attributes).toMatchObject({
      'bot.activity.type': 'invoke',
      'bot.activity.name': 'composeExtension/query',
      'bot.channel': 'msteams',
    });
  });

  it('has one span per department scheduling job, with progress events and its end, counts only', () => {
    const job = spans().find((s) => s.name === 'job department-scheduling');
    expect(job?.attributes).toMatchObject({ 'job.kind': 'department-scheduling', 'job.status': 'done' });
    expect(job!.events.length).toBeGreaterThan(0);
    for (const e of job!.events)
      expect(Object.keys(e.attributes ?? {}).sort()).toEqual(['job.not_scheduled', 'job.scheduled', 'job.total']);
    expect(job!.attributes['job.total']).toBeGreaterThan(0);
  });

  it('never exports the note text, a demo user email or a display name, in any span', () => {
    const exported = spans().map(dump).join('\n');
    expect(spans().length).toBeGreaterThan(0);
    expect(exported).not.toContain('SENTINEL-NOTE');
    for (const user of t.users) {
      expect(exported).not.toContain(user.userPrincipalName);
      expect(exported).not.toContain(user.displayName);
    }
  });
});

describe('PersonalDataGuard', () => {
  const capture = (fill: (span: Span) => void): ReadableSpan => {
    exporter.reset();
    const span = trace.getTracer(tracerName).startSpan('probe');
    fill(span);
    span.end();
    return spans()[0]!;
  };

  it('drops attributes that carry an email, a token, a query string or note-length text', () => {
    const s = capture((span) =>
      span.setAttributes({
        'graph.path': '/users/alice@contoso.com/events',
        'url.path': '/api/pairs?search=alice',
        'http.route': 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
        'graph.method': 'x'.repeat(500),
        'http.response.status_code': 200,
      }),
    );
    expect(s.attributes).toEqual({ 'http.response.status_code': 200 });
  });

  it('drops attributes outside the allowed set, event details and status messages', () => {
    const s = capture((span) => {
      span.setAttributes({ 'enduser.id': 'alice', 'user_agent.original': 'Teams', 'http.request.method': 'GET' });
      span.addEvent('note saved', { text: sentinel, 'job.total': 3 });
      span.setStatus({ code: 2, message: `failed for bob@contoso.com: ${sentinel}` });
    });
    expect(s.attributes).toEqual({ 'http.request.method': 'GET' });
    expect(s.events[0]!.attributes).toEqual({ 'job.total': 3 });
    expect(s.status.message).toBeUndefined();
    expect(dump(s)).not.toContain('SENTINEL');
  });

  it('renames a span whose name carries an email', () => {
    expect(capture(() => undefined).name).toBe('probe');
    exporter.reset();
    trace.getTracer(tracerName).startSpan('GET /users/alice@contoso.com').end();
    expect(spans()[0]!.name).toBe('span');
  });
});

describe('job progress', () => {
  it('is one span per job with a progress event per report, counts only', () => {
    exporter.reset();
    const job = traceJob('schedule-department');
    job.progress({ scheduled: 0, notScheduled: 0, total: 3 });
    job.progress({ scheduled: 2, notScheduled: 1, total: 3 });
    job.end('done');
    const [span] = spans();
    expect(span!.name).toBe('job schedule-department');
    expect(span!.events.map((e) => e.attributes)).toEqual([
      { 'job.total': 3, 'job.scheduled': 0, 'job.not_scheduled': 0 },
      { 'job.total': 3, 'job.scheduled': 2, 'job.not_scheduled': 1 },
    ]);
    expect(span!.attributes['job.status']).toBe('done');
  });
});
