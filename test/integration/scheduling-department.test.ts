// Bulk scheduling through the API against the dev tenant with injected
// throttling: every pair gets exactly one meeting, nobody is double-booked by
// the run, and running it again creates nothing new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pair } from '../../src/core/schemas.js';
import { transactionIdFor } from '../../server/graph/calendar.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { departmentPairs, syntheticDepartment, type JobView } from '../support/departmentJobs.js';
import { startTestDevTenant, type DemoUser } from '../support/devtenant.js';

let t: TestApp;
let owner: DemoUser;
let participant: DemoUser;
let department: string;
let pairs: Pair[];
const dayMs = 24 * 3_600_000;

async function runJob(body: unknown): Promise<JobView> {
  // Starting a job twice is harmless (the run is idempotent), so a request cut off by a restart is simply sent again.
  const post = () => t.request('/api/program/schedule-department', { as: owner.userPrincipalName, body });
  const started = await post().catch(post);
  expect(started.status).toBe(202);
  expect(started.headers.get('location')).toBe(`/api/program/jobs/${started.body.id}`);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const job = await t.request(`/api/program/jobs/${started.body.id}`, { as: owner.userPrincipalName });
    expect(job.status).toBe(200);
    if (job.body.status !== 'running') return job.body as JobView;
    if (Date.now() > deadline) throw new Error('the scheduling job did not finish in 90 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  const devTenant = await startTestDevTenant();
  const made = await syntheticDepartment(devTenant, { count: 200, seed: 11 });
  const everyone = made.everyone;
  t = await startTestApp({ devTenant });
  owner = everyone.find((u) => u.roles.includes('ProgramOwner'))!;
  participant = everyone.find((u) => u.roles.includes('Participant') && !u.roles.includes('ProgramOwner'))!;
  department = made.department;
  // 50 pairs among the department's synthetic people: most people are in more than one pair.
  expect(made.people.length).toBeGreaterThanOrEqual(30);
  pairs = departmentPairs(made.people, 50, 'bulk');
  expect(pairs).toHaveLength(50);
  for (const p of pairs) await t.app.services.store.createPair(p);
}, 120_000);
afterAll(() => t?.close());

describe('POST /api/program/schedule-department', () => {
  it('is for the program owner only, and validates its body', async () => {
    expect(
      (await t.request('/api/program/schedule-department', { as: participant.userPrincipalName, body: { department } }))
        .status,
    ).toBe(403);
    const bad = await t.request('/api/program/schedule-department', {
      as: owner.userPrincipalName,
      body: { department: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.department');
    expect((await t.request('/api/program/jobs/no-such-job', { as: owner.userPrincipalName })).status).toBe(404);
  });

  it('in a dry run places every pair without booking anything', async () => {
    t.devTenant.resetStats();
    const job = await runJob({ department, dryRun: true });
    expect(job.status).toBe('done');
    const mine = job.result!.scheduled.filter((s) => s.pairId.startsWith('bulk-'));
    expect(mine).toHaveLength(50);
    expect(mine.every((s) => s.sessionId === null && s.eventId === null)).toBe(true);
    expect(t.devTenant.stats().byKind['events.create'] ?? 0).toBe(0);
  });

  it('books 50 pairs under 20% 429s and 5% 503s: one meeting each, nobody double-booked, a rerun creates nothing', async () => {
    t.devTenant.setFaults({ probability429: 0.2, probability503: 0.05, retryAfterSeconds: 0, randomSeed: 7 });
    t.devTenant.resetStats();
    const first = await runJob({ department });
    expect(first.status).toBe('done');
    expect(t.devTenant.stats().throttled).toBeGreaterThan(10);
    // Whatever throttling outlasted the retry budget is reported by pair with the reason; a second run finishes those.
    for (const f of first.result!.notScheduled.filter((n) => n.pairId.startsWith('bulk-')))
      expect(f.reason).toMatch(/throttl|no common|free\/busy/);
    const second = await runJob({ department });
    expect(second.status).toBe('done');
    t.devTenant.setFaults({ probability429: 0, probability503: 0 });

    const booked = second.result!.scheduled.filter((s) => s.pairId.startsWith('bulk-'));
    const firstBooked = new Set(
      first.result!.scheduled.filter((s) => s.pairId.startsWith('bulk-')).map((s) => s.pairId),
    );
    expect(
      booked.length +
        second.result!.notScheduled.filter((n) => n.pairId.startsWith('bulk-') && /no common/.test(n.reason)).length,
    ).toBe(50);
    expect(booked.length).toBeGreaterThanOrEqual(45);
    for (const s of booked) if (firstBooked.has(s.pairId)) expect(s.alreadyBooked, s.pairId).toBe(true);

    // Exactly one event per pair and occurrence on the organizer's calendar, found by transactionId.
    const occurrence = second.result!.window.start.slice(0, 10);
    const { start, end } = second.result!.window;
    for (const s of booked) {
      const pair = pairs.find((p) => p.id === s.pairId)!;
      const view = await t.devTenant.graph(
        'GET',
        `/users/${pair.members[0].userId}/calendarView?startDateTime=${start}&endDateTime=${end}&$top=500`,
      );
      expect(view.status).toBe(200);
      const events = (view.body.value as Array<{ id: string; transactionId: string | null }>).filter(
        (e) => e.transactionId === transactionIdFor(pair.id, occurrence),
      );
      expect(
        events.map((e) => e.id),
        pair.id,
      ).toEqual([s.eventId]);
    }

    // Nobody is in two of the run's sessions at once.
    const byPerson = new Map<string, Array<{ start: number; end: number; pairId: string }>>();
    for (const s of booked) {
      for (const m of pairs.find((p) => p.id === s.pairId)!.members)
        byPerson.set(m.userId, [
          ...(byPerson.get(m.userId) ?? []),
          { start: Date.parse(s.start), end: Date.parse(s.end), pairId: s.pairId },
        ]);
    }
    expect([...byPerson.values()].some((list) => list.length > 1)).toBe(true);
    for (const [who, list] of byPerson) {
      const sorted = list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i]!.start, `${who}: ${sorted[i - 1]!.pairId} and ${sorted[i]!.pairId}`).toBeGreaterThanOrEqual(
          sorted[i - 1]!.end,
        );
    }
    expect(
      booked.every((s) => Date.parse(s.start) >= Date.parse(start) && Date.parse(s.end) <= Date.parse(end) + dayMs),
    ).toBe(true);

    // A third run (say, after a restart) books nothing new.
    await t.restart();
    t.devTenant.resetStats();
    const third = await runJob({ department });
    expect(third.result!.scheduled.filter((s) => s.pairId.startsWith('bulk-')).every((s) => s.alreadyBooked)).toBe(
      true,
    );
    expect(t.devTenant.stats().byKind['events.create'] ?? 0).toBe(0);
  }, 180_000);

  it('refuses to start a job, saying Microsoft 365 is throttling, when the tenant stays throttled past the budget', async () => {
    // A Retry-After longer than the whole retry budget: the gateway gives up at once, before the job is recorded.
    t.devTenant.setFaults({ probability429: 1, retryAfterSeconds: 31 });
    try {
      const res = await t.request('/api/program/schedule-department', {
        as: owner.userPrincipalName,
        body: { department },
      });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('throttled');
      expect(res.headers.get('retry-after')).toBe('31');
    } finally {
      t.devTenant.setFaults({ probability429: 0, retryAfterSeconds: 1 });
    }
  });
});
