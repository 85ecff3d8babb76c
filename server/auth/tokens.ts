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
  return {
    async appToken(scope) {
      const result = await msal.acquireTokenByClientCredential({ scopes: [scope] });
      return need(result?.accessToken, scope);
    },
    async onBehalfOf(userAccessToken, scope) {
      const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: userAccessToken, scopes: [scope] });
      return need(result?.accessToken, scope);
    },
  };
}
