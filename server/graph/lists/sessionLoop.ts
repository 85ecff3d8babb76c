// The program site's lists for this feature; spread into programLists (../programLists.ts).
import type { ListDefinition } from '../listColumns.js';

export const sessionLoopLists = {} satisfies Record<string, ListDefinition>;
