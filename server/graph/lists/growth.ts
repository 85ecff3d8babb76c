// The program site's lists for this feature; spread into programLists (../programLists.ts).
import type { ListDefinition } from '../listColumns.js';

export const growthLists = {} satisfies Record<string, ListDefinition>;
