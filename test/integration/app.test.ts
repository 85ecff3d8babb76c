// The app's pages and public endpoints over real HTTP against the dev tenant:
// the dev landing page and its sign-in, client configuration, the browser
// bundles (and the page shown when they are not built), tenant mode, and logs
// that never hold a token.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientConfig } from '../../src/client/auth.js';
import { embeddedDefaults, loadConfig } from '../../server/config.js';
import { devLandingRouter } from '../../server/api/landing.js';
import { createLogger } from '../../server/logging.js';
import { startApp } from '../../server/main.js';
import { startTestApp, type TestApp } from '../support/app.js';

const logLines: string[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _enc, done) {
    logLines.push(chunk.toString('utf8'));
    done();
  },
});

const webRoot = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-web-'));
mkdirSync(path.join(webRoot, 'src', 'tab'), { recursive: true });
mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
writeFileSync(
  path.join(webRoot, 'src', 'tab', 'index.html'),
  '<!doctype html><title>tab bundle</title><div id="root"></div>',
);
writeFileSync(path.join(webRoot, 'assets', 'tab-abc123.js'), 'console.log("tab")');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ logDestination: logSink, webRoot });
});
afterAll(() => app?.close());

const landing = async (query = '') => {
  const res = await fetch(`${app.url}/${query}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', html: await res.text() };
};
const signIn = (body: unknown, raw?: string) =>
  fetch(`${app.url}/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });

describe('the dev landing page', () => {
  it('lists every demo user under their department, with career stage and roles', async () => {
    const { status, type, html } = await landing();
    expect(status).toBe(200);
    expect(type).toMatch(/text\/html/);
    const departments = [...new Set(app.users.map((u) => u.department))];
    expect(departments.length).toBeGreaterThanOrEqual(5);
    for (const d of departments) expect(html).toMatch(new RegExp(`<h2 id="dept-\\d+">${d.replace(/&/g, '&amp;')} `));
    for (const u of app.users) expect(html).toContain(`data-upn="${u.userPrincipalName}"`);
    expect(html).toMatch(/Early career/);
    expect(html).toMatch(/Seasoned/);
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
    expect(html).toMatch(
      new RegExp(`>${owner.displayName}</button>[^<]*<span[^>]*>[^<]*<strong>Program owner</strong>`),
    );
    const lead = app.users.find((u) => u.roles.includes('DepartmentLead'))!;
    expect(html).toMatch(
      new RegExp(`>${lead.displayName}</button>[^<]*<span[^>]*>[^<]*<strong>Department lead</strong>`),
    );
  });

  it('is a labelled, keyboard-usable page: real buttons, a live status region, links to both surfaces', async () => {
    const { html } = await landing();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<button type="button" data-upn=/);
    expect(html).toMatch(/role="status" aria-live="polite"/);
    expect(html).toContain('href="/tab"');
    expect(html).toContain('href="/outlook"');
    expect(html).toContain("sessionStorage.setItem('reciprocal.devToken'");
  });

  it('returns only to a path on this origin after sign-in', async () => {
    expect((await landing('?returnTo=%2Ftab%2Fpairs%2Fp1')).html).toContain('const returnTo = "/tab/pairs/p1"');
    for (const hostile of [
      '//evil.example/x',
      'https://evil.example',
      '/tab"</script><script>alert(1)</script>',
      'javascript:alert(1)',
    ]) {
      const { html } = await landing(`?returnTo=${encodeURIComponent(hostile)}`);
      expect(html).toContain('const returnTo = "/tab"');
      expect(html).not.toContain('evil.example');
      expect(html).not.toContain('alert(1)');
    }
    expect((await landing()).html).toContain('const returnTo = null');
  });

  it('signs a demo user in with a token the API accepts as that user', async () => {
    const user = app.users.find((u) => u.roles.includes('DepartmentLead'))!;
    const res = await signIn({ userPrincipalName: user.userPrincipalName });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { accessToken, expiresIn } = (await res.json()) as { accessToken: string; expiresIn: number };
    expect(expiresIn).toBeGreaterThan(60);
    const me = await app.request('/api/me', { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: user.id,
      mail: user.userPrincipalName,
      department: user.department,
      roles: expect.arrayContaining(['DepartmentLead']),
    });
  });

  it.each([
    ['an unknown person', { userPrincipalName: 'nobody@nowhere.example' }, undefined, 401, 'unauthenticated'],
    ['a missing name', {}, undefined, 400, 'invalid_request'],
    ['malformed JSON', null, '{"userPrincipalName":', 400, 'invalid_request'],
    ['an oversized body', null, JSON.stringify({ userPrincipalName: 'x'.repeat(10_000) }), 413, 'invalid_request'],
  ])('refuses sign-in for %s with a JSON error', async (_name, body, raw, status, code) => {
    const res = await signIn(body, raw);
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code } });
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('the dev landing page with hostile directory data', () => {
  it('escapes every name, title and department it shows', async () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const directory = express().get(
      '/',
      (_req, res) =>
        void res.json({
          tenantId: embeddedDefaults.tenantId,
          foreignTenantId: embeddedDefaults.foreignTenantId,
          users: [
            {
              id: 'u1"><script>alert(2)</script>',
              userPrincipalName: 'x"onmouseover="alert(3)@a.b',
              displayName: hostile,
              department: `</h2><script>alert(4)</script>`,
              roles: ['Participant', '<b>Owner</b>'],
              careerStage: 'early',
              jobTitle: hostile,
            },
          ],
        }),
    );
    const upstream = await new Promise<Server>((resolve) => {
      const s = directory.listen(0, '127.0.0.1', () => resolve(s));
    });
    const page = express().use(
      devLandingRouter({
        devTenantUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
        tenantId: embeddedDefaults.tenantId,
        clientId: embeddedDefaults.clientId,
        apiScope: 'x',
      }),
    );
    const server = await new Promise<Server>((resolve) => {
      const s = page.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const html = await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).text();
      expect(html).not.toMatch(/<img|<script>alert|onmouseover="|<b>Owner/);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
      expect(html).toContain('&lt;/h2&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    } finally {
      for (const s of [server, upstream]) await new Promise((r) => s.close(r));
    }
  });

  it('says the dev tenant is not answering instead of failing', async () => {
    const page = express().use(
      devLandingRouter({
        devTenantUrl: 'http://127.0.0.1:9',
        tenantId: embeddedDefaults.tenantId,
        clientId: embeddedDefaults.clientId,
        apiScope: 'x',
      }),
    );
    const server = await new Promise<Server>((resolve) => {
      const s = page.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/not answering[\s\S]*npm start/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('GET /api/me', () => {
  it("gives a person not yet in the program their directory facts and their mailbox's time zone", async () => {
    const user = app.users.find((u) => u.roles.length === 1)!;
    const r = await app.request('/api/me', { as: user.userPrincipalName });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      id: user.id,
      displayName: user.displayName,
      mail: user.userPrincipalName,
      department: user.department,
      careerStage: null,
      timeZone: user.timeZone,
      roles: ['Participant'],
    });
  });

  it('gives an enrolled participant the career stage and time zone the program keeps', async () => {
    const user = app.users.find(
      (u) => u.roles.length === 1 && u.userPrincipalName !== app.users[0]!.userPrincipalName,
    )!;
    await app.app.services.store.upsertParticipant({
      userId: user.id,
      displayName: user.displayName,
      mail: user.userPrincipalName,
      department: user.department,
      careerStage: user.careerStage,
      timeZone: 'Asia/Kolkata',
    });
    const r = await app.request('/api/me', { as: user.userPrincipalName });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: user.id, careerStage: user.careerStage, timeZone: 'Asia/Kolkata' });
  });
});

describe('client configuration', () => {
  it('tells the browser how to sign in, without a token', async () => {
    const r = await app.request('/api/client-config');
    expect(r.status).toBe(200);
    const config = ClientConfig.parse(r.body);
    expect(config).toMatchObject({
      mode: 'embedded',
      tenantId: embeddedDefaults.tenantId,
      clientId: embeddedDefaults.clientId,
      devSignIn: true,
    });
    expect(config.apiScope).toBe(`api://127.0.0.1/${embeddedDefaults.clientId}/access_as_user`);
  });
});

describe('the browser bundles', () => {
  it('serves the tab page for the tab and every client-side route under it, a malformed id included', async () => {
    for (const p of ['/tab', '/tab/pairs/abc', '/tab/sessions/s-1?x=1', '/tab/pairs/%E0%A4%A/history']) {
      const res = await fetch(`${app.url}${p}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>tab bundle</title>');
    }
  });

  it('serves hashed assets with a long cache lifetime, and a plain 404 for a missing one', async () => {
    const asset = await fetch(`${app.url}/assets/tab-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000/);
    const missing = await fetch(`${app.url}/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toMatch(/at .*\.(ts|js):\d+|node_modules/);
  });

  it('says how to build a surface whose bundle is missing', async () => {
    const res = await fetch(`${app.url}/outlook`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:web');
  });

  it('answers an unknown page with a plain 404', async () => {
    const res = await fetch(`${app.url}/no-such-page`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('logs', () => {
  it('record each request without tokens, headers or bodies', async () => {
    const upn = app.users[0]!.userPrincipalName;
    const token = await app.userToken(upn);
    await app.request('/api/me', { token });
    await app.request('/api/me', { token: `${token}tampered` });
    await app.request('/api/pairs/x/touchpoints', {
      token,
      method: 'POST',
      body: '{"note": "what I learned: secret-note-text"',
    });
    const signedIn = (await (await signIn({ userPrincipalName: upn })).json()) as { accessToken: string };
    await new Promise((r) => setTimeout(r, 50));
    const logs = logLines.join('');
    expect(logs).toMatch(/"path":"\/api\/me","status":200/);
    expect(logs).toMatch(/"status":401/);
    for (const secret of [
      token,
      token.split('.')[2]!,
      signedIn.accessToken.split('.')[2]!,
      'secret-note-text',
      embeddedDefaults.clientSecret,
    ])
      expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/authorization/i);
  });

  it('redact sensitive fields wherever a log call puts them', () => {
    const lines: string[] = [];
    const log = createLogger(
      'info',
      new Writable({
        write(c: Buffer, _e, d) {
          lines.push(c.toString());
          d();
        },
      }),
    );
    log.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
        accessToken: 'tok-1',
        note: { taught: 'T1', learned: 'L1', actionItems: ['A1'], text: 'X1' },
      },
      'x',
    );
    const line = lines.join('');
    for (const s of ['abc.def.ghi', 'tok-1', 'T1', 'L1', 'A1', 'X1']) expect(line).not.toContain(s);
    expect(line).toContain('[redacted]');
  });
});

describe('tenant mode', () => {
  it('shows a short page instead of dev sign-in, and still guards the API', async () => {
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      TENANT_ID: '11111111-2222-4333-8444-555555555555',
      CLIENT_ID: '66666666-7777-4888-9999-000000000000',
      CLIENT_SECRET: 'a-secret',
      BOT_ID: '66666666-7777-4888-9999-000000000000',
      PROGRAM_SITE: 'contoso.sharepoint.com:/sites/reciprocal',
      PUBLIC_URL: 'https://reciprocal.contoso.com',
    });
    const tenantApp = await startApp(config, { webRoot });
    try {
      const page = await fetch(`${tenantApp.url}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Reciprocal runs inside Microsoft Teams and Outlook');
      expect(html).not.toContain('data-upn');
      expect(
        (
          await fetch(`${tenantApp.url}/dev/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"userPrincipalName":"a@b.c"}',
          })
        ).status,
      ).toBe(404);
      const cc = ClientConfig.parse(await (await fetch(`${tenantApp.url}/api/client-config`)).json());
      expect(cc).toMatchObject({
        mode: 'tenant',
        devSignIn: false,
        apiScope: 'api://reciprocal.contoso.com/66666666-7777-4888-9999-000000000000/access_as_user',
        authority: 'https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555',
      });
      const me = await fetch(`${tenantApp.url}/api/me`);
      expect(me.status).toBe(401);
      expect(((await me.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    } finally {
      await tenantApp.close();
    }
  });
});
