// `reciprocal schedule` against a running dev tenant, and its errors.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant } from '../../src/core/schemas.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startTestDevTenant, type DemoUser } from '../support/devtenant.js';

const root = path.resolve(__dirname, '../..');
let t: TestApp;
let env: Record<string, string>;
let department: string;

async function cli(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['bin/reciprocal.mjs', 'schedule', ...args],
      { cwd: root, env: { PATH: process.env.PATH ?? '', ...env, ...extraEnv }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-cli-'));
  const devTenant = await startTestDevTenant({ dataDir: path.join(dataDir, 'devtenant') });
  t = await startTestApp({ devTenant });
  env = {
    DATA_DIR: dataDir,
    DEV_TENANT_PORT: new URL(devTenant.url).port,
    DEV_TENANT_HTTPS_PORT: new URL(devTenant.httpsUrl).port,
    LOG_LEVEL: 'warn',
  };
  department = 'Cli Test Unit';
  const zone = devTenant.users.find(
    (u) => devTenant.users.filter((v) => v.timeZone === u.timeZone).length >= 4,
  )!.timeZone;
  const [w, x, y, z] = devTenant.users.filter((u) => u.timeZone === zone) as [DemoUser, DemoUser, DemoUser, DemoUser];
  const p = (u: DemoUser): Participant => ({
    userId: u.id,
    displayName: u.displayName,
    mail: u.userPrincipalName,
    department,
    careerStage: u.careerStage,
    timeZone: u.timeZone,
  });
  const couples: Array<[DemoUser, DemoUser]> = [
    [w, x],
    [y, z],
    [w, y],
  ];
  for (const [i, [a, b]] of couples.entries()) {
    const members = [p(a), p(b)].sort((x, y) => x.userId.localeCompare(y.userId)) as [Participant, Participant];
    await t.app.services.store.createPair({
      id: `cli-${i}`,
      members,
      cadence: 'weekly',
      durationMinutes: 30,
      status: 'active',
      startedOn: new Date().toISOString(),
      endedOn: null,
    });
  }
}, 60_000);
afterAll(() => t?.close());

describe('reciprocal schedule', () => {
  it('prints the plan as a table in a dry run and books nothing', async () => {
    t.devTenant.resetStats();
    const r = await cli(['--department', department, '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PAIR\s+START \(UTC\)\s+END \(UTC\)\s+STATUS$/m);
    for (const id of ['cli-0', 'cli-1', 'cli-2'])
      expect(r.stdout).toMatch(new RegExp(`^${id}\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ\\s+\\S+\\s+would book$`, 'm'));
    expect(r.stdout).toContain('Cli Test Unit: 3 scheduled, 0 not scheduled');
    expect(r.stdout).toContain('dry run: nothing booked');
    expect(t.devTenant.stats().byKind['events.create'] ?? 0).toBe(0);
  });

  it('books, and a second run finds everything already booked', async () => {
    const first = await cli(['--department', department, '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as {
      scheduled: Array<{ pairId: string; eventId: string | null; alreadyBooked: boolean }>;
    };
    expect(report.scheduled.map((s) => s.pairId).sort()).toEqual(['cli-0', 'cli-1', 'cli-2']);
    expect(report.scheduled.every((s) => s.eventId && !s.alreadyBooked)).toBe(true);
    const second = await cli(['--department', department]);
    expect(second.stdout.match(/already booked/g)).toHaveLength(3);
  });

  it('says so when a department has no active pairs', async () => {
    const r = await cli(['--department', 'Nowhere']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('No active pairs in Nowhere.');
  });

  it.each([
    [[], '--department is required'],
    [['--department', '  '], '--department must not be empty'],
    [['--department', 'X', '--frobnicate'], "Unknown option '--frobnicate'"],
  ])('refuses %j with a usage message', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: reciprocal schedule');
  });

  it('gives a clear error when the dev tenant is not running', async () => {
    const r = await cli(['--department', department], { DEV_TENANT_PORT: '1', DEV_TENANT_HTTPS_PORT: '2' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the dev tenant is not reachable at http:\/\/127\.0\.0\.1:1\. Start it with `npm start`/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
