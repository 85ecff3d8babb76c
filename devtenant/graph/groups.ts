// Entra groups: the members of a group (for enrolling a group at once).
import type { DevTenantStore } from '../store.js';
import type { GraphRoute } from './dispatch.js';

export function groupRoutes(_store: DevTenantStore): GraphRoute[] {
  return [];
}
