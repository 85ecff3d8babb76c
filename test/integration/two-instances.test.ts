// Two app instances (processes) against one dev tenant behind a round-robin
// proxy, as App Service runs a scaled-out app: the tab's API journeys pass
// through it, and a department scheduling job started on one instance is
// polled on both and finishes after the first is killed mid-job, with no
// duplicate meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/client/api.js';
import type { Pair } from '../../src/core/schemas.js';
import { spawnAppInstance, type AppInstance } from '../support/appInstances.js';
import { startTestApp } from '../support/app.js';
import { departmentPairs, eventsOfOccurrence, syntheticDepartment, type JobView } from '../support/departmentJobs.js';
import { startTestDevTenant, type DemoUser, type TestDevTenant } from '../support/devtenant.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/roundRobinProxy.js';
import { createTestPair } from '../support/pairs.js';

let devTenant: TestDevTenant;
let a: AppInstance;
let b: AppInstance;
let proxy: RoundRobinProxy;
let owner: DemoUser;
let department: string;
let pairs: Pair[];
let journeyPair: Pair;
let member: DemoUser;

beforeAll(async () => {
  devTenant = await startTestDevTenant();
  const made = await syntheticDepartment(devTenant, { count: 120, seed: 37 });
  department = made.department;
  owner = made.everyone.find((u) => u.roles.includes('ProgramOwner'))!;
  pairs = departmentPairs(made.people, 30, 'scaled');
  // The pairs are made through one short-lived in-process app; the instances under test start after.
  const seeding = await startTestApp({ devTenant });
  for (const p of pairs) await seeding.app.services.store.createPair(p);
  const participants = made.everyone.filter(
    (u) =>
      u.roles.includes('Participant') &&
      !u.roles.includes('ProgramOwner') &&
      !u.userPrincipalName.startsWith('synthetic'),
  );
  member = participants[0]!;
  journeyPair = await createTestPair(seeding, 'pair-scaled-journey', [member, participants[1]!]);
  await seeding.close();
  [a, b] = await Promise.all([spawnAppInstance(devTenant), spawnAppInstance(devTenant)]);
  proxy = await startRoundRobinProxy([a.url, b.url]);
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.allSettled([a?.kill(), b?.kill()]);
  await devTenant?.close();
});

const tokenOf = (upn: string) => devTenant.tokenFor(upn);

async function call(base: string, path: string, as: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${await tokenOf(as)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as JobView, servedBy: res.headers.get('x-served-by') };
}

describe('two instances behind a round-robin proxy', () => {
  it("the tab's API journeys pass through it, answered by both instances", async () => {
    const api = new ApiClient(
      { kind: 'dev-sign-in', getToken: () => tokenOf(member.userPrincipalName) },
      { baseUrl: proxy.url },
    );
    expect((await api.me()).id).toBe(member.id);
    expect((await api.pairs()).map((s) => s.pair.id)).toContain(journeyPair.id);
    expect((await api.pair(journeyPair.id)).pair.id).toBe(journeyPair.id);
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCHours(0, 0, 0, 0);
    const { suggestions } = await api.slots(journeyPair.id, {
      durationMinutes: 30,
      windowStart: start.toISOString(),
      windowEnd: new Date(start.getTime() + 6 * 86_400_000).toISOString(),
    });
    expect(suggestions.length).toBeGreaterThan(0);
    const booked = await api.book(journeyPair.id, {
      start: suggestions[0]!.start,
      durationMinutes: 30,
      direction: 'both',
      focusAreas: ['leadership'],
      occurrences: 1,
    });
    const sessionId = booked.sessions[0]!.session.id;
    expect((await api.session(sessionId)).session.id).toBe(sessionId);
    const saved = await api.saveNote(
      sessionId,
      {
        taught: 'Escalation paths',
        learned: 'Shared calendars',
        actionItems: [],
        focusAreas: [],
        phiConfirmations: [],
      },
      null,
    );
    // The next save, with the eTag the first answer gave, lands on whichever instance is next.
    const again = await api.saveNote(
      sessionId,
      { ...saved.note, learned: 'Shared calendars, and delegates' },
      saved.etag,
    );
    expect(again.note.version).toBe(2);
    const served = proxy.served();
    expect(served[a.url]).toBeGreaterThan(2);
    expect(served[b.url]).toBeGreaterThan(2);
  }, 60_000);

  it('a job started on one instance is polled on both and finishes after that instance is killed mid-job, with no duplicate meeting', async () => {
    devTenant.setFaults({ latencyMs: 100 });
    try {
      const started = await call(a.url, '/api/program/schedule-department', owner.userPrincipalName, { department });
      expect(started.status).toBe(202);
      const poll = (base: string) => call(base, `/api/program/jobs/${started.body.id}`, owner.userPrincipalName);

      const pollers = new Set<string>();
      let job = (await poll(proxy.url)).body;
      while (job.status === 'running' && job.scheduled < 2) {
        const res = await poll(proxy.url);
        expect(res.status).toBe(200);
        pollers.add(res.servedBy!);
        job = res.body;
      }
      expect([...pollers].sort()).toEqual([a.url, b.url].sort());
      await a.kill();
      const afterKill = (await poll(b.url)).body;
      expect(afterKill.status, 'the job was still under way when its instance died').toBe('running');
      expect(afterKill.scheduled + afterKill.failed.length).toBeLessThan(afterKill.total);

      // B takes the lease over once it expires, and finishes the job.
      const deadline = Date.now() + 120_000;
      do {
        await new Promise((r) => setTimeout(r, 250));
        const res = await poll(proxy.url);
        expect(res.status).toBe(200);
        expect(res.servedBy).toBe(b.url);
        job = res.body;
      } while (job.status === 'running' && Date.now() < deadline);
      expect(job.status).toBe('done');
      const booked = job.result!.scheduled.filter((s) => s.pairId.startsWith('scaled-'));
      expect(booked.length).toBeGreaterThanOrEqual(28);
      // Exactly one meeting per pair, counted by transactionId on the organizer's calendar.
      for (const s of booked) {
        const pair = pairs.find((p) => p.id === s.pairId)!;
        expect(await eventsOfOccurrence(devTenant, pair, job.result!.window), pair.id).toEqual([s.eventId]);
      }
    } finally {
      devTenant.setFaults({ latencyMs: 0 });
    }
  }, 240_000);
});
