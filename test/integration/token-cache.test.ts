// The app's own Graph token and a person's on-behalf-of token never stand in
// for each other in MSAL's cache: the identity answers `client_info` for a
// person's token, as Entra does, and MSAL keys the person's tokens by it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t?.close());

it('keeps answering the app-only token after an on-behalf-of token for the same resource', async () => {
  const graph = 'https://graph.microsoft.com/.default';
  const tokens = t.app.services.tokens;
  const person = t.users.find((u) => u.roles.includes('Participant'))!;
  const before = decodeJwt(await tokens.appToken(graph));
  const obo = decodeJwt(await tokens.onBehalfOf(await t.devTenant.tokenFor(person.userPrincipalName), graph));
  const after = decodeJwt(await tokens.appToken(graph));
  expect(before.idtyp).toBe('app');
  expect(obo.scp).toBeTruthy();
  expect(after.idtyp).toBe('app');
  expect(after.scp).toBeUndefined();
  expect(after.roles).toEqual(before.roles);
});
