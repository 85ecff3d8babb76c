// Changing the app registration's consented permissions in an operations test:
// the app restarts so its next app token carries them (as in Entra), and its
// own scheduler stays stopped, since these tests tick by hand.
import { expect } from 'vitest';
import { permissionsOfType } from '../../../server/permissions.js';
import type { TestApp } from '../../support/app.js';

export interface Grant {
  applicationPermissions: string[];
  delegatedPermissions: string[];
}

/** Exactly what the product documents (server/permissions.ts). */
export const documented: Grant = {
  applicationPermissions: permissionsOfType('application'),
  delegatedPermissions: permissionsOfType('delegated'),
};

/** The documented grant without one application permission. */
export const documentedWithout = (name: string): Grant => ({
  ...documented,
  applicationPermissions: documented.applicationPermissions.filter((p) => p !== name),
});

export async function grant(app: TestApp, registration: Grant): Promise<void> {
  const res = await fetch(`${app.devTenantUrl}/_admin/app-registration`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(registration),
  });
  expect(res.status).toBe(200);
  await app.restart();
  await app.app.scheduler?.stop();
}
