// Tokens for demo users of the dev tenant, the way the landing page gets
// them: the password grant (password `dev`) at the tenant's token endpoint,
// for our API's scope as /api/client-config announces it.
import { z } from 'zod';

const ClientConfig = z.object({ tenantId: z.string(), clientId: z.string(), apiScope: z.string() });
const TokenResponse = z.object({ access_token: z.string() });
const DevTenantDirectory = z.object({
  tenantId: z.string(),
  users: z.array(z.object({ id: z.string(), userPrincipalName: z.string(), displayName: z.string(), department: z.string().nullable().optional(), roles: z.array(z.string()) })),
});
export type DemoUser = z.infer<typeof DevTenantDirectory>['users'][number];

export async function demoUsers(devTenantUrl: string): Promise<DemoUser[]> {
  const response = await fetch(`${devTenantUrl}/`);
  if (!response.ok) throw new Error(`dev tenant directory: ${response.status}`);
  return DevTenantDirectory.parse(await response.json()).users;
}

export async function demoUserToken(appUrl: string, devTenantUrl: string, userPrincipalName: string): Promise<string> {
  const config = ClientConfig.parse(await (await fetch(`${appUrl}/api/client-config`)).json());
  const response = await fetch(`${devTenantUrl}/${config.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: config.clientId, scope: config.apiScope, username: userPrincipalName, password: 'dev' }),
  });
  if (!response.ok) throw new Error(`dev sign-in for ${userPrincipalName}: ${response.status} ${await response.text()}`);
  return TokenResponse.parse(await response.json()).access_token;
}

/** GET an API path as a user, parsed as JSON. */
export async function apiAs<T = unknown>(appUrl: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${appUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
