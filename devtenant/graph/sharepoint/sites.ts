// Sites by host and path (`/sites/{host}:/sites/{path}`) and by id.
import { GraphError } from '../../graphErrors.js';
import type { DevTenantStore } from '../../store.js';
import type { GraphRoute } from '../dispatch.js';
import { graphContext } from '../odata.js';
import { findSite } from './resources.js';

export const siteSegment = String.raw`/sites/(?<site>[^/:]+(?:,[^/]+){0,2})`;

export function siteRoutes(store: DevTenantStore): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/sites\/(?<host>[^/:]+):(?<path>\/[^:]+):?$/,
      kind: 'sites.getByPath',
      handle: (req) => {
        const s = store.findSite(String(req.params.host), String(req.params.path));
        if (!s) throw new GraphError(404, 'itemNotFound', 'Requested site could not be found');
        return { status: 200, body: { '@odata.context': `${graphContext}#sites/$entity`, ...s } };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${siteSegment}$`),
      kind: 'sites.get',
      handle: (req) => ({
        status: 200,
        body: { '@odata.context': `${graphContext}#sites/$entity`, ...findSite(store, req) },
      }),
    },
  ];
}
