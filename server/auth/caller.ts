// Who is calling, as a validated access token says: what every use case
// authorizes against, whichever transport (REST, bot, CLI) brought the call.
import type { Role } from '../../src/core/schemas.js';

/** The signed-in caller, from a validated access token. */
export interface Caller {
  userId: string;
  tenantId: string;
  displayName: string;
  username: string;
  roles: readonly Role[];
  /** The raw bearer token, for on-behalf-of. Never logged. */
  accessToken: string;
}

export const hasRole = (caller: Pick<Caller, 'roles'>, role: Role): boolean => caller.roles.includes(role);
