// Sign-in for the tab and the task pane: host detection and token sources
// (src/client/host.ts) and the schema of the public sign-in configuration.
import { z } from 'zod';

/** GET /api/client-config: what the browser needs to sign in. */
export const ClientConfig = z.object({
  mode: z.enum(['embedded', 'tenant']),
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  /** e.g. `api://host/{clientId}/access_as_user`. */
  apiScope: z.string().min(1),
  /** The server offers a dev sign-in page at `/` (embedded mode only). */
  devSignIn: z.boolean(),
  /** MSAL authority; defaults to Entra ID for the tenant. */
  authority: z.string().optional(),
});
export type ClientConfig = z.infer<typeof ClientConfig>;

export * from './host.js';
