// Entra groups: the members of a group (for enrolling a group at once), kept as
// documents in the 'groups' collection: { id, displayName, memberIds }.
// https://learn.microsoft.com/graph/api/group-list-members — members are
// directoryObjects (users here) with @odata.type; paged with @odata.nextLink
// (default page 100, $top up to 999); an unknown group is a 404.
import { GraphError } from '../graphErrors.js';
import type { DevTenantStore } from '../store.js';
import type { GraphRoute } from './dispatch.js';
import { graphContext, page, parseSelect, parseTop } from './odata.js';
import { userResource } from './users.js';

export const groupsCollection = 'groups';

export interface DemoGroup {
  id: string;
  displayName: string;
  memberIds: string[];
}

export function groupRoutes(store: DevTenantStore): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/groups\/(?<group>[^/]+)\/members$/,
      kind: 'groups.members',
      handle: (req) => {
        const group = store.document(groupsCollection, req.params.group!) as DemoGroup | null;
        if (!group)
          throw new GraphError(
            404,
            'Request_ResourceNotFound',
            `Resource '${req.params.group}' does not exist or one of its queried reference-property objects are not present.`,
          );
        const select = parseSelect(req.query);
        const members = group.memberIds.flatMap((id) => {
          const u = store.findUser(id);
          return u ? [{ '@odata.type': '#microsoft.graph.user', ...userResource(u, select) }] : [];
        });
        const { value, nextLink } = page(members, req.query, req.baseUrl, req.path, parseTop(req.query, 100, 999));
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#directoryObjects`,
            value,
            ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
          },
        };
      },
    },
  ];
}
