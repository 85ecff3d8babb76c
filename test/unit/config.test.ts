// The environment decides the mode once; a real-tenant configuration that would
// run unsafely refuses to load and names the variable to fix.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, embeddedDefaults, loadConfig } from '../../server/config.js';

const tenant = {
  TENANT_ID: '11111111-2222-4333-8444-555555555555',
  CLIENT_ID: '66666666-7777-4888-9999-000000000000',
  CLIENT_SECRET: 'a-secret',
  BOT_ID: '66666666-7777-4888-9999-000000000000',
  PROGRAM_SITE: 'contoso.sharepoint.com:/sites/reciprocal',
  PUBLIC_URL: 'https://reciprocal.contoso.com',
};

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('embedded mode (no tenant settings)', () => {
  const config = loadConfig({});

  it('is the default, on loopback with the fixed ports', () => {
    expect(config.mode).toBe('embedded');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3978, publicUrl: 'http://127.0.0.1:3978' });
    expect(config.devTenant).toMatchObject({
      url: 'http://127.0.0.1:3979',
      port: 3979,
      httpsPort: 3980,
      foreignTenantId: embeddedDefaults.foreignTenantId,
    });
  });

  it("points identity and Graph at the dev tenant, the issuer on its https origin as Entra's is", () => {
    expect(config.tenantId).toBe(embeddedDefaults.tenantId);
    expect(config.identity.issuer).toBe(`https://127.0.0.1:3980/${embeddedDefaults.tenantId}/v2.0`);
    expect(config.identity.jwksUri).toBe(`http://127.0.0.1:3979/${embeddedDefaults.tenantId}/discovery/v2.0/keys`);
    expect(config.identity.authorityHost).toBe('https://127.0.0.1:3980');
    expect(config.graph.baseUrl).toBe('https://127.0.0.1:3980/v1.0');
    expect(config.identity.apiAudiences).toEqual([
      embeddedDefaults.clientId,
      `api://127.0.0.1/${embeddedDefaults.clientId}`,
    ]);
  });

  it("keeps the dev tenant's data and certificate under DATA_DIR", () => {
    const c = loadConfig({ DATA_DIR: '/tmp/reciprocal-x' });
    expect(c.devTenant?.dataDir).toBe('/tmp/reciprocal-x/devtenant');
    expect(c.identity.extraCaFile).toBe('/tmp/reciprocal-x/devtenant/tls-cert.pem');
    expect(loadConfig({}).dataDir).toBe(path.resolve('.data'));
  });

  it('takes ports from the environment, 0 included', () => {
    const c = loadConfig({ PORT: '0', DEV_TENANT_PORT: '4100', DEV_TENANT_HTTPS_PORT: '4101' });
    expect(c.http.port).toBe(0);
    expect(c.devTenant).toMatchObject({ port: 4100, httpsPort: 4101, url: 'http://127.0.0.1:4100' });
    expect(c.identity.issuer).toBe(`https://127.0.0.1:4101/${embeddedDefaults.tenantId}/v2.0`);
  });

  it('reads fault injection for the dev tenant', () => {
    expect(
      loadConfig({ DEV_TENANT_FAULT_429: '0.2', DEV_TENANT_FAULT_503: '0.05', DEV_TENANT_LATENCY_MS: '30' }).devTenant
        ?.faults,
    ).toEqual({ probability429: 0.2, probability503: 0.05, latencyMs: 30 });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' }).http.port).toBe(3978);
  });
});

describe('invalid values name the variable', () => {
  it.each([
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: 'eighty' }],
    ['DEV_TENANT_PORT', { DEV_TENANT_PORT: '-1' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['DEV_TENANT_FAULT_429', { DEV_TENANT_FAULT_429: '1.5' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'not a url' }],
  ])('%s', (variable, env) => {
    const err = configError(env);
    expect(err.variable).toBe(variable);
    expect(err.message.startsWith(`${variable}: `)).toBe(true);
  });
});

describe('tenant mode', () => {
  it('starts with a complete configuration and nothing pointing at the dev tenant', () => {
    const c = loadConfig(tenant);
    expect(c.mode).toBe('tenant');
    expect(c.devTenant).toBeNull();
    expect(c.tenantId).toBe(tenant.TENANT_ID);
    expect(c.identity.issuer).toBe(`https://login.microsoftonline.com/${tenant.TENANT_ID}/v2.0`);
    expect(c.identity.jwksUri).toBe(`https://login.microsoftonline.com/${tenant.TENANT_ID}/discovery/v2.0/keys`);
    expect(c.identity.extraCaFile).toBeNull();
    expect(c.graph.baseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(c.identity.apiAudiences).toEqual([tenant.CLIENT_ID, `api://reciprocal.contoso.com/${tenant.CLIENT_ID}`]);
    expect(c.programSite).toEqual({ hostname: 'contoso.sharepoint.com', path: '/sites/reciprocal' });
    expect(c.bot).toEqual({ id: tenant.BOT_ID, password: 'a-secret', tenantId: tenant.TENANT_ID });
  });

  it('links into the tab by the org-catalog id once the app is published there, else by the manifest id', () => {
    const manifestId = '11111111-2222-4333-8444-555555555555';
    const catalogId = '66666666-7777-4888-9999-000000000000';
    expect(loadConfig({ ...tenant, TEAMS_APP_ID: manifestId }).teamsAppId).toBe(manifestId);
    expect(loadConfig({ ...tenant, TEAMS_APP_ID: manifestId, TEAMS_APP_PUBLISHED_APP_ID: catalogId }).teamsAppId).toBe(
      catalogId,
    );
  });

  it('is chosen by any one tenant setting, which then needs the rest', () => {
    expect(configError({ TENANT_ID: tenant.TENANT_ID }).variable).toBe('CLIENT_ID');
    expect(configError({ BOT_ID: tenant.BOT_ID }).variable).toBe('TENANT_ID');
  });

  it.each([
    ['an empty bot id', { BOT_ID: '' }, 'BOT_ID', /activity authentication/],
    ['a blank bot id', { BOT_ID: '   ' }, 'BOT_ID', /activity authentication/],
    ['no secret and no certificate', { CLIENT_SECRET: '' }, 'CLIENT_SECRET', /CERTIFICATE_PATH/],
    [
      'a certificate without its thumbprint',
      { CLIENT_SECRET: '', CERTIFICATE_PATH: '/etc/reciprocal/cert.pem' },
      'CERTIFICATE_THUMBPRINT',
      /required/,
    ],
    [
      'a separate bot without its password',
      { BOT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' },
      'BOT_PASSWORD',
      /required/,
    ],
    ['no program site', { PROGRAM_SITE: '' }, 'PROGRAM_SITE', /required/],
    ['a program site without a path', { PROGRAM_SITE: 'contoso.sharepoint.com' }, 'PROGRAM_SITE', /sites/],
    ['no public URL', { PUBLIC_URL: '' }, 'PUBLIC_URL', /required/],
    ['no tenant id', { TENANT_ID: '' }, 'TENANT_ID', /required/],
  ])('refuses %s, naming the variable', (_name, change, variable, message) => {
    const err = configError({ ...tenant, ...change });
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('a-secret');
  });

  it('accepts a certificate instead of a secret', () => {
    const c = loadConfig({
      ...tenant,
      CLIENT_SECRET: '',
      CERTIFICATE_PATH: '/etc/reciprocal/cert.pem',
      CERTIFICATE_THUMBPRINT: 'AB12',
    });
    expect(c.identity.clientSecret).toBeNull();
    expect(c.identity.certificate).toEqual({ path: '/etc/reciprocal/cert.pem', thumbprint: 'AB12' });
  });

  it('takes a separate bot registration with its own password', () => {
    const c = loadConfig({ ...tenant, BOT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', BOT_PASSWORD: 'bot-secret' });
    expect(c.bot).toMatchObject({ id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', password: 'bot-secret' });
  });

  it('honours a sovereign-cloud authority, Graph endpoint and an explicit API audience', () => {
    const c = loadConfig({
      ...tenant,
      AUTHORITY_HOST: 'https://login.microsoftonline.us/',
      GRAPH_BASE_URL: 'https://graph.microsoft.us/v1.0/',
      API_AUDIENCE: 'api://reciprocal.contoso.us/app',
    });
    expect(c.identity.issuer).toBe(`https://login.microsoftonline.us/${tenant.TENANT_ID}/v2.0`);
    expect(c.graph.baseUrl).toBe('https://graph.microsoft.us/v1.0');
    expect(c.identity.apiAudiences).toEqual([tenant.CLIENT_ID, 'api://reciprocal.contoso.us/app']);
  });
});
