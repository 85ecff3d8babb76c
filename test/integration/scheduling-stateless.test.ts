// Stateless instances: a department scheduling job is a record in the tenant,
// so any instance answers for it and continues it; /healthz names the build,
// /readyz says whether the instance can serve; a shutdown drains requests and
// hands the job on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pair } from '../../src/core/schemas.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  departmentPairs,
  eventsOfOccurrence,
  syntheticDepartment,
  untilFinished,
  type JobView,
} from '../support/departmentJobs.js';
import { startTestDevTenant, type DemoUser, type TestDevTenant } from '../support/devtenant.js';

let devTenant: TestDevTenant;
let first: TestApp;
let second: TestApp;
let owner: DemoUser;
let department: string;
let pairs: Pair[];

const poll = (app: TestApp, id: string) => () =>
  app.request(`/api/program/jobs/${id}`, { as: owner.userPrincipalName }) as Promise<{ status: number; body: JobView }>;

beforeAll(async () => {
  devTenant = await startTestDevTenant();
  const made = await syntheticDepartment(devTenant, { count: 120, seed: 23 });
  department = made.department;
  owner = made.everyone.find((u) => u.roles.includes('ProgramOwner'))!;
  first = await startTestApp({ devTenant });
  second = await startTestApp({ devTenant });
  pairs = departmentPairs(made.people, 30, 'stateless');
  expect(pairs).toHaveLength(30);
  for (const p of pairs) await first.app.services.store.createPair(p);
}, 120_000);
let firstStopped = false;
afterAll(async () => {
  if (!firstStopped) await first?.close();
  await second?.close();
  await devTenant?.close();
});

describe('department scheduling jobs live in the tenant', () => {
  it('a job started on one instance is answered, and finished, on another', async () => {
    const started = await first.request('/api/program/schedule-department', {
      as: owner.userPrincipalName,
      body: { department, dryRun: true },
    });
    expect(started.status).toBe(202);
    const job = await untilFinished(poll(second, started.body.id));
    expect(job.status).toBe('done');
    expect(job.result!.scheduled.filter((s) => s.pairId.startsWith('stateless-'))).toHaveLength(30);
    // Both instances tell the same story.
    expect((await poll(first, started.body.id)()).body).toEqual(job);
  }, 60_000);

  it('a job whose instance shuts down mid-run is resumed by another, with one meeting per pair', async () => {
    devTenant.setFaults({ latencyMs: 100 });
    try {
      const started = await first.request('/api/program/schedule-department', {
        as: owner.userPrincipalName,
        body: { department },
      });
      expect(started.status).toBe(202);
      // Once a few pairs are booked, the first instance shuts down (SIGTERM: drain, give the lease up).
      let before = (await poll(second, started.body.id)()).body;
      while (before.status === 'running' && before.scheduled < 2) {
        await new Promise((r) => setTimeout(r, 50));
        before = (await poll(second, started.body.id)()).body;
      }
      await first.stop();
      firstStopped = true;
      const after = (await poll(second, started.body.id)()).body;
      expect(after.status, 'the job was still under way when its instance stopped').toBe('running');
      expect(after.scheduled + after.failed.length).toBeLessThan(after.total);

      const job = await untilFinished(poll(second, started.body.id));
      expect(job.status).toBe('done');
      const mine = job.result!.scheduled.filter((s) => s.pairId.startsWith('stateless-'));
      expect(mine.length).toBeGreaterThanOrEqual(28);
      for (const s of mine) {
        const pair = pairs.find((p) => p.id === s.pairId)!;
        expect(await eventsOfOccurrence(devTenant, pair, job.result!.window), pair.id).toEqual([s.eventId]);
      }
    } finally {
      devTenant.setFaults({ latencyMs: 0 });
    }
  }, 120_000);
});
