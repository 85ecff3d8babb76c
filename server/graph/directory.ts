// The organization's directory through Graph: people, their managers, departments.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { odataString } from './programStore.js';

const GraphUser = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  mail: z.string().nullish(),
  userPrincipalName: z.string().nullish(),
  department: z.string().nullish(),
  jobTitle: z.string().nullish(),
});

const UserPage = z.object({ value: z.array(GraphUser), '@odata.nextLink': z.string().optional() });

export interface DirectoryUser {
  id: string;
  displayName: string;
  /** The mailbox address (mail, else the UPN). */
  mail: string;
  department: string | null;
  jobTitle: string | null;
}

const select = 'id,displayName,mail,userPrincipalName,department,jobTitle';

function toDirectoryUser(u: z.infer<typeof GraphUser>): DirectoryUser {
  return {
    id: u.id,
    displayName: u.displayName ?? u.userPrincipalName ?? u.id,
    mail: u.mail ?? u.userPrincipalName ?? '',
    department: u.department ?? null,
    jobTitle: u.jobTitle ?? null,
  };
}

/** Everyone (or everyone in one department), following @odata.nextLink to the end. */
export async function listUsers(
  client: Client,
  options: { department?: string; pageSize?: number } = {},
): Promise<DirectoryUser[]> {
  let request = client
    .api('/users')
    .select(select)
    .top(options.pageSize ?? 999);
  if (options.department !== undefined) request = request.filter(`department eq ${odataString(options.department)}`);
  let page = UserPage.parse(await request.get());
  const out = page.value.map(toDirectoryUser);
  while (page['@odata.nextLink']) {
    page = UserPage.parse(await client.api(page['@odata.nextLink']).get());
    out.push(...page.value.map(toDirectoryUser));
  }
  return out;
}

/** Up to `top` people whose display name starts with `prefix` (everyone when it is empty). */
export async function searchUsers(client: Client, prefix: string, top = 25): Promise<DirectoryUser[]> {
  let request = client.api('/users').select(select).top(top);
  if (prefix) request = request.filter(`startswith(displayName,${odataString(prefix)})`);
  return UserPage.parse(await request.get()).value.map(toDirectoryUser);
}

/** One person by object id or UPN; null when the directory has no such person. */
export async function findUser(client: Client, idOrUpn: string): Promise<DirectoryUser | null> {
  try {
    return toDirectoryUser(
      GraphUser.parse(
        await client
          .api(`/users/${encodeURIComponent(idOrUpn)}`)
          .select(select)
          .get(),
      ),
    );
  } catch (err) {
    if (err instanceof GraphError && err.statusCode === 404) return null;
    throw err;
  }
}

/** The person's manager; null when they have none (Graph answers 404). */
export async function managerOf(client: Client, userId: string): Promise<DirectoryUser | null> {
  try {
    return toDirectoryUser(
      GraphUser.parse(
        await client
          .api(`/users/${encodeURIComponent(userId)}/manager`)
          .select(select)
          .get(),
      ),
    );
  } catch (err) {
    if (err instanceof GraphError && err.statusCode === 404) return null;
    throw err;
  }
}

/** Whether `a` reports to `b`, directly or up the chain (bounded, in case the directory has a loop). */
export async function reportsTo(client: Client, a: string, b: string, maxDepth = 8): Promise<boolean> {
  let current = a;
  for (let i = 0; i < maxDepth; i++) {
    const manager = await managerOf(client, current);
    if (!manager) return false;
    if (manager.id === b) return true;
    current = manager.id;
  }
  return false;
}

/** The departments people belong to, sorted, with how many people each has. */
export async function listDepartments(client: Client): Promise<Array<{ department: string; people: number }>> {
  const counts = new Map<string, number>();
  for (const u of await listUsers(client))
    if (u.department) counts.set(u.department, (counts.get(u.department) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([department, people]) => ({ department, people }));
}
