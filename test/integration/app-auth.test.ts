// The app's front door over real HTTP against the dev tenant: only tokens our
// tenant issued for our API get in; everything else is a JSON 401/403/4xx.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDefaults } from '../../server/config.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let participant: string;

beforeAll(async () => {
  app = await startTestApp();
  participant = app.users.find((u) => u.roles.length === 1 && u.roles[0] === 'Participant')!.userPrincipalName;
});
afterAll(() => app?.close());

/** Signs with the dev tenant's own key, to build tokens it would never issue. */
async function signWithTenantKey(claims: Record<string, unknown>, lifetime: { iat: number; exp: number }) {
  const saved = JSON.parse(readFileSync(path.join(app.devTenant.dataDir, 'signing-key.json'), 'utf8')) as {
    kid: string;
    privateJwk: JWK;
  };
  const key = await importJWK(saved.privateJwk, 'RS256');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: saved.kid })
    .setIssuedAt(lifetime.iat)
    .setExpirationTime(lifetime.exp)
    .sign(key);
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('the app server', () => {
  it('answers /healthz without a token', async () => {
    const r = await app.request('/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', build: expect.any(String) });
  });

  it('tells the caller who they are with a valid token', async () => {
    const r = await app.request('/api/me', { as: participant });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ mail: participant, roles: ['Participant'] });
    expect(typeof r.body.department).toBe('string');
  });
});

describe('refused tokens', () => {
  const cases: Array<[string, () => Promise<string | undefined>, RegExp]> = [
    ['no token at all', async () => undefined, /no bearer token/],
    [
      'a token from another tenant (same signing keys, as in Entra)',
      () => app.devTenant.tokenFor('eve.stone@fabrikam.example', undefined, embeddedDefaults.foreignTenantId),
      /iss claim|another tenant/,
    ],
    [
      'a token for another audience (Graph)',
      () => app.devTenant.tokenFor(participant, 'https://graph.microsoft.com/.default'),
      /aud claim/,
    ],
    [
      'an expired token',
      async () => {
        const good = claimsOf(await app.userToken(participant));
        const now = Math.floor(Date.now() / 1000);
        return signWithTenantKey({ ...good, nbf: now - 7200 }, { iat: now - 7200, exp: now - 3600 });
      },
      /expired/,
    ],
    [
      'an unsigned token (alg none)',
      async () => {
        const good = claimsOf(await app.userToken(participant));
        const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(good)}.`;
      },
      /not valid/,
    ],
    [
      "a token signed by someone else's key with a borrowed kid",
      async () => {
        const good = await app.userToken(participant);
        const { privateKey } = await generateKeyPair('RS256');
        const kid = (JSON.parse(Buffer.from(good.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
        return new SignJWT(claimsOf(good)).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
      },
      /not valid/,
    ],
    [
      'a tampered token (roles raised after signing)',
      async () => {
        const [h, , s] = (await app.userToken(participant)).split('.');
        const raised = Buffer.from(
          JSON.stringify({ ...claimsOf(await app.userToken(participant)), roles: ['ProgramOwner'] }),
        ).toString('base64url');
        return `${h}.${raised}.${s}`;
      },
      /not valid/,
    ],
    [
      'an app-only token for our API (no delegated scope)',
      () => app.devTenant.appToken(`api://127.0.0.1/${embeddedDefaults.clientId}/.default`),
      /scope access_as_user/,
    ],
    [
      'a token for a person with a stolen signature from another token',
      async () => {
        const [h, p] = (await app.userToken(participant)).split('.');
        const other = app.users.find((u) => u.userPrincipalName !== participant)!.userPrincipalName;
        const s = (await app.userToken(other)).split('.')[2];
        return `${h}.${p}.${s}`;
      },
      /not valid/,
    ],
    ['garbage in the Authorization header', async () => 'not-a-jwt', /not a bearer token/],
  ];

  it.each(cases)('refuses %s with a JSON 401', async (_name, makeToken, message) => {
    const token = await makeToken();
    const r = await app.request(
      '/api/me',
      token === undefined ? {} : token === 'not-a-jwt' ? { headers: { authorization: 'Basic abc' } } : { token },
    );
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthenticated');
    expect(r.body.error.message).toMatch(message);
    expect(r.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect(r.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('refuses a route whose role the caller lacks with 403', async () => {
    const r = await app.request('/api/program/pairs', { as: participant });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/ProgramOwner/) });
  });
});

describe('bad requests', () => {
  it('answers malformed JSON with 400 naming the body, never a stack trace', async () => {
    const r = await app.request('/api/pairs/x/touchpoints', {
      as: participant,
      method: 'POST',
      body: '{"kind": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid_request', field: 'body' });
  });
  it('answers an oversized body with 413', async () => {
    const r = await app.request('/api/pairs/x/touchpoints', {
      as: participant,
      method: 'POST',
      body: JSON.stringify({ pad: 'x'.repeat(300_000) }),
    });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('invalid_request');
  });
  it('answers an unknown API path with a JSON 404', async () => {
    const r = await app.request('/api/nothing-here', { as: participant });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });
});
