// Who holds the app's roles: users assigned directly, the direct user members
// of an assigned group (not a nested group's), across pages; an assignment of
// a role the app does not define counts for nothing.
import type { Client } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { appRoleHolders } from '../../../server/graph/roleAssignments.js';

const lead = 'role-lead';
const owner = 'role-owner';

/** A Graph client answering GETs from a table of paths (query strings dropped). */
function fakeGraph(answers: Record<string, unknown>): Client {
  const api = (path: string) => {
    const request = {
      select: () => request,
      get: async () => {
        const bare = path.replace(/^https:\/\/graph\.test\/v1\.0/, '').split('?')[0]!;
        if (!(bare in answers)) throw new Error(`unexpected GET ${bare}`);
        return answers[bare];
      },
    };
    return request;
  };
  return { api } as unknown as Client;
}

describe('appRoleHolders', () => {
  it('counts users assigned directly and the direct user members of an assigned group, across pages', async () => {
    const sp = "/servicePrincipals(appId='app-1')";
    const graph = fakeGraph({
      [sp]: {
        appRoles: [
          { id: lead, value: 'DepartmentLead' },
          { id: owner, value: 'ProgramOwner' },
        ],
      },
      [`${sp}/appRoleAssignedTo`]: {
        value: [
          { appRoleId: lead, principalId: 'u-1', principalType: 'User' },
          { appRoleId: 'unknown-role', principalId: 'u-9', principalType: 'User' },
        ],
        '@odata.nextLink': 'https://graph.test/v1.0/page-2',
      },
      '/page-2': {
        value: [
          { appRoleId: owner, principalId: 'g-1', principalType: 'Group' },
          { appRoleId: owner, principalId: 'client-sp', principalType: 'ServicePrincipal' },
        ],
      },
      '/groups/g-1/members': {
        value: [
          { id: 'u-1', '@odata.type': '#microsoft.graph.user' },
          { id: 'u-2', '@odata.type': '#microsoft.graph.user' },
          { id: 'g-nested', '@odata.type': '#microsoft.graph.group' },
        ],
      },
    });
    const holders = await appRoleHolders(graph, 'app-1');
    expect(Object.fromEntries([...holders].map(([id, roles]) => [id, [...roles].sort()]))).toEqual({
      'u-1': ['DepartmentLead', 'ProgramOwner'],
      'u-2': ['ProgramOwner'],
    });
  });
});
