// SharePoint through Graph: the program site, its lists with typed columns
// (indexed, unique), and list items with fields, $filter, paging, eTags and delta.
import type { GraphRoute } from '../dispatch.js';
import { deltaRoutes } from './delta.js';
import { itemRoutes } from './items.js';
import { listRoutes } from './lists.js';
import type { SharePointOptions } from './options.js';
import { siteRoutes } from './sites.js';

export type { SharePointOptions } from './options.js';

/** In the order the dispatcher tries them. */
export function sharePointRoutes(o: SharePointOptions): GraphRoute[] {
  return [...siteRoutes(o.store), ...listRoutes(o), ...deltaRoutes(o), ...itemRoutes(o)];
}
