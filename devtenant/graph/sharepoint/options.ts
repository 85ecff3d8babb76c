// What the SharePoint routes need: the store and the clock.
import type { DevTenantStore } from '../../store.js';

export interface SharePointOptions {
  store: DevTenantStore;
  now: () => Date;
}
