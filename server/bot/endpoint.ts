// POST /api/messages: the Agents SDK authenticates every activity (its JWT
// middleware, configured here, never hand-rolled), then we refuse activities
// from other tenants before any handler runs.
import {
  CloudAdapter,
  ConnectorClient,
  UserTokenClient,
  authorizeJWT,
  getAuthConfigWithDefaults,
  type AgentApplication,
  type AuthConfiguration,
  type AuthProvider,
  type TurnState,
} from '@microsoft/agents-hosting';
import type { Activity } from '@microsoft/agents-activity';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { createTokenSource, type TokenSource } from '../auth/tokens.js';
import type { Config } from '../config.js';

/** The SDK's auth settings from our config: the tenant's issuer is the only one trusted besides Microsoft's own. */
export function botAuthConfiguration(config: Config): AuthConfiguration {
  return getAuthConfigWithDefaults({
    clientId: config.bot.id,
    tenantId: config.bot.tenantId,
    ...(config.bot.password ? { clientSecret: config.bot.password } : {}),
    issuers: [config.identity.issuer],
    validateIssuer: true,
    // The embedded dev tenant publishes its signing keys like Entra ID does, at {authority}/{tenant}/discovery/v2.0/keys.
    ...(config.devTenant ? { authorityEndpoint: config.devTenant.url } : {}),
  });
}

export const botConnectorScope = 'https://api.botframework.com/.default';

/** The SDK's token-provider interface over our MSAL client; the bot only needs app tokens. */
function authProviderFrom(tokens: TokenSource): AuthProvider {
  const unsupported = async (): Promise<string> => {
    throw new Error('agentic and on-behalf-of bot tokens are not used by Reciprocal');
  };
  return {
    getAccessToken: (authConfigOrScope: AuthConfiguration | string, scope?: string) =>
      tokens.appToken(typeof authConfigOrScope === 'string' ? authConfigOrScope : (scope ?? botConnectorScope)),
    getAgenticApplicationToken: unsupported,
    getAgenticInstanceToken: unsupported,
    getAgenticUserToken: unsupported,
    acquireTokenOnBehalfOf: unsupported,
  } as AuthProvider;
}

/**
 * The SDK's adapter, with outbound tokens (Bot Connector, user token service)
 * from our MSAL client. The SDK's own MSAL cannot be given a network client,
 * and our identity settings (authority, trusted certificate) live in ours.
 */
class TenantCloudAdapter extends CloudAdapter {
  private readonly outbound: AuthProvider;

  constructor(authConfig: AuthConfiguration, tokens: TokenSource) {
    super(authConfig);
    this.outbound = authProviderFrom(tokens);
  }

  protected override async createConnectorClientWithIdentity(
    _identity: unknown,
    activity: Activity,
    headers?: Parameters<CloudAdapter['createConnectorClientWithIdentity']>[2],
  ): Promise<ConnectorClient> {
    return ConnectorClient.createClientWithToken(
      activity.serviceUrl ?? '',
      await this.outbound.getAccessToken(botConnectorScope),
      headers,
    );
  }

  protected override async createUserTokenClient(
    _identity: unknown,
    tokenServiceEndpoint?: string,
    scope = 'https://api.botframework.com',
    _audience?: string,
    headers?: Parameters<CloudAdapter['createUserTokenClient']>[4],
  ): Promise<UserTokenClient> {
    return UserTokenClient.createClientWithScope(
      tokenServiceEndpoint ?? 'https://api.botframework.com',
      this.outbound,
      scope,
      headers,
    );
  }
}

/** Activities carry their tenant in channelData (Teams) or on the conversation. */
export function activityTenant(body: unknown): string | null {
  const b = body as { channelData?: { tenant?: { id?: unknown } }; conversation?: { tenantId?: unknown } } | null;
  const id = b?.channelData?.tenant?.id ?? b?.conversation?.tenantId;
  return typeof id === 'string' ? id : null;
}

export function mountBot(
  app: express.Express,
  deps: { config: Config; agent: AgentApplication<TurnState>; log: Logger },
): void {
  const authConfig = botAuthConfiguration(deps.config);
  const adapter = new TenantCloudAdapter(
    authConfig,
    createTokenSource(deps.config, { clientId: deps.config.bot.id, clientSecret: deps.config.bot.password }),
  );
  const tenantGuard = (req: Request, res: Response, next: NextFunction) => {
    const tenant = activityTenant(req.body);
    if (tenant !== null && tenant !== deps.config.tenantId) {
      deps.log.warn({ bot: { refused: 'foreign tenant' } }, 'activity refused');
      return void res.status(403).json({ error: { code: 'forbidden', message: 'this bot serves one tenant only' } });
    }
    next();
  };
  app.post(
    '/api/messages',
    express.json({ limit: '512kb' }),
    authorizeJWT(authConfig),
    tenantGuard,
    async (req: Request, res: Response) => {
      try {
        await adapter.process(req, res, (context) => deps.agent.run(context));
      } catch (err) {
        deps.log.error({ bot: { error: err instanceof Error ? err.message : String(err) } }, 'activity failed');
        if (!res.headersSent)
          res.status(400).json({ error: { code: 'invalid_request', message: 'the activity could not be processed' } });
      }
    },
  );
  app.use('/api/messages', (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(400).json({
      error: {
        code: 'invalid_request',
        message:
          (err as { type?: string })?.type === 'entity.parse.failed'
            ? 'the activity is not valid JSON'
            : 'the activity could not be read',
      },
    });
  });
}
