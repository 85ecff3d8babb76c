// Validates the bearer token on every API call: RS256 signature from the
// tenant's JWKS, issuer, audience, tenant (tid), lifetime. Entra's signing keys
// are shared across tenants, so issuer and tid are what keep other tenants out.
// Both token versions are accepted, since the app registration's
// accessTokenAcceptedVersion (null or 1: v1.0, 2: v2.0) decides which one
// Entra issues, each pinned to its own issuer:
// https://learn.microsoft.com/entra/identity-platform/access-tokens
// https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { z } from 'zod';
import { Role } from '../../src/core/schemas.js';
import type { Caller } from './caller.js';

export interface BearerValidationOptions {
  /** The v2.0 issuer (`{authority}/{tenantId}/v2.0`). */
  issuer: string;
  /** The v1.0 issuer; Entra's is `https://sts.windows.net/{tenantId}/` in every cloud but China's. */
  v1Issuer?: string;
  jwksUri: string;
  audiences: string[];
  tenantId: string;
  clockToleranceSeconds?: number;
  /** The delegated scope a caller's token must carry (Entra's `scp`). */
  requiredScope?: string;
}

export const apiScopeName = 'access_as_user';

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** The tenant's signing keys could not be fetched: an outage, not a bad token. */
export class IdentityUnavailableError extends Error {
  constructor(cause: unknown) {
    super("the identity provider's signing keys could not be fetched", { cause });
    this.name = 'IdentityUnavailableError';
  }
}

const Claims = z.object({
  tid: z.string(),
  oid: z.string().min(1),
  /** Delegated scopes; an app-only token has none and cannot act as a person. */
  scp: z.string().default(''),
  name: z.string().default(''),
  ver: z.enum(['1.0', '2.0']).optional(),
  /** v2.0 names the person with preferred_username, v1.0 with upn (or unique_name). */
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
  unique_name: z.string().optional(),
  roles: z.array(z.string()).default([]),
});

/** The issuer a token of this version must come from: a v1.0 token under the v2.0 issuer (or back) is refused. */
const issuerMatchesVersion = (
  iss: unknown,
  ver: '1.0' | '2.0' | undefined,
  options: Required<Pick<BearerValidationOptions, 'issuer' | 'v1Issuer'>>,
) => (ver === '1.0' ? options.v1Issuer : options.issuer) === iss;

export type BearerValidator = (authorization: string | undefined) => Promise<Caller>;

export function createBearerValidator(options: BearerValidationOptions): BearerValidator {
  const issuers = {
    issuer: options.issuer,
    v1Issuer: options.v1Issuer ?? `https://sts.windows.net/${options.tenantId}/`,
  };
  const keys = createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 30_000, cacheMaxAge: 3_600_000 });
  return async (authorization) => {
    const token = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(
      authorization?.trim() ?? '',
    )?.[1];
    if (!token)
      throw new AuthenticationError(
        authorization ? 'the Authorization header is not a bearer token' : 'sign in first: no bearer token was sent',
      );
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: [issuers.issuer, issuers.v1Issuer],
        audience: options.audiences,
        algorithms: ['RS256'],
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWKSTimeout || !(err instanceof joseErrors.JOSEError))
        throw new IdentityUnavailableError(err);
      if (err instanceof joseErrors.JWTExpired) throw new AuthenticationError('the token has expired');
      if (err instanceof joseErrors.JWTClaimValidationFailed)
        throw new AuthenticationError(`the token's ${err.claim} claim is not accepted`);
      throw new AuthenticationError('the token is not valid for this app');
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new AuthenticationError('the token lacks the claims this app needs');
    if (claims.data.tid !== options.tenantId) throw new AuthenticationError('the token was issued for another tenant');
    if (!issuerMatchesVersion(payload.iss, claims.data.ver ?? '2.0', issuers))
      throw new AuthenticationError("the token's ver claim does not match its issuer");
    const requiredScope = options.requiredScope ?? apiScopeName;
    if (!claims.data.scp.split(' ').includes(requiredScope))
      throw new AuthenticationError(
        `the token is not a signed-in person's token for this app (scope ${requiredScope})`,
      );
    return {
      userId: claims.data.oid,
      tenantId: claims.data.tid,
      displayName: claims.data.name,
      username: claims.data.preferred_username ?? claims.data.upn ?? claims.data.unique_name ?? '',
      roles: claims.data.roles.flatMap((r) => (Role.safeParse(r).success ? [r as Role] : [])),
      accessToken: token,
    };
  };
}
