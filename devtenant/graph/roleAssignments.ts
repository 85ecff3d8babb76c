// The app's service principal and who is assigned its app roles, from the
// demo people's seeded roles (the same roles their tokens carry):
// GET /servicePrincipals(appId='{appId}') (or /{id}) with its appRoles, and
// .../appRoleAssignedTo, one User assignment per person and role, paged.
// Role ids are the ones aad.manifest.json declares.
// https://learn.microsoft.com/graph/api/serviceprincipal-get
// https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignedto (response example: id,
//   deletedDateTime, appRoleId, createdDateTime, principalDisplayName, principalId, principalType,
//   resourceDisplayName, resourceId)
import { createHash } from 'node:crypto';
import { GraphError } from '../graphErrors.js';
import type { DevTenantStore } from '../store.js';
import type { GraphRequest, GraphRoute } from './dispatch.js';
import { applySelect, graphContext, page, parseSelect, parseTop } from './odata.js';

export interface RoleAssignmentOptions {
  store: DevTenantStore;
  /** The client id of the app registration whose service principal this is. */
  appId: string;
  now: () => Date;
}

const appRoles = [
  { value: 'Participant', id: 'f4ec5b07-9cff-46a8-a733-487cffed668c', description: 'Enrolled in the program.' },
  { value: 'DepartmentLead', id: '96a2fd85-6edb-4bfb-abda-b621a58eea4e', description: 'Leads a department.' },
  { value: 'ProgramOwner', id: 'f98eff15-3448-42bb-8847-c126134193ad', description: 'Runs the program.' },
];

/** A stable GUID-shaped id from a name. */
function guidOf(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const principal = String.raw`^/servicePrincipals(?:\(appId=(?:'|%27)(?<appId>[^'%/]+)(?:'|%27)\)|/(?<id>[^/(]+))`;

function servicePrincipalOf(o: RoleAssignmentOptions, req: GraphRequest) {
  const id = guidOf(`servicePrincipal:${o.appId}`);
  if (req.params['appId'] !== o.appId && req.params['id'] !== id)
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${req.params['appId'] ?? req.params['id']}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return {
    id,
    appId: o.appId,
    displayName: 'Reciprocal',
    servicePrincipalType: 'Application',
    accountEnabled: true,
    appRoleAssignmentRequired: false,
    appRoles: appRoles.map((r) => ({
      allowedMemberTypes: ['User'],
      description: r.description,
      displayName: r.value,
      id: r.id,
      isEnabled: true,
      origin: 'Application',
      value: r.value,
    })),
  };
}

export function roleAssignmentRoutes(o: RoleAssignmentOptions): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: new RegExp(`${principal}$`),
      kind: 'servicePrincipals.get',
      handle: (req) => ({
        status: 200,
        body: {
          '@odata.context': `${graphContext}#servicePrincipals/$entity`,
          ...applySelect(servicePrincipalOf(o, req), parseSelect(req.query)),
        },
      }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`${principal}/appRoleAssignedTo$`),
      kind: 'servicePrincipals.appRoleAssignedTo',
      handle: (req) => {
        const sp = servicePrincipalOf(o, req);
        const assignments = o.store.allUsers().flatMap((u) =>
          appRoles
            .filter((r) => u.roles.includes(r.value))
            .map((r) => ({
              id: Buffer.from(guidOf(`assignment:${u.id}:${r.id}`))
                .toString('base64url')
                .slice(0, 43),
              deletedDateTime: null,
              appRoleId: r.id,
              createdDateTime: o.now().toISOString(),
              principalDisplayName: u.displayName,
              principalId: u.id,
              principalType: 'User',
              resourceDisplayName: sp.displayName,
              resourceId: sp.id,
            })),
        );
        const { value, nextLink } = page(assignments, req.query, req.baseUrl, req.path, parseTop(req.query, 100, 999));
        return {
          status: 200,
          body: {
            '@odata.context': `${graphContext}#servicePrincipals('${sp.id}')/appRoleAssignedTo`,
            value,
            ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
          },
        };
      },
    },
  ];
}
