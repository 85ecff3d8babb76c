// Every API route the running app declares refuses a caller without a token
// (401) and a caller without the route's role (403). New routes are picked up
// automatically: the list comes from the app itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/schemas.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const tokens = new Map<string, string>();

beforeAll(async () => {
  app = await startTestApp();
  // Someone holding every role but one, for each role a route may need.
  const plain = app.users.find((u) => u.roles.length === 1 && u.roles[0] === 'Participant')!;
  const lead = app.users.find((u) => u.roles.includes('DepartmentLead'))!;
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!;
  tokens.set('ProgramOwner', await app.userToken(lead.userPrincipalName));
  tokens.set('DepartmentLead', await app.userToken(owner.userPrincipalName));
  tokens.set('Participant', await app.devTenant.tokenFor(plain.userPrincipalName));
});
afterAll(() => app?.close());

const concrete = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => `probe-${name}`);

describe('role enforcement on every route', () => {
  it('declares a role for every /api route', () => {
    expect(app.routes.length).toBeGreaterThan(10);
    for (const r of app.routes)
      expect(['signed-in', 'Participant', 'DepartmentLead', 'ProgramOwner']).toContain(r.access);
  });

  it('refuses every route without a token (401)', async () => {
    for (const route of app.routes) {
      const r = await app.request(concrete(route.path), {
        method: route.method.toUpperCase(),
        ...(route.method === 'get' || route.method === 'delete' ? {} : { body: {} }),
      });
      expect(r.status, `${route.method.toUpperCase()} ${route.path}`).toBe(401);
    }
  });

  it('refuses every role-restricted route to a caller without that role (403)', async () => {
    const restricted = app.routes.filter((r) => r.access !== 'signed-in');
    for (const route of restricted) {
      // A token without the needed role: a program owner lacks DepartmentLead, a lead lacks ProgramOwner.
      const token = route.access === 'Participant' ? await withoutParticipant() : tokens.get(route.access as Role)!;
      const r = await app.request(concrete(route.path), {
        token,
        method: route.method.toUpperCase(),
        ...(route.method === 'get' || route.method === 'delete' ? {} : { body: {} }),
      });
      expect(r.status, `${route.method.toUpperCase()} ${route.path}`).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
  });
});

/** Everyone in the demo organization is a participant, so a person without it is a token re-signed by the tenant with no roles. */
async function withoutParticipant(): Promise<string> {
  const cached = tokens.get('none');
  if (cached) return cached;
  const plain = app.users.find((u) => u.roles.length === 1 && u.roles[0] === 'Participant')!;
  const token = await app.tokenWithClaims(plain.userPrincipalName, { roles: [] });
  tokens.set('none', token);
  return token;
}
