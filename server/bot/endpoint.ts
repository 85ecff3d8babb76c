// POST /api/messages: the token first (the Agents SDK's JWT middleware, then
// our channel-only checks, both on headers alone), then the body (512 KB at
// most), its serviceUrl against the token's and its tenant, then the handlers.
import {
  CloudAdapter,
  ConnectorClient,
  UserTokenClient,
  authorizeJWT,
  type AgentApplication,
  type AuthConfiguration,
  type AuthProvider,
  type TurnState,
  type WebResponse,
} from '@microsoft/agents-hosting';
import type { Activity } from '@microsoft/agents-activity';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { createTokenSource, type TokenSource } from '../auth/tokens.js';
import { useLeanActivityParsing } from './activityParsing.js';
import type { Config } from '../config.js';
import {
  botAuthConfiguration,
  rememberVerifiedTokens,
  requireChannelToken,
  requireOurActivity,
} from './channelAuth.js';

export { activityTenant, botAuthConfiguration } from './channelAuth.js';

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

/**
 * The response the adapter writes its answer to. Express's `send` would also hash every answer
 * for an ETag, which nothing revalidates on a POST; this writes the JSON with its length, as
 * `send` does otherwise (same content type, same status), straight to Node's response.
 */
export function invokeResponseWriter(res: Response): WebResponse {
  const writer: WebResponse = {
    status: (code) => ((res.statusCode = code), writer),
    setHeader: (name, value) => (res.setHeader(name, value), writer),
    send: (body) => {
      if (body === undefined || body === null) return writer;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      if (!res.hasHeader('content-type') || res.getHeader('content-type') === 'application/json')
        res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(text));
      res.end(text);
      return writer;
    },
    end: () => (res.writableEnded || res.end(), writer),
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
  };
  return writer;
}

/** What the rest of the app gets from the bot's endpoint: the adapter, for proactive messages. */
export interface MountedBot {
  adapter: CloudAdapter;
}

export function mountBot(
  app: express.Express,
  deps: { config: Config; agent: AgentApplication<TurnState>; log: Logger },
): MountedBot {
  useLeanActivityParsing();
  const authConfig = botAuthConfiguration(deps.config);
  const adapter = new TenantCloudAdapter(
    authConfig,
    createTokenSource(deps.config, { clientId: deps.config.bot.id, clientSecret: deps.config.bot.password }),
  );
  const channelRules = {
    issuer: deps.config.botChannel.issuer,
    ownAppIds: [deps.config.identity.clientId, deps.config.bot.id],
  };
  app.post(
    '/api/messages',
    rememberVerifiedTokens(authorizeJWT(authConfig), { now: Date.now }),
    requireChannelToken(channelRules, deps.log),
    express.json({ limit: '512kb' }),
    requireOurActivity(deps.config.tenantId, deps.log),
    async (req: Request, res: Response) => {
      try {
        await adapter.process(req, invokeResponseWriter(res), (context) => deps.agent.run(context));
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
  return { adapter };
}
