// Token endpoint failures shaped like Entra's: an OAuth error, an AADSTS code,
// and the trace and correlation ids Entra adds.
import { randomUUID } from 'node:crypto';

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: string,
    description: string,
  ) {
    super(description);
  }
}

export const invalidRequest = (aadsts: string, description: string) =>
  new OAuthError(400, 'invalid_request', aadsts, description);
export const invalidGrant = (aadsts: string, description: string) =>
  new OAuthError(400, 'invalid_grant', aadsts, description);
export const invalidScope = (description: string) => new OAuthError(400, 'invalid_scope', 'AADSTS1002012', description);
export const invalidTenant = (tid: string) =>
  new OAuthError(400, 'invalid_tenant', 'AADSTS90002', `Tenant '${tid}' not found.`);

/** What discovery answers for a tenant it does not know (no trace ids there). */
export const unknownTenantBody = (tid: string) => ({
  error: 'invalid_tenant',
  error_description: `AADSTS90002: Tenant '${tid}' not found.`,
});

/** Anything else that goes wrong reads as a malformed request, as Entra's does. */
export function oauthErrorBody(err: unknown): { status: number; body: Record<string, unknown> } {
  const e =
    err instanceof OAuthError ? err : invalidRequest('AADSTS900144', 'The request body must contain a valid request.');
  return {
    status: e.status,
    body: {
      error: e.error,
      error_description: `${e.aadsts}: ${e.message}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
      error_codes: [Number(e.aadsts.replace('AADSTS', ''))],
      timestamp: new Date()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z'),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
  };
}
