// `reciprocal serve` as `npm start` runs it: a child process with the embedded
// dev tenant on ports picked for this test, reached only over HTTP. Proves the
// printed URLs, /healthz, a getSchedule for two seeded users, sign-in through
// the app, that a restart keeps data, `seed --reset`, and clean refusals.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedDefaults as ids } from '../../server/config.js';

const bin = path.resolve('bin/reciprocal.mjs');
const configKeys = [
  'HOST',
  'PORT',
  'PUBLIC_URL',
  'DATA_DIR',
  'LOG_LEVEL',
  'TENANT_ID',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'CERTIFICATE_PATH',
  'CERTIFICATE_THUMBPRINT',
  'BOT_ID',
  'BOT_PASSWORD',
  'PROGRAM_SITE',
  'API_AUDIENCE',
  'DEV_TENANT_PORT',
  'DEV_TENANT_HTTPS_PORT',
  'DEV_TENANT_FAULT_429',
  'DEV_TENANT_FAULT_503',
  'DEV_TENANT_LATENCY_MS',
];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const k of configKeys) delete base[k];
  return { ...base, LOG_LEVEL: 'warn', ...env };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Serving {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<Run>;
}

function serve(env: Record<string, string>): Promise<Serving> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve'], { env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<Run>((r) => child.on('exit', (code) => r({ code, stdout, stderr })));
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${stdout}\n${stderr}`)), 60_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve({ child, output: () => stdout, stop: () => (child.kill('SIGTERM'), exited) });
      }
    });
    void exited.then((r) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${r.code}:\n${r.stdout}\n${r.stderr}`));
    });
  });
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-serve-'));
let running: Serving | null = null;
afterAll(async () => {
  await running?.stop();
});

describe('reciprocal serve (embedded dev tenant)', async () => {
  const [appPort, devPort, devHttpsPort] = [await freePort(), await freePort(), await freePort()];
  const env = {
    PORT: String(appPort),
    DEV_TENANT_PORT: String(devPort),
    DEV_TENANT_HTTPS_PORT: String(devHttpsPort),
    DATA_DIR: dataDir,
  };
  const app = `http://127.0.0.1:${appPort}`;
  const devTenant = `http://127.0.0.1:${devPort}`;

  async function graphToken(): Promise<string> {
    const res = await fetch(`${devTenant}/${ids.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: ids.clientId,
        client_secret: ids.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    return ((await res.json()) as { access_token: string }).access_token;
  }
  async function graph(method: string, p: string, body?: unknown) {
    const res = await fetch(`${devTenant}/v1.0${p}`, {
      method,
      headers: { authorization: `Bearer ${await graphToken()}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  let eventId = '';
  let organizer = '';

  it('starts both servers, prints their URLs and answers /healthz', async () => {
    running = await serve(env);
    const out = running.output();
    for (const url of [`${app}/`, `${app}/tab`, `${app}/outlook`, devTenant]) expect(out).toContain(url);
    const res = await fetch(`${app}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', build: expect.stringMatching(/^\d+\.\d+\.\d+\+/) });
  }, 90_000);

  it('answers a getSchedule for two seeded users, in the published shape', async () => {
    const users = ((await (await fetch(`${devTenant}/`)).json()) as { users: Array<{ userPrincipalName: string }> })
      .users;
    const [a, b] = [users[0]!.userPrincipalName, users[1]!.userPrincipalName];
    const start = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const r = await graph('POST', `/users/${a}/calendar/getSchedule`, {
      schedules: [a, b],
      startTime: { dateTime: `${start}T00:00:00`, timeZone: 'UTC' },
      endTime: { dateTime: `${end}T00:00:00`, timeZone: 'UTC' },
      availabilityViewInterval: 30,
    });
    expect(r.status).toBe(200);
    expect(r.body.value.map((s: { scheduleId: string }) => s.scheduleId)).toEqual([a, b]);
    for (const s of r.body.value) {
      expect(s.availabilityView).toMatch(/^[0-4]{96}$/);
      expect(Array.isArray(s.scheduleItems)).toBe(true);
      expect(s.workingHours).toMatchObject({
        daysOfWeek: expect.any(Array),
        startTime: expect.any(String),
        endTime: expect.any(String),
        timeZone: { name: expect.any(String) },
      });
    }
    organizer = a;
  });

  it('signs a demo user in through the app and tells them who they are', async () => {
    const signIn = await fetch(`${app}/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userPrincipalName: organizer }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const me = await fetch(`${app}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ mail: organizer });
  });

  it('refuses to reseed under a running dev tenant', async () => {
    const r = await runCli(['seed', '--reset'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dev tenant is running/);
  }, 30_000);

  it('keeps data written before a restart', async () => {
    const created = await graph('POST', `/users/${organizer}/events`, {
      subject: 'Restart check',
      transactionId: 'restart-check-1',
      start: { dateTime: '2030-01-07T15:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-01-07T15:30:00', timeZone: 'UTC' },
    });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    const stopped = await running!.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/Stopping Reciprocal \(SIGTERM\)/);
    running = null;
    await expect(fetch(`${app}/healthz`)).rejects.toThrow();

    running = await serve(env);
    expect((await fetch(`${app}/healthz`)).status).toBe(200);
    const again = await graph('GET', `/users/${organizer}/events/${eventId}`);
    expect(again.status).toBe(200);
    expect(again.body.subject).toBe('Restart check');
  }, 120_000);

  it('seed --reset rebuilds the demo organization once it is stopped', async () => {
    expect((await running!.stop()).code).toBe(0);
    running = null;
    const r = await runCli(['seed', '--reset'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Seeded the demo organization/);
    running = await serve(env);
    expect((await graph('GET', `/users/${organizer}/events/${eventId}`)).status).toBe(404);
    expect(((await (await fetch(`${devTenant}/`)).json()) as { users: unknown[] }).users.length).toBeGreaterThanOrEqual(
      60,
    );
  }, 120_000);
});

describe('reciprocal serve refusals', () => {
  it('names the missing variable of a half-configured tenant, without a stack trace', async () => {
    const r = await runCli(['serve'], { TENANT_ID: '11111111-2222-4333-8444-555555555555' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/configuration error: CLIENT_ID/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('refuses an empty bot id in tenant mode', async () => {
    const r = await runCli(['serve'], {
      TENANT_ID: '11111111-2222-4333-8444-555555555555',
      CLIENT_ID: '66666666-7777-4888-9999-000000000000',
      CLIENT_SECRET: 's',
      BOT_ID: '',
      PROGRAM_SITE: 'contoso.sharepoint.com:/sites/r',
      PUBLIC_URL: 'https://r.contoso.com',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/BOT_ID/);
  }, 30_000);

  it('says which port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await runCli(['serve'], {
        PORT: String(await freePort()),
        DEV_TENANT_PORT: String(taken),
        DEV_TENANT_HTTPS_PORT: String(await freePort()),
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'reciprocal-serve-')),
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`already in use.*${taken}`));
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 30_000);

  it('refuses arguments, and seed without --reset', async () => {
    expect((await runCli(['serve', '--port', '1'], {})).code).toBe(2);
    const seed = await runCli(['seed'], {});
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/usage: reciprocal seed --reset/);
  }, 30_000);

  it('refuses seed --reset against a real tenant', async () => {
    const r = await runCli(['seed', '--reset'], {
      TENANT_ID: '11111111-2222-4333-8444-555555555555',
      CLIENT_ID: '66666666-7777-4888-9999-000000000000',
      CLIENT_SECRET: 's',
      BOT_ID: '66666666-7777-4888-9999-000000000000',
      PROGRAM_SITE: 'contoso.sharepoint.com:/sites/r',
      PUBLIC_URL: 'https://r.contoso.com',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/real tenant/);
  }, 30_000);
});
