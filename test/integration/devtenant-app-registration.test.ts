// The dev tenant's app registration: what an admin consented to is what tokens carry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';

let tenant: TestDevTenant;
beforeAll(async () => {
  tenant = await startTestDevTenant();
});
afterAll(async () => tenant?.close());

const registration = async (body?: unknown) => {
  const res = await fetch(`${tenant.url}/_admin/app-registration`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('/_admin/app-registration', () => {
  it('answers the registration with both permission lists and the token version', async () => {
    const { status, body } = await registration();
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual([
      'accessTokenAcceptedVersion',
      'applicationPermissions',
      'delegatedPermissions',
    ]);
  });

  it('puts the consented application permissions into app-only Graph tokens, and a change into the next token', async () => {
    const before = (await registration()).body;
    expect(decodeJwt(await tenant.appToken()).roles).toEqual(before['applicationPermissions']);
    await registration({ applicationPermissions: ['User.Read.All'] });
    expect(decodeJwt(await tenant.appToken()).roles).toEqual(['User.Read.All']);
    await registration({ applicationPermissions: before['applicationPermissions'] });
  });

  it('refuses a malformed registration with a 400 naming the field and keeps the old one', async () => {
    const before = (await registration()).body;
    const bad = await registration({ accessTokenAcceptedVersion: 3 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('accessTokenAcceptedVersion');
    expect((await registration()).body).toEqual(before);
  });
});
