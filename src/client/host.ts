// Who hosts us and how we get a token for our API.
// Inside Teams or Outlook: nested app authentication (MSAL NAA), or Teams SSO
// where the host does not offer NAA. In a plain browser: the dev sign-in token
// the server's landing page leaves in sessionStorage. The host is detected
// without waiting on one that is not there: a top-level window is never
// hosted, and a framed one gets a bounded time to answer teams-js.
// No schema library here: this is on the path to the first page (src/client/auth.ts
// adds the client-config schema for callers that want it).
import type { app } from '@microsoft/teams-js';
import { secondMs } from '../core/time.js';
import type { ClientConfig } from './auth.js';

export const devTokenStorageKey = 'reciprocal.devToken';

type TeamsJs = typeof import('@microsoft/teams-js');

export type Host =
  { kind: 'microsoft365'; teams: TeamsJs; context: app.Context; hostName: string } | { kind: 'browser' };

export interface HostDetectionOptions {
  /** How long a framing page gets to answer teams-js' handshake. */
  timeoutMs?: number;
  /** Extra host origins to trust (e.g. a local test host); https origins Microsoft lists are trusted anyway. */
  validMessageOrigins?: string[];
}

function isFramedOrOpened(): boolean {
  try {
    return window.parent !== window.self || Boolean(window.opener);
  } catch {
    // A cross-origin parent that throws on access is still a parent.
    return true;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * A top-level window nobody opened has no Microsoft 365 host: known at once, without teams-js.
 * Teams, Outlook and Microsoft 365 host a tab in a frame (or a popup they open), and teams-js
 * cannot tell them from any other framing page except by asking (`app.initialize`), which
 * rejects only after its own timeout when nobody answers (microsoft-teams-library-js #719, #730):
 * https://github.com/OfficeDev/microsoft-teams-library-js/issues/1150
 */
export function browserHostAtOnce(): Host | null {
  return isFramedOrOpened() ? null : { kind: 'browser' };
}

/** Finds our host. teams-js is only loaded when a host could be there. */
export async function detectHost(options: HostDetectionOptions = {}): Promise<Host> {
  const browser = browserHostAtOnce();
  if (browser) return browser;
  const teams = await import('@microsoft/teams-js');
  try {
    await withTimeout(
      teams.app.initialize(options.validMessageOrigins),
      options.timeoutMs ?? 3000,
      'The Microsoft 365 host',
    );
    const context = await withTimeout(teams.app.getContext(), options.timeoutMs ?? 3000, 'The Microsoft 365 host');
    return { kind: 'microsoft365', teams, context, hostName: String(context.app.host.name) };
  } catch {
    return { kind: 'browser' };
  }
}

export interface TokenSource {
  readonly kind: 'nested-app-auth' | 'teams-sso' | 'dev-sign-in';
  /** A bearer token for our API; `fresh` skips any cache (after a 401). */
  getToken(fresh?: boolean): Promise<string>;
}

/** Thrown when the user must sign in again (the dev token is missing or expired). */
export class SignInRequired extends Error {
  constructor(message = 'Please sign in again.') {
    super(message);
    this.name = 'SignInRequired';
  }
}

export interface TokenClaims {
  exp: number;
  oid?: string;
  name?: string;
}

const optionalText = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';

/**
 * The claims of a JWT, unverified: only to know when our own token runs out.
 * Checked by hand rather than with zod so that sign-in needs no schema library before the first page.
 */
export function readTokenClaims(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    if (typeof claims !== 'object' || claims === null) return null;
    const { exp, oid, name } = claims as Record<string, unknown>;
    if (typeof exp !== 'number' || !Number.isFinite(exp) || !optionalText(oid) || !optionalText(name)) return null;
    return { exp, ...(oid === undefined ? {} : { oid }), ...(name === undefined ? {} : { name }) };
  } catch {
    return null;
  }
}

/** Sends the browser to the dev landing page, which brings it back after sign-in. */
export function redirectToSignIn(): void {
  const returnTo = window.location.pathname + window.location.search;
  window.location.assign(`/?returnTo=${encodeURIComponent(returnTo)}`);
}

export function devSignInTokenSource(
  storage: Storage = window.sessionStorage,
  onMissing: () => void = redirectToSignIn,
  now: () => number = Date.now,
): TokenSource {
  // Every API call asks for the token, and a page's first calls go out together: the stored token is decoded once.
  let read: { token: string; claims: TokenClaims | null } | null = null;
  const claimsOf = (token: string) => {
    if (read?.token !== token) read = { token, claims: readTokenClaims(token) };
    return read.claims;
  };
  return {
    kind: 'dev-sign-in',
    async getToken(fresh = false) {
      const token = storage.getItem(devTokenStorageKey);
      const claims = token ? claimsOf(token) : null;
      // A token refused by the server (fresh) or about to expire is no use: sign in again.
      if (!token || !claims || claims.exp * secondMs < now() + 30 * secondMs || fresh) {
        if (fresh) storage.removeItem(devTokenStorageKey);
        onMissing();
        throw new SignInRequired();
      }
      return token;
    },
  };
}

async function nestedAppAuthTokenSource(
  host: Extract<Host, { kind: 'microsoft365' }>,
  config: ClientConfig,
): Promise<TokenSource> {
  const msal = await import('@azure/msal-browser');
  const pca = await msal.createNestablePublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority ?? `https://login.microsoftonline.com/${config.tenantId}`,
    },
  });
  const user = host.context.user;
  const scopes = [config.apiScope];
  return {
    kind: 'nested-app-auth',
    async getToken(fresh = false) {
      const account = pca.getAccount({
        tenantId: user?.tenant?.id,
        homeAccountId: user?.id,
        loginHint: user?.loginHint,
      });
      if (account) {
        try {
          return (await pca.acquireTokenSilent({ scopes, account, forceRefresh: fresh })).accessToken;
        } catch (error) {
          if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
        }
      }
      const result = await pca.acquireTokenPopup({ scopes, ...(user?.loginHint ? { loginHint: user.loginHint } : {}) });
      return result.accessToken;
    },
  };
}

function teamsSsoTokenSource(host: Extract<Host, { kind: 'microsoft365' }>): TokenSource {
  return {
    kind: 'teams-sso',
    // The host caches and refreshes SSO tokens itself.
    getToken: () => host.teams.authentication.getAuthToken(),
  };
}

/** The token source for this host: NAA when the host recommends it, else Teams SSO; dev sign-in in a plain browser. */
export async function createTokenSource(host: Host, config: ClientConfig): Promise<TokenSource> {
  if (host.kind === 'browser') {
    if (!config.devSignIn) throw new SignInRequired('Open Reciprocal from Microsoft Teams or Outlook to sign in.');
    return devSignInTokenSource();
  }
  let naa = false;
  try {
    naa = host.teams.nestedAppAuth.isNAAChannelRecommended();
  } catch {
    naa = false;
  }
  return naa ? nestedAppAuthTokenSource(host, config) : teamsSsoTokenSource(host);
}
