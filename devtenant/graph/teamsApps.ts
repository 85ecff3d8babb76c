// Teams app installations for a user or a chat (installedApps), so a bot can reach people proactively.
import type { DevTenantStore } from '../store.js';
import type { GraphRoute } from './dispatch.js';

export function teamsAppRoutes(_store: DevTenantStore): GraphRoute[] {
  return [];
}
