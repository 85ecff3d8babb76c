// The program site's lists for this feature; spread into programLists (../programLists.ts).
import type { ListDefinition } from '../listColumns.js';

export const jobsLists = {} satisfies Record<string, ListDefinition>;
