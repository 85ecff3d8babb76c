// An OpenID Connect issuer per tenant id, shaped like Entra ID's v2 endpoints:
// metadata, JWKS, and a token endpoint for client credentials, on-behalf-of
// and (demo users only) the password grant. Both tenants share one signing key,
// as Entra's tenants do, so relying parties must check the issuer and `tid`.
// Over 400 lines because the three grants share one class's state (key,
// registration, clock); token shapes, keys and errors live in identity/.
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';
import {
  OAuthError,
  invalidGrant,
  invalidRequest,
  invalidScope,
  invalidTenant,
  oauthErrorBody,
  unknownTenantBody,
} from './identity/oauthErrors.js';
import { openIdMetadata } from './identity/openIdMetadata.js';
import { loadOrCreateKey, type SigningKey } from './identity/signingKey.js';
import {
  appOnlyApiClaims,
  delegatedApiClaims,
  tokenVersionOf,
  v1Issuer,
  type ApiTokenRequest,
  type TokenSubject,
  type TokenVersion,
} from './identity/tokenVersions.js';
import type { AppRegistrationStore } from './appRegistration.js';
import type { DevTenantStore, DirectoryUser } from './store.js';

export const graphAudience = 'https://graph.microsoft.com';
const graphAppId = '00000003-0000-0000-c000-000000000000';
export const demoPassword = 'dev';
const tokenLifetimeSeconds = 3600;

export interface IdentityOptions {
  dataDir: string;
  tenantId: string;
  foreignTenantId: string;
  /** App registrations: client id -> secret. The app and the bot. */
  clients: Record<string, string>;
  store: DevTenantStore;
  /** What an admin consented to: the permissions tokens carry. */
  registration: AppRegistrationStore;
  now: () => Date;
}

/** Someone in the foreign tenant, so tests can hold a real token from elsewhere. */
export const foreignUser = {
  oid: '0fe1a2b3-c4d5-4e6f-8a9b-0c1d2e3f4a5b',
  upn: 'eve.stone@fabrikam.example',
  name: 'Eve Stone',
  roles: ['Participant', 'DepartmentLead', 'ProgramOwner'],
};

const TokenRequest = z.object({
  grant_type: z.enum([
    'client_credentials',
    'password',
    'urn:ietf:params:oauth:grant-type:jwt-bearer',
    'authorization_code',
    'refresh_token',
  ]),
  client_id: z.string().min(1),
  client_secret: z.string().optional(),
  scope: z.string().default(''),
  username: z.string().optional(),
  password: z.string().optional(),
  assertion: z.string().optional(),
  requested_token_use: z.string().optional(),
  client_info: z.string().optional(),
});

type TokenForm = z.infer<typeof TokenRequest>;

export class Identity {
  private constructor(
    private readonly options: IdentityOptions,
    private readonly key: SigningKey,
  ) {}

  static async create(options: IdentityOptions): Promise<Identity> {
    return new Identity(options, await loadOrCreateKey(options.dataDir));
  }

  /** Set once the HTTP listener knows its port. */
  issuerBase = '';

  issuer(tenantId: string): string {
    return `${this.issuerBase}/${tenantId}/v2.0`;
  }

  private knownTenant(tid: string): boolean {
    return tid === this.options.tenantId || tid === this.options.foreignTenantId;
  }

  async sign(
    claims: JWTPayload & { tid: string },
    lifetimeSeconds = tokenLifetimeSeconds,
    version: TokenVersion = '2.0',
  ): Promise<string> {
    const now = Math.floor(this.options.now().getTime() / 1000);
    // v1.0 headers carry the legacy x5t beside kid (the same thumbprint in Entra's tokens).
    const header = version === '1.0' ? { x5t: this.key.kid } : {};
    return new SignJWT({ uti: randomUUID().replace(/-/g, ''), ...claims, ver: version })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid, ...header })
      .setIssuer(version === '1.0' ? v1Issuer(claims.tid) : this.issuer(claims.tid))
      .setIssuedAt(now)
      .setNotBefore(now - 60)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(this.key.privateKey);
  }

  /** Verifies a token this issuer signed for `tenantId`, v1.0 or v2.0 (any audience unless given). */
  async verify(token: string, tenantId: string, audience?: string | string[]): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.key.publicKey, {
      issuer: [this.issuer(tenantId), v1Issuer(tenantId)],
      algorithms: ['RS256'],
      ...(audience ? { audience } : {}),
      currentDate: this.options.now(),
    });
    if (payload['tid'] !== tenantId) throw new Error('tid does not match the issuer');
    return payload;
  }

  /** The caller of a Graph request: app id and, for delegated tokens, the user. */
  async verifyGraphToken(
    authorization: string | undefined,
  ): Promise<{ appId: string; userId: string | null; roles: string[]; scopes: string[] }> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new Error('Access token is empty.');
    const payload = await this.verify(token, this.options.tenantId, [graphAudience, graphAppId]);
    const roles = Array.isArray(payload['roles']) ? (payload['roles'] as string[]) : [];
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    const isDelegated = scopes.length > 0;
    return {
      appId: String(payload['azp'] ?? payload['appid'] ?? ''),
      userId: isDelegated ? String(payload['oid']) : null,
      roles,
      scopes,
    };
  }

  router(): Router {
    const r = express.Router();
    r.get('/:tid/v2.0/.well-known/openid-configuration', (req, res) => this.metadata(req, res));
    r.get('/:tid/discovery/v2.0/keys', (req, res) => {
      if (!this.knownTenant(req.params.tid)) return void res.status(400).json(unknownTenantBody(req.params.tid));
      res.json({ keys: [this.key.publicJwk] });
    });
    r.post('/:tid/oauth2/v2.0/token', express.urlencoded({ extended: false, limit: '64kb' }), (req, res) => {
      this.token(req).then(
        (body) => res.json(body),
        (err: unknown) => {
          const { status, body } = oauthErrorBody(err);
          res.status(status).json(body);
        },
      );
    });
    return r;
  }

  private metadata(req: Request, res: Response): void {
    const tid = String(req.params.tid);
    if (!this.knownTenant(tid)) return void res.status(400).json(unknownTenantBody(tid));
    // Over https (for MSAL) the endpoints point at the https origin; the issuer stays the one tokens carry.
    res.json(openIdMetadata(`${req.protocol}://${req.get('host')}`, tid, this.issuer(tid)));
  }

  private authenticateClient(req: Request, form: TokenForm): string {
    let clientId = form.client_id;
    let secret = form.client_secret;
    const basic = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (basic) {
      const [id, s] = Buffer.from(basic, 'base64').toString('utf8').split(':');
      clientId = decodeURIComponent(id ?? '');
      secret = decodeURIComponent(s ?? '');
    }
    const expected = this.options.clients[clientId];
    if (expected === undefined)
      throw new OAuthError(
        400,
        'unauthorized_client',
        'AADSTS700016',
        `Application with identifier '${clientId}' was not found in the directory.`,
      );
    if (secret !== expected)
      throw new OAuthError(401, 'invalid_client', 'AADSTS7000215', 'Invalid client secret provided.');
    return clientId;
  }

  /** `{resource}/.default` or `api://host/{clientId}/access_as_user` -> the audience, resource and scopes asked for. */
  private resolveScope(scope: string): { audience: string; resource: string; scopes: string[]; ourApi: boolean } {
    const parts = scope.split(/\s+/).filter((s) => s && !['openid', 'profile', 'offline_access', 'email'].includes(s));
    if (parts.length === 0) throw invalidScope('The provided value for scope is not valid.');
    const first = parts[0]!;
    const resource = first.endsWith('/.default') ? first.slice(0, -'/.default'.length) : first.replace(/\/[^/]+$/, '');
    if (resource === graphAudience || resource === graphAppId || resource === `${graphAudience}/`)
      return { audience: graphAudience, resource, scopes: parts, ourApi: false };
    // Bots call the Bot Connector service with tokens for this audience.
    if (resource === 'https://api.botframework.com')
      return { audience: resource, resource, scopes: parts, ourApi: false };
    const appId = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(resource)?.[1];
    if (appId && this.options.clients[appId] !== undefined)
      return { audience: appId, resource, scopes: parts, ourApi: true };
    throw new OAuthError(
      400,
      'invalid_resource',
      'AADSTS500011',
      `The resource principal named ${resource} was not found in the tenant.`,
    );
  }

  /** A token for one of our registrations, in the version the app registration asks for. */
  private apiTokenRequest(
    apiClientId: string,
    requestedResource: string,
    clientId: string,
    clientAuthentication: ApiTokenRequest['clientAuthentication'],
  ): ApiTokenRequest {
    const version = tokenVersionOf(this.options.registration.get().accessTokenAcceptedVersion);
    return { version, apiClientId, requestedResource, clientId, clientAuthentication };
  }

  private subjectOf(u: DirectoryUser): TokenSubject {
    return {
      oid: u.id,
      name: u.displayName,
      userPrincipalName: u.userPrincipalName,
      givenName: u.givenName,
      surname: u.surname,
      roles: u.roles,
    };
  }

  /** Graph's delegated tokens keep the claims the dev tenant always gave them. */
  private graphUserClaims(who: TokenSubject): Record<string, unknown> {
    return {
      oid: who.oid,
      sub: who.oid,
      preferred_username: who.userPrincipalName,
      upn: who.userPrincipalName,
      name: who.name,
      ...(who.givenName !== undefined ? { given_name: who.givenName } : {}),
      ...(who.surname !== undefined ? { family_name: who.surname } : {}),
      roles: who.roles,
    };
  }

  private async token(req: Request): Promise<Record<string, unknown>> {
    const tid = String(req.params.tid);
    if (!this.knownTenant(tid)) throw invalidTenant(tid);
    const parsed = TokenRequest.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalidRequest(
        'AADSTS900144',
        `The request body must contain the parameter '${issue.path.join('.')}' with a valid value.`,
      );
    }
    const form = parsed.data;
    switch (form.grant_type) {
      case 'client_credentials':
        return this.clientCredentialsToken(req, form, tid);
      case 'password':
        return this.passwordToken(form, tid);
      case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
        return this.onBehalfOfToken(req, form, tid);
      default:
        throw new OAuthError(
          400,
          'unsupported_grant_type',
          'AADSTS70003',
          `The app requested an unsupported grant type '${form.grant_type}'.`,
        );
    }
  }

  private async tokenResponse(tid: string, claims: Record<string, unknown>, scope: string, version?: TokenVersion) {
    return {
      token_type: 'Bearer',
      scope,
      expires_in: tokenLifetimeSeconds - 1,
      ext_expires_in: tokenLifetimeSeconds - 1,
      access_token: await this.sign({ ...claims, tid } as JWTPayload & { tid: string }, tokenLifetimeSeconds, version),
    };
  }

  /**
   * A token for a person carries `client_info` (base64url of `{"uid","utid"}`) when the
   * client asks with `client_info=1`, as Entra answers; MSAL keys its cache by it, so a
   * person's token never stands in for the app's own.
   * https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration (client_info)
   */
  private async userTokenResponse(
    form: TokenForm,
    tid: string,
    claims: Record<string, unknown>,
    scope: string,
    version?: TokenVersion,
  ) {
    const response = await this.tokenResponse(tid, claims, scope, version);
    if (form.client_info !== '1') return response;
    const clientInfo = Buffer.from(JSON.stringify({ uid: String(claims['oid'] ?? ''), utid: tid })).toString(
      'base64url',
    );
    return { ...response, client_info: clientInfo };
  }

  private clientCredentialsToken(req: Request, form: TokenForm, tid: string) {
    const clientId = this.authenticateClient(req, form);
    const { audience, resource, ourApi } = this.resolveScope(form.scope);
    if (!form.scope.trim().endsWith('/.default'))
      throw invalidScope(
        'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
      );
    if (ourApi) {
      const request = this.apiTokenRequest(audience, resource, clientId, '1');
      return this.tokenResponse(tid, appOnlyApiClaims(request), form.scope, request.version);
    }
    const roles = audience === graphAudience ? this.options.registration.get().applicationPermissions : [];
    const claims = { aud: audience, azp: clientId, appid: clientId, azpacr: '1', idtyp: 'app', oid: clientId };
    return this.tokenResponse(tid, { ...claims, sub: clientId, roles }, form.scope);
  }

  /** Graph gets the consented delegated permissions; our own API its one scope. */
  private delegatedScopes(audience: string): string {
    return audience === graphAudience
      ? this.options.registration.get().delegatedPermissions.join(' ')
      : 'access_as_user';
  }

  /** Demo users of our tenant, and the one person of the foreign tenant. */
  private passwordToken(form: TokenForm, tid: string) {
    if (form.password !== demoPassword)
      throw invalidGrant('AADSTS50126', 'Error validating credentials due to invalid username or password.');
    const { audience, resource, scopes, ourApi } = this.resolveScope(form.scope);
    const user = tid === this.options.tenantId ? this.options.store.findUser(form.username ?? '') : null;
    const who: TokenSubject | null = user
      ? this.subjectOf(user)
      : tid === this.options.foreignTenantId && form.username?.toLowerCase() === foreignUser.upn
        ? { oid: foreignUser.oid, name: foreignUser.name, userPrincipalName: foreignUser.upn, roles: foreignUser.roles }
        : null;
    if (!who)
      throw invalidGrant(
        'AADSTS50034',
        `The user account ${form.username ?? ''} does not exist in the ${tid} directory.`,
      );
    const scp = this.delegatedScopes(audience);
    if (ourApi) {
      const request = this.apiTokenRequest(audience, resource, form.client_id, '0');
      return this.userTokenResponse(
        form,
        tid,
        delegatedApiClaims(request, who, scp),
        scopes.join(' '),
        request.version,
      );
    }
    return this.userTokenResponse(
      form,
      tid,
      { ...this.graphUserClaims(who), aud: audience, azp: form.client_id, azpacr: '0', scp },
      scopes.join(' '),
    );
  }

  /** The user's identity claims carry over from the assertion; audience, scopes and times are new. */
  private async onBehalfOfToken(req: Request, form: TokenForm, tid: string) {
    const clientId = this.authenticateClient(req, form);
    if (!form.assertion || form.requested_token_use !== 'on_behalf_of')
      throw invalidRequest(
        'AADSTS50027',
        'The on-behalf-of request needs an assertion and requested_token_use=on_behalf_of.',
      );
    let user: JWTPayload;
    try {
      user = await this.verify(form.assertion, tid);
      // A v1.0 assertion names the API by the resource asked for: its client id or an App ID URI ending in it.
      const aud = String(user.aud ?? '');
      if (aud !== clientId && !(aud.startsWith('api://') && aud.endsWith(`/${clientId}`)))
        throw new Error('the assertion is for another audience');
    } catch {
      throw invalidGrant(
        'AADSTS50013',
        'Assertion failed signature validation, has expired, or was issued for another audience or tenant.',
      );
    }
    const { audience, scopes } = this.resolveScope(form.scope);
    const {
      aud: _aud,
      iss: _iss,
      iat: _iat,
      nbf: _nbf,
      exp: _exp,
      scp: _scp,
      azp: _azp,
      uti: _uti,
      ver: _ver,
      appidacr: _appidacr,
      ...identity
    } = user;
    const claims = {
      ...identity,
      aud: audience,
      azp: clientId,
      appid: clientId,
      azpacr: '1',
      scp: this.delegatedScopes(audience),
    };
    return this.userTokenResponse(form, tid, claims, scopes.join(' '));
  }
}
