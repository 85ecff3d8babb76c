// The Bot Framework channel service as a bot sees it: the issuer of the tokens
// that come with each activity (its own OpenID metadata and keys, apart from
// the tenant's), a token endpoint only the channel's own client may call (tests
// and benchmarks act as Teams through it), and the Bot Connector endpoint the
// bot sends its replies and proactive messages to (kept in memory, to be read
// back by the Teams simulation).
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { OAuthError, oauthErrorBody } from './identity/oauthErrors.js';
import { loadOrCreateKey, type SigningKey } from './identity/signingKey.js';

/** The channel service's own client: what stands in for Teams when it calls a bot. */
export const channelClient = { id: 'dev-botframework-channel', secret: 'dev-botframework-channel-secret' } as const;

export const channelPath = '/botframework';
/** Where the Bot Connector answers (an activity's `serviceUrl` in the dev tenant). */
export const connectorPath = `${channelPath}/connector/`;

export interface ChannelOptions {
  dataDir: string;
  /** Bots registered with the channel (their Microsoft App IDs): the only audiences it issues tokens for. */
  botIds: readonly string[];
  /** Checks the bot's own token on Connector calls (audience https://api.botframework.com). */
  verifyBotToken: (token: string) => Promise<unknown>;
  now: () => Date;
}

const ChannelTokenRequest = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  audience: z.string().min(1),
  service_url: z.url(),
});

/** What the bot sent to a conversation through the Connector. */
export interface SentActivity {
  id: string;
  conversationId: string;
  replyToId: string | null;
  activity: Record<string, unknown>;
}

export class BotFrameworkChannel {
  private readonly sent: SentActivity[] = [];

  private constructor(
    private readonly options: ChannelOptions,
    private readonly key: SigningKey,
  ) {}

  static async create(options: ChannelOptions): Promise<BotFrameworkChannel> {
    return new BotFrameworkChannel(options, await loadOrCreateKey(options.dataDir, 'channel-signing-key.json'));
  }

  /** Set once the https listener knows its port, like the tenant issuer. */
  issuerBase = '';

  get issuer(): string {
    return `${this.issuerBase}${channelPath}`;
  }

  /** The claims Microsoft publishes for channel-to-bot tokens, plus `serviceurl`, which the bot compares with the activity's. */
  async channelToken(botId: string, serviceUrl: string, lifetimeSeconds = 3600): Promise<string> {
    const now = Math.floor(this.options.now().getTime() / 1000);
    return new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid, x5t: this.key.kid })
      .setIssuer(this.issuer)
      .setAudience(botId)
      .setNotBefore(now - 300)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(this.key.privateKey);
  }

  router(): Router {
    const r = express.Router();
    r.get(`${channelPath}/v1/.well-known/openidconfiguration`, (req, res) => {
      const origin = `${req.protocol}://${req.get('host')}`;
      res.json({
        issuer: this.issuer,
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: `${origin}${channelPath}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    });
    // Keys carry endorsements: the channels each key may speak for.
    const keys = (_req: Request, res: Response) =>
      res.json({ keys: [{ ...this.key.publicJwk, endorsements: ['msteams'] }] });
    r.get(`${channelPath}/v1/.well-known/keys`, keys);
    // Where the Agents SDK looks for the keys of an issuer other than api.botframework.com: {authority}/discovery/v2.0/keys.
    r.get(`${channelPath}/discovery/v2.0/keys`, keys);
    r.post(`${channelPath}/v1/token`, express.urlencoded({ extended: false, limit: '16kb' }), (req, res) =>
      this.issue(req).then(
        (body) => res.json(body),
        (err: unknown) => {
          const { status, body } = oauthErrorBody(err);
          res.status(status).json(body);
        },
      ),
    );
    r.post(`${connectorPath}v3/conversations/:conversationId/activities{/:activityId}`, express.json(), (req, res) =>
      this.receive(req, res),
    );
    r.get(`${channelPath}/conversations/:conversationId/activities`, (req, res) =>
      res.json({ value: this.sent.filter((s) => s.conversationId === req.params.conversationId) }),
    );
    return r;
  }

  private async issue(req: Request): Promise<Record<string, unknown>> {
    const form = ChannelTokenRequest.safeParse(req.body);
    if (!form.success) {
      const field = form.error.issues[0]!.path.join('.');
      throw new OAuthError(400, 'invalid_request', 'AADSTS900144', `The request must contain a valid '${field}'.`);
    }
    const { client_id, client_secret, audience, service_url } = form.data;
    if (client_id !== channelClient.id || client_secret !== channelClient.secret)
      throw new OAuthError(401, 'invalid_client', 'AADSTS7000215', 'Only the channel service gets channel tokens.');
    if (!this.options.botIds.includes(audience))
      throw new OAuthError(400, 'invalid_resource', 'AADSTS500011', `No bot ${audience} is registered.`);
    return {
      token_type: 'Bearer',
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: await this.channelToken(audience, service_url),
    };
  }

  /** The Connector's send-to-conversation and reply-to-activity: the bot authenticates, the activity is kept. */
  private async receive(req: Request, res: Response): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    try {
      if (!token) throw new Error('no token');
      await this.options.verifyBotToken(token);
    } catch {
      return void res.status(401).json({ error: { code: 'Unauthorized', message: 'The bot token is not valid.' } });
    }
    const activity = z.record(z.string(), z.unknown()).safeParse(req.body);
    if (!activity.success)
      return void res.status(400).json({ error: { code: 'BadArgument', message: 'The activity is not an object.' } });
    const id = randomUUID();
    this.sent.push({
      id,
      conversationId: String(req.params.conversationId),
      replyToId: req.params.activityId ? String(req.params.activityId) : null,
      activity: { ...activity.data, id },
    });
    res.status(201).json({ id });
  }
}
