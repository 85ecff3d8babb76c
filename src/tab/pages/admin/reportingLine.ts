import type { DirectoryPerson } from '../../../core/api.js';
import { strings } from '../../strings.js';

/** "A reports to B" when one of the two is the other's manager. */
export function reportingLineWarning(a: DirectoryPerson | null, b: DirectoryPerson | null): string | null {
  if (!a || !b) return null;
  if (a.managerId === b.id) return strings.admin.reportsTo(a.displayName, b.displayName);
  if (b.managerId === a.id) return strings.admin.reportsTo(b.displayName, a.displayName);
  return null;
}
