// Entra issues v1.0 access tokens for our API unless the app registration's
// accessTokenAcceptedVersion is 2; the dev tenant does the same, and the app
// accepts both, each pinned to its issuer, our tenant and our audiences.
// https://learn.microsoft.com/entra/identity-platform/access-tokens
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { embeddedDefaults } from '../../server/config.js';
import { startTestApp, type TestApp } from '../support/app.js';

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const headerOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;

let app: TestApp;
let person: { userPrincipalName: string; id: string };

async function acceptVersion(version: null | 1 | 2) {
  const current = (await (await fetch(`${app.devTenantUrl}/_admin/app-registration`)).json()) as Record<
    string,
    unknown
  >;
  const res = await fetch(`${app.devTenantUrl}/_admin/app-registration`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...current, accessTokenAcceptedVersion: version }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  person = app.users.find((u) => !u.roles.includes('ProgramOwner'))!;
}, 60_000);
afterAll(() => app?.close());

describe('the default app registration (accessTokenAcceptedVersion null)', () => {
  it('gets v1.0 tokens for our API: sts.windows.net issuer, appid, upn, the App ID URI as audience', async () => {
    const token = await app.devTenant.tokenFor(person.userPrincipalName);
    const claims = claimsOf(token);
    expect(claims).toMatchObject({
      ver: '1.0',
      iss: `https://sts.windows.net/${embeddedDefaults.tenantId}/`,
      aud: `api://127.0.0.1/${embeddedDefaults.clientId}`,
      appid: embeddedDefaults.clientId,
      upn: person.userPrincipalName,
      unique_name: person.userPrincipalName,
      scp: 'access_as_user',
      tid: embeddedDefaults.tenantId,
      oid: person.id,
    });
    expect(claims).not.toHaveProperty('azp');
    expect(claims).not.toHaveProperty('preferred_username');
    expect(headerOf(token)).toHaveProperty('x5t');
  });

  it('is accepted by the API, which names the person from upn', async () => {
    const me = await app.request('/api/me', { token: await app.devTenant.tokenFor(person.userPrincipalName) });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(person.id);
  });

  it('refuses a v1.0 token re-issued under the v2.0 issuer, and one from another tenant', async () => {
    const wrongIssuer = await app.tokenWithClaims(person.userPrincipalName, { iss: app.config.identity.issuer });
    expect((await app.request('/api/me', { token: wrongIssuer })).status).toBe(401);
    const foreign = await app.tokenWithClaims(person.userPrincipalName, {
      iss: `https://sts.windows.net/${embeddedDefaults.foreignTenantId}/`,
      tid: embeddedDefaults.foreignTenantId,
    });
    expect((await app.request('/api/me', { token: foreign })).status).toBe(401);
    const otherAudience = await app.tokenWithClaims(person.userPrincipalName, { aud: 'api://elsewhere/other' });
    expect((await app.request('/api/me', { token: otherAudience })).status).toBe(401);
  });
});

describe('an app registration with accessTokenAcceptedVersion 2', () => {
  beforeAll(() => acceptVersion(2));
  afterAll(() => acceptVersion(null));

  it('gets v2.0 tokens: the v2.0 issuer, azp, preferred_username, the client id as audience', async () => {
    const claims = claimsOf(await app.devTenant.tokenFor(person.userPrincipalName));
    expect(claims).toMatchObject({
      ver: '2.0',
      iss: app.config.identity.issuer,
      aud: embeddedDefaults.clientId,
      azp: embeddedDefaults.clientId,
      preferred_username: person.userPrincipalName,
      tid: embeddedDefaults.tenantId,
    });
    expect(claims).not.toHaveProperty('appid');
    expect(claims).not.toHaveProperty('upn');
  });

  it('runs the main journeys: me, my pairs, a session with my note (on-behalf-of Graph included)', async () => {
    const token = await app.devTenant.tokenFor(person.userPrincipalName);
    const me = await app.request('/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(person.id);
    const pairs = await app.request('/api/pairs', { token });
    expect(pairs.status).toBe(200);
    const withSession = (pairs.body as Array<{ lastSession: { id: string } | null }>).find((p) => p.lastSession);
    if (withSession) {
      const detail = await app.request(`/api/sessions/${encodeURIComponent(withSession.lastSession!.id)}`, { token });
      expect(detail.status).toBe(200);
    }
  });

  it('refuses a token whose ver says 2.0 but whose issuer is the v1.0 one', async () => {
    const mixed = await app.tokenWithClaims(person.userPrincipalName, {
      ver: '2.0',
      iss: `https://sts.windows.net/${embeddedDefaults.tenantId}/`,
    });
    expect((await app.request('/api/me', { token: mixed })).status).toBe(401);
  });
});
