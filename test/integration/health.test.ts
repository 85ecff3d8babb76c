// /healthz (alive, and which build), /readyz (can serve: token keys, Graph,
// program lists) and the drain a shutdown runs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildId } from '../../server/health.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t?.close());

describe('/healthz', () => {
  it('answers ok with the build id, without a token', async () => {
    const res = await t.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', build: buildId({ RECIPROCAL_BUILD: process.env['RECIPROCAL_BUILD'] }) });
  });

  it('names the build by RECIPROCAL_BUILD when set, else by package version and a hash of the built tab page', () => {
    expect(buildId({ RECIPROCAL_BUILD: ' 2026.11.30-7 ' })).toBe('2026.11.30-7');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-build-'));
    const page = path.join(dir, 'index.html');
    writeFileSync(page, '<script src="/assets/tab-abc.js"></script>');
    const one = buildId({}, page);
    expect(one).toMatch(/^0\.\d+\.\d+\+[0-9a-f]{12}$/);
    writeFileSync(page, '<script src="/assets/tab-def.js"></script>');
    expect(buildId({}, page)).not.toBe(one);
    expect(buildId({ RECIPROCAL_BUILD: '  ' }, path.join(dir, 'missing.html'))).toMatch(/\+unbuilt$/);
  });
});

describe('/readyz', () => {
  it('is ready once the token keys load, Graph answers and the program lists are provisioned', async () => {
    const res = await t.request('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', checks: { jwks: 'ok', graph: 'ok', programStore: 'ok' } });
  });

  it('answers 503 naming what is not ready when the tenant cannot be reached, never a 500', async () => {
    const alone = await startTestApp();
    try {
      await alone.devTenant.close();
      const res = await alone.request('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('not ready');
      expect(res.body.checks.jwks).not.toBe('ok');
      expect(res.body.checks.graph).not.toBe('ok');
      expect(res.text).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      await alone.app.close();
    }
  }, 60_000);
});

describe('shutdown', () => {
  it('lets a request under way finish, then refuses new connections', async () => {
    const owner = t.users.find((u) => u.roles.includes('ProgramOwner'))!;
    const token = await t.userToken(owner.userPrincipalName);
    t.devTenant.setFaults({ latencyMs: 400 });
    try {
      const inFlight = fetch(`${t.url}/api/program/jobs/no-such-job`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await new Promise((r) => setTimeout(r, 150));
      const closing = t.app.close();
      const res = await inFlight;
      expect(res.status).toBe(404);
      await closing;
      await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    } finally {
      t.devTenant.setFaults({ latencyMs: 0 });
      await t.restart();
    }
  }, 60_000);
});
