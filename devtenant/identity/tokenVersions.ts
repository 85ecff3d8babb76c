// The two shapes Entra gives an access token for an API registered in the
// tenant (ours), chosen by the API's `accessTokenAcceptedVersion`: null and 1
// give v1.0 tokens, 2 gives v2.0 tokens, whichever endpoint the client called.
// https://learn.microsoft.com/entra/identity-platform/access-tokens (token versions, issuer per version)
// https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference (claims per version)
import { randomBytes } from 'node:crypto';
import type { AppRegistration } from '../appRegistration.js';

export type TokenVersion = '1.0' | '2.0';

export const tokenVersionOf = (accepted: AppRegistration['accessTokenAcceptedVersion']): TokenVersion =>
  accepted === 2 ? '2.0' : '1.0';

/** v1.0 tokens are issued by `https://sts.windows.net/{tid}/` whatever authority was called. */
export const v1Issuer = (tid: string) => `https://sts.windows.net/${tid}/`;

/** The person a token speaks for, before the version decides which claims name them. */
export interface TokenSubject {
  oid: string;
  name: string;
  userPrincipalName: string;
  givenName?: string;
  surname?: string;
  roles: string[];
}

export interface ApiTokenRequest {
  version: TokenVersion;
  /** The client id of the API the token is for. */
  apiClientId: string;
  /** What the client asked for: the App ID URI (`api://…/{clientId}`) or the client id. */
  requestedResource: string;
  /** The client that asked (v1 `appid`, v2 `azp`). */
  clientId: string;
  /** 0: public client, 1: client secret, 2: certificate. */
  clientAuthentication: '0' | '1' | '2';
}

const opaque = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * `aud`: v2.0 tokens always carry the API's client id; v1.0 tokens carry the
 * resource as requested (App ID URI or client id), per the claims reference.
 */
const audienceOf = (r: ApiTokenRequest) => (r.version === '2.0' ? r.apiClientId : r.requestedResource);

/** Claims of an app-only token for our API (client credentials). */
export function appOnlyApiClaims(r: ApiTokenRequest): Record<string, unknown> {
  const client =
    r.version === '2.0'
      ? { azp: r.clientId, azpacr: r.clientAuthentication }
      : { appid: r.clientId, appidacr: r.clientAuthentication };
  return { aud: audienceOf(r), ...client, idtyp: 'app', oid: r.clientId, sub: r.clientId, roles: [], rh: opaque(8) };
}

/** Claims of a delegated token for our API: v1.0 names the person with `upn`/`unique_name`, v2.0 with `preferred_username`. */
export function delegatedApiClaims(r: ApiTokenRequest, who: TokenSubject, scp: string): Record<string, unknown> {
  const common = {
    aud: audienceOf(r),
    aio: opaque(48),
    name: who.name,
    oid: who.oid,
    rh: opaque(8),
    roles: who.roles,
    scp,
    sub: who.oid,
  };
  if (r.version === '2.0')
    return { ...common, azp: r.clientId, azpacr: r.clientAuthentication, preferred_username: who.userPrincipalName };
  return {
    ...common,
    acr: '1',
    amr: ['pwd'],
    appid: r.clientId,
    appidacr: r.clientAuthentication,
    ...(who.givenName !== undefined ? { given_name: who.givenName } : {}),
    ...(who.surname !== undefined ? { family_name: who.surname } : {}),
    ipaddr: '127.0.0.1',
    unique_name: who.userPrincipalName,
    upn: who.userPrincipalName,
  };
}
