// MSAL against the dev tenant's https authority (trusting its self-signed
// certificate through our network client): app-only tokens for Graph, and
// on-behalf-of a signed-in person. With no internet here, passing also shows
// MSAL made no call to login.microsoftonline.com.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSource, graphDefaultScope, type TokenSource } from '../../server/auth/tokens.js';
import { loadConfig } from '../../server/config.js';
import { startTestDevTenant, type TestDevTenant } from '../support/devtenant.js';

let devTenant: TestDevTenant;
let tokens: TokenSource;

beforeAll(async () => {
  devTenant = await startTestDevTenant();
  const config = loadConfig({
    DEV_TENANT_PORT: new URL(devTenant.url).port,
    DEV_TENANT_HTTPS_PORT: new URL(devTenant.httpsUrl).port,
  });
  config.identity.extraCaFile = devTenant.tlsCertificatePath;
  tokens = createTokenSource(config);
});
afterAll(() => devTenant?.close());

describe('tokens the server gets through MSAL', () => {
  it('gets an app-only Graph token with client credentials', async () => {
    const claims = decodeJwt(await tokens.appToken(graphDefaultScope));
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', tid: devTenant.tenantId, idtyp: 'app' });
    expect(claims['scp']).toBeUndefined();
  });

  it('gets a delegated Graph token on behalf of the person who called our API', async () => {
    const person = devTenant.users[3]!;
    const claims = decodeJwt(
      await tokens.onBehalfOf(await devTenant.tokenFor(person.userPrincipalName), graphDefaultScope),
    );
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', oid: person.id, tid: devTenant.tenantId });
    expect(String(claims['scp'])).toMatch(/\S/);
  });

  it('refuses on-behalf-of for a token that is not for our API', async () => {
    const graphToken = await devTenant.tokenFor(devTenant.users[3]!.userPrincipalName, graphDefaultScope);
    await expect(tokens.onBehalfOf(graphToken, graphDefaultScope)).rejects.toThrow();
  });

  it('fails clearly when the client secret is wrong', async () => {
    const config = loadConfig({
      DEV_TENANT_PORT: new URL(devTenant.url).port,
      DEV_TENANT_HTTPS_PORT: new URL(devTenant.httpsUrl).port,
    });
    config.identity.extraCaFile = devTenant.tlsCertificatePath;
    config.identity.clientSecret = 'wrong';
    await expect(createTokenSource(config).appToken(graphDefaultScope)).rejects.toThrow(/invalid_client|secret/i);
  });
});
