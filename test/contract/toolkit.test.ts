// The Microsoft 365 Agents Toolkit project (m365agents.yml, m365agents.local.yml,
// aad.manifest.json, env/, infra/) against the toolkit's published YAML schema
// and against what the server reads: the registration must request exactly the
// permissions of server/permissions.ts, expose the roles and scope the API checks,
// and the hosting must hand the server exactly the variables server/config.ts reads.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { roles } from '../../src/core/schemas.js';
import { apiScopeName } from '../../server/auth/bearer.js';
import { configVariables, loadConfig } from '../../server/config.js';
import { permissionsOfType, preAuthorizedClients } from '../../server/permissions.js';

const root = path.resolve('.');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const schema = JSON.parse(read('vendor/m365agentstoolkit/v1.13/yaml.schema.json')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  provision: Action[];
  deploy?: Action[];
  publish?: Action[];
}
const project = (file: string) => parse(read(file)) as Project;
const placeholders = (text: string) => [...text.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1]!);
// `.env.*.user` files hold secrets and are not committed (the toolkit's own .gitignore): absent is empty.
const envFile = (file: string) =>
  new Map(
    (file.endsWith('.user') && !existsSync(path.join(root, file)) ? '' : read(file))
      .split('\n')
      .filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
  );

/** Variables the toolkit itself defines (https://aka.ms/teamsfx-v5.0-guide, "built-in environment variables"). */
const toolkitBuiltIns = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'TEAMS_APP_TENANT_ID'];

describe('m365agents.yml and m365agents.local.yml', () => {
  for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
    it(`${file} validates against the toolkit's published v1.13 YAML schema`, () => {
      const ok = validate(project(file));
      expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('the schema check refuses an action with a parameter the toolkit does not know', () => {
    const broken = project('m365agents.yml');
    const arm = broken.provision.find((a) => a.uses === 'arm/deploy')!;
    arm.with = { ...arm.with, bicepVersionTypo: 'v0.9.1' };
    expect(validate(broken)).toBe(false);
  });

  it('provisions the registration, the Azure resources and the Teams app in the toolkit order', () => {
    const steps = project('m365agents.yml').provision.map((a) => a.uses);
    expect(steps).toEqual([
      'aadApp/create',
      'teamsApp/create',
      'arm/deploy',
      'script',
      'aadApp/update',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/publishAppPackage',
    ]);
  });

  it('registers a single-tenant Entra app from aad.manifest.json', () => {
    const step = (uses: string) => project('m365agents.yml').provision.find((a) => a.uses === uses)!;
    expect(step('aadApp/create').with).toMatchObject({ signInAudience: 'AzureADMyOrg' });
    expect(step('aadApp/update').with).toMatchObject({ manifestPath: './aad.manifest.json' });
  });

  it('deploys by building, then zip-deploying to the App Service the Bicep created', () => {
    const deploy = project('m365agents.yml').deploy!;
    expect(deploy.map((a) => a.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(deploy[1]!.with).toMatchObject({ args: 'run build:web' });
    expect(deploy[2]!.with).toMatchObject({
      ignoreFile: '.webappignore',
      resourceId: '${{AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
    expect(read('infra/azure.bicep')).toMatch(/output AZURE_APP_SERVICE_RESOURCE_ID string = webApp\.id/);
  });

  it('every placeholder is defined before it is used: env file, an earlier step, a Bicep output or a built-in', () => {
    const doc = project('m365agents.yml');
    const defined = new Set([
      ...envFile('env/.env.dev').keys(),
      ...envFile('env/.env.dev.user').keys(),
      ...toolkitBuiltIns,
    ]);
    const bicepOutputs = [...read('infra/azure.bicep').matchAll(/^output ([A-Z0-9_]+) /gm)].map((m) => m[1]!);
    const missing: string[] = [];
    for (const action of doc.provision) {
      const used = placeholders(JSON.stringify(action.with ?? {}));
      if (action.uses === 'arm/deploy') used.push(...placeholders(read('infra/azure.parameters.json')));
      if (action.uses === 'aadApp/update') used.push(...placeholders(read('aad.manifest.json')));
      if (action.uses === 'teamsApp/zipAppPackage') used.push(...placeholders(read('appPackage/manifest.json')));
      // aadApp/update generates the scope id itself when it is empty (aka.ms/teamsfx-actions/aadapp-update).
      for (const name of used)
        if (!defined.has(name) && name !== 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID')
          missing.push(`${action.uses}: ${name}`);
      for (const name of Object.values(action.writeToEnvironmentFile ?? {})) defined.add(name);
      if (action.uses === 'arm/deploy') bicepOutputs.forEach((o) => defined.add(o));
    }
    expect(missing).toEqual([]);
  });

  it('the local project writes only variables the server reads, and enough to run against a tenant', () => {
    const local = project('m365agents.local.yml');
    const written = local.deploy!.filter((a) => a.uses === 'file/createOrUpdateEnvironmentFile');
    const names = written.flatMap((a) => Object.keys((a.with as { envs: object }).envs));
    expect(names.filter((n) => !configVariables.includes(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['TENANT_ID', 'CLIENT_ID', 'CLIENT_SECRET', 'BOT_ID', 'PUBLIC_URL']));
  });
});

/** aad.manifest.json with its placeholders filled as aadApp/update fills them. */
function registration(env: Record<string, string>) {
  const text = read('aad.manifest.json').replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => env[name] ?? '');
  return JSON.parse(text) as {
    signInAudience: string;
    identifierUris: string[];
    appRoles: Array<{ value: string; allowedMemberTypes: string[]; isEnabled: boolean; id: string }>;
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: Array<{ value: string; id: string; type: string }>;
      preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }>;
    };
    requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
    spa: { redirectUris: string[] };
  };
}

describe('aad.manifest.json: the registration the app expects', () => {
  const env = {
    AAD_APP_CLIENT_ID: '0c4e2f1a-9b8d-4c6e-a1f3-5d7b9e2c4a60',
    AAD_APP_OBJECT_ID: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
    AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f',
    TAB_DOMAIN: 'reciprocal.contoso.com',
    TEAMSFX_ENV: 'dev',
    APP_NAME_SUFFIX: 'dev',
  };
  const app = registration(env);
  const config = loadConfig({
    TENANT_ID: '7d2c9a55-3f4e-4b8a-9c61-0e5f2a1b8d40',
    CLIENT_ID: env.AAD_APP_CLIENT_ID,
    BOT_ID: env.AAD_APP_CLIENT_ID,
    CERTIFICATE_PATH: '/tmp/reciprocal-certificate.pem',
    CERTIFICATE_THUMBPRINT: 'ab'.repeat(32),
    PROGRAM_SITE: 'contoso.sharepoint.com:/sites/reciprocal',
    PUBLIC_URL: `https://${env.TAB_DOMAIN}`,
  });

  it('is single tenant and asks Entra for v2.0 access tokens', () => {
    expect(app.signInAudience).toBe('AzureADMyOrg');
    expect(app.api.requestedAccessTokenVersion).toBe(2);
  });

  it("its Application ID URI is the audience the server's config accepts", () => {
    expect(app.identifierUris).toEqual([config.identity.applicationIdUri]);
    expect(config.identity.apiAudiences).toContain(app.identifierUris[0]);
  });

  it('exposes exactly the access_as_user scope the bearer validator requires', () => {
    expect(app.api.oauth2PermissionScopes.map((s) => [s.value, s.type, s.id])).toEqual([
      [apiScopeName, 'User', env.AAD_APP_ACCESS_AS_USER_PERMISSION_ID],
    ]);
  });

  it('declares exactly the app roles the API reads from the roles claim, with distinct stable ids', () => {
    expect(app.appRoles.map((r) => r.value).sort()).toEqual([...roles].sort());
    expect(new Set(app.appRoles.map((r) => r.id)).size).toBe(roles.length);
    for (const role of app.appRoles) {
      expect(role.allowedMemberTypes).toEqual(['User']);
      expect(role.isEnabled).toBe(true);
      expect(role.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('pre-authorizes exactly the Microsoft 365 clients of server/permissions.ts on access_as_user', () => {
    expect(app.api.preAuthorizedApplications).toEqual(
      preAuthorizedClients.map((c) => ({
        appId: c.id,
        delegatedPermissionIds: [env.AAD_APP_ACCESS_AS_USER_PERMISSION_ID],
      })),
    );
  });

  it('requests exactly the Graph permissions of server/permissions.ts, application as Role and delegated as Scope', () => {
    expect(app.requiredResourceAccess).toHaveLength(1);
    const graph = app.requiredResourceAccess[0]!;
    expect(graph.resourceAppId).toBe('Microsoft Graph');
    const requested = (type: string) =>
      graph.resourceAccess
        .filter((a) => a.type === type)
        .map((a) => a.id)
        .sort();
    expect(requested('Role')).toEqual(permissionsOfType('application').sort());
    expect(requested('Scope')).toEqual(permissionsOfType('delegated').sort());
    expect(graph.resourceAccess.every((a) => a.type === 'Role' || a.type === 'Scope')).toBe(true);
  });

  it('has the nested-app-auth SPA redirect on the origin the add-in and the tab load from, and no other', () => {
    expect(app.spa.redirectUris).toEqual([`brk-multihub://${new URL(config.http.publicUrl).host}`]);
  });
});

describe('infra/azure.bicep: the hosting', () => {
  const bicep = read('infra/azure.bicep');
  const appSettings = [...bicep.matchAll(/name: '([A-Z][A-Z0-9_]*)'\s*\n\s*value:/g)].map((m) => m[1]!);
  // Read by App Service or by the startup command, not by the server.
  const platformSettings = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'CERTIFICATE_PEM_FROM_KEY_VAULT'];

  it('gives the web app only variables the server reads, and every one tenant mode requires', () => {
    const unknown = appSettings.filter((n) => !configVariables.includes(n) && !platformSettings.includes(n));
    expect(unknown).toEqual([]);
    expect(appSettings).toEqual(
      expect.arrayContaining([
        'TENANT_ID',
        'CLIENT_ID',
        'BOT_ID',
        'CERTIFICATE_PATH',
        'CERTIFICATE_THUMBPRINT',
        'PROGRAM_SITE',
        'PUBLIC_URL',
        'TEAMS_APP_ID',
        'HOST',
        'APPLICATIONINSIGHTS_CONNECTION_STRING',
      ]),
    );
  });

  it('keeps the web app HTTPS only, always on, on Node LTS, with the health check on /healthz and an autoscale rule', () => {
    expect(bicep).toMatch(/httpsOnly: true/);
    expect(bicep).toMatch(/alwaysOn: true/);
    expect(bicep).toMatch(/linuxFxVersion: 'NODE\|(20|22)-lts'/);
    expect(bicep).toMatch(/healthCheckPath: '\/healthz'/);
    expect(bicep).toMatch(/Microsoft\.Insights\/autoscalesettings/);
  });

  it('registers a single-tenant Azure Bot on the Teams and Microsoft 365 channels', () => {
    const bot = read('infra/botRegistration/azurebot.bicep');
    expect(bot).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bot).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bot).toMatch(/channelName: 'M365Extensions'/);
  });

  it('keeps the certificate in Key Vault, read by the managed identity, and sends telemetry to Application Insights', () => {
    expect(bicep).toMatch(/Microsoft\.KeyVault\/vaults/);
    expect(bicep).toMatch(/enableRbacAuthorization: true/);
    expect(bicep).toMatch(/keyVaultReferenceIdentity: identity\.id/);
    expect(bicep).toMatch(/@Microsoft\.KeyVault\(/);
    expect(bicep).toMatch(/Microsoft\.Insights\/components/);
  });
});
