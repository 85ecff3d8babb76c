// Tokens our server needs from the identity platform, through MSAL:
// app-only (client credentials) for Graph, and on-behalf-of a signed-in user.
import { readFileSync } from 'node:fs';
import {
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Config } from '../config.js';

export interface TokenSource {
  /** App-only token for a resource, e.g. https://graph.microsoft.com/.default */
  appToken(scope: string): Promise<string>;
  /** A token for `scope` on behalf of the user who sent `userAccessToken`. */
  onBehalfOf(userAccessToken: string, scope: string): Promise<string>;
}

export const graphDefaultScope = 'https://graph.microsoft.com/.default';

/**
 * MSAL's network client, trusting an extra CA. Only the dev tenant's
 * self-signed identity endpoint needs it; against Entra ID MSAL's own client is used.
 */
export function networkClientTrusting(caPem: string): INetworkModule {
  const dispatcher = new Agent({ connect: { ca: caPem } });
  const send = async <T>(
    url: string,
    method: 'GET' | 'POST',
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const response = await undiciFetch(url, { method, headers: options?.headers, body: options?.body, dispatcher });
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => (headers[k] = v));
    return { headers, body: (await response.json()) as T, status: response.status };
  };
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, 'GET', options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, 'POST', options),
  };
}

export interface AcquiredToken {
  accessToken: string;
  expiresOnMs: number;
}

/** MSAL's own renewal margin (tokenRenewalOffsetSeconds, 300 s): a token this close to expiry is fetched again. */
const renewalMarginMs = 5 * 60_000;

/**
 * App-only tokens per scope, in front of MSAL: MSAL's cache lookup costs about
 * a millisecond of CPU (every bot activity asks for the Bot Connector token),
 * and MSAL sends one request per concurrent cache miss, so a burst at start-up
 * became a hundred token requests. Concurrent callers share one acquisition;
 * a token is reused until MSAL's own renewal margin; a failure is not kept.
 */
export function rememberAppTokens(
  acquire: (scope: string) => Promise<AcquiredToken>,
  now: () => number,
): (scope: string) => Promise<string> {
  const held = new Map<string, { token: Promise<AcquiredToken>; untilMs: number }>();
  return async (scope) => {
    const known = held.get(scope);
    if (known && known.untilMs > now()) return (await known.token).accessToken;
    const token = acquire(scope);
    // Until it settles, concurrent callers share the request; then it is kept only while fresh.
    const entry = { token, untilMs: Number.POSITIVE_INFINITY };
    held.set(scope, entry);
    try {
      const acquired = await token;
      entry.untilMs = acquired.expiresOnMs - renewalMarginMs;
      return acquired.accessToken;
    } catch (err) {
      if (held.get(scope) === entry) held.delete(scope);
      throw err;
    }
  };
}

/** MSAL for an app registration: ours by default, or another one (the bot's) with its own credentials. */
export function createTokenSource(
  config: Config,
  as: { clientId: string; clientSecret: string | null } | null = null,
): TokenSource {
  const { tenantId } = config;
  const identity = as
    ? {
        ...config.identity,
        clientId: as.clientId,
        clientSecret: as.clientSecret,
        certificate: as.clientSecret ? null : config.identity.certificate,
      }
    : config.identity;
  const authorityHost = new URL(identity.authorityHost);
  const credentials = identity.certificate
    ? {
        clientCertificate: {
          thumbprintSha256: identity.certificate.thumbprint,
          privateKey: readFileSync(identity.certificate.path, 'utf8'),
        },
      }
    : { clientSecret: identity.clientSecret ?? '' };
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: identity.clientId,
      authority: `${identity.authorityHost}/${tenantId}`,
      // A known authority skips instance discovery, which would call login.microsoftonline.com.
      knownAuthorities: authorityHost.hostname === 'login.microsoftonline.com' ? [] : [authorityHost.host],
      ...credentials,
    },
    system: identity.extraCaFile
      ? { networkClient: networkClientTrusting(readFileSync(identity.extraCaFile, 'utf8')) }
      : {},
  });
  const need = (token: string | undefined | null, what: string): string => {
    if (!token) throw new Error(`the identity platform returned no token for ${what}`);
    return token;
  };
  const appToken = rememberAppTokens(async (scope) => {
    const result = await msal.acquireTokenByClientCredential({ scopes: [scope] });
    return { accessToken: need(result?.accessToken, scope), expiresOnMs: result?.expiresOn?.getTime() ?? 0 };
  }, Date.now);
  return {
    appToken,
    async onBehalfOf(userAccessToken, scope) {
      const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: userAccessToken, scopes: [scope] });
      return need(result?.accessToken, scope);
    },
  };
}
