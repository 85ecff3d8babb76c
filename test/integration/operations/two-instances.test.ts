// Two app instances, each its own process, against one dev tenant, with an
// accelerated clock (a simulated week in about 45 s): one is killed (SIGKILL)
// mid-week. Every message planned for the week is sent exactly once, counted
// by key in the dev tenant's channel store; the only ones that may be missing
// are those the killed instance was sending at that moment, which the outbox
// marks `unconfirmed` rather than risk a second copy.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDefaults } from '../../../server/config.js';
import { entriesIn } from '../../../server/program/operations/outbox.js';
import { allBotActivities, cardOf } from '../../support/channel.js';
import { startTestDevTenant, type TestDevTenant } from '../../support/devtenant.js';
import { operationsPorts, storeOn, testClock } from '../../support/operations.js';

const hour = 3_600_000;
const rate = hour / 250; // a simulated hour every 250 ms
const weekStart = Date.parse('2026-03-02T00:00:00Z');
const weekEnd = weekStart + 168 * hour;

let tenant: TestDevTenant;
const children: ChildProcess[] = [];

function instance(name: string, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/operationsInstance.ts')], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env, INSTANCE: name },
    });
    children.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${out}`)), 150_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready ')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}): ${out}`)));
  });
}

const sleepUntil = (wall: number) => new Promise((r) => setTimeout(r, Math.max(0, wall - Date.now())));

beforeAll(async () => {
  tenant = await startTestDevTenant();
}, 30_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await tenant?.close();
});

describe('two app instances, one killed mid-week', () => {
  it('sends every message of the week exactly once', { timeout: 360_000 }, async () => {
    const recipients = tenant.users.slice(0, 2).map((u) => u.id);
    // Each person has the app installed (Teams tells the bot through the channel, once an instance registered).
    for (const id of recipients)
      expect(
        (
          await tenant.graph('POST', `/users/${id}/teamwork/installedApps`, {
            'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/6f1d2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b`,
          })
        ).status,
      ).toBe(201);
    const originFile = path.join(tenant.dataDir, 'clock-origin');
    const env = {
      DEV_TENANT_PORT: new URL(tenant.url).port,
      DEV_TENANT_HTTPS_PORT: new URL(tenant.httpsUrl).port,
      DATA_DIR: path.dirname(tenant.dataDir),
      CA_FILE: tenant.tlsCertificatePath,
      CLOCK_START: String(weekStart),
      CLOCK_ORIGIN_FILE: originFile,
      CLOCK_RATE: String(rate),
      WEEK_END: String(weekEnd),
      RECIPIENTS: recipients.join(','),
      TICK_MS: '1000',
    };
    const [a] = await Promise.all([instance('a', env), instance('b', env)]);
    // The tenant's first tick plans nothing before itself: let it happen while the clock still stands at Monday 00:00.
    const startedPorts = operationsPorts(storeOn(tenant).store, testClock(weekStart));
    await expect
      .poll(async () => (await startedPorts.store.findByKey('SchedulerState', 'lastTick'))?.fields['Value'] ?? null, {
        timeout: 60_000,
        interval: 250,
      })
      .not.toBeNull();
    const origin = Date.now() + 500;
    writeFileSync(originFile, String(origin));

    // Mid-week (Thursday), instance a dies without a chance to record anything.
    await sleepUntil(origin + 84 * 250);
    a.kill('SIGKILL');
    // The week ends, and b catches up and drains the queue.
    await sleepUntil(origin + 168 * 250 + 8_000);

    const ports = operationsPorts(storeOn(tenant).store, testClock(weekEnd + 24 * hour));
    // On a loaded machine the survivor's planning lags the fast clock: wait until it planned past the week.
    await expect
      .poll(
        async () => Date.parse(String((await ports.store.findByKey('SchedulerState', 'lastTick'))?.fields['Value'])),
        { timeout: 90_000, interval: 1000 },
      )
      .toBeGreaterThanOrEqual(weekEnd);
    await expect
      .poll(async () => (await entriesIn(ports, 'queued')).map((e) => `${e.key} ${e.problem ?? ''} ${e.notBefore}`), {
        timeout: 60_000,
        interval: 1000,
      })
      .toEqual([]);
    // What the killed instance had in flight settles once its lease runs out: as unconfirmed, never resent.
    await expect
      .poll(async () => (await entriesIn(ports, 'sending')).map((e) => e.key), { timeout: 90_000, interval: 1000 })
      .toEqual([]);
    const unconfirmed = new Set((await entriesIn(ports, 'unconfirmed')).map((e) => e.key));
    const sent = new Map<string, number>();
    for (const record of await allBotActivities(tenant.url)) {
      const text = JSON.stringify(cardOf(record.activity) ?? {});
      const key = /reminder\|hour-[^|]+\|[0-9a-f-]{36}/.exec(text)?.[0];
      if (key) sent.set(key, (sent.get(key) ?? 0) + 1);
    }
    const expected: string[] = [];
    for (let t = weekStart; t < weekEnd; t += hour)
      for (const r of recipients) expected.push(`reminder|hour-${new Date(t).toISOString()}|${r}`);
    const duplicates = [...sent.entries()].filter(([, n]) => n > 1);
    const missing = expected.filter((k) => !sent.has(k));
    expect(duplicates).toEqual([]);
    // Only what the killed instance had in flight may be missing, and it is marked so, never resent.
    expect(missing.filter((k) => !unconfirmed.has(k))).toEqual([]);
    expect(missing.length).toBeLessThanOrEqual(8);
    expect(sent.size + missing.length).toBe(expected.length);
    expect(embeddedDefaults.botId).toBeTruthy();
  });
});
