// A dev tenant for one test file: ephemeral ports, a temp data dir, and
// helpers that get tokens over HTTP the way any client would.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedDefaults as ids } from '../../server/config.js';
import { permissionsOfType } from '../../server/permissions.js';
import { startDevTenant, type DevTenantOptions, type RunningDevTenant } from '../../devtenant/index.js';

export interface DemoUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  department: string;
  roles: string[];
  careerStage: 'early' | 'mid' | 'seasoned';
  timeZone: string;
  jobTitle: string;
  managerId: string | null;
}

export interface TestDevTenant extends RunningDevTenant {
  dataDir: string;
  options: DevTenantOptions;
  users: DemoUser[];
  /** A user token (password grant) for our API, or for `scope` if given. */
  tokenFor(upn: string, scope?: string, tenantId?: string): Promise<string>;
  /** An app-only token (client credentials), Graph by default. */
  appToken(scope?: string, tenantId?: string): Promise<string>;
  /** Graph call with an app token; returns status and parsed body. */
  graph(
    method: string,
    pathAndQuery: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function token(url: string, tenantId: string, form: Record<string, string>): Promise<string> {
  const res = await fetch(`${url}/${tenantId}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams(form) });
  const body = (await res.json()) as { access_token?: string; error_description?: string };
  if (!res.ok || !body.access_token)
    throw new Error(`token request failed: ${res.status} ${body.error_description ?? ''}`);
  return body.access_token;
}

export async function startTestDevTenant(overrides: Partial<DevTenantOptions> = {}): Promise<TestDevTenant> {
  const options: DevTenantOptions = {
    port: 0,
    httpsPort: 0,
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'reciprocal-devtenant-')),
    tenantId: ids.tenantId,
    foreignTenantId: ids.foreignTenantId,
    clientId: ids.clientId,
    clientSecret: ids.clientSecret,
    botId: ids.botId,
    // Exactly the permissions the product documents (server/permissions.ts), as `npm start` grants them.
    appRegistration: {
      applicationPermissions: permissionsOfType('application'),
      delegatedPermissions: permissionsOfType('delegated'),
    },
    ...overrides,
  };
  const running = await startDevTenant(options);
  const root = (await (await fetch(`${running.url}/`)).json()) as { users: DemoUser[] };
  let graphToken: string | null = null;
  const self: TestDevTenant = {
    ...running,
    dataDir: options.dataDir,
    options,
    users: root.users,
    tokenFor: (upn, scope = `api://127.0.0.1/${ids.clientId}/access_as_user`, tenantId = ids.tenantId) =>
      token(running.url, tenantId, {
        grant_type: 'password',
        client_id: ids.clientId,
        username: upn,
        password: 'dev',
        scope,
      }),
    appToken: (scope = 'https://graph.microsoft.com/.default', tenantId = ids.tenantId) =>
      token(running.url, tenantId, {
        grant_type: 'client_credentials',
        client_id: ids.clientId,
        client_secret: ids.clientSecret,
        scope,
      }),
    async graph(method, pathAndQuery, body, headers = {}) {
      graphToken ??= await self.appToken();
      const res = await fetch(`${running.url}/v1.0${pathAndQuery}`, {
        method,
        headers: {
          authorization: `Bearer ${graphToken}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
  };
  return self;
}
