// Who holds each of the app's roles in the tenant: the app role assignments
// of its service principal (addressed by the app's client id), with each role
// id read back to its value from the service principal's appRoles. A role
// assigned to a group counts for the group's direct members (users); nested
// groups are not followed, as Entra does not follow them for app roles.
// Both calls need Application.Read.All (application), the least privileged permission listed.
// https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignedto
// https://learn.microsoft.com/graph/api/serviceprincipal-get
// https://learn.microsoft.com/graph/api/resources/approleassignment ("If an app role is assigned to a group,
//   direct members of the group are also considered to have been assigned the app role.")
// https://learn.microsoft.com/graph/api/group-list-members (GroupMember.Read.All)
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

const ServicePrincipal = z.object({
  appRoles: z.array(z.object({ id: z.string(), value: z.string().nullish() })).default([]),
});

const Page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ value: z.array(item), '@odata.nextLink': z.string().nullish() });

const Assignment = z.object({ appRoleId: z.string(), principalId: z.string(), principalType: z.string() });
const Member = z.object({ id: z.string(), '@odata.type': z.string().nullish() });

/** Every item of a paged Graph collection. */
async function allPages<T extends z.ZodTypeAny>(graph: Client, path: string, item: T): Promise<Array<z.infer<T>>> {
  const out: Array<z.infer<T>> = [];
  let next: string | null | undefined = path;
  while (next) {
    const page = Page(item).parse(await graph.api(next).get());
    out.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return out;
}

/** Each user holding one of the app's roles, with the values of the roles they hold. */
export async function appRoleHolders(graph: Client, appClientId: string): Promise<Map<string, Set<string>>> {
  const principal = `/servicePrincipals(appId='${encodeURIComponent(appClientId)}')`;
  const sp = ServicePrincipal.parse(await graph.api(principal).select('id,appRoles').get());
  const roleValue = new Map(sp.appRoles.flatMap((r) => (r.value ? [[r.id, r.value] as const] : [])));
  const holders = new Map<string, Set<string>>();
  const hold = (userId: string, role: string) => holders.set(userId, (holders.get(userId) ?? new Set()).add(role));
  for (const a of await allPages(graph, `${principal}/appRoleAssignedTo`, Assignment)) {
    const role = roleValue.get(a.appRoleId);
    if (!role) continue;
    if (a.principalType === 'User') hold(a.principalId, role);
    else if (a.principalType === 'Group')
      for (const m of await allPages(graph, `/groups/${encodeURIComponent(a.principalId)}/members?$select=id`, Member))
        if (!m['@odata.type'] || m['@odata.type'] === '#microsoft.graph.user') hold(m.id, role);
  }
  return holders;
}

const Department = z.object({ department: z.string().nullish() });

/** A user's department as the directory has it (null when unset). */
export async function departmentOf(graph: Client, userId: string): Promise<string | null> {
  const u = Department.parse(
    await graph
      .api(`/users/${encodeURIComponent(userId)}`)
      .select('id,department')
      .get(),
  );
  return u.department?.trim() || null;
}
